"""Shared pieces of the command line: consoles, exit codes, clean failures, defaults.

Exit codes: 0 ok; 1 nothing passed the examples; 2 usage or input error (a bad problem or
configuration); 3 infrastructure error (no Docker engine, no image, a model that cannot be loaded).
Data goes to stdout, progress and messages to stderr. Heavy imports (vllm, torch, docker) happen
inside commands so that `cpsolve --help` is instant.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from solver.config import Config

EXIT_OK, EXIT_NOTHING_PASSED, EXIT_INPUT, EXIT_INFRA = 0, 1, 2, 3
EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 nothing passed the examples, 2 usage or input error, "
    "3 infrastructure error (no Docker engine or image, model not loadable)."
)

FORMAT_HELP = "markdown | kattis | codeforces | companion | oj | codecontests (default: detect)"
CONFIG_HELP = "project config file (default: ./cpsolve.yaml when present)"

# Options `solve` and `batch` share: one declaration, one help text.
ModelOption = Annotated[str | None, typer.Option(help="HF model id or local path")]
ProfileOption = Annotated[str | None, typer.Option(
    help="prompt profile in configs/models (\"default,cpp\" mixes profiles)")]
SamplesOption = Annotated[int | None, typer.Option(help="completions to draw per problem")]
TemperatureOption = Annotated[float | None, typer.Option(help="sampling temperature")]
TopOption = Annotated[int | None, typer.Option(help="how many programs to keep per problem")]
WorkersOption = Annotated[int | None, typer.Option(help="sandbox containers")]
RayOption = Annotated[str | None, typer.Option(
    "--ray", metavar="[ADDRESS]",
    help="judge on a Ray cluster, one sandbox pool per node offering the resource `sandbox`: "
         "local (start one; a bare --ray at the end or before another option), auto (join "
         "the one `ray start` runs here) or HOST:PORT; --workers then counts per node")]
SeedOption = Annotated[int | None, typer.Option(
    help="seed for sampling and input mutation (default: random sampling, mutation seed 0)")]
RepairRoundsOption = Annotated[int | None, typer.Option(
    help="repair failed programs with the judge's feedback on the examples, this deep (0: off)")]
RepairShareOption = Annotated[float | None, typer.Option(
    help="share of the budget repairs may take (default 0.25)")]
TokenBudgetOption = Annotated[int | None, typer.Option(
    help="generated tokens a problem may spend, besides --samples (0: no token cap)")]
RankerOption = Annotated[str | None, typer.Option(
    help="cluster order: size, evidence, agreement, oracle, all, dual or learned (the scorer "
         "setting's model; without one it says so and ranks by size)")]
DebugOption = Annotated[bool, typer.Option(help="show tracebacks")]
JsonOption = Annotated[bool, typer.Option("--json", help="print one JSON object")]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class CliError(Exception):
    """A clean, one-line failure with an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int) -> None:
    from rich.markup import escape

    # Escaped: a message quoting a file name or a value like "[oops]" is not rich markup.
    err.print(f"[red]error:[/red] {escape(message)}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def load_settings(config_path: Path | None = None, flags: dict[str, Any] | None = None) -> Config:
    """The merged configuration (solver.config.Config); a malformed layer exits 2 in one line."""
    from solver.config import ConfigError, load_config

    try:
        return load_config(flags, config_path)
    except ConfigError as error:
        fail(str(error), EXIT_INPUT)


def load_defaults(
    config_path: Path | None = None, flags: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Setting values: flags > CPSOLVE_* variables > cpsolve.yaml or --config > defaults."""
    return load_settings(config_path, flags).values()


def guarded(debug: bool, action):
    """Run action(); turn known failures into one line and an exit code, never a traceback."""
    from sandbox.pool import SandboxError, Terminated
    from solver.config import ConfigError
    from solver.problem import ProblemError
    from solver.run.program import ProgramFileError
    from solver.sampling.models import ModelError

    try:
        return action()
    except (ProblemError, ConfigError, ProgramFileError) as error:
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
    except Terminated as stop:  # SIGTERM, SIGHUP (cli.main installs the handlers)
        fail(str(stop), 128 + stop.signum)


class ErrConsoleHandler(logging.Handler):
    """Log records as plain lines on the err console."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(record.getMessage(), markup=False, soft_wrap=True)


def quiet_libraries() -> None:
    # cpsolve's own log lines (e.g. the engine's dtype and threads, once) go to the err console,
    # which stays on the terminal while libraries' stderr goes to the engine log.
    ours = logging.getLogger("cpsolve")
    if not ours.handlers:
        ours.addHandler(ErrConsoleHandler())
        ours.setLevel(logging.INFO)
        ours.propagate = False
    # vLLM logs to stdout by default, which is where our data goes.
    os.environ.setdefault("VLLM_LOGGING_STREAM", "ext://sys.stderr")
    os.environ.setdefault("VLLM_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@contextlib.contextmanager
def stderr_to_log(log_path: Path, enabled: bool):
    """Send what libraries write to fd 2 (torch's C++ warnings, load bars) to a log file.

    On failure the log's last lines are kept in the file and named in the error. Our own
    messages and progress (the `err` console) keep going to the terminal meanwhile.
    """
    if not enabled:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    real_stderr = _is_fd2(sys.stderr)
    terminal = os.fdopen(os.dup(saved), "w", encoding="utf-8", errors="replace") \
        if real_stderr else None
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 2)
        if terminal is not None:
            err.file = terminal
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            if terminal is not None:
                err.file = None  # back to sys.stderr
                terminal.close()


@contextlib.contextmanager
def engine_output_to_log(debug: bool):
    """While a model may run: libraries' stderr goes to the engine log in the cache dir (kept
    on the terminal with --debug), and a ModelError says where that log is."""
    from solver.config import cache_dir
    from solver.sampling.models import ModelError

    log_path = cache_dir() / "engine.log"
    with stderr_to_log(log_path, enabled=not debug):
        try:
            yield
        except ModelError as error:
            raise ModelError(f"{error} (details in {log_path})") from error


def _is_fd2(stream) -> bool:
    try:
        return stream.fileno() == 2
    except (AttributeError, OSError, ValueError):
        return False  # e.g. a test runner's capture object


class progress_display:  # noqa: N801 - used as a context manager like rich's own
    """A rich progress bar per stage on stderr (plain lines when stderr is not a terminal)."""

    def __enter__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("{task.description:>16}"), BarColumn(), MofNCompleteColumn(),
            console=err, transient=False, disable=not err.is_terminal,
            # Libraries' own writes to stderr go to their log, not above our bars.
            redirect_stdout=False, redirect_stderr=False,
        )
        self.tasks: dict[str, Any] = {}
        self.final: dict[str, tuple[int, int]] = {}
        self.progress.__enter__()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            if not total:
                return  # nothing to do in this stage: no bar
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)
        self.final[stage] = (done, total)

    def __exit__(self, *exc_info) -> None:
        self.progress.__exit__(*exc_info)
        if not err.is_terminal:  # no live bars: one plain line per stage, at the end
            for stage, (done, total) in self.final.items():
                err.print(f"{stage}: {done}/{total}")


