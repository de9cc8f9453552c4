"""Batch mode: solve every problem under a folder, keep per-problem results, summarise.

Results go to <out>/<problem key>/ (the rank files, result.json, and outcome.json); a problem whose
outcome.json exists is not redone, so a killed batch resumes where it stopped.
"""

from __future__ import annotations

import fnmatch
import json
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sandbox.tester import Executor
from solver.evaluation import evaluation_json
from solver.files import write_whole
from solver.problem import ProblemError, detect_format, load_problem
from solver.reporting import result_json, save_samples, write_candidates
from solver.run.examples import Progress
from solver.sampling.folder import programs_folder_for, samples_from_folder, source_files
from solver.sampling.types import Sampler
from solver.solve import SolveOptions, solve_problem

OUTCOME_FILE = "outcome.json"
SKIPPED_FOLDERS = {"data", "problem_statement", "submissions", "output_validators",
                   "input_validators", "attachments"}


@dataclass(frozen=True)
class BatchOptions:
    """Where results go and which problems run."""

    out_dir: Path = Path("cpsolve-out/batch")  # <out_dir>/<problem key>/ per problem
    only: str | None = None  # glob (or plain substring) on the problem key; None: all
    fresh: bool = False  # redo problems that already have an outcome.json


@dataclass
class ProblemOutcome:
    """One problem's result in a batch, as stored in outcome.json and printed with --json."""

    id: str  # the problem's path under the batch root ("contest/problem")
    title: str
    status: str  # "done", "skipped" (nothing to select from) or "error" (problem not loadable)
    solved_at_1: bool | None = None  # None: no hidden tests to tell by
    solved_at_10: bool | None = None
    stats: dict = field(default_factory=dict)
    evaluation: dict | None = None  # solver.evaluation.evaluation_json
    candidates: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


# --- finding problems ---------------------------------------------------------------------------


def is_problem_folder(path: Path) -> bool:
    """Whether a folder is one problem in a format load_problem reads (the one detection rule)."""
    if not path.is_dir():
        return False
    try:
        detect_format(path)
    except ProblemError:
        return False
    return True


def find_problems(root: Path) -> list[tuple[str, Path]]:
    """(key, folder) of every problem folder under root at any depth, sorted by key.

    The key is the folder's path relative to root, or its name when root is itself a problem.
    Problem folders are not searched further (their data/ is not a problem).
    """
    if is_problem_folder(root):
        return [(root.resolve().name, root)]
    found: list[tuple[str, Path]] = []
    for current, folders, _files in os.walk(root):
        here = Path(current)
        keep = []
        for name in sorted(folders):
            path = here / name
            if name.startswith(".") or name in SKIPPED_FOLDERS:
                continue
            if is_problem_folder(path):
                found.append((path.relative_to(root).as_posix(), path))
            else:
                keep.append(name)
        folders[:] = keep
    return sorted(found)


def matches(key: str, pattern: str | None) -> bool:
    if not pattern:
        return True
    return fnmatch.fnmatch(key, pattern) or pattern in key


# --- running ------------------------------------------------------------------------------------


def outcome_path(options: BatchOptions, key: str) -> Path:
    return options.out_dir / key / OUTCOME_FILE


def load_outcome(path: Path) -> ProblemOutcome | None:
    try:
        return ProblemOutcome(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # missing or half-written: redo the problem


def save_outcome(path: Path, outcome: ProblemOutcome) -> None:
    # Whole or absent: a kill mid-write leaves no outcome, so the problem is redone.
    write_whole(path, json.dumps(asdict(outcome), indent=2) + "\n")


def solve_one(
    key: str,
    folder: Path,
    executor: Executor,
    options: SolveOptions,
    out_dir: Path,
    *,
    programs_root: Path | None = None,
    sampler: Sampler | None = None,
    progress: Progress | None = None,
    on_start: Callable[[str], None] | None = None,
) -> ProblemOutcome:
    """One problem of a batch, solved as `solve` solves it; its files go to out_dir.

    programs_root: take the programs from programs_root/<key>/ (solver.sampling.folder) instead
        of a model; a problem with no such folder is skipped.
    sampler: the model, opened once by the caller for the whole batch (None: solve_problem
        opens it for this problem; the in-process engine is shared per process anyway).
    on_start(key): once the problem has loaded, before it is solved.
    """
    started = time.monotonic()
    try:
        problem = load_problem(folder)
    except ProblemError as error:
        return ProblemOutcome(id=key, title=folder.name, status="error", error=str(error))
    except Exception as error:  # noqa: BLE001 - a loader bug must not end the whole batch
        reason = " ".join(f"{type(error).__name__}: {error}".split())  # kept to one line
        return ProblemOutcome(id=key, title=folder.name, status="error",
                              error=f"{folder}: cannot load: {reason}")
    if on_start is not None:
        on_start(key)
    labels: list[str] = []
    samples = None
    if programs_root is not None:
        programs = programs_folder_for(programs_root, key)
        if programs is None:
            return ProblemOutcome(id=key, title=problem.title, status="skipped",
                                  error="no programs for this problem")
        labels = [path.relative_to(programs).as_posix() for path in source_files(programs)]
        samples = samples_from_folder(programs)
    result = solve_problem(problem, executor, options, samples=samples, sampler=sampler,
                           progress=progress, on_sampled=lambda drawn: save_samples(out_dir,
                                                                                   drawn))
    write_candidates(result, out_dir)
    data = result_json(result, out_dir)
    for candidate in data["candidates"]:
        if labels:
            candidate["sample_files"] = [labels[i] for i in candidate["sample_ids"]]
    evaluation = result.evaluation
    return ProblemOutcome(
        id=key,
        title=problem.title,
        status="done",
        solved_at_1=evaluation.solved_at_1 if evaluation else data["solved_at_1"],
        solved_at_10=evaluation.solved_at_10 if evaluation else data["solved_at_10"],
        stats=data["stats"],
        evaluation=evaluation_json(evaluation),
        candidates=data["candidates"],
        seconds=round(time.monotonic() - started, 3),
    )


def run_batch(
    problems: Sequence[tuple[str, Path]],
    executor: Executor,
    options: SolveOptions,
    batch: BatchOptions | None = None,
    *,
    programs_root: Path | None = None,
    sampler: Sampler | None = None,
    on_start: Callable[[str], None] | None = None,
    on_outcome: Callable[[ProblemOutcome, bool], None] | None = None,
    progress: Progress | None = None,
) -> list[ProblemOutcome]:
    """Solve each (key, folder) not yet done (see solve_one).

    batch: where results go and which problems run (None: BatchOptions()).
    on_start(key) once a problem has loaded, before it is solved; on_outcome(outcome, resumed)
    after each, resumed when its outcome.json was kept from an earlier run.
    """
    batch = batch or BatchOptions()
    outcomes = []
    for key, folder in problems:
        if not matches(key, batch.only):
            continue
        stored = outcome_path(batch, key)
        previous = None if batch.fresh else load_outcome(stored)
        if previous is not None:
            outcome, resumed = previous, True
        else:
            outcome = solve_one(key, folder, executor, options, batch.out_dir / key,
                                programs_root=programs_root, sampler=sampler, progress=progress,
                                on_start=on_start)
            # Only finished problems are kept: a skipped or unloadable one may be fixed later.
            if outcome.status == "done":
                save_outcome(stored, outcome)
            resumed = False
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome, resumed)
    return outcomes


