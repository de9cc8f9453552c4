"""`cpsolve config show`: the merged settings and where each came from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import CONFIG_HELP, load_settings, out, print_json


def config_show(
    config_path: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
) -> None:
    """Print every setting: flag > CPSOLVE_* variable > project file > configs/default.yaml."""
    settings = load_settings(config_path).settings
    if json_output:
        print_json({key: {"value": s.value, "source": s.source} for key, s in settings.items()})
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for column in ("setting", "value", "source"):
        table.add_column(column, overflow="fold")
    for key, setting in settings.items():
        shown = "null" if setting.value is None else str(setting.value)
        table.add_row(Text(key), Text(shown), Text(setting.source))
    out.print(table)