def print_json(data: dict) -> None:
    """Plain JSON on stdout: rich would wrap long lines at the console width."""
    sys.stdout.write(json.dumps(data, indent=2) + "\n")
    sys.stdout.flush()


def sandbox_options(defaults: dict, workers: int | None, at_most: int | None = None):
    """Pool options: --workers, else the configured count, else one per core."""
    from sandbox.pool import SandboxOptions

    count = workers or defaults["workers"] or (os.cpu_count() or 1)
    return SandboxOptions(image=defaults["image"], workers=min(count, at_most or count))


RAY_LOCAL = "local"  # --ray's value (and a bare --ray's) that starts a cluster for the command


def bare_ray_flag(argv: list[str]) -> list[str]:
    """argv with a bare `--ray` (last, or before another option) given its value `local`:
    click has no option with an optional value. `--ray DIR` still reads DIR as the address."""
    fixed = list(argv)
    for index in range(len(fixed) - 1, -1, -1):
        if fixed[index] == "--ray" and (index + 1 == len(fixed)
                                        or fixed[index + 1].startswith("-")):
            fixed.insert(index + 1, RAY_LOCAL)
    return fixed


@contextlib.contextmanager
def sandbox_executor(defaults: dict):
    """The executor `solve` and `batch` judge with: this machine's DockerPool, or with the
    `ray` setting a RayExecutor over the cluster's `sandbox` nodes (sandbox/cluster.py), its
    nodes reported on stderr. Without Ray installed, --ray is a usage error (exit 2)."""
    address = defaults.get("ray")
    if address is None:
        from sandbox.pool import DockerPool

        with DockerPool(sandbox_options(defaults, None)) as pool:
            yield pool
        return
    from sandbox.cluster import (
        ClusterOptions,
        RayMissingError,
        describe_cluster,
        import_ray,
        ray_sandbox,
    )
    from sandbox.pool import SandboxOptions

    if not isinstance(address, str) or not address.strip():
        raise CliError(f"ray must be {RAY_LOCAL}, auto or HOST:PORT, got {address!r}", EXIT_INPUT)
    try:
        import_ray()
    except RayMissingError as error:
        raise CliError(str(error), EXIT_INPUT) from error
    cluster = ClusterOptions(None if address == RAY_LOCAL else address.strip())
    if cluster.address is None:
        err.print("starting a local Ray cluster for this command", markup=False)
    with ray_sandbox(cluster, SandboxOptions(image=defaults["image"]),
                     workers=defaults["workers"],
                     report=lambda line: err.print(line, markup=False, soft_wrap=True)
                     ) as executor:
        err.print(describe_cluster(executor), markup=False)
        yield executor
