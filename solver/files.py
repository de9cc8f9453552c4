"""Files that a kill leaves readable. Where is "whole or absent" decided? Here.

- write_whole: a file is written beside its place and renamed over it, so a reader finds the old
  text or the new one, never half of either (batch outcomes, bench records, checkpoints, models).
- append_lines: JSON-lines caches and journals grow by whole lines; a last line torn by a kill
  is ended first, so the lines appended after it stay whole (readers skip the torn one).
"""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(path: Path, text: str, *, sync: bool = False) -> None:
    """Replace `path` by `text` at once. sync: reach the disk before the rename (a checkpoint
    that must survive a crash of the machine, not only of the process), at the cost of a flush."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    partial.replace(path)


def append_lines(path: Path, lines: str, *, sync: bool = False) -> None:
    """Append `lines` (each ending in a newline) to `path`. sync: as in write_whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size:
        with open(path, "rb") as existing:
            existing.seek(-1, 2)
            if existing.read(1) != b"\n":
                lines = "\n" + lines  # end a line torn by a kill, so ours stay whole
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(lines)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())
