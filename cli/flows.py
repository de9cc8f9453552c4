"""What several commands run and then report: solving one problem (`solve`, `listen`) and
submitting the candidates (`submit`, `solve --submit`). Each opens what it needs (the sandbox,
the engine's log, the judge's session), calls one function of solver/, and renders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from cli.common import err, out
from cli.render import render_outcome, render_plan, render_result

if TYPE_CHECKING:
    from solver.submit.session import SubmitRun


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
        engine_output_to_log,
        print_json,
        progress_display,
        sandbox_executor,
    )
    from solver.reporting import result_json, save_samples, write_candidates
    from solver.sampling.folder import samples_from_folder
    from solver.solve import solve_options, solve_problem

    options = solve_options(settings, seed=seed)
    target = Path(settings["output_dir"]) / problem.id
    samples = samples_from_folder(samples_from) if samples_from is not None else None
    # Start the sandbox first: a missing engine is found in a second, not after sampling.
    with sandbox_executor(settings) as pool, \
            engine_output_to_log(debug), progress_display() as progress:
        if samples is not None:
            err.print(f"[bold]{escape(problem.title)}[/bold]: {len(samples)} programs from "
                      f"{escape(str(samples_from))}")
        else:
            err.print(f"[bold]{escape(problem.title)}[/bold]: sampling "
                      f"{options.sampling.samples} programs with {escape(options.sampling.model)}")
        result = solve_problem(problem, pool, options, samples=samples, progress=progress,
                               on_sampled=lambda drawn: save_samples(target, drawn))
    write_candidates(result, target)
    if json_output:
        print_json(result_json(result, target))
    else:
        render_result(result, target)
    return EXIT_OK if result.candidates else EXIT_NOTHING_PASSED
