"""A stress run: PROGRAM against a reference on input after input until they disagree (or PROGRAM
fails), then the failing input shrunk to the smallest that still fails.

Inputs come in rounds: the problem's examples, then inputs generated the way clustering makes
them (solver.selection: mutated and restricted example inputs, in the statement's ranges, with
seed after seed), or a user's generator's output for seed 1, 2, 3, ...; or, when the reference
is the hidden tests, those tests. Every input is judged as the judge would: sandbox.tester.judge
with the problem's limits and output checker, the reference's output as the expected answer.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from sandbox.jobs import Job, Limits, Program, RunResult, Verdict
from sandbox.tester import Executor, Test, judge
from solver.problem import Problem
from solver.problem.types import InputValidator
from solver.run.examples import judge_stage
from solver.run.program import message_of
from solver.run.tests import limits_for
from solver.selection.constraints import InputConstraints, read_constraints
from solver.selection.largest import largest_inputs
from solver.selection.mutation import mutate_inputs, restricted_inputs, statement_bounds
from solver.selection.select import validated, validators_keeping_examples
from solver.stress.reference import (
    BRUTE,
    INTERACTIVE,
    Reference,
    StressInputError,
    is_interactive,
)
from solver.stress.shrink import ShrinkResult, shrink_input

# A generator is the user's tool, not the program under test: generous, and the same for every
# problem. One slower than this is reported as failing (StressInputError), not waited for.
GENERATOR_LIMITS = Limits(time_s=5.0, memory_mb=1024)
# Rounds in a row that bring no new input before the inputs count as exhausted (tiny examples
# leave mutation little to vary; a generator may ignore its seed).
DRY_ROUNDS = 50

Progress = Callable[[str, int], None]  # (phase: "search" or "shrink", runs so far in it)
Failure = tuple[str, bytes, bytes, RunResult]  # (origin, input, expected, PROGRAM's run on it)


@dataclass(frozen=True)
class StressOptions:
    """Budgets and trade-offs of a stress run. Defaults: a contestant's ten seconds."""

    time_s: float = 10.0  # search budget; a round started before it ends is run to its end
    # Inputs per generated round (mutated, then half as many restricted ones) or seeds per
    # generator batch. More: fewer round trips; fewer: the budget is kept more closely.
    round_inputs: int = 16
    seed: int = 0  # first seed of generated inputs (a --generator starts at 1 regardless)
    # Inputs at the statement's largest sizes, in the first generated round, where the ranges
    # are read and the reference is not a brute force (one times out there by design: each such
    # input costs seconds and says nothing). 0: none.
    largest_inputs: int = 2
    # The reference's time limit is the problem's times this: a brute force is slow by nature,
    # and an input it cannot answer is skipped. Higher: fewer skips, longer waits on each.
    reference_time_factor: float = 2.0
    shrink_runs: int = 300  # shrink candidates run at most (each: reference, then PROGRAM)
    shrink_time_s: float = 20.0  # shrinking's own budget, after the search's
    # A shrunk input must fail the way the found one did (a WA stays a WA): else it may slide to
    # a crash on a degenerate input the ranges could not rule out. False: any failure will do.
    same_verdict: bool = True
    max_input_bytes: int = 1_000_000  # generated inputs longer than this are not run


@dataclass(frozen=True)
class Counterexample:
    """An input on which PROGRAM fails, with what it printed and what was expected."""

    input: bytes  # shrunk, when the reference answers any input; else as found
    output: bytes  # PROGRAM's stdout on it (for OLE only its head)
    expected: bytes  # the reference's output (or the hidden test's answer) on it
    verdict: Verdict  # WA, RE, TLE, MLE or OLE
    message: str  # one line: the checker's reason for a WA, the crash's last line, ...
    origin: str  # where the input came from: "example 1", "seed 3 #5", "generator seed 7", ...
    found: bytes  # the input as found, before shrinking


