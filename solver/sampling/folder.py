"""Programs from a folder instead of a model (`--samples-from DIR`).

Selection can then be measured on programs people wrote: each source file becomes one finished
Sample, so the pipeline after sampling is exactly the one a model's samples go through.
"""

from __future__ import annotations

from pathlib import Path

from sandbox.jobs import Program, language_of
from solver.sampling.types import Sample


def source_files(folder: Path) -> list[Path]:
    """Program files under `folder` at any depth (a language sandbox.jobs.language_of knows by
    the extension), sorted by relative path (stable sample ids)."""
    found = (
        path for path in folder.rglob("*") if path.is_file() and language_of(path.name) is not None
    )
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def samples_from_folder(folder: Path) -> list[Sample]:
    """One Sample per program file; the sample index is the file's place in source_files()."""
    samples = []
    for index, path in enumerate(source_files(folder)):
        source = path.read_text(encoding="utf-8", errors="replace")
        language = language_of(path.name, source)  # a .py file may be marked for PyPy
        assert language is not None  # source_files keeps only those
        program = Program(language, source)
        samples.append(Sample(index=index, text=source, finished=True, program=program))
    return samples


def programs_folder_for(root: Path, problem_key: str) -> Path | None:
    """The folder of programs for one problem of a batch, under `root`.

    `problem_key` is the problem's path relative to the batch root ("contest/problem"). Looked up
    as root/<key>, then as any folder under root named like the problem's folder. None if absent.
    """
    exact = root / problem_key
    if exact.is_dir():
        return exact
    name = Path(problem_key).name
    if (root / name).is_dir():
        return root / name
    matches = sorted(path for path in root.rglob(name) if path.is_dir())
    return matches[0] if matches else None
