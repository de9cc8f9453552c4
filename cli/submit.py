"""`cpsolve submit`: send the top candidates to an online judge, best first, until accepted.

Exit codes: 0 accepted (now or in an earlier run) or a dry run; 1 nothing accepted (all sent
were rejected, a verdict could not be read, or nothing was left to send); 2 usage or input
error; 3 the judge blocked automated submission (captcha, bot check, not logged in) or could not
be reached: the candidate files are kept and their folder and the problem URL are printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import (
    EXIT_INFRA,
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    err,
    guarded,
    out,
)

if TYPE_CHECKING:  # the solver is imported when a command runs, so that --help stays instant
    from solver.submit import CandidateFile, Submission, SubmitOptions, SubmitOutcome

DRY_RUN_LINES = 5  # first lines of each program shown by --dry-run
EXIT_BY_STATUS = {
    "accepted": EXIT_OK, "already-accepted": EXIT_OK, "dry-run": EXIT_OK,
    "rejected": EXIT_NOTHING_PASSED, "unknown": EXIT_NOTHING_PASSED,
    "nothing-to-submit": EXIT_NOTHING_PASSED,
    "blocked": EXIT_INFRA, "error": EXIT_INFRA,
}  # fmt: skip


def submit(
    problem_url: Annotated[str, typer.Argument(metavar="URL", help="the problem on the judge")],
    candidates_dir: Annotated[Path | None, typer.Argument(
        metavar="CANDIDATES_DIR", help="folder `solve` wrote (rank01.py ..., result.json)")] = None,
    from_json: Annotated[Path | None, typer.Option(
        "--from-json", help="candidates from `solve --json` output instead")] = None,
    judge_kind: Annotated[str, typer.Option(
        "--judge", help="auto (online-judge-api-client) or local (cpsolve's own protocol)")
    ] = "auto",
    max_submissions: Annotated[int, typer.Option(help="send at most this many")] = 10,
    dry_run: Annotated[bool, typer.Option(help="show what would be sent; send nothing")] = False,
    records: Annotated[Path | None, typer.Option(
        help="JSONL record of submissions (default: CANDIDATES_DIR/submissions.jsonl)")] = None,
    min_interval: Annotated[float, typer.Option(
        help="seconds between two submissions to one judge")] = 10.0,
    poll_interval: Annotated[float, typer.Option(help="seconds between verdict checks")] = 2.0,
    poll_timeout: Annotated[float, typer.Option(help="give up waiting for a verdict")] = 300.0,
    cookies: Annotated[Path | None, typer.Option(
        help="cookie jar (default: online-judge-tools' own, the one `oj login` fills)")] = None,
    login: Annotated[bool, typer.Option(help="ask for user name and password, log in")] = False,
    language_id: Annotated[list[str] | None, typer.Option(
        "--language-id", help="force a judge language id, e.g. python3=3 or cpp17=54")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Submit the ranked candidates to URL in order; stop at the first Accepted."""
    from solver.submit import SubmitOptions

    def run() -> int:
        if max_submissions < 1:
            raise CliError("--max-submissions must be at least 1", EXIT_INPUT)
        if min(min_interval, poll_interval, poll_timeout) < 0:
            raise CliError("intervals and timeouts cannot be negative", EXIT_INPUT)
        options = SubmitOptions(
            max_submissions=max_submissions, min_interval_s=min_interval,
            poll_interval_s=poll_interval, poll_timeout_s=poll_timeout, dry_run=dry_run,
            records_path=records, language_ids=parse_language_ids(language_id or []),
        )
        return run_submission(problem_url, candidates_dir, options, from_json=from_json,
                              judge_kind=judge_kind, cookie_path=cookies, login=login)

    raise typer.Exit(guarded(debug, run))


def parse_language_ids(pairs: list[str]) -> dict[str, str]:
    ids = {}
    for pair in pairs:
        language, sep, judge_id = pair.partition("=")
        if not sep or language not in ("python3", "cpp17") or not judge_id:
            raise CliError(f"--language-id {pair!r}: expected python3=ID or cpp17=ID", EXIT_INPUT)
        ids[language] = judge_id
    return ids


