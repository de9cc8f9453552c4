"""Submit the chosen candidates to an online judge, best rank first, until one is accepted.

Stages, each a function: load the candidates `solve` wrote -> plan (language per judge, skip
what earlier runs already sent) -> send one, wait for its verdict, record it -> next. The judge
itself sits behind `Judge` (solver/submit/judges/); every send is appended to a JSONL record so
that a later run never sends the same program to the same problem twice.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sandbox.jobs import language_of
from solver.reporting import candidate_filename
from solver.submit.judges import (
    Judge,
    JudgeBlockedError,
    JudgeError,
    JudgeLanguage,
    JudgeVerdict,
    choose_language,
)

RECORDS_FILENAME = "submissions.jsonl"


class SubmitInputError(Exception):
    """The candidates are missing or malformed; the message is one line naming the file."""


@dataclass(frozen=True)
class CandidateFile:
    """One ranked program as `solve` left it on disk."""

    rank: int
    language: str  # "python3" | "pypy3" | "cpp17" | "java"
    source: str
    file: Path


@dataclass
class SubmitOptions:
    max_submissions: int = 10
    min_interval_s: float = 10.0  # between two sends to one judge, across runs too
    poll_interval_s: float = 2.0
    poll_timeout_s: float = 300.0
    dry_run: bool = False
    records_path: Path | None = None  # default: <candidates folder>/submissions.jsonl
    language_ids: dict[str, str] = field(default_factory=dict)  # "python3" -> a judge's id


@dataclass
class Submission:
    """What would be (or was) sent for one candidate, or why it is skipped."""

    candidate: CandidateFile
    judge: str
    problem_url: str
    source_sha256: str
    language: JudgeLanguage | None
    skip_reason: str | None = None


@dataclass
class SubmissionRecord:
    """One line of the JSONL record: a program that was sent, and what the judge said."""

    time: str  # ISO 8601, UTC
    judge: str
    problem: str  # the problem URL
    rank: int
    source_sha256: str
    language: str  # ours: one of sandbox.jobs.LANGUAGES
    language_id: str  # the judge's
    language_name: str
    submission_id: str
    verdict: str  # the judge's words, "unknown: ..." when it could not be read
    accepted: bool
    file: str


@dataclass
class SubmitOutcome:
    # "accepted" | "rejected" (all sent, none accepted) | "unknown" (a verdict could not be read)
    # | "already-accepted" | "nothing-to-submit" | "dry-run" | "blocked" | "error"
    status: str
    plan: list[Submission] = field(default_factory=list)
    records: list[SubmissionRecord] = field(default_factory=list)  # sent in this run
    message: str = ""


# --- candidates -------------------------------------------------------------------------------


def load_candidates(folder: Path | None = None, from_json: Path | None = None
                    ) -> tuple[list[CandidateFile], Path]:
    """The candidates in rank order, and the folder their files live in.

    From a folder `solve` wrote (result.json, else rankNN.* files), or from `solve --json`
    output; with --from-json the files go beside the JSON file unless they already exist.
    """
    if from_json is not None:
        return _candidates_from_json(from_json, from_json.parent), from_json.parent
    if folder is None:
        raise SubmitInputError("give a candidates folder or --from-json FILE")
    if not folder.is_dir():
        raise SubmitInputError(f"{folder}: no such folder")
    if (folder / "result.json").is_file():
        return _candidates_from_json(folder / "result.json", folder), folder
    candidates = []
    for path in sorted(folder.glob("rank[0-9][0-9].*")):
        if language_of(path.name) is not None:
            source = _read(path)  # a .py file's first line may say it is for PyPy
            candidates.append(CandidateFile(int(path.stem[4:]), language_of(path.name, source),
                                            source, path))
    if not candidates:
        raise SubmitInputError(f"{folder}: no result.json and no rankNN.py/.cpp/.java files")
    return candidates, folder


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SubmitInputError(f"{path}: cannot read: {error}") from error


def _candidates_from_json(path: Path, folder: Path) -> list[CandidateFile]:
    try:
        entries = json.loads(_read(path))["candidates"]
        candidates = [_candidate_from_entry(entry, folder) for entry in entries]
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise SubmitInputError(f"{path}: not a cpsolve result ({error})") from error
    if not candidates:
        raise SubmitInputError(f"{path}: no candidates in it")
    return sorted(candidates, key=lambda candidate: candidate.rank)


def _candidate_from_entry(entry: dict, folder: Path) -> CandidateFile:
    rank, language = int(entry["rank"]), str(entry["language"])
    file = Path(entry.get("file") or folder / candidate_filename(rank, language))
    # The file wins over the JSON copy: it is what the user sees (and may have fixed by hand).
    source = _read(file) if file.is_file() else str(entry["source"])
    return CandidateFile(rank=rank, language=language, source=source, file=file)


def ensure_candidate_files(candidates: list[CandidateFile], folder: Path) -> list[Path]:
    """Make sure every candidate's program is on disk, writing the missing ones; their paths.

    Used before giving up on a judge: whatever happens, the programs are kept.
    """
    paths = []
    for candidate in candidates:
        path = candidate.file
        if not path.is_file():
            path = folder / candidate_filename(candidate.rank, candidate.language)
            if not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(candidate.source, encoding="utf-8")
        paths.append(path)
    return paths


def source_sha256(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


# --- records ----------------------------------------------------------------------------------


def read_records(path: Path) -> list[SubmissionRecord]:
    if not path.is_file():
        return []
    records = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(SubmissionRecord(**json.loads(line)))
        except (json.JSONDecodeError, TypeError) as error:
            raise SubmitInputError(f"{path} line {number}: not a submission record") from error
    return records


def append_record(path: Path, record: SubmissionRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(record)) + "\n")


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# --- planning ---------------------------------------------------------------------------------


def plan_submissions(candidates: list[CandidateFile], judge: Judge, problem_url: str,
                     records: list[SubmissionRecord], options: SubmitOptions,
                     languages: list[JudgeLanguage] | None) -> list[Submission]:
    """Every candidate in rank order with its judge language, or why it will not be sent.

    languages None: the judge's list could not be read (a dry run goes on without it).
    """
    sent_before = {r.source_sha256: r for r in records if r.problem == problem_url}
    plan = []
    for candidate in sorted(candidates, key=lambda c: c.rank):
        digest = source_sha256(candidate.source)
        language = _judge_language(candidate.language, languages or [], options.language_ids)
        skip = None
        if digest in sent_before:
            earlier = sent_before[digest]
            skip = (f"already sent on {earlier.time} as submission {earlier.submission_id} "
                    f"({earlier.verdict})")
        elif language is None and languages is not None:
            skip = f"{judge.name} offers no language for {candidate.language}"
        plan.append(Submission(candidate, judge.name, problem_url, digest, language, skip))
    return plan


def _judge_language(language: str, available: list[JudgeLanguage],
                    overrides: dict[str, str]) -> JudgeLanguage | None:
    if language in overrides:
        wanted = overrides[language]
        named = [entry for entry in available if entry.id == wanted]
        return named[0] if named else JudgeLanguage(id=wanted, name=f"id {wanted} (given)")
    return choose_language(available, language)


# --- sending ----------------------------------------------------------------------------------


class RateLimiter:
    """At least min_interval_s between two sends; the first waits on the last recorded one."""

    def __init__(self, min_interval_s: float, last_sent: float | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_interval_s = min_interval_s
        self.last_sent = last_sent
        self.clock = clock
        self.sleep = sleep

    def wait(self) -> float:
        """Sleep until the next send is allowed; return how long it slept."""
        if self.last_sent is None:
            return 0.0
        delay = self.last_sent + self.min_interval_s - self.clock()
        if delay > 0:
            self.sleep(delay)
            return delay
        return 0.0

    def sent(self) -> None:
        self.last_sent = self.clock()


def last_send_time(records: list[SubmissionRecord], judge: str) -> float | None:
    times = [datetime.fromisoformat(r.time).timestamp() for r in records if r.judge == judge]
    return max(times, default=None)


def wait_for_verdict(judge: Judge, submission_id: str, options: SubmitOptions,
                     clock: Callable[[], float] = time.monotonic,
                     sleep: Callable[[float], None] = time.sleep) -> JudgeVerdict:
    """Poll until the verdict is final or the timeout passes (then the last, non-final one)."""
    deadline = clock() + options.poll_timeout_s
    while True:
        verdict = judge.poll(submission_id)
        if verdict.final or clock() >= deadline:
            return verdict
        sleep(options.poll_interval_s)


def submit_candidates(candidates: list[CandidateFile], judge: Judge, problem_url: str,
                      options: SubmitOptions, records_path: Path,
                      report: Callable[[str], None] = lambda line: None,
                      limiter: RateLimiter | None = None) -> SubmitOutcome:
    """The loop: send rank 1, wait for its verdict, stop on Accepted, else the next one.

    At most options.max_submissions sends; programs already sent to this problem (same source
    hash in the record) are skipped. A judge that blocks robots ends the loop as "blocked".
    """
    records = read_records(records_path)
    solved = [r for r in records if r.problem == problem_url and r.accepted]
    if solved and not options.dry_run:
        first = solved[0]
        return SubmitOutcome("already-accepted", message=(
            f"already accepted: rank {first.rank} as submission {first.submission_id} "
            f"on {first.time}; nothing sent"))
    try:
        languages = judge.languages(problem_url)
    except JudgeError as error:
        if not options.dry_run:
            return _failed(error)
        report(f"language list unavailable ({error}); showing the plan without language ids")
        languages = None
    plan = plan_submissions(candidates, judge, problem_url, records, options, languages)
    if options.dry_run:
        return SubmitOutcome("dry-run", plan=plan)
    if all(step.skip_reason for step in plan):
        for step in plan:
            report(f"rank {step.candidate.rank}: skipped, {step.skip_reason}")
        return SubmitOutcome("nothing-to-submit", plan=plan, message="nothing left to send")

    limiter = limiter or RateLimiter(options.min_interval_s, last_send_time(records, judge.name))
    outcome = SubmitOutcome("rejected", plan=plan)
    try:
        if not judge.is_logged_in():
            raise JudgeBlockedError(f"not logged in to {judge.name} (log in with --login)")
        for step in plan:
            if step.skip_reason:
                report(f"rank {step.candidate.rank}: skipped, {step.skip_reason}")
                continue
            if len(outcome.records) >= options.max_submissions:
                report(f"stopping after {options.max_submissions} submissions "
                       "(--max-submissions)")
                break
            record = _send_one(step, judge, options, limiter, records_path, report)
            outcome.records.append(record)
            if record.accepted:
                outcome.status = "accepted"
                return outcome
            if record.verdict.startswith("unknown"):
                # Without a verdict, sending the next one could be wasted (or penalised).
                outcome.status = "unknown"
                outcome.message = f"verdict unknown for rank {record.rank}: {record.verdict}"
                return outcome
    except JudgeError as error:
        failed = _failed(error)
        failed.plan, failed.records = plan, outcome.records
        return failed
    return outcome


def _failed(error: JudgeError) -> SubmitOutcome:
    status = "blocked" if isinstance(error, JudgeBlockedError) else "error"
    return SubmitOutcome(status, message=str(error))


def _send_one(step: Submission, judge: Judge, options: SubmitOptions, limiter: RateLimiter,
              records_path: Path, report: Callable[[str], None]) -> SubmissionRecord:
    assert step.language is not None  # the plan skips candidates without one
    candidate = step.candidate
    waited = limiter.wait()
    if waited > 0.5:
        report(f"waited {waited:.1f}s between submissions (--min-interval)")
    submission_id = judge.submit(step.problem_url, step.language, candidate.source)
    limiter.sent()
    sent_at = _now_iso()
    report(f"rank {candidate.rank}: sent {candidate.file.name} as {step.language.name} "
           f"(submission {submission_id}), waiting for the verdict")
    try:
        verdict = wait_for_verdict(judge, submission_id, options)
        text = verdict.raw if verdict.final else f"unknown: still {verdict.raw} after timeout"
    except JudgeError as error:
        # Sent but unreadable (VerdictUnavailableError, or the network went): still recorded below.
        verdict, text = None, f"unknown: {error}"
    record = SubmissionRecord(
        time=sent_at, judge=judge.name, problem=step.problem_url, rank=candidate.rank,
        source_sha256=step.source_sha256, language=candidate.language,
        language_id=step.language.id, language_name=step.language.name,
        submission_id=submission_id, verdict=text,
        accepted=bool(verdict and verdict.accepted), file=str(candidate.file),
    )
    # Written at once: a crash or Ctrl-C later must not lose what was sent.
    append_record(records_path, record)
    report(f"rank {candidate.rank}: {text}")
    return record
