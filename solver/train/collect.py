"""Where training rows come from: problems with hidden tests, their programs either from a folder
of labelled programs (Kattis layout, as `bench select` reads) or drawn from the model as `solve`
draws them. Each problem's rows are kept in the cache dir (data.rows_cache_path)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sandbox.tester import Executor
from solver.problem import load_problem
from solver.run.examples import Progress
from solver.sampling.folder import samples_from_folder, source_files
from solver.sampling.samplers import complete_many
from solver.sampling.types import Completion, GenerationParams, Prompt, Sampler
from solver.solve import SolveOptions, sample_with_model
from solver.train.data import Row, labelled_rows, load_rows, rows_cache_path, save_rows


@dataclass(frozen=True)
class Source:
    """One problem to collect rows from."""

    key: str  # its key under the root it was found in (solver.batch.find_problems)
    folder: Path
    programs: Path | None = None  # its labelled programs; None: the model samples it


@dataclass
class Collected:
    """What collecting gave: the rows, and per problem what happened."""

    rows: list[Row]
    notes: list[str]  # one line per problem: rows, from the cache or not, or why none


class LazySampler:
    """A sampler that opens the model on its first request: problems whose samples are all in
    the sample cache cost no engine start."""

    def __init__(self, open_model: Callable[[], Sampler]) -> None:
        self._open = open_model
        self._sampler: Sampler | None = None

    def _get(self) -> Sampler:
        if self._sampler is None:
            self._sampler = self._open()
        return self._sampler

    def complete(self, prompt: Prompt, params: GenerationParams) -> list[Completion]:
        return self._get().complete(prompt, params)

    def complete_many(self, prompts: list[Prompt], params: GenerationParams
                      ) -> list[list[Completion]]:
        return complete_many(self._get(), prompts, params)


def _programs_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in source_files(folder):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cache_parts(source: Source, options: SolveOptions) -> dict:
    """What the rows of one problem depend on (the row cache's key)."""
    selection = options.selection
    parts = {"problem": str(source.folder.resolve()),
             "generated_inputs": selection.generated_inputs, "seed": selection.seed,
             "restricted_inputs": selection.restricted_inputs}
    if source.programs is not None:
        parts["programs"] = _programs_digest(source.programs)
    else:
        sampling = options.sampling
        parts["model"] = {"model": sampling.model, "profile": sampling.profile,
                          "samples": sampling.samples, "temperature": sampling.temperature,
                          "top_p": sampling.top_p}
    return parts


def collect_rows(
    sources: Sequence[Source],
    executor: Executor,
    options: SolveOptions,
    *,
    sampler: Sampler | None = None,
    on_progress: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> Collected:
    """Rows of every source, from the cache where kept.

    options: sampling (for sources without programs) and selection settings; model-written
        generators and repair are not used (rows would cost minutes more per problem).
    sampler: the model (a LazySampler opens it only when a source needs samples the sample
        cache does not hold); None: sources without programs are skipped with a note.
    """
    rows: list[Row] = []
    notes: list[str] = []
    plain = replace(options, generators=0, oracles=0, model_tests=0,
                    repair=replace(options.repair, rounds=0), token_budget=None)
    for source in sources:
        path = rows_cache_path(cache_parts(source, plain))
        kept = load_rows(path)
        if kept is not None:
            rows += kept
            notes.append(f"{source.key}: {len(kept)} rows (cached)")
            continue
        problem = load_problem(source.folder)
        if not problem.hidden:
            notes.append(f"{source.key}: skipped, no hidden tests")
            continue
        if on_progress is not None:
            on_progress(f"{source.key}: collecting")
        if source.programs is not None:
            found = labelled_rows(source.key, problem, samples_from_folder(source.programs),
                                  executor, plain.selection, progress=progress)
        elif sampler is None:
            notes.append(f"{source.key}: skipped, no programs and no model")
            continue
        else:
            drawn = sample_with_model(problem, sampler, executor, plain, progress=progress)
            found = labelled_rows(source.key, problem, drawn.samples, executor, plain.selection,
                                  example_results=drawn.example_results, progress=progress)
        save_rows(path, found)
        rows += found
        notes.append(f"{source.key}: {len(found)} rows")
    return Collected(rows, notes)
