"""The too-slow mode (`cpsolve evolve --speed --from PROGRAM`): where "faster" and "still the
same program" are decided.

The score is running time, lower better: a program's CPU time on each of the largest inputs the
statement allows (solver.selection.largest), measured `repeats` times, the median kept per
input, their mean the score. Timing is noisy (the machine may be busy), so medians of several
runs are compared, never one run; and signatures (FunSearch's clusters) round times to 10 ms.
A child counts only when it agrees with its parent (the best version its prompt showed) on
every small input (the examples and mutations of them): same verdict OK and outputs the
problem's checker flags call equal. Its large runs must end OK too, under `time_factor` times
the problem's time limit (a too-slow parent needs room to be measured at all).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from sandbox.checkers import Checker, check_builtin
from sandbox.jobs import Job, Limits, Program, RunResult, Verdict
from sandbox.tester import Executor
from solver.evolve.score import ProgramScore
from solver.problem import Problem, ProblemError
from solver.selection.constraints import read_constraints
from solver.selection.largest import largest_inputs
from solver.selection.mutation import mutate_inputs, statement_bounds

TIME_RESOLUTION_S = 0.01  # times closer than this are one signature


@dataclass(frozen=True)
class SpeedInputs:
    small: list[bytes]  # where a child must agree with its parent
    large: list[bytes]  # where it is timed


def speed_inputs(problem: Problem, *, small: int = 20, large: int = 3,
                 seed: int = 0) -> SpeedInputs:
    """The examples and `small` mutations of them; `large` inputs at the statement's largest
    sizes. ProblemError when the statement gives no range to grow an input to."""
    examples = [case.input for case in problem.examples]
    constraints = read_constraints(problem.statement, examples)
    mutated = mutate_inputs(examples, small, seed=seed, bounds=statement_bounds(
        problem.statement), constraints=constraints, max_bytes=100_000)
    grown = largest_inputs(examples, constraints, large, seed=seed)
    if not grown:
        raise ProblemError(f"{problem.id}: no large inputs can be made (the statement states no "
                           "upper bound for a size the examples show), so speed is not measured")
    return SpeedInputs(small=examples + mutated, large=grown)


class SpeedEvaluator:
    """Evaluator of the too-slow mode: agreement with the parent, then medians of timings."""

    def __init__(self, executor: Executor, problem: Problem, inputs: SpeedInputs, *,
                 repeats: int = 3, time_factor: float = 4.0) -> None:
        """repeats: timed runs per large input (more: steadier medians, slower rounds);
        time_factor: the large runs' CPU limit is this times the problem's (a child slower than
        that is not measured, and does not count)."""
        self.executor, self.problem, self.inputs = executor, problem, inputs
        self.repeats, self.objective, self.mode = max(1, repeats), "min", "speed"
        self.goal = "runs faster on the largest inputs and prints the same output"
        self.limits = Limits(time_s=problem.time_limit_s * time_factor,
                             memory_mb=problem.memory_limit_mb)
        self.checker = Checker("default", problem.checker)
        self.small_runs: dict[str, list[RunResult]] = {}  # by Program.key: reference outputs

    @staticmethod
    def label(score: float) -> str:
        return f"{score:.3f} s on the largest inputs"

    def run_small(self, programs: Sequence[Program]) -> None:
        """Every program not yet run on the small inputs, run there (outputs kept)."""
        todo = [p for p in {p.key: p for p in programs}.values() if p.key not in self.small_runs]
        if not todo:
            return
        jobs = [Job(program, data, self.limits) for program in todo for data in self.inputs.small]
        runs = self.executor.run(jobs)
        count = len(self.inputs.small)
        for number, program in enumerate(todo):
            self.small_runs[program.key] = runs[number * count:(number + 1) * count]

    def disagreement(self, child: Program, parent: Program | None) -> str:
        """"" when the child agrees with its parent on every small input, else why not."""
        mine = self.small_runs[child.key]
        theirs = self.small_runs[(parent or child).key]
        for number, (run, reference) in enumerate(zip(mine, theirs, strict=True)):
            if run.verdict is not Verdict.OK:
                return f"small input {number + 1}: {run.verdict.value}"
            if reference.verdict is not Verdict.OK:
                return f"small input {number + 1}: the parent itself failed there"
            if not check_builtin(run.stdout, reference.stdout, self.checker).accepted:
                return f"small input {number + 1}: output differs from the parent's"
        return ""

    def evaluate(self, programs: Sequence[Program],
                 parents: dict[str, Program | None]) -> dict[str, ProgramScore]:
        """Each program's median times on the large inputs, valid when it agrees with its
        parent (parents[key]; None: it is its own reference, as the seed is)."""
        programs = list({p.key: p for p in programs}.values())
        self.run_small([*programs, *(p for p in parents.values() if p is not None)])
        out: dict[str, ProgramScore] = {}
        agreeing = []
        for program in programs:
            why = self.disagreement(program, parents.get(program.key))
            if why:
                out[program.key] = ProgramScore((), False, None, why)
            else:
                agreeing.append(program)
        # Repeats interleaved (every program once, then again), so that a burst of load on the
        # machine spreads over all programs instead of falling on one.
        jobs = [(program, data) for _ in range(self.repeats) for program in agreeing
                for data in self.inputs.large]
        runs = self.executor.run([Job(program, data, self.limits) for program, data in jobs])
        timings: dict[tuple[str, int], list[float]] = {}
        failures: dict[str, str] = {}
        large_index = {data: number for number, data in enumerate(self.inputs.large)}
        for (program, data), run in zip(jobs, runs, strict=True):
            if run.verdict is not Verdict.OK:
                failures.setdefault(program.key,
                                    f"large input {large_index[data] + 1}: {run.verdict.value}")
            timings.setdefault((program.key, large_index[data]), []).append(run.cpu_s)
        for program in agreeing:
            if program.key in failures:
                out[program.key] = ProgramScore((), False, None, failures[program.key])
                continue
            medians = tuple(statistics.median(timings[(program.key, number)])
                            for number in range(len(self.inputs.large)))
            out[program.key] = ProgramScore(medians, True, statistics.fmean(medians),
                                            resolution=TIME_RESOLUTION_S)
        return out
