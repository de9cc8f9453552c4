"""`cpsolve solve`: sample, filter, cluster, choose; print and write the top k."""

from __future__ import annotations

import json
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
    from solver.models import ModelError, cache_dir
    from solver.reporting import result_json, write_candidates
    from solver.sampling import open_sampler
    from solver.solve import SelectionOptions, select
    from solver.stream import sample_mix

    target = Path(defaults["output_dir"]) / problem.id
    sampling = sampling_options(defaults, seed)
    example_results: dict = {}
    model_inputs: list[bytes] = []
    # Start the sandbox first: a missing engine is found in a second, not after sampling.
    with DockerPool(sandbox_options(defaults, None)) as pool:
        if samples_from is not None:
            from solver.program_source import samples_from_folder

            drawn = samples_from_folder(samples_from)
            err.print(f"[bold]{problem.title}[/bold]: {len(drawn)} programs from {samples_from}")
        else:
            err.print(f"[bold]{problem.title}[/bold]: sampling {sampling.samples} programs "
                      f"with {sampling.model}")
            engine_log = cache_dir() / "engine.log"
            streams = sampling_streams(problem, sampling, defaults)
            with stderr_to_log(engine_log, enabled=not debug), progress_display() as progress:
                progress("sampled", 0, sampling.samples)  # shown while the engine starts
                try:
                    sampler = open_sampler(streams[0].options, streams[0].profile,
                                           defaults["endpoints"])

                    def moving(counts) -> None:
                        progress("sampled", counts.sampled, sampling.samples)
                        progress("unique", counts.unique, max(counts.sampled, 1))
                        progress("compiled", counts.compiled, max(counts.judged, 1))
                        progress("passed examples", counts.passed_examples,
                                 max(counts.judged, 1))

                    streamed = sample_mix(problem, sampler, streams, sampling.samples, pool,
                                          defaults["chunk_size"], moving)
                    drawn, example_results = streamed.samples, streamed.example_results
                    save_samples(target, drawn)
                    chat = [s for s in streams if s.profile.kind == "chat"]
                    if defaults["generators"] > 0 and chat:
                        from solver.generators import GeneratorOptions, model_written_inputs

                        sampler.options, sampler.profile = chat[0].options, chat[0].profile
                        options = GeneratorOptions(programs_per_hint=defaults["generators"],
                                                   seed=seed or 0)
                        model_inputs = model_written_inputs(problem, sampler, pool, options)
                except ModelError as error:
                    raise ModelError(f"{error} (details in {engine_log})") from error
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


def profile_names(profile: str) -> list[str]:
    """`--profile default,cpp` mixes profiles (and so languages) in one run."""
    names = [name.strip() for name in profile.split(",") if name.strip()]
    if not names:
        raise CliError("--profile names no profile", EXIT_INPUT)
    return names


def sampling_streams(problem, sampling, settings) -> list:
    """One stream per (profile, temperature) of the mix, each with its own sample cache."""
    from dataclasses import replace

    from solver.sampling import ModelProfile, open_sample_cache
    from solver.stream import SamplingStream

    streams = []
    for name in profile_names(sampling.profile):
        try:
            profile = ModelProfile.load(name)
        except ValueError as error:
            raise CliError(str(error), EXIT_INPUT) from error
        for temperature in settings["temperature_mix"] or [sampling.temperature]:
            options = replace(sampling, profile=name, temperature=float(temperature))
            cache = open_sample_cache(problem, profile, options) if settings["cache"] else None
            streams.append(SamplingStream(profile, options, cache))
    return streams


def submit_chosen(problem, settings, url: str | None, dry_run: bool) -> int:
    """`solve --submit`: the candidates just written, in rank order, to the problem's judge."""
    from cli.submit import run_submission
    from solver.submit import SubmitOptions

    problem_url = url or problem.url
    if not problem_url:
        raise CliError(f"{problem.id}: no problem URL to submit to; pass --url", EXIT_INPUT)
    target = Path(settings["output_dir"]) / problem.id
    return run_submission(problem_url, target, SubmitOptions(dry_run=dry_run))


def save_samples(target: Path, drawn) -> None:
    """Keep every completion on disk before anything else can fail."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "samples.jsonl", "w", encoding="utf-8") as handle:
        for sample in drawn:
            handle.write(json.dumps({"index": sample.index, "finished": sample.finished,
                                     "text": sample.text}) + "\n")


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


