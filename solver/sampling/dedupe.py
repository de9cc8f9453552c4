"""When two samples are the same program: equal source once comments, blank lines and trailing
spaces are gone. Each distinct program is run once; its samples all count for its cluster."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from sandbox.jobs import Program
from solver.sampling.types import Sample


def normalised_hash(program: Program) -> str:
    """Hash of the source with comments, blank lines and trailing spaces removed: for dedupe."""
    lines = []
    for line in program.source.splitlines():
        if program.language in ("python3", "pypy3"):
            stripped = line.rstrip()
            if stripped.lstrip().startswith("#"):
                continue
        else:
            stripped = re.sub(r"//.*$", "", line).rstrip()
        if stripped.strip():
            lines.append(stripped)
    digest = hashlib.sha256(("\n".join(lines) + program.language).encode()).hexdigest()
    return digest[:16]


def programs_from(samples: Sequence[Sample]) -> list[tuple[Program, list[int]]]:
    """Unique programs (by normalised source) with the indices of the samples that gave them."""
    seen: dict[str, tuple[Program, list[int]]] = {}
    for sample in samples:
        if sample.program is None:
            continue
        key = normalised_hash(sample.program)
        if key in seen:
            seen[key][1].append(sample.index)
        else:
            seen[key] = (sample.program, [sample.index])
    return list(seen.values())


def new_programs(programs: Iterable[Program], seen: set[str]) -> list[Program]:
    """The programs whose normalised source is not in `seen` yet (first of each kept); `seen`
    grows with them. For streams that dedupe chunk by chunk."""
    fresh = []
    for program in programs:
        key = normalised_hash(program)
        if key not in seen:
            seen.add(key)
            fresh.append(program)
    return fresh
