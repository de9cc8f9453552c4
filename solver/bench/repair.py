"""The repair benchmark (`cpsolve bench repair`): plain sampling against sampling plus repair at
the same generated-token budget, with the same model, problems and seeds.

Paired, per problem and seed: the repair arm draws `samples` completions (fresh samples, repairs
and notes) into a cache private to the seed; the tokens it generated are the budget. The plain
arm then samples until it has generated as many tokens: its first samples are the repair arm's
fresh ones, read back from that cache, and the rest are more fresh samples. So the arms differ by
"repair" against "more fresh samples" and nothing else. (The budget is set by the repair arm
because a repair's length is known only once drawn.) Read from the cache, the reused samples
cost the plain arm no time: its `seconds` adds them back at the rate the repair arm drew them.

Everything is judged as `solve` does it (selection on generated inputs, then hidden tests for the
verdicts only); model-written input generators are off in both arms, so that every token counted
went to solutions. A measurement only: nothing here changes what `solve` does.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sandbox.tester import Executor
from solver.batch import matches
from solver.bench.significance import sign_test_p
from solver.files import write_whole
from solver.problem import ProblemError, load_problem
from solver.repair.budget import RepairOptions
from solver.sampling.types import Sampler
from solver.solve import SolveOptions, SolveResult, solve_problem

ARMS = ("plain", "repair")
# The plain arm's completions are capped only far above what its token budget buys.
PLAIN_SAMPLES_CAP = 4


@dataclass(frozen=True)
class ArmRun:
    """One arm on one problem with one seed."""

    solved_at_1: bool
    solved_at_10: bool
    pass_rate: float  # share of completions whose program passes examples and hidden tests
    completions: int
    tokens: int  # generated: fresh samples, repairs and notes
    tokens_repair: int  # of those, repairs' and notes'
    repairs: int
    repairs_passed: int  # distinct repaired programs that passed the examples
    seconds: float  # wall time, reused samples added back at the plain arm's rate


def arm_run(result: SolveResult, seconds: float) -> ArmRun:
    stats, evaluation = result.stats, result.evaluation
    passing = evaluation.correct_samples if evaluation is not None else 0
    return ArmRun(
        solved_at_1=bool(evaluation and evaluation.solved_at_1),
        solved_at_10=bool(evaluation and evaluation.solved_at_10),
        pass_rate=passing / max(1, stats.sampled),
        completions=stats.sampled,
        tokens=stats.tokens_sampled + stats.tokens_repair,
        tokens_repair=stats.tokens_repair,
        repairs=stats.repairs,
        repairs_passed=stats.repairs_passed,
        seconds=seconds,
    )


def run_pair(problem, sampler: Sampler, executor: Executor, options: SolveOptions,
             repair: RepairOptions, cache_base: Path) -> dict[str, ArmRun]:
    """Both arms on one problem, paired through one private cache."""
    # No model-written generators, oracles or tests: every token counted went to a solution, and
    # both arms rank alike.
    repair_options = replace(options, repair=repair, token_budget=None, use_cache=True,
                             cache_base=cache_base, generators=0, oracles=0, model_tests=0)
    started = time.perf_counter()
    repaired = solve_problem(problem, executor, repair_options, sampler=sampler)
    repair_s = time.perf_counter() - started
    budget = repaired.stats.tokens_sampled + repaired.stats.tokens_repair

    # As many completions as the tokens allow: the token budget is what ends the plain arm.
    plain_options = replace(repair_options, repair=RepairOptions(rounds=0),
                            token_budget=max(1, budget),
                            sampling=replace(options.sampling,
                                             samples=PLAIN_SAMPLES_CAP * options.sampling.samples))
    started = time.perf_counter()
    plain = solve_problem(problem, executor, plain_options, sampler=sampler)
    plain_s = time.perf_counter() - started
    # The reused samples at the rate the repair arm drew them (in its own, full-sized request;
    # the plain arm's last requests shrink towards the budget and run slower per token).
    fresh_tokens = sum(s.tokens for s in repaired.samples
                       if s.origin == "sample" and not s.from_cache)
    fresh_s = repaired.sampling_s - repaired.feedback_s
    seconds_per_token = fresh_s / fresh_tokens if fresh_tokens else 0.0
    plain_s += sum(s.tokens for s in plain.samples if s.from_cache) * seconds_per_token
    return {"plain": arm_run(plain, plain_s), "repair": arm_run(repaired, repair_s)}


def summarise(runs: Sequence[dict[str, ArmRun]], seeds: int) -> dict[str, dict]:
    """Per arm: problems solved at 1 and 10 (mean over seeds), the mean per-completion pass
    rate, tokens and seconds (sums over problems, mean over seeds), repairs."""
    summary = {}
    for arm in ARMS:
        rows = [run[arm] for run in runs]
        summary[arm] = {
            "solved_at_1": sum(r.solved_at_1 for r in rows) / seeds,
            "solved_at_10": sum(r.solved_at_10 for r in rows) / seeds,
            "pass_rate": sum(r.pass_rate for r in rows) / max(1, len(rows)),
            "completions": sum(r.completions for r in rows) / seeds,
            "tokens": sum(r.tokens for r in rows) / seeds,
            "tokens_repair": sum(r.tokens_repair for r in rows) / seeds,
            "repairs": sum(r.repairs for r in rows) / seeds,
            "repairs_passed": sum(r.repairs_passed for r in rows) / seeds,
            "seconds": sum(r.seconds for r in rows) / seeds,
        }
    return summary


def save_pair(path: Path, pair: dict[str, ArmRun]) -> None:
    # Whole or absent, even when killed mid-write.
    write_whole(path, json.dumps({arm: asdict(run) for arm, run in pair.items()}))


def load_pair(path: Path) -> dict[str, ArmRun]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {arm: ArmRun(**data[arm]) for arm in ARMS}


def paired_test(runs: Sequence[dict[str, dict]], metric: str = "solved_at_1") -> dict:
    """McNemar's exact test on the (problem, seed) pairs: how often only the repair arm solved,
    how often only the plain arm did, and the two-sided binomial p-value of that split (pairs
    both arms solved, or neither, say nothing about the difference)."""
    repair_only = sum(1 for run in runs if run["repair"][metric] and not run["plain"][metric])
    plain_only = sum(1 for run in runs if run["plain"][metric] and not run["repair"][metric])
    return {"repair_only": repair_only, "plain_only": plain_only,
            "p_value": sign_test_p(repair_only, plain_only)}


def benchmark_repair(
    problems: Sequence[tuple[str, Path]],
    sampler: Sampler,
    executor: Executor,
    options: SolveOptions,
    *,
    repair: RepairOptions,
    seeds: int = 1,
    only: str | None = None,
    record: Path | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> dict:
    """Both arms on every problem (matching `only`), `seeds` times, each time with a fresh
    private cache, so every seed draws new samples. options.sampling.samples: the repair arm's
    completions per problem; their tokens are the plain arm's budget.

    record: a folder where each (seed, problem) pair is kept as it is measured; a rerun with
        the same folder takes those from it and measures only the rest (a killed run loses at
        most the pair in flight). Only for reruns with the same settings: nothing checks that.
    """
    per_problem: dict[str, list[dict[str, ArmRun]]] = {}
    errors: dict[str, str] = {}
    runs: list[dict[str, ArmRun]] = []
    chosen = [(key, folder) for key, folder in problems if matches(key, only)]
    for seed in range(seeds):
        with tempfile.TemporaryDirectory(prefix="cpsolve-bench-repair-") as base:
            for key, folder in chosen:
                if key in errors:
                    continue
                try:
                    problem = load_problem(folder)
                except ProblemError as error:
                    errors[key] = str(error)
                    continue
                kept = record / f"seed-{seed + 1}" / f"{key.replace('/', '__')}.json" \
                    if record is not None else None
                if kept is not None and kept.is_file():
                    pair = load_pair(kept)
                else:
                    pair = run_pair(problem, sampler, executor, options, repair, Path(base))
                    if kept is not None:
                        save_pair(kept, pair)
                runs.append(pair)
                per_problem.setdefault(key, []).append(pair)
                if on_progress is not None:
                    on_progress(f"seed {seed + 1}/{seeds} {key}: " + ", ".join(
                        f"{arm} {'solved' if pair[arm].solved_at_1 else 'not solved'} "
                        f"({pair[arm].tokens} tokens, {pair[arm].repairs} repairs)"
                        for arm in ARMS))
    rows = []
    for key, _ in chosen:
        if key in errors:
            rows.append({"id": key, "error": errors[key]})
            continue
        pairs = per_problem.get(key, [])
        row: dict = {"id": key, "error": None}
        for arm in ARMS:
            row[arm] = {
                "solved_at_1": sum(p[arm].solved_at_1 for p in pairs) / len(pairs),
                "solved_at_10": sum(p[arm].solved_at_10 for p in pairs) / len(pairs),
                "pass_rate": sum(p[arm].pass_rate for p in pairs) / len(pairs),
                "tokens": sum(p[arm].tokens for p in pairs) / len(pairs),
                "repairs_passed": sum(p[arm].repairs_passed for p in pairs) / len(pairs),
            }
        row["difference"] = {metric: row["repair"][metric] - row["plain"][metric]
                             for metric in ("solved_at_1", "solved_at_10", "pass_rate")}
        row["runs"] = [{arm: asdict(p[arm]) for arm in ARMS} for p in pairs]
        rows.append(row)
    summary = summarise(runs, seeds)
    pairs = [{arm: asdict(run[arm]) for arm in ARMS} for run in runs]
    return {
        "settings": {"samples": options.sampling.samples, "seeds": seeds,
                     "model": options.sampling.model, "profile": options.sampling.profile,
                     "temperature": options.sampling.temperature,
                     "repair_rounds": repair.rounds, "repair_share": repair.share,
                     "notes": repair.notes, "problems": len(chosen) - len(errors)},
        **summary,
        # Per (problem, seed) pair: which arm alone solved it (solved@1 and solved@10).
        "paired": {metric: paired_test(pairs, metric) for metric in ("solved_at_1",
                                                                     "solved_at_10")},
        "problems": rows,
    }
