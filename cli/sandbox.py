"""`cpsolve sandbox build|doctor`: the Docker sandbox's image and a live check."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import EXIT_INFRA, EXIT_OK, err, guarded, load_defaults


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


