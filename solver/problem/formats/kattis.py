"""Kattis packages: problem.yaml, .timelimit, problem_statement/, data/sample, data/secret;
scoring packages (`type: scoring`) too, scored by their output validator's score.txt."""

from __future__ import annotations

from pathlib import Path

from solver.problem.checkers import find_checker, scoring
from solver.problem.formats.common import (
    check_memory,
    check_time,
    load_tests,
    nesting_guard,
    parse_flags,
    read_text,
    safe_yaml,
    title_text,
)
from solver.problem.formats.latex import latex_to_text
from solver.problem.types import Problem, ProblemError, Scoring

DEFAULT_TIME_S = 2.0
DEFAULT_MEMORY_MB = 1024  # the Kattis default when problem.yaml gives none



def load(path: Path) -> Problem:
    """A package folder (its problem.yaml is accepted as a handle on the package)."""
    if path.is_file() and path.name == "problem.yaml":
        path = path.parent
    if not path.is_dir():
        raise ProblemError(f"{path}: a Kattis package must be a folder")
    return load_kattis(path)


def load_kattis(folder: Path) -> Problem:
    meta: dict = {}
    yaml_path = folder / "problem.yaml"
    if yaml_path.exists():  # anything but a regular file is refused when read
        loaded = safe_yaml(yaml_path, read_text(yaml_path))
        if loaded is not None and not isinstance(loaded, dict):
            raise ProblemError(f"{yaml_path}: must be a YAML mapping (key: value lines)")
        meta = loaded or {}
    limits = meta.get("limits") or {}
    if not isinstance(limits, dict):
        raise ProblemError(f"{yaml_path}: 'limits' must be a mapping, got {limits!r}")

    time_path = folder / ".timelimit"
    if time_path.exists():
        raw = read_text(time_path).strip()
        try:
            time_s: object = float(raw)
        except ValueError as e:
            raise ProblemError(f"{time_path}: not a number of seconds: {raw[:40]!r}") from e
        limits_file = time_path
    else:
        time_s = limits.get("time_limit", DEFAULT_TIME_S)
        limits_file = yaml_path
    time_limit_s = check_time(limits_file, time_s)
    memory_mb = check_memory(yaml_path, limits.get("memory", DEFAULT_MEMORY_MB))

    statement, tex_title = _kattis_statement(folder)
    title = tex_title or _yaml_name(yaml_path, meta.get("name")) or folder.name

    examples = load_tests(folder / "data" / "sample", "sample", recursive=False)
    if not examples:
        raise ProblemError(f"{folder / 'data' / 'sample'}: no examples (no *.in + *.ans pairs)")
    flags = parse_flags(yaml_path, meta.get("validator_flags"))
    # An interactive package's output validator is its interactor: found here, where it is known
    # to be one (load_problem looks for an ordinary checker only when none was found).
    interactor = find_checker(folder, flags, interactive=True) if _interactive(meta) else None
    scored = _scoring(folder, yaml_path, meta, flags)
    return Problem(
        id=folder.name,
        title=title,
        statement=statement,
        examples=examples,
        hidden=load_tests(folder / "data" / "secret", "secret", recursive=True),
        time_limit_s=time_limit_s,
        memory_limit_mb=memory_mb,
        checker=flags,
        url=_source_url(meta.get("source_url")),
        source_format="kattis",
        path=folder,
        custom_checker=interactor,
        scoring=scored,
    )


def _words(meta: dict, *keys: str) -> list[str]:
    """The words of problem.yaml's `keys` (each a string of words or a list of them)."""
    words: list[str] = []
    for value in (meta.get(key) for key in keys):
        if isinstance(value, str):
            words += value.split()
        elif isinstance(value, list):
            words += [word for word in value if isinstance(word, str)]
    return words


def _scoring(folder: Path, yaml_path: Path, meta: dict, flags) -> Scoring | None:
    """A scoring package's Scoring: `type: scoring` (2023-07 format) or `validation: custom
    score` (legacy), scored by its output validator (score.txt); the objective from
    `grading: {objective: max|min}` (legacy) or `scoring: {objective: ...}`; None otherwise."""
    words = _words(meta, "type")
    validation = _words(meta, "validation")
    if "scoring" not in words and "score" not in validation:
        return None
    checker = find_checker(folder, flags)
    if checker.kind != "kattis" or checker.program is None:
        raise ProblemError(f"{folder}: a scoring problem needs an output validator that writes "
                           "score.txt (output_validators/<name>/ with its source)")
    objective = None
    for key in ("grading", "scoring"):
        section = meta.get(key)
        if isinstance(section, dict) and "objective" in section:
            objective = section["objective"]
    aggregate = meta.get("aggregate")  # not Kattis': cpsolve's own, as in Markdown
    return scoring(yaml_path, checker.program, "kattis", objective, aggregate)


def _interactive(meta: dict) -> bool:
    """Whether problem.yaml makes the problem interactive: `validation: custom interactive`
    (the legacy format), or `type: interactive` (a word or a list item; the 2023-07 format)."""
    return "interactive" in _words(meta, "validation", "type")


def _yaml_name(yaml_path: Path, name: object) -> str:
    # Newer packages give a per-language mapping: name: {en: ...}.
    if isinstance(name, dict):
        name = name.get("en") or next(iter(name.values()), None)
    return title_text(yaml_path, name)


def _kattis_statement(folder: Path) -> tuple[str, str | None]:
    """Statement text and \\problemname title, from the English LaTeX (or Markdown) statement."""
    sdir = folder / "problem_statement"
    for name in ("problem.en.tex", "problem.tex"):
        if (sdir / name).exists():
            tex = read_text(sdir / name)
            with nesting_guard(sdir / name):  # the converter recurses into {groups}
                return latex_to_text(tex)
    for name in ("problem.en.md", "problem.md"):
        if (sdir / name).exists():
            return read_text(sdir / name).strip() + "\n", None
    raise ProblemError(f"{sdir}: no statement (expected problem.en.tex or problem.tex)")



def _source_url(url: object) -> str | None:
    # problem.yaml's source_url is where the problem comes from, the closest Kattis has to a url.
    return url.strip() if isinstance(url, str) and url.strip() else None
