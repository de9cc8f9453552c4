"""`cpsolve solve`: sample, filter, cluster, choose; print and write the top k."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    CONFIG_HELP,
    EXIT_INPUT,
    EXIT_OK,
    FORMAT_HELP,
    CliError,
    DebugOption,
    JsonOption,
    ModelOption,
    ProfileOption,
    RankerOption,
    RayOption,
    RepairRoundsOption,
    RepairShareOption,
    SamplesOption,
    SeedOption,
    TemperatureOption,
    TokenBudgetOption,
    TopOption,
    WorkersOption,
    guarded,
    load_defaults,
    quiet_libraries,
)
from cli.flows import solve_and_report, submit_and_report


def solve(
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file or folder")],
    samples: SamplesOption = None,
    model: ModelOption = None,
    profile: ProfileOption = None,
    temperature: TemperatureOption = None,
    top: TopOption = None,
    workers: WorkersOption = None,
    ray_address: RayOption = None,
    output_dir: Annotated[Path | None, typer.Option("--out", help="where candidates go")] = None,
    json_output: JsonOption = False,
    problem_format: Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)] = None,
    seed: SeedOption = None,
    repair_rounds: RepairRoundsOption = None,
    repair_share: RepairShareOption = None,
    token_budget: TokenBudgetOption = None,
    ranker: RankerOption = None,
    config_path: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    samples_from: Annotated[
        Path | None, typer.Option(help="take the programs from this folder instead of a model")
    ] = None,
    endpoint: Annotated[
        list[str] | None,
        typer.Option(help="OpenAI-compatible base URL to sample from (repeat for several)"),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="draw every sample anew (not from the cache)")
    ] = False,
    submit: Annotated[
        bool, typer.Option(help="submit the top programs in rank order, stop at Accepted")
    ] = False,
    url: Annotated[
        str | None, typer.Option(help="problem URL on the judge (default: the problem's own)")
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="with --submit: show, send nothing")] = False,
    debug: DebugOption = False,
) -> None:
    """Sample programs for PROBLEM, keep those that pass the examples, print the top 10."""
    quiet_libraries()
    flags = {"samples": samples, "model": model, "profile": profile, "temperature": temperature,
             "top_k": top, "workers": workers, "repair_rounds": repair_rounds,
             "repair_share": repair_share, "token_budget": token_budget,
             "output_dir": output_dir and str(output_dir),
             "endpoints": endpoint or None, "cache": False if no_cache else None,
             "ray": ray_address, "ranker": ranker}
    settings = load_defaults(config_path, flags)

    def run() -> int:
        from solver.problem import load_problem
        from solver.submit.loop import SubmitOptions

        problem = load_problem(problem_path, problem_format)
        code = solve_and_report(problem, settings, seed=seed, json_output=json_output,
                                debug=debug, samples_from=samples_from)
        if submit and code == EXIT_OK:
            problem_url = url or problem.url
            if not problem_url:
                raise CliError(f"{problem.id}: no problem URL to submit to; pass --url",
                               EXIT_INPUT)
            target = Path(settings["output_dir"]) / problem.id
            code = submit_and_report(problem_url, target, SubmitOptions(dry_run=dry_run))
        return code

    raise typer.Exit(guarded(debug, run))
