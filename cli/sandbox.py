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
    """Check the engine and the image, then live-check that every limit is really enforced."""

    def run() -> int:
        from sandbox.pool import DockerPool, SandboxOptions, docker_client
        from sandbox.selfcheck import run_limit_checks

        image = load_defaults()["image"]
        client = docker_client()  # SandboxError (exit 3) with what to do when none answers
        err.print(f"ok   Docker engine {client.version().get('Version', '?')} answers")
        with DockerPool(SandboxOptions(image=image, workers=1)) as pool:
            err.print(f"ok   image {image} starts a warm runner")
            checks = run_limit_checks(pool)
        for check, result, passed in checks:
            detail = "" if passed else f"  (got {result.verdict.value}: {result.stdout[:60]!r})"
            err.print(f"{'ok  ' if passed else 'FAIL'} {check.name}{detail}")
        return EXIT_OK if all(passed for _, _, passed in checks) else EXIT_INFRA

    raise typer.Exit(guarded(debug, run))
