"""Training rows for the learned ranker: every survivor of a problem's selection, its features
(solver/selection/features.py) and whether it passes the hidden tests.

Selection runs as `solve` runs it with the size ranker (the features do not depend on the
ranker); the hidden tests label the rows afterwards and never reach a model. Rows are kept as
JSON lines in the cache dir per (problem, programs, settings), so a rerun only trains.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sandbox.jobs import RunResult, Verdict
from sandbox.tester import Executor
from solver.config import cache_dir
from solver.evaluation import hidden_verdicts
from solver.files import write_whole
from solver.problem import Problem
from solver.run.examples import Progress
from solver.sampling.types import Sample
from solver.selection.features import FEATURES, candidate_features
from solver.selection.scorer import VERSION
from solver.selection.select import SelectionOptions, sample_origins, select


@dataclass(frozen=True)
class Row:
    """One survivor of one problem, labelled."""

    problem: str  # the problem's folder name: what a train/test split is made on
    cluster: int  # its cluster's place in the size order (0: the biggest)
    cluster_size: int  # samples in the cluster
    failures: int  # generated inputs the cluster's representative failed
    clean_share: float
    fastest: bool  # the size ranking's representative of its cluster
    key: str  # Program.key
    language: str
    source: str  # for the embedding (solver/selection/embedding.py)
    values: tuple[float, ...]  # FEATURES, in order
    passed: bool  # the label: passes every hidden test
    # The hidden verdict's name ("OK", "WA", "TLE", ...): a label, never a feature.
    verdict: str = ""


def problem_name(key: str) -> str:
    """A problem key's last part ("kth-challenge-2013/bank" -> "bank"): the name a split by
    problem goes by, so the same problem under two roots is one problem."""
    return Path(key).name


def labelled_rows(
    key: str,
    problem: Problem,
    samples: Sequence[Sample],
    executor: Executor,
    options: SelectionOptions,
    *,
    example_results: dict[str, list[RunResult]] | None = None,
    model_inputs: Sequence[bytes] = (),
    progress: Progress | None = None,
) -> list[Row]:
    """Select on the samples (size ranker), judge every survivor on the hidden tests, one Row
    per survivor. An empty list when nothing passed the examples."""
    chosen = replace(options, ranker="size", learned=None)
    selection = select(problem, samples, executor, chosen, progress=progress,
                       model_inputs=model_inputs, example_results=example_results)
    if not selection.survivors:
        return []
    verdicts = hidden_verdicts(problem, [c.program for c in selection.survivors], executor,
                               progress)
    by_index = {sample.index: sample for sample in samples}
    origins = sample_origins(selection.survivors, by_index)
    rows = []
    for row in candidate_features(selection.clusters, oracle=selection.oracle, origins=origins):
        cluster = selection.clusters[row.cluster]
        verdict = verdicts[row.candidate.key].verdict
        rows.append(Row(problem=problem_name(key), cluster=row.cluster,
                        cluster_size=cluster.size, failures=cluster.failures,
                        clean_share=cluster.clean_share,
                        fastest=row.candidate is cluster.representative,
                        key=row.candidate.key, language=row.candidate.program.language,
                        source=row.candidate.program.source, values=row.values,
                        passed=verdict is Verdict.OK, verdict=verdict.value))
    return rows


# --- the row cache ------------------------------------------------------------------------------


def rows_cache_path(parts: dict, base: Path | None = None) -> Path:
    """Where the rows of one (problem, programs, settings) are kept: parts names all three."""
    blob = json.dumps({**parts, "features": FEATURES, "version": VERSION},
                      sort_keys=True).encode()
    digest = hashlib.sha256(blob).hexdigest()[:24]
    return (base or cache_dir()) / "scorer" / "rows" / f"{digest}.jsonl"


def save_rows(path: Path, rows: Sequence[Row]) -> None:
    # Whole or absent: a half-written problem is redone.
    write_whole(path, "".join(json.dumps(asdict(row)) + "\n" for row in rows))


def load_rows(path: Path) -> list[Row] | None:
    """The rows kept at path; None when there are none (or they are from another version)."""
    if not path.is_file():
        return None
    rows = []
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            record["values"] = tuple(record["values"])
            rows.append(Row(**record))
    except (ValueError, TypeError):
        return None
    return rows