# --- summary and reports ------------------------------------------------------------------------

STAGES = ("sampled", "unique", "compiled", "passed_examples", "generated_inputs", "clusters")


def summary(outcomes: Sequence[ProblemOutcome]) -> dict:
    """Counts and rates over the problems that ran; rates over those with hidden tests."""
    done = [o for o in outcomes if o.status == "done"]
    judged = [o for o in done if o.solved_at_1 is not None]
    at_1 = sum(1 for o in judged if o.solved_at_1)
    at_10 = sum(1 for o in judged if o.solved_at_10)
    evaluated = [o.evaluation for o in judged if o.evaluation]
    # Problems where an accepted program survived the examples: where selection could succeed.
    findable = [o for o in judged if o.evaluation and o.evaluation["correct_survivors"]]

    def mean_pass(k: str) -> float | None:
        values = [e["pass_at"][k] for e in evaluated if k in e["pass_at"]]
        return round(sum(values) / len(values), 4) if values else None

    return {
        "problems": len(done),
        "with_hidden_tests": len(judged),
        "skipped": sum(1 for o in outcomes if o.status == "skipped"),
        "errors": sum(1 for o in outcomes if o.status == "error"),
        "solved_at_1": at_1,
        "solved_at_10": at_10,
        "solve_rate_at_1": round(at_1 / len(judged), 4) if judged else None,
        "solve_rate_at_10": round(at_10 / len(judged), 4) if judged else None,
        "mean_pass_at_1": mean_pass("1"),
        "mean_pass_at_10": mean_pass("10"),
        "with_correct_survivor": len(findable),
        "chosen_first_when_findable": sum(1 for o in findable if o.solved_at_1),
        "stage_totals": {stage: sum(o.stats.get(stage, 0) for o in done) for stage in STAGES},
    }


def batch_json(outcomes: Sequence[ProblemOutcome]) -> dict:
    return {"problems": [asdict(o) for o in outcomes], "summary": summary(outcomes)}


def junit_xml(outcomes: Sequence[ProblemOutcome], suite: str = "cpsolve-batch") -> str:
    """One test case per problem: failed when the first choice fails the hidden tests, skipped
    when nothing ran or there are no hidden tests, an error when the problem did not load."""
    cases = ET.Element("testsuite", name=suite, tests=str(len(outcomes)))
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    for outcome in outcomes:
        classname, _, name = outcome.id.rpartition("/")
        case = ET.SubElement(cases, "testcase", classname=classname or suite, name=name,
                             time=f"{outcome.seconds:.3f}")
        if outcome.status == "error":
            ET.SubElement(case, "error", message=outcome.error or "error")
            counts["errors"] += 1
        elif outcome.status == "skipped" or outcome.solved_at_1 is None:
            ET.SubElement(case, "skipped", message=outcome.error or "no hidden tests")
            counts["skipped"] += 1
        elif not outcome.solved_at_1:
            first = outcome.candidates[0]["hidden_verdict"] if outcome.candidates else None
            message = f"first choice: {first}" if first else "no program passed the examples"
            ET.SubElement(case, "failure", message=message)
            counts["failures"] += 1
        stats = ", ".join(f"{k} {outcome.stats.get(k, 0)}" for k in STAGES)
        ET.SubElement(case, "system-out").text = (
            f"{stats}; solved@10 {outcome.solved_at_10}; evaluation {outcome.evaluation}"
        )
    for key, value in counts.items():
        cases.set(key, str(value))
    ET.indent(cases)
    return ET.tostring(cases, encoding="unicode", xml_declaration=True) + "\n"


def solve_rate(outcomes: Sequence[ProblemOutcome]) -> float:
    """solved@1 over problems with hidden tests (0 when there are none: nothing was shown)."""
    rate = summary(outcomes)["solve_rate_at_1"]
    return 0.0 if rate is None else rate