def run_submission(problem_url: str, candidates_dir: Path | None, options: SubmitOptions, *,
                   from_json: Path | None = None, judge_kind: str = "auto",
                   cookie_path: Path | None = None, login: bool = False) -> int:
    """Submit the candidates in candidates_dir (or from_json) to problem_url; return the exit code.

    The entry point for `submit` and for `solve --submit`. Prints progress to stderr and the
    outcome (or the dry-run plan) to stdout; input errors raise CliError (exit 2).
    """
    from solver.judges import cookie_session, open_judge
    from solver.submit import (
        RECORDS_FILENAME,
        SubmitInputError,
        load_candidates,
        submit_candidates,
    )

    try:
        candidates, folder = load_candidates(candidates_dir, from_json)
    except SubmitInputError as error:
        raise CliError(str(error), EXIT_INPUT) from error
    records_path = options.records_path or folder / RECORDS_FILENAME
    with cookie_session(cookie_path) as session:
        try:
            judge = open_judge(problem_url, session, judge_kind)
        except ValueError as error:
            raise CliError(str(error), EXIT_INPUT) from error
        if login and not options.dry_run:
            from solver.judges import JudgeError

            try:
                judge.login(typer.prompt("user name", err=True),
                            typer.prompt("password", hide_input=True, err=True))
            except JudgeError as error:
                return fallback(judge.name, str(error), candidates, folder, problem_url)
        if options.dry_run:
            err.print("dry run: nothing is sent", markup=False)

        def report(line: str) -> None:
            err.print(line, markup=False, soft_wrap=True)

        try:
            outcome = submit_candidates(candidates, judge, problem_url, options, records_path,
                                        report=report)
        except SubmitInputError as error:
            raise CliError(str(error), EXIT_INPUT) from error
    if outcome.status == "dry-run":
        render_plan(outcome.plan, options.max_submissions)
    elif outcome.status in ("blocked", "error"):
        return fallback(judge.name, outcome.message, candidates, folder, problem_url,
                        blocked=outcome.status == "blocked")
    else:
        render_outcome(outcome, records_path)
    return EXIT_BY_STATUS[outcome.status]


def fallback(judge_name: str, reason: str, candidates: list[CandidateFile], folder: Path,
             problem_url: str, blocked: bool = True) -> int:
    """The judge will not take robots: say so in one line, keep the files, show where to go."""
    from rich.markup import escape

    from solver.submit import ensure_candidate_files

    what = "blocks automated submission" if blocked else "cannot be used"
    err.print(f"[red]error:[/red] {escape(f'{judge_name} {what}: {reason}')}", soft_wrap=True)
    paths = ensure_candidate_files(candidates, folder)
    folders = sorted({str(path.parent) for path in paths})
    out.print(f"candidates kept in {', '.join(f + '/' for f in folders)}", markup=False,
              soft_wrap=True)
    out.print(f"submit by hand at {problem_url}", markup=False, soft_wrap=True)
    return EXIT_INFRA


def render_plan(plan: list[Submission], max_submissions: int) -> None:
    sends = 0
    for step in plan:
        candidate = step.candidate
        head = f"rank {candidate.rank}: {candidate.file}"
        if step.skip_reason:
            out.print(f"{head}: would be skipped, {step.skip_reason}", markup=False)
            continue
        if sends == max_submissions:
            out.print(f"(stops here: --max-submissions {max_submissions})", markup=False)
            break
        sends += 1
        out.print(f"{head} -> judge {step.judge}, problem {step.problem_url}", markup=False,
                  soft_wrap=True)
        language = (f"language id {step.language.id} ({step.language.name})" if step.language
                    else "language id ? (the judge's language list is unavailable)")
        out.print(f"  {language}, sha256 {step.source_sha256[:16]}", markup=False)
        for line in candidate.source.splitlines()[:DRY_RUN_LINES]:
            out.print(f"  | {line}", markup=False, soft_wrap=True)


def render_outcome(outcome: SubmitOutcome, records_path: Path) -> None:
    if outcome.status == "accepted":
        record = outcome.records[-1]
        out.print(f"accepted: rank {record.rank} ({record.file}), submission "
                  f"{record.submission_id}, after {len(outcome.records)} submission(s)",
                  markup=False, soft_wrap=True)
    elif outcome.status == "rejected":
        out.print(f"not accepted: {len(outcome.records)} submission(s), none accepted",
                  markup=False)
    else:
        out.print(outcome.message or outcome.status, markup=False, soft_wrap=True)
    if outcome.records:
        err.print(f"recorded in {records_path}", markup=False, soft_wrap=True)
