"""The `cpsolve` command line: parse flags, call solver/ and sandbox/, render with rich.

Exit codes: 0 ok; 1 nothing passed the examples; 2 usage or input error; 3 infrastructure error
(no Docker engine, no image, a model that cannot be loaded).
Data goes to stdout, progress and messages to stderr. Heavy imports (vllm, torch, docker) happen
inside commands so that `cpsolve --help` is instant.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console

EXIT_OK, EXIT_NOTHING_PASSED, EXIT_INPUT, EXIT_INFRA = 0, 1, 2, 3
CONFIG_PATH = Path(__file__).resolve().parent.parent / "configs" / "default.yaml"
EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 nothing passed the examples, 2 usage or input error, "
    "3 infrastructure error (no Docker engine or image, model not loadable)."
)

app = typer.Typer(
    help="cpsolve: sample, run, cluster and choose programs for competitive-programming "
    "problems.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
sandbox_app = typer.Typer(help="Build and check the Docker sandbox.", no_args_is_help=True)
model_app = typer.Typer(help="Prepare models.", no_args_is_help=True)
app.add_typer(sandbox_app, name="sandbox")
app.add_typer(model_app, name="model")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class CliError(Exception):
    """A clean, one-line failure with an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def load_defaults() -> dict[str, Any]:
    return yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8")) or {}


def guarded(debug: bool, action):
    """Run action(); turn known failures into one line and an exit code, never a traceback."""
    from sandbox.pool import SandboxError
    from solver.models import ModelError
    from solver.problem import ProblemError

    try:
        return action()
    except ProblemError as error:
        if debug:
            raise
        fail(str(error), EXIT_INPUT)
    except (SandboxError, ModelError) as error:
        if debug:
            raise
        fail(str(error), EXIT_INFRA)
    except CliError as error:
        if debug:
            raise
        fail(str(error), error.code)
    except KeyboardInterrupt:
        fail("interrupted", 130)


def quiet_libraries() -> None:
    # vLLM logs to stdout by default, which is where our data goes.
    os.environ.setdefault("VLLM_LOGGING_STREAM", "ext://sys.stderr")
    os.environ.setdefault("VLLM_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@contextlib.contextmanager
def stderr_to_log(log_path: Path, enabled: bool):
    """Send what libraries write to fd 2 (torch's C++ warnings, load bars) to a log file.

    On failure the log's last lines are kept in the file and named in the error.
    """
    if not enabled:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 2)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


@app.command()
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
        from solver.sampling import ModelProfile, SamplingOptions, draw_samples
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
                    sampler = get_sampler(resolve_model(sampling.model), sampling, prompt_profile)
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


_SAMPLERS: dict[tuple, Any] = {}


def get_sampler(model_path: str, options, profile):
    """One vLLM engine per process and model: tests and repeated calls reuse it."""
    from dataclasses import replace

    from solver.sampling import VllmSampler

    key = (model_path, options.gpu_memory_utilization, options.tensor_parallel_size)
    sampler = _SAMPLERS.get(key)
    if sampler is None:
        try:
            sampler = VllmSampler(model_path, options, profile)
        except Exception as error:
            from solver.models import ModelError

            raise ModelError(f"could not load model {model_path}: {error}") from error
        _SAMPLERS[key] = sampler
    sampler.options = replace(options)
    sampler.profile = profile
    return sampler


def save_samples(target: Path, drawn) -> None:
    """Keep every completion on disk before anything else can fail."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "samples.jsonl", "w", encoding="utf-8") as handle:
        for sample in drawn:
            handle.write(json.dumps({"index": sample.index, "finished": sample.finished,
                                     "text": sample.text}) + "\n")


class progress_display:  # noqa: N801 - used as a context manager like rich's own
    """A rich progress bar per stage on stderr (plain lines when stderr is not a terminal)."""

    def __enter__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("{task.description:>14}"), BarColumn(), MofNCompleteColumn(),
            console=err, transient=False, disable=not err.is_terminal,
        )
        self.tasks: dict[str, Any] = {}
        self.progress.__enter__()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
            if not err.is_terminal:
                err.print(f"{stage}: {total} runs")
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def __exit__(self, *exc_info) -> None:
        self.progress.__exit__(*exc_info)


def print_json(data: dict) -> None:
    """Plain JSON on stdout: rich would wrap long lines at the console width."""
    sys.stdout.write(json.dumps(data, indent=2) + "\n")
    sys.stdout.flush()


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


@sandbox_app.command("build")
def sandbox_build(
    method: Annotated[str, typer.Option(help="auto | dockerfile | debootstrap")] = "auto",
    rebuild: Annotated[bool, typer.Option(help="build even if the image exists")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Build the sandbox image (offline with debootstrap when no registry answers)."""
    from sandbox.image import build_image

    image = load_defaults()["image"]
    how = guarded(debug, lambda: build_image(image, method, rebuild, log=err.print))
    err.print(f"sandbox image {image}: {how}")


@sandbox_app.command("doctor")
def sandbox_doctor(debug: Annotated[bool, typer.Option(help="show tracebacks")] = False) -> None:
    """Check the engine and the image, and that a program runs and a limit holds."""

    def run() -> int:
        from sandbox.jobs import Job, Limits, Program, Verdict
        from sandbox.pool import DockerPool, SandboxOptions

        with DockerPool(SandboxOptions(image=load_defaults()["image"], workers=1)) as pool:
            hello = Program("python3", "print(input())\n")
            spin = Program("python3", "while True: pass\n")
            results = pool.run([Job(hello, b"ok\n"), Job(spin, b"", Limits(time_s=0.5))])
        checks = {
            "runs a program": results[0].verdict is Verdict.OK and results[0].stdout == b"ok\n",
            "enforces the time limit": results[1].verdict is Verdict.TLE,
        }
        for name, passed in checks.items():
            err.print(f"{'ok  ' if passed else 'FAIL'} {name}")
        return EXIT_OK if all(checks.values()) else EXIT_INFRA

    raise typer.Exit(guarded(debug, run))


@model_app.command("prepare")
def model_prepare(debug: Annotated[bool, typer.Option(help="show tracebacks")] = False) -> None:
    """Convert the embedded default model to an HF folder in the cache (once)."""
    quiet_libraries()
    from solver.models import prepare_embedded_model

    path = guarded(debug, prepare_embedded_model)
    err.print(f"embedded model ready: {path}")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `cpsolve ... | head` is fine
        sys.stderr.close()


if __name__ == "__main__":
    main()
