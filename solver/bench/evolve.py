"""The evolution benchmark (`cpsolve bench evolve`): FunSearch-style evolution against
independent sampling, same model, same budget of completions, same prompt otherwise.

Both arms start from the same seed program (the problem's solutions/seed.*, or none) and draw
the same rounds (one prompt per island, `samples_per_prompt` completions each); they differ in
what the prompts show: evolution, two programs of an island of the database (worst first);
independent sampling, the seed alone, every time, so that nothing it finds is built on. The
measure is the best score after the budget, per problem and seed, paired: how often evolution
ends better, equal or worse. Scores are taken on the problem's tests as `evolve` takes them.
A measurement only: nothing here changes what `evolve` does.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sandbox.jobs import Program
from sandbox.tester import Executor
from solver.evolve.loop import EvolveOptions, evolve
from solver.evolve.plot import plot_history
from solver.evolve.score import ScoreEvaluator, better
from solver.problem import Problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Sampler, SamplingOptions

ARMS = ("independent", "evolution")


def benchmark_evolve(
    problems: Sequence[Problem],
    sampler: Sampler,
    executor: Executor,
    *,
    profile: ModelProfile,
    sampling: SamplingOptions,
    samples: int,
    seeds: int,
    islands: int,
    samples_per_prompt: int = 2,
    seed_programs: dict[str, Program | None] | None = None,
    plots: Path | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> dict:
    """Both arms on every scored problem, `seeds` times each; the report (plain data).

    plots: a folder for one PNG per problem (best score against samples, every arm and seed).
    """
    seed_programs = seed_programs or {}
    rows = []
    paired = {"evolution_better": 0, "equal": 0, "independent_better": 0}
    totals = {arm: {"valid": 0, "samples": 0, "seconds": 0.0} for arm in ARMS}
    for problem in problems:
        evaluator = ScoreEvaluator(executor, problem)
        objective = evaluator.objective
        runs: dict[str, list[dict]] = {arm: [] for arm in ARMS}
        curves: dict[str, list[dict]] = {}
        for seed in range(seeds):
            for arm in ARMS:
                started = time.perf_counter()
                result = evolve(problem, sampler, evaluator, profile=profile, sampling=sampling,
                                options=EvolveOptions(samples=samples, islands=islands,
                                                      samples_per_prompt=samples_per_prompt,
                                                      seed=seed,
                                                      independent=arm == "independent"),
                                seed=seed_programs.get(problem.id))
                seconds = time.perf_counter() - started
                best = result.best.score if result.best is not None else None
                runs[arm].append({"seed": seed, "best": best, "valid": result.valid,
                                  "samples": result.samples, "seconds": seconds,
                                  "seed_score": result.seed_score})
                curves[f"{arm} (seed {seed})"] = result.history
                totals[arm]["valid"] += result.valid
                totals[arm]["samples"] += result.samples
                totals[arm]["seconds"] += seconds
                if on_progress is not None:
                    on_progress(f"{problem.id} seed {seed} {arm}: best {best}, "
                                f"{result.valid}/{result.samples} valid, {seconds:.0f} s")
            evolved, alone = runs["evolution"][-1]["best"], runs["independent"][-1]["best"]
            if evolved is not None and (alone is None or better(evolved, alone, objective)):
                paired["evolution_better"] += 1
            elif alone is not None and (evolved is None or better(alone, evolved, objective)):
                paired["independent_better"] += 1
            else:
                paired["equal"] += 1
        if plots is not None:
            plot_history(curves, plots / f"{problem.id}.png",
                         title=f"{problem.id}: evolution vs independent sampling",
                         ylabel=f"best score ({objective})")
        rows.append({
            "id": problem.id, "objective": objective,
            "seed_score": runs["evolution"][0]["seed_score"],
            "arms": {arm: {"best_mean": _mean([r["best"] for r in runs[arm]]),
                           "runs": runs[arm]} for arm in ARMS},
        })
    return {
        "settings": {"problems": len(problems), "samples": samples, "seeds": seeds,
                     "islands": islands, "samples_per_prompt": samples_per_prompt,
                     "model": sampling.model, "profile": profile.name,
                     "temperature": sampling.temperature},
        "paired": paired,
        "arms": {arm: {"valid_rate": totals[arm]["valid"] / max(1, totals[arm]["samples"]),
                       "seconds": totals[arm]["seconds"]} for arm in ARMS},
        "problems": rows,
    }


def _mean(values: list[float | None]) -> float | None:
    """The mean of the runs' best scores; None when a run found no valid program."""
    if not values or any(value is None for value in values):
        return None
    return statistics.fmean(values)  # type: ignore[arg-type]
