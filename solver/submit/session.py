"""One submission run as `submit` and `solve --submit` start it: the candidates a solve wrote,
a judge opened from the URL with the user's cookie jar, an optional login, then the ranked loop
(loop.py). No screen here: the caller renders the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from solver.submit.judges import JudgeError, cookie_session, open_judge
from solver.submit.loop import (
    RECORDS_FILENAME,
    CandidateFile,
    SubmitInputError,
    SubmitOptions,
    SubmitOutcome,
    load_candidates,
    submit_candidates,
)


@dataclass
class SubmitRun:
    """What a run did, with what the caller needs to tell the user where things are."""

    outcome: SubmitOutcome
    problem_url: str
    judge_name: str
    candidates: list[CandidateFile]
    folder: Path  # where the candidate files are (or are to be written by the fallback)
    records_path: Path  # the JSONL record of submissions


def submit_to_judge(
    problem_url: str,
    candidates_dir: Path | None,
    options: SubmitOptions,
    *,
    from_json: Path | None = None,
    judge_kind: str = "auto",
    cookie_path: Path | None = None,
    credentials: Callable[[], tuple[str, str]] | None = None,
    report: Callable[[str], None] | None = None,
) -> SubmitRun:
    """Submit the candidates in candidates_dir (or from_json) to problem_url, best first.

    judge_kind: "auto" (online-judge-api-client finds the judge from the URL) or "local".
    cookie_path: the cookie jar (None: online-judge-tools' own, the one `oj login` fills).
    credentials: asked for (user name, password) to log in first; None: no login. A failed
        login is a "blocked" outcome, like a judge that blocks robots.
    report(line): progress lines (sent, verdicts, waits).
    Bad input (no candidates, an unknown judge) raises SubmitInputError.
    """
    candidates, folder = load_candidates(candidates_dir, from_json)
    records_path = options.records_path or folder / RECORDS_FILENAME
    with cookie_session(cookie_path) as session:
        try:
            judge = open_judge(problem_url, session, judge_kind)
        except ValueError as error:
            raise SubmitInputError(str(error)) from error
        if credentials is not None and not options.dry_run:
            try:
                judge.login(*credentials())
            except JudgeError as error:
                blocked = SubmitOutcome("blocked", message=str(error))
                return SubmitRun(blocked, problem_url, judge.name, candidates, folder,
                                 records_path)
        outcome = submit_candidates(candidates, judge, problem_url, options, records_path,
                                    report=report or (lambda _line: None))
    return SubmitRun(outcome, problem_url, judge.name, candidates, folder, records_path)