@dataclass
class StressReport:
    """What a stress run did. counterexample None: PROGRAM agreed on everything it was given."""

    reference: Reference
    counterexample: Counterexample | None
    tries: int  # inputs PROGRAM was judged on while searching (shrink runs not counted)
    # Inputs the reference failed on (crash, timeout, no output checkable): they say nothing
    # about PROGRAM and were not counted as tries.
    skipped: int
    # Inputs never run: outside the statement's ranges (where constraints.py can read them) or
    # rejected by the problem's own input validators. An input nothing could be checked on is
    # run, as in selection.
    invalid: int
    duplicates: int  # inputs generated again (mutation or a generator repeats itself): run once
    rounds: int
    elapsed_s: float  # search time (shrinking apart)
    # True: the inputs ran out before the time did (all hidden tests passed, or DRY_ROUNDS
    # rounds brought nothing new); False: the budget ended the search, or a counterexample did.
    exhausted: bool
    # TLEs that did not repeat when run again alone (a busy machine's wall clock, not PROGRAM):
    # not counterexamples. Many of them: the machine is too busy for the time limit to mean much.
    unrepeated_timeouts: int = 0
    shrink: ShrinkResult | None = None  # None: nothing to shrink, or no reference to shrink with


def stress(
    executor: Executor,
    program: Program,
    problem: Problem,
    reference: Reference,
    options: StressOptions = StressOptions(),
    *,
    generator: Program | None = None,
    progress: Progress | None = None,
) -> StressReport:
    """Run PROGRAM against the reference until they disagree or options.time_s is spent; shrink
    what was found.

    generator: a program printing one input for the seed given as its only argument (seeds 1,
        2, 3, ...); None: inputs generated from the examples and the statement. Unused with
        hidden tests as the reference (they bring their inputs).
    Raises StressInputError when PROGRAM, the reference or the generator does not compile, the
    generator fails, or the problem is interactive and the reference a program; SandboxError
    when the sandbox cannot run at all.
    """
    if is_interactive(problem) and reference.answers_any_input:
        raise StressInputError(INTERACTIVE.format(problem.id))
    run = _Run(executor, program, problem, reference, options, progress)
    if not reference.answers_any_input:
        return run.search_hidden()
    return run.search_and_shrink(generator)


