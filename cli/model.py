"""`cpsolve model prepare`: the embedded default model, converted once."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import err, guarded, quiet_libraries


def model_prepare(debug: Annotated[bool, typer.Option(help="show tracebacks")] = False) -> None:
    """Convert the embedded default model to an HF folder in the cache (once)."""
    quiet_libraries()
    from solver.sampling.models import prepare_embedded_model

    path = guarded(debug, prepare_embedded_model)
    err.print(f"embedded model ready: {path}")


