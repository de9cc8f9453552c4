"""Renderings more than one command prints: a solve's top k, a program's test table, a
submission's outcome. Data in, rich text out; nothing here runs anything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from cli.common import err, out

if TYPE_CHECKING:
    from solver.solve import SolveResult
    from solver.submit.loop import Submission, SubmitOutcome
    from solver.submit.session import SubmitRun

DRY_RUN_LINES = 5  # first lines of each program shown by --dry-run


def render_result(result: SolveResult, target: Path) -> None:
    """The top k as panels on stdout, counts and the folder on stderr."""
    from rich.panel import Panel
    from rich.syntax import Syntax

    stats = result.stats
    err.print(
        f"sampled {stats.sampled}, unique {stats.unique}, compiled {stats.compiled}, "
        f"passed examples {stats.passed_examples}, clusters {stats.clusters} "
        f"(on {stats.generated_inputs} generated inputs)"
    )
    if not result.candidates:
        err.print("[yellow]no program passed the examples[/yellow]")
        return
    for chosen in result.candidates:
        title = f"#{chosen.rank}  cluster of {chosen.cluster_size} sample(s)"
        if chosen.hidden_verdict is not None:
            colour = "green" if chosen.hidden_verdict.value == "OK" else "red"
            title += (f"  hidden tests: [{colour}]{chosen.hidden_verdict.value}[/{colour}] "
                      f"({chosen.hidden_passed}/{len(result.problem.hidden)})")
        lexer = "python" if chosen.program.language == "python3" else "cpp"
        out.print(Panel(Syntax(chosen.program.source, lexer, line_numbers=False), title=title,
                        title_align="left"))
    err.print(f"candidates written to {target}/")


def render_test_report(report: dict, program_name: str, title: str) -> None:
    """`cpsolve test`'s table: one row per test, then the verdict."""
    from rich.table import Table

    table = Table(title=f"{program_name} on {title}", title_justify="left")
    for column, justify in (("test", "left"), ("verdict", "left"), ("time (s)", "right"),
                            ("memory (MB)", "right"), ("why", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for row in report["tests"]:
        colour = "green" if row["verdict"] == "OK" else "red"
        table.add_row(row["name"], f"[{colour}]{row['verdict']}[/{colour}]",
                      f"{row['time_s']:.3f}", f"{row['memory_mb']:.1f}", escape(row["message"]))
    out.print(table)
    passed = sum(row["verdict"] == "OK" for row in report["tests"])
    colour = "green" if report["verdict"] == "OK" else "red"
    out.print(f"[{colour}]{report['verdict']}[/{colour}]: {passed}/{len(report['tests'])} passed")


def render_plan(plan: list[Submission], max_submissions: int) -> None:
    """What a dry run would send, in order."""
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
    """How a submission run ended."""
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


def report_submission(run: SubmitRun, max_submissions: int) -> int:
    """Render a solver.submit.session.SubmitRun and return the command's exit code.

    A judge that blocks robots (or fails) gets one line; the candidate files are made sure of on
    disk and their folder and the problem URL printed, to submit by hand.
    """
    from cli.common import EXIT_INFRA, EXIT_NOTHING_PASSED, EXIT_OK
    from solver.submit.loop import ensure_candidate_files

    outcome = run.outcome
    if outcome.status == "dry-run":
        render_plan(outcome.plan, max_submissions)
        return EXIT_OK
    if outcome.status in ("blocked", "error"):
        what = "blocks automated submission" if outcome.status == "blocked" else "cannot be used"
        err.print(f"[red]error:[/red] {escape(f'{run.judge_name} {what}: {outcome.message}')}",
                  soft_wrap=True)
        paths = ensure_candidate_files(run.candidates, run.folder)
        folders = sorted({str(path.parent) for path in paths})
        out.print(f"candidates kept in {', '.join(f + '/' for f in folders)}", markup=False,
                  soft_wrap=True)
        out.print(f"submit by hand at {run.problem_url}", markup=False, soft_wrap=True)
        return EXIT_INFRA
    render_outcome(outcome, run.records_path)
    return {"accepted": EXIT_OK, "already-accepted": EXIT_OK}.get(outcome.status,
                                                                 EXIT_NOTHING_PASSED)


def submit_and_report(problem_url: str, candidates_dir: Path | None, options, *,
                      from_json: Path | None = None, judge_kind: str = "auto",
                      cookie_path: Path | None = None, login: bool = False) -> int:
    """`submit` and `solve --submit`: run solver.submit.session.submit_to_judge with progress
    on stderr, render what happened; the exit code. Bad input raises CliError (exit 2)."""
    import typer

    from cli.common import EXIT_INPUT, CliError
    from solver.submit.loop import SubmitInputError
    from solver.submit.session import submit_to_judge

    def credentials() -> tuple[str, str]:
        return (typer.prompt("user name", err=True),
                typer.prompt("password", hide_input=True, err=True))

    if options.dry_run:
        err.print("dry run: nothing is sent", markup=False)
    try:
        run = submit_to_judge(
            problem_url, candidates_dir, options, from_json=from_json, judge_kind=judge_kind,
            cookie_path=cookie_path, credentials=credentials if login else None,
            report=lambda line: err.print(line, markup=False, soft_wrap=True))
    except SubmitInputError as error:
        raise CliError(str(error), EXIT_INPUT) from error
    return report_submission(run, options.max_submissions)


def solve_and_report(problem, settings: dict, *, seed: int | None = None,
                     json_output: bool = False, debug: bool = False,
                     samples_from: Path | None = None) -> int:
    """`solve` and `listen`: solve one parsed problem with merged settings in a fresh pool,
    with progress bars; write the candidates, print them (or JSON); the exit code.

    What libraries print while the model runs goes to the engine log in the cache dir.
    """
    from cli.common import (
        EXIT_NOTHING_PASSED,
        EXIT_OK,
        print_json,
        progress_display,
        sandbox_options,
        stderr_to_log,
    )
    from sandbox.pool import DockerPool
    from solver.config import cache_dir
    from solver.reporting import result_json, save_samples, write_candidates
    from solver.sampling.folder import samples_from_folder
    from solver.sampling.models import ModelError
    from solver.solve import solve_options, solve_problem

    options = solve_options(settings, seed=seed)
    target = Path(settings["output_dir"]) / problem.id
    samples = samples_from_folder(samples_from) if samples_from is not None else None
    engine_log = cache_dir() / "engine.log"
    # Start the sandbox first: a missing engine is found in a second, not after sampling.
    with DockerPool(sandbox_options(settings, None)) as pool, \
            stderr_to_log(engine_log, enabled=not debug), progress_display() as progress:
        if samples is not None:
            err.print(f"[bold]{escape(problem.title)}[/bold]: {len(samples)} programs from "
                      f"{escape(str(samples_from))}")
        else:
            err.print(f"[bold]{escape(problem.title)}[/bold]: sampling "
                      f"{options.sampling.samples} programs with {escape(options.sampling.model)}")
        try:
            result = solve_problem(problem, pool, options, samples=samples, progress=progress,
                                   on_sampled=lambda drawn: save_samples(target, drawn))
        except ModelError as error:
            raise ModelError(f"{error} (details in {engine_log})") from error
    write_candidates(result, target)
    if json_output:
        print_json(result_json(result, target))
    else:
        render_result(result, target)
    return EXIT_OK if result.candidates else EXIT_NOTHING_PASSED