class _Run:
    """One stress run's state: the counts, the inputs seen, and how to judge an input."""

    def __init__(self, executor: Executor, program: Program, problem: Problem,
                 reference: Reference, options: StressOptions, progress: Progress | None) -> None:
        self.executor, self.program, self.problem = executor, program, problem
        self.reference, self.options = reference, options
        self.progress = progress or (lambda _phase, _count: None)
        self.started = time.monotonic()
        self.deadline = self.started + options.time_s
        self.report = StressReport(reference, None, tries=0, skipped=0, invalid=0, duplicates=0,
                                   rounds=0, elapsed_s=0.0, exhausted=False)
        examples = [case.input for case in problem.examples]
        # Ranges are read from the statement and trusted only where every example keeps them.
        self.constraints: InputConstraints = read_constraints(problem.statement, examples)
        self.seen: set[int] = set()  # hashes of the inputs generated so far
        limits = limits_for(problem)
        self.reference_limits = replace(
            limits, time_s=limits.time_s * options.reference_time_factor)

    @functools.cached_property  # asked only where inputs are generated, and then once
    def validators(self) -> list[InputValidator]:
        """The problem's input validators that accept every example (selection's rule)."""
        if not self.problem.input_validators:
            return []
        return validators_keeping_examples(self.problem, self.executor)

    # --- the searches -----------------------------------------------------------------------

    def search_hidden(self) -> StressReport:
        """PROGRAM on the hidden tests, a round at a time, against their answers. No shrinking:
        nothing answers a shrunk input."""
        tests = self.reference.tests
        size = max(1, self.options.round_inputs)
        for start in range(0, len(tests), size):
            if time.monotonic() >= self.deadline:
                break
            self.report.rounds += 1
            found = self.first_failing([(f"hidden test {case.name}", case.input, case.output)
                                        for case in tests[start:start + size]])
            self.progress("search", self.report.tries)
            if found is not None:
                origin, data, expected, result = found
                self.report.counterexample = Counterexample(
                    data, result.stdout, expected, result.verdict, message_of(result), origin,
                    data)
                return self.finish()
        else:
            self.report.exhausted = True
        return self.finish()

    def search_and_shrink(self, generator: Program | None) -> StressReport:
        """Rounds of inputs, each answered by the reference and then judged, until PROGRAM
        fails on one (shrunk, then returned) or the time or the inputs run out."""
        batches = self.generator_rounds(generator) if generator is not None \
            else self.generated_rounds()
        dry = 0
        # The clock is read before each batch is made: a generator's batch costs runs too.
        while time.monotonic() < self.deadline:
            batch = next(batches)
            self.report.rounds += 1
            fresh = self.new_valid(batch)
            dry = 0 if fresh else dry + 1
            if dry >= DRY_ROUNDS:
                self.report.exhausted = True
                break
            found = self.first_failure(fresh)
            self.progress("search", self.report.tries)
            if found is not None:
                self.report.elapsed_s = time.monotonic() - self.started
                self.report.counterexample = self.shrunk(found)
                return self.report
        return self.finish()

    def finish(self) -> StressReport:
        self.report.elapsed_s = time.monotonic() - self.started
        return self.report

    # --- where inputs come from -------------------------------------------------------------

    def generated_rounds(self) -> Iterator[list[tuple[str, bytes]]]:
        """The examples, then per seed: mutated example inputs (in the statement's ranges),
        half as many restricted ones, and in the first round the largest sizes."""
        examples = [case.input for case in self.problem.examples]
        if not examples:
            raise StressInputError(
                f"{self.problem.id}: no examples to generate inputs from; pass --generator GEN")
        yield [(f"example {i}", data) for i, data in enumerate(examples, start=1)]
        bounds = statement_bounds(self.problem.statement)
        count, limit = self.options.round_inputs, self.options.max_input_bytes
        largest = self.options.largest_inputs if self.reference.kind != BRUTE else 0
        seed = self.options.seed
        while True:
            batch = mutate_inputs(examples, count, seed=seed, max_bytes=limit, bounds=bounds,
                                  constraints=self.constraints)
            batch += restricted_inputs(examples, count // 2, seed=seed, max_bytes=limit)
            if seed == self.options.seed and largest and self.constraints.trusted:
                # Last in the round: they are the slow ones, and a smaller failure may come first.
                batch += largest_inputs(examples, self.constraints, largest, seed=seed,
                                        max_bytes=limit)
            yield [(f"seed {seed} #{i}", data) for i, data in enumerate(batch, start=1)]
            seed += 1

    def generator_rounds(self, generator: Program) -> Iterator[list[tuple[str, bytes]]]:
        """The generator's stdout for seeds 1, 2, 3, ..., a batch of seeds run at once."""
        seed = 1
        while True:
            seeds = list(range(seed, seed + max(1, self.options.round_inputs)))
            jobs = [Job(generator, b"", GENERATOR_LIMITS, args=(str(s),)) for s in seeds]
            batch = []
            for s, result in zip(seeds, self.executor.run(jobs), strict=True):
                if result.verdict is Verdict.CE:
                    raise StressInputError(f"the generator does not compile: "
                                           f"{message_of(result)}")
                if result.verdict is not Verdict.OK:
                    raise StressInputError(f"the generator failed on seed {s} "
                                           f"({result.verdict.value}): {message_of(result)}")
                batch.append((f"generator seed {s}", result.stdout))
            yield batch
            seed += len(seeds)

    def new_valid(self, batch: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        """The batch's inputs not seen before (counted apart), not empty, not too long, and
        keeping the statement's ranges and the problem's validators (counted as invalid)."""
        fresh = []
        for name, data in batch:
            key = hash(data)
            if key in self.seen or not data.strip() or len(data) > self.options.max_input_bytes:
                self.report.duplicates += 1
                continue
            self.seen.add(key)
            fresh.append((name, data))
        keep = [self.keeps_ranges(data) for _, data in fresh]
        if self.validators and any(keep):
            said = iter(validated(self.validators, [d for (_, d), k in zip(fresh, keep,
                                                                            strict=True) if k],
                                  self.executor))
            keep = [k and next(said) for k in keep]
        self.report.invalid += keep.count(False)
        return [item for item, k in zip(fresh, keep, strict=True) if k]

    def keeps_ranges(self, data: bytes) -> bool:
        return self.constraints.check(data).valid

    # --- judging ----------------------------------------------------------------------------

    def first_failure(self, batch: Sequence[tuple[str, bytes]]) -> Failure | None:
        """The first input of the batch (in order) PROGRAM fails on, with the reference's
        answer; None when it passes every input the reference answered."""
        if not batch:
            return None
        answers = self.answers([data for _, data in batch])
        answered = [(name, data, answer) for (name, data), answer in zip(batch, answers,
                                                                        strict=True)
                    if answer is not None]
        self.report.skipped += len(batch) - len(answered)
        return self.first_failing(answered)

    def first_failing(self, cases: Sequence[tuple[str, bytes, bytes]]) -> Failure | None:
        """PROGRAM on (origin, input, expected) cases in order: the first it fails on, a TLE
        only if it repeats (confirmed). After a TLE that did not, the cases after it (skipped
        by the early stop) are judged again."""
        pending = list(cases)
        while pending:
            runs = self.judge_program([Test(name, data, answer) for name, data, answer in pending])
            for index, ((name, data, answer), result) in enumerate(zip(pending, runs,
                                                                          strict=True)):
                if result.verdict is Verdict.SKIPPED:
                    continue
                self.report.tries += 1
                if result.verdict is Verdict.OK:
                    continue
                result = self.confirmed(Test(name, data, answer), result)
                if result.verdict is not Verdict.OK:
                    return name, data, answer, result
                self.report.unrepeated_timeouts += 1
                pending = pending[index + 1:]
                break
            else:
                return None
        return None

    def confirmed(self, test: Test, result: RunResult) -> RunResult:
        """A TLE run again, alone: on a machine busy with other work a fast program can pass
        its wall-time limit once. The second run's result stands (OK: it was the machine)."""
        if result.verdict is not Verdict.TLE:
            return result
        (again,) = self.judge_program([test])
        return again

    def answers(self, inputs: Sequence[bytes]) -> list[bytes | None]:
        """The reference's output on each input; None where it failed (that input is skipped).
        A reference that does not compile is the user's to fix: StressInputError."""
        assert self.reference.program is not None
        tests = [Test(f"reference/{i}", data) for i, data in enumerate(inputs)]
        runs = judge(self.executor, [self.reference.program], tests, self.reference_limits,
                     self.problem.output_checker)[self.reference.program.key]
        if runs and runs[0].verdict is Verdict.CE:
            raise StressInputError(f"the reference ({self.reference.where}) does not compile: "
                                   f"{message_of(runs[0])}")
        return [run.stdout if run.verdict is Verdict.OK else None for run in runs]

    def judge_program(self, tests: Sequence[Test]) -> list[RunResult]:
        """PROGRAM on the tests as the judge would, stopping at its first failure (what follows
        it is SKIPPED). A PROGRAM that does not compile has no counterexample: StressInputError.
        """
        runs = judge_stage("stress", self.executor, [self.program], tests, problem=self.problem,
                           stop_at_first_failure=True)[self.program.key]
        if runs and runs[0].verdict is Verdict.CE:
            raise StressInputError(f"PROGRAM does not compile: {message_of(runs[0])}")
        return runs

    # --- shrinking --------------------------------------------------------------------------

    def shrunk(self, found: Failure) -> Counterexample:
        """The found failure shrunk (shrink.shrink_input): each candidate keeps the ranges, is
        answered by the reference, and PROGRAM still fails on it (the same way, by default)."""
        origin, data, expected, result = found
        # The last input that still failed, with its answer and run: the shrinker's current
        # input is always the last one it accepted, so this is the smallest at the end.
        last = (data, expected, result)
        runs = 0

        def still_fails(candidate: bytes) -> bool:
            nonlocal runs, last
            runs += 1
            self.progress("shrink", runs)
            if self.validators and not validated(self.validators, [candidate], self.executor)[0]:
                return False
            (answer,) = self.answers([candidate])
            if answer is None:
                return False  # the reference cannot say what is right here
            test = Test("shrink", candidate, answer)
            (run,) = self.judge_program([test])
            run = self.confirmed(test, run)
            if run.verdict is Verdict.OK or (self.options.same_verdict
                                             and run.verdict is not result.verdict):
                return False
            last = (candidate, answer, run)
            return True

        self.report.shrink = shrink_input(
            data, still_fails, allowed=self.keeps_ranges, max_runs=self.options.shrink_runs,
            deadline=time.monotonic() + self.options.shrink_time_s)
        smallest, answer, run = last
        assert smallest == self.report.shrink.data
        return Counterexample(smallest, run.stdout, answer, run.verdict, message_of(run),
                              origin, data)
