"""The `cpsolve` command line: one module per subcommand (cli/<command>.py), registered here.

Commands parse flags, call solver/ and sandbox/, and render with rich; nothing below cli/ knows a
screen.
"""

from __future__ import annotations

import sys

import typer

from cli import batch, model, sandbox, solve, submit
from cli import bench as bench_command
from cli import config as config_command
from cli import evolve as evolve_command
from cli import listen as listen_command
from cli import show as show_command
from cli import stress as stress_command
from cli import test as test_command
from cli import train as train_command
from cli.common import (
    EXIT_CODES_HELP,
    EXIT_INFRA,
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    bare_ray_flag,
)

__all__ = ["EXIT_INFRA", "EXIT_INPUT", "EXIT_NOTHING_PASSED", "EXIT_OK", "app", "main"]

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

app.command("solve")(solve.solve)
app.command("batch")(batch.batch)
app.command("submit")(submit.submit)
sandbox_app.command("build")(sandbox.sandbox_build)
sandbox_app.command("doctor")(sandbox.sandbox_doctor)
app.command("test")(test_command.test)
app.command("stress")(stress_command.stress)
app.command("evolve")(evolve_command.evolve)
app.command("train-scorer")(train_command.train_scorer)
bench_app = typer.Typer(
    help="Benchmarks: sandbox speed, sampling speed, engine settings, judge agreement, "
    "selection rankings, repair against plain sampling, evolution, Ray overhead.",
    no_args_is_help=True,
)
app.add_typer(bench_app, name="bench")
bench_app.command("sandbox")(bench_command.bench_sandbox)
bench_app.command("judge")(bench_command.bench_judge)
bench_app.command("sampling")(bench_command.bench_sampling)
bench_app.command("engine")(bench_command.bench_engine)
bench_app.command("select")(bench_command.bench_select)
bench_app.command("repair")(bench_command.bench_repair)
bench_app.command("evolve")(bench_command.bench_evolve)
bench_app.command("scale")(bench_command.bench_scale)
model_app.command("prepare")(model.model_prepare)
app.command("show")(show_command.show)
app.command("listen")(listen_command.listen)
config_app = typer.Typer(help="Show the merged configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")
config_app.command("show")(config_command.config_show)


def main() -> None:
    from sandbox.pool import Terminated, raise_on_termination

    # SIGTERM and SIGHUP unwind like Ctrl-C, so that sandbox pools remove their containers;
    # guarded() then prints one line and exits 128 + the signal (SIGINT: 130).
    raise_on_termination()
    try:
        app(args=bare_ray_flag(sys.argv[1:]))  # `--ray` alone: a local cluster
    except BrokenPipeError:  # `cpsolve ... | head` is fine
        sys.stderr.close()
    except Terminated as stop:  # a command outside guarded()
        sys.stderr.write(f"error: {stop}\n")
        sys.exit(128 + stop.signum)


if __name__ == "__main__":
    main()
