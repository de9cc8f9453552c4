"""`cpsolve solve`: sample, filter, cluster, choose; print and write the top k."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    CONFIG_HELP,
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    FORMAT_HELP,
    CliError,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    progress_display,
    quiet_libraries,
    sampling_options,
    sandbox_options,
    stderr_to_log,
)


def solve(
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file or folder")],
    samples: Annotated[int | None, typer.Option(help="completions to draw")] = None,
    model: Annotated[str | None, typer.Option(help="HF model id or local path")] = None,
    profile: Annotated[str | None, typer.Option(help="prompt profile in configs/models")] = None,
    temperature: Annotated[float | None, typer.Option()] = None,
    top: Annotated[int | None, typer.Option(help="how many programs to print")] = None,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    output_dir: Annotated[Path | None, typer.Option("--out", help="where candidates go")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    problem_format: Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)] = None,
    seed: Annotated[
        int | None, typer.Option(help="seed for sampling and input mutation (default: random "
                                 "sampling, mutation seed 0)")
    ] = None,
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
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Sample programs for PROBLEM, keep those that pass the examples, print the top 10."""
    quiet_libraries()
    flags = {"samples": samples, "model": model, "profile": profile, "temperature": temperature,
             "top_k": top, "workers": workers, "output_dir": output_dir and str(output_dir),
             "endpoints": endpoint or None, "cache": False if no_cache else None}
    settings = load_defaults(config_path, flags)

    def run() -> int:
        from solver.problem import load_problem

        problem = load_problem(problem_path, problem_format)
        code = solve_problem(problem, settings, seed=seed, json_output=json_output, debug=debug,
                             samples_from=samples_from)
        if submit:
            code = submit_chosen(problem, settings, url, dry_run) if code == EXIT_OK else code
        return code

    raise typer.Exit(guarded(debug, run))


def solve_problem(
    problem, defaults: dict, seed: int | None = None, json_output: bool = False,
    debug: bool = False, samples_from: Path | None = None,
) -> int:
    """Solve one parsed problem with merged settings (see solver.config); print; exit code."""
    from sandbox.pool import DockerPool
    from solver.reporting import result_json, write_candidates
    from solver.solve import SelectionOptions, select

    target = Path(defaults["output_dir"]) / problem.id
    example_results: dict = {}
    model_inputs: list[bytes] = []
    # Start the sandbox first: a missing engine is found in a second, not after sampling.
    with DockerPool(sandbox_options(defaults, None)) as pool:
        if samples_from is not None:
            from solver.program_source import samples_from_folder

            drawn = samples_from_folder(samples_from)
            err.print(f"[bold]{problem.title}[/bold]: {len(drawn)} programs from {samples_from}")
        else:
            sampled = sample_with_model(problem, defaults, pool, target, seed, debug)
            drawn, example_results = sampled.streamed.samples, sampled.streamed.example_results
            model_inputs = sampled.model_inputs
        selection = SelectionOptions(
            top_k=defaults["top_k"],
            generated_inputs=defaults["generated_inputs"],
            seed=seed or 0,
        )
        with progress_display() as progress:
            result = select(problem, drawn, pool, selection, progress, model_inputs,
                            example_results)
    write_candidates(result, target)
    if json_output:
        print_json(result_json(result, target))
    else:
        render_result(result, target)
    return EXIT_OK if result.candidates else EXIT_NOTHING_PASSED


def sample_with_model(
    problem, settings: dict, pool, target: Path, seed: int | None = None, debug: bool = False,
    sampler=None, label: str | None = None,
):
    """Sample one problem with the model as `solve` does (profile and temperature mix, sample
    caches, streaming into the example filter, model-written inputs), with progress bars;
    samples.jsonl goes to `target`. `batch` calls this for each problem with one `sampler`.
    Returns solver.stream.ModelSamples.
    """
    from solver.models import ModelError, cache_dir
    from solver.reporting import save_samples
    from solver.stream import open_mix_sampler, sample_problem, sampling_streams

    sampling = sampling_options(settings, seed)
    streams = sampling_streams(problem, sampling, settings["temperature_mix"], settings["cache"])
    err.print(f"[bold]{label or problem.title}[/bold]: sampling {sampling.samples} programs "
              f"with {sampling.model}")
    engine_log = cache_dir() / "engine.log"
    with stderr_to_log(engine_log, enabled=not debug), progress_display() as progress:
        progress("sampled", 0, sampling.samples)  # shown while the engine starts
        try:
            if sampler is None:
                sampler = open_mix_sampler(sampling, settings["endpoints"])

            def moving(counts) -> None:
                progress("sampled", counts.sampled, sampling.samples)
                progress("unique", counts.unique, max(counts.sampled, 1))
                progress("compiled", counts.compiled, max(counts.judged, 1))
                progress("passed examples", counts.passed_examples, max(counts.judged, 1))

            return sample_problem(
                problem, sampler, streams, sampling.samples, pool, settings["chunk_size"],
                settings["generators"], seed, moving,
                on_sampled=lambda drawn: save_samples(target, drawn),
            )
        except ModelError as error:
            raise ModelError(f"{error} (details in {engine_log})") from error


def submit_chosen(problem, settings, url: str | None, dry_run: bool) -> int:
    """`solve --submit`: the candidates just written, in rank order, to the problem's judge."""
    from cli.submit import run_submission
    from solver.submit import SubmitOptions

    problem_url = url or problem.url
    if not problem_url:
        raise CliError(f"{problem.id}: no problem URL to submit to; pass --url", EXIT_INPUT)
    target = Path(settings["output_dir"]) / problem.id
    return run_submission(problem_url, target, SubmitOptions(dry_run=dry_run))


def render_result(result, target: Path) -> None:
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


