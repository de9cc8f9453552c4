"""Evolution, round by round: the FunSearch loop over the program database.

A round: one prompt per island (every island once a round: FunSearch's samplers pick islands
at random, which over a few rounds would leave some unsampled), each showing k of the island's
programs, worst first (database.py, prompts.py); the model completes every prompt
`samples_per_prompt` times in one batch; the completions are journaled (checkpoint.py), then
judged by the evaluator (score.py or speed.py) while the next round is drawn, so the model and
the sandbox work at once; valid children join the island their prompt came from. After each
judged round the database is checkpointed, and every `reset_every` samples the weaker half of
the islands is reset. As in FunSearch, a prompt may be built before the previous round's
children are in (one round stale): the price of overlapping the two.

Before any valid program exists (no seed was given), prompts are the problem's own, as `solve`
asks; the first valid programs then found every island. The independent arm of `bench evolve`
(independent=True) keeps the same prompt but always shows the seed alone: sampling that never
builds on what it found.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

from sandbox.jobs import Program, Verdict
from solver.evolve.checkpoint import DrawnRound, EvolveError, RunFolder
from solver.evolve.database import DatabaseConfig, Entry, ProgramDatabase
from solver.evolve.prompts import Version, evolve_prompt
from solver.evolve.score import ProgramScore
from solver.problem import Problem
from solver.sampling.extract import to_sample
from solver.sampling.profiles import ModelProfile
from solver.sampling.samplers import complete_many
from solver.sampling.types import Prompt, Sampler, SamplingOptions


class Evaluator(Protocol):
    """What evolution needs of an evaluator (score.ScoreEvaluator, speed.SpeedEvaluator)."""

    objective: str  # "max" or "min"
    mode: str  # "score" or "speed"
    goal: str  # what the prompt asks of the next version

    def label(self, score: float) -> str: ...

    def evaluate(self, programs: list[Program],
                 parents: dict[str, Program | None]) -> dict[str, ProgramScore]: ...


@dataclass(frozen=True)
class EvolveOptions:
    """One evolution run's budget and search settings.

    samples: completions in all (the budget); a larger value resumes a finished run and goes on.
    time_s: wall seconds this invocation may draw for (None: no limit); the round in flight is
        still judged.
    islands: see database.default_islands (fewer on a CPU). More islands keep more diversity
        and need more samples before any one island improves.
    samples_per_prompt: completions of each prompt (FunSearch: 4); more batch better on the
        engine, fewer let the database move between rounds.
    reset_every: samples between resets of the weaker half (None: a quarter of the budget, at
        least two rounds); at most one reset a round.
    temperature_init: the parent softmax's starting temperature, as a share of the island's
        score spread (database.py); it anneals to 0 over an island's expected share of the budget.
    independent: the baseline arm: every prompt shows the seed alone (no database).
    """

    samples: int = 64
    time_s: float | None = None
    islands: int = 4
    functions_per_prompt: int = 2
    samples_per_prompt: int = 2
    reset_every: int | None = None
    temperature_init: float = 0.1
    seed: int = 0
    independent: bool = False


@dataclass
class EvolveProgress:
    """What the live view shows after each judged round."""

    round: int
    samples: int  # completions judged so far (this run and the ones it resumed)
    budget: int
    valid: int  # of those, completions whose program was valid
    best: float | None
    island_bests: list[float | None]
    resets: int
    seconds: float  # since this invocation started
    failures: dict[str, int] = field(default_factory=dict)  # why children did not count

    @property
    def valid_rate(self) -> float:
        return self.valid / self.samples if self.samples else 0.0


@dataclass
class EvolveResult:
    best: Entry | None
    # Best score so far after each judged round: {samples, best_score} (never worse later).
    history: list[dict]
    samples: int
    valid: int
    rounds: int
    resumed_samples: int  # completions judged before this invocation began
    replayed_samples: int  # completions journaled before a kill, judged now, not drawn again
    drawn_samples: int  # completions drawn from the model by this invocation
    seed_score: float | None
    database: ProgramDatabase
    objective: str
    mode: str
    progress: EvolveProgress | None = None
    failures: dict[str, int] = field(default_factory=dict)  # why children did not count


@dataclass
class _RunState:
    round: int = 0  # the last judged round
    samples: int = 0
    valid: int = 0
    history: list[dict] = field(default_factory=list)
    seed_id: int | None = None
    seed_score: float | None = None
    resets_done: int = 0
    # Why children did not count, by kind: "no program" (none in the reply, or cut off), a
    # verdict ("RE", "TLE", ...), "rejected" (by the scorer, or --speed: disagreed).
    failures: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"round": self.round, "samples": self.samples, "valid": self.valid,
                "history": self.history, "seed_id": self.seed_id,
                "seed_score": self.seed_score, "resets_done": self.resets_done,
                "failures": self.failures}


class _Evolution:
    """One run's state and the two halves of a round (draw, judge)."""

    def __init__(self, problem: Problem, sampler: Sampler, evaluator: Evaluator,
                 profile: ModelProfile, sampling: SamplingOptions, options: EvolveOptions,
                 folder: RunFolder | None, key: dict,
                 on_progress: Callable[[EvolveProgress], None] | None) -> None:
        self.problem, self.sampler, self.evaluator = problem, sampler, evaluator
        self.profile, self.sampling, self.options = profile, sampling, options
        self.folder, self.key, self.on_progress = folder, key, on_progress
        self.lock = threading.Lock()  # the database and counts: drawn and judged in two threads
        self.started = time.monotonic()
        islands = 1 if options.independent else max(1, options.islands)
        self.database = ProgramDatabase(
            DatabaseConfig(islands=islands, functions_per_prompt=options.functions_per_prompt,
                           temperature_init=options.temperature_init,
                           temperature_period=max(1, options.samples // islands)),
            evaluator.objective, options.seed)
        self.state = _RunState()
        self.last_progress: EvolveProgress | None = None
        # A quarter of the budget, but never under two rounds: an island needs a few rounds
        # before it can be called weak.
        per_round = max(1, options.samples_per_prompt) * max(1, options.islands)
        self.reset_every = options.reset_every or max(options.samples // 4, 2 * per_round)

    # --- state ---------------------------------------------------------------------------

    def restore(self) -> bool:
        """Load the checkpoint if there is one; whether there was."""
        saved = self.folder.load(self.key) if self.folder is not None else None
        if saved is None:
            return False
        self.database = ProgramDatabase.from_json(saved["database"])
        run = saved["run"]
        self.state = _RunState(run["round"], run["samples"], run["valid"], run["history"],
                               run["seed_id"], run["seed_score"], run["resets_done"],
                               run.get("failures", {}))
        return True

    def save(self) -> None:
        if self.folder is not None:
            self.folder.save({"run": self.state.to_json(), "database": self.database.to_json()},
                             self.key)

    def add_seed(self, seed: Program) -> None:
        """Score the seed; it founds every island. EvolveError when it is not valid."""
        scored = self.evaluator.evaluate([seed], {seed.key: None})[seed.key]
        if not scored.valid or scored.score is None:
            raise EvolveError(f"the seed program is not valid on {self.problem.id}: "
                              f"{scored.failure}")
        entry = self.database.new_entry(seed.source, seed.language, scored.score,
                                        scored.signature, sample=0)
        self.database.register(entry)
        self.state.seed_id, self.state.seed_score = entry.id, scored.score

    def record_history(self) -> None:
        best = self.database.best()
        self.state.history.append({"samples": self.state.samples,
                                   "best_score": best.score if best is not None else None})

    # --- drawing -------------------------------------------------------------------------

    def build_round(self, number: int, count: int) -> tuple[DrawnRound, list[Prompt]]:
        """Prompts for `count` completions: one per island (independent: per seed showing)."""
        with self.lock:
            per_prompt = max(1, self.options.samples_per_prompt)
            prompts_wanted = max(1, -(-count // per_prompt))
            if self.database.size() == 0:
                return (DrawnRound(number, [None] * prompts_wanted,
                                   [[] for _ in range(prompts_wanted)]),
                        [evolve_prompt(self.problem, self.profile, [], self.evaluator.goal)]
                        * prompts_wanted)
            islands, parents, prompts = [], [], []
            for position in range(prompts_wanted):
                if self.options.independent:  # the seed alone; without one, the plain prompt
                    island = 0
                    chosen = ([self.database.entries[self.state.seed_id]]
                              if self.state.seed_id is not None else [])
                else:
                    # Every island once per round, then at random (FunSearch: at random).
                    island = (position if position < len(self.database.islands)
                              else self.database.choose_island())
                    chosen = self.database.choose_parents(island)
                versions = [Version(entry.source, self.evaluator.label(entry.score))
                            for entry in chosen]
                islands.append(island)
                parents.append([entry.id for entry in chosen])
                prompts.append(evolve_prompt(self.problem, self.profile, versions,
                                             self.evaluator.goal))
            return DrawnRound(number, islands, parents), prompts

    def draw(self, number: int, count: int) -> DrawnRound:
        """One round's completions, journaled before they are judged."""
        drawn, prompts = self.build_round(number, count)
        per_prompt = max(1, self.options.samples_per_prompt)
        params = self.profile.params(self.sampling, per_prompt)
        answers = complete_many(self.sampler, prompts, params)
        left = count
        for group in answers:
            kept = group[:max(0, left)]
            left -= len(kept)
            drawn.completions.append([(c.text, c.finished, c.tokens) for c in kept])
        if self.folder is not None:
            self.folder.append(drawn)
        return drawn

    # --- judging -------------------------------------------------------------------------

    def judge(self, drawn: DrawnRound) -> None:
        """Evaluate a round's programs, register the valid ones, checkpoint."""
        children: list[tuple[int, int | None, list[int], Program | None]] = []
        number = self.state.samples
        for island, parent_ids, group in zip(drawn.islands, drawn.parents, drawn.completions,
                                             strict=True):
            for text, finished, tokens in group:
                number += 1
                sample = to_sample(number, text, finished, self.profile, tokens=tokens)
                children.append((number, island, parent_ids, sample.program))
        programs = [program for *_, program in children if program is not None]
        parents: dict[str, Program | None] = {}
        for _, _, parent_ids, program in children:
            if program is not None and parent_ids:
                best_shown = self.database.entries[parent_ids[-1]]
                parents.setdefault(program.key, Program(best_shown.language, best_shown.source))
            elif program is not None:
                parents.setdefault(program.key, None)
        scores = self.evaluator.evaluate(programs, parents) if programs else {}
        with self.lock:
            for sample_number, island, parent_ids, program in children:
                scored = scores.get(program.key) if program is not None else None
                if program is None or scored is None or not scored.valid or scored.score is None:
                    kind = failure_kind(scored.failure if scored is not None else "")
                    self.state.failures[kind] = self.state.failures.get(kind, 0) + 1
                    continue
                self.state.valid += 1
                entry = self.database.new_entry(program.source, program.language, scored.score,
                                                scored.signature, sample_number,
                                                tuple(parent_ids))
                self.database.register(entry, island)  # None: every island (a first program)
            self.state.samples += drawn.samples
            self.state.round = drawn.round
            if (not self.options.independent and len(self.database.islands) > 1
                    and self.state.samples // self.reset_every > self.state.resets_done):
                self.database.reset_islands()  # at most once a round
                self.state.resets_done = self.state.samples // self.reset_every
            self.record_history()
            self.save()
            best = self.database.best()
            self.last_progress = EvolveProgress(
                round=drawn.round, samples=self.state.samples, budget=self.options.samples,
                valid=self.state.valid, best=best.score if best is not None else None,
                island_bests=self.database.island_bests(), resets=self.database.resets,
                seconds=time.monotonic() - self.started, failures=dict(self.state.failures))
        if self.on_progress is not None:
            self.on_progress(self.last_progress)


def failure_kind(failure: str) -> str:
    """A child's failure in one word: "no program", a verdict, or "rejected"."""
    if not failure:
        return "no program"
    last = failure.rsplit(": ", 1)[-1]
    return last if last in {verdict.value for verdict in Verdict} else "rejected"


def run_key(problem: Problem, mode: str, options: EvolveOptions, seed: Program | None,
            extra: dict | None = None) -> dict:
    """What a resumed run must share with the run it resumes: the problem, the mode, the search
    settings, the seed program and `extra` (the caller's: model, profile, temperature). The
    budget is not in it: a larger --samples goes on where a run stopped."""
    return {"problem": problem.id, "mode": mode, "options": {
        "islands": options.islands, "samples_per_prompt": options.samples_per_prompt,
        "functions_per_prompt": options.functions_per_prompt, "seed": options.seed,
        "independent": options.independent}, **(extra or {}),
        "seed_program": seed.source if seed is not None else None}


def evolve(
    problem: Problem,
    sampler: Sampler,
    evaluator: Evaluator,
    *,
    profile: ModelProfile,
    sampling: SamplingOptions,
    options: EvolveOptions,
    folder: RunFolder | None = None,
    seed: Program | None = None,
    key: dict | None = None,
    on_progress: Callable[[EvolveProgress], None] | None = None,
) -> EvolveResult:
    """Evolve programs for `problem` within options.samples completions (and options.time_s).

    folder: where the run is checkpointed and journaled (None: in memory only); a folder that
        holds a run of the same `key` is resumed (EvolveError for another key).
    seed: the first program (FunSearch's skeleton); None: the problem's own prompt until a
        valid program appears.
    key: what a resumed run must share with this one (problem, mode, model, prompt, seed...).
    """
    key = run_key(problem, evaluator.mode, options, seed, key)
    run = _Evolution(problem, sampler, evaluator, profile, sampling, options, folder, key,
                     on_progress)
    if not run.restore():
        if seed is not None:
            run.add_seed(seed)
        run.record_history()
        run.save()
    resumed = run.state.samples
    replayed = 0
    journal = folder.journal() if folder is not None else []
    for drawn in journal:  # drawn before a kill, not judged: judged now, never drawn again
        if drawn.round > run.state.round:
            run.judge(drawn)
            replayed += drawn.samples
    number = max([run.state.round, *(drawn.round for drawn in journal)]) + 1
    done_before = run.state.samples  # judged, the replayed rounds included
    drawn_now = 0
    # Both arms draw rounds of the same size (independent: as many prompts as islands).
    per_round = max(1, options.samples_per_prompt) * max(1, options.islands)
    pending: Future | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="evolve-judge") as judging:
        while (left := options.samples - done_before - drawn_now) > 0:
            if options.time_s is not None and time.monotonic() - run.started >= options.time_s:
                break
            drawn = run.draw(number, min(per_round, left))
            number += 1
            drawn_now += drawn.samples
            if pending is not None:
                pending.result()  # at most one round judged while the next is drawn
            if drawn.samples == 0:
                break  # the sampler returned nothing: no progress to be had
            pending = judging.submit(run.judge, drawn)
        if pending is not None:
            pending.result()
    best = run.database.best()
    return EvolveResult(best=best, history=run.state.history, samples=run.state.samples,
                        valid=run.state.valid, rounds=run.state.round,
                        resumed_samples=resumed, replayed_samples=replayed,
                        drawn_samples=drawn_now, seed_score=run.state.seed_score,
                        database=run.database, objective=evaluator.objective,
                        mode=evaluator.mode, progress=run.last_progress,
                        failures=dict(run.state.failures))
