"""`cpsolve submit`: send the top candidates to an online judge, best first, until accepted.

Exit codes: 0 accepted (now or in an earlier run) or a dry run; 1 nothing accepted (all sent
were rejected, a verdict could not be read, or nothing was left to send); 2 usage or input
error; 3 the judge blocked automated submission (captcha, bot check, not logged in) or could not
be reached: the candidate files are kept and their folder and the problem URL are printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import EXIT_INPUT, CliError, guarded
from cli.flows import submit_and_report


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
    from solver.submit.loop import SubmitOptions

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
        return submit_and_report(problem_url, candidates_dir, options, from_json=from_json,
                                 judge_kind=judge_kind, cookie_path=cookies, login=login)

    raise typer.Exit(guarded(debug, run))


def parse_language_ids(pairs: list[str]) -> dict[str, str]:
    from sandbox.jobs import LANGUAGES

    ids = {}
    for pair in pairs:
        language, sep, judge_id = pair.partition("=")
        if not sep or language not in LANGUAGES or not judge_id:
            raise CliError(f"--language-id {pair!r}: expected LANGUAGE=ID, LANGUAGE one of "
                           f"{', '.join(LANGUAGES)}", EXIT_INPUT)
        ids[language] = judge_id
    return ids
