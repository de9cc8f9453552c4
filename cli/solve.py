"""`cpsolve solve`: sample, filter, cluster, choose; print and write the top k."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    progress_display,
    quiet_libraries,
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
    problem_format: Annotated[str | None, typer.Option("--format")] = None,
    seed: Annotated[int, typer.Option(help="seed for sampling and input mutation")] = 0,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Sample programs for PROBLEM, keep those that pass the examples, print the top 10."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool, SandboxOptions
        from solver.models import ModelError, cache_dir, resolve_model
        from solver.problem import load_problem
        from solver.reporting import result_json, write_candidates
        from solver.sampling import ModelProfile, SamplingOptions, draw_samples, shared_sampler
        from solver.solve import SelectionOptions, select

        problem = load_problem(problem_path, problem_format)
        if samples is not None and samples < 1:
            raise CliError("--samples must be at least 1", EXIT_INPUT)
        target = (output_dir or Path(defaults["output_dir"])) / problem.id
        sampling = SamplingOptions(
            model=model or defaults["model"],
            profile=profile or defaults["profile"],
            samples=samples or defaults["samples"],
            temperature=temperature if temperature is not None else defaults["temperature"],
            top_p=defaults["top_p"],
            seed=seed,
        )
        prompt_profile = ModelProfile.load(sampling.profile)
        sandbox = SandboxOptions(
            image=defaults["image"],
            workers=workers or defaults["workers"] or (os.cpu_count() or 1),
        )
        # Start the sandbox first: a missing engine is found in a second, not after sampling.
        with DockerPool(sandbox) as pool:
            err.print(f"[bold]{problem.title}[/bold]: sampling {sampling.samples} programs "
                      f"with {sampling.model}")
            engine_log = cache_dir() / "engine.log"
            with stderr_to_log(engine_log, enabled=not debug):
                try:
                    model_path = resolve_model(sampling.model)
                    sampler = shared_sampler(model_path, sampling, prompt_profile)
                    drawn = draw_samples(problem, sampler, prompt_profile, sampling.samples)
                except ModelError as error:
                    raise ModelError(f"{error} (details in {engine_log})") from error
            save_samples(target, drawn)
            selection = SelectionOptions(
                top_k=top or defaults["top_k"],
                generated_inputs=defaults["generated_inputs"],
                seed=seed,
            )
            with progress_display() as progress:
                result = select(problem, drawn, pool, selection, progress)
        write_candidates(result, target)
        if json_output:
            print_json(result_json(result, target))
        else:
            render_result(result, target)
        return EXIT_OK if result.candidates else EXIT_NOTHING_PASSED

    raise typer.Exit(guarded(debug, run))


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


