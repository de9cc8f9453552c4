"""The selection benchmark (`cpsolve bench select`): solved@1 and solved@10 of several rankings
over the same clusters and the same hidden verdicts, on programs people wrote and labelled.

Each problem is filtered once and clustered on each input set (INPUT_SETS: plain mutation as
AlphaCode, the same with the statement's ranges checked, and with input rounds added), exactly as
`solve` does it; every survivor is judged on the hidden tests once. An arm is an input set and
a ranking (RANKED_ARMS), so differences between arms on one input set are the rankings' alone.
The oracle arm takes the problem's labelled time_limit_exceeded/ programs (right but slow) as the
brute-force oracles a model would write: an upper bound on what such oracles add, not a
measurement of a model's. A measurement only: no arm here changes what `solve` chooses.

The learned arm (solver/selection/scorer.py, on the plain set) is scored only on problems its
model was not trained on (the model file lists them by folder name): a split by problem, never by
program. The report then compares every arm on those held-out problems alone ("learned").
The dual arm (selection/dual.py, on the plain set) is scored when a model is asked for tests:
the model's own tests with expected outputs, from the statement alone; a measurement of that
model's tests, not an upper bound.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from math import sqrt
from pathlib import Path

from sandbox.jobs import Verdict
from sandbox.tester import Executor
from solver.batch import matches
from solver.bench.significance import sign_test_p
from solver.evaluation import hidden_verdicts, pass_at_k
from solver.problem import Problem, ProblemError, TestCase, load_problem
from solver.run.examples import Progress
from solver.sampling.folder import programs_folder_for, samples_from_folder
from solver.selection.clustering import Cluster
from solver.selection.ranking import choose_top, rank_clusters, rank_keys
from solver.selection.scorer import LearnedRanker, rank_learned
from solver.selection.select import Selection, SelectionOptions, select
from solver.train.data import problem_name

# Input sets the clusters are formed on, as SelectionOptions fields: "plain" is selection as it
# was before the statement's ranges were read (AlphaCode's one batch of mutated inputs).
INPUT_SETS = {
    "plain": {"check_constraints": False, "input_rounds": 0},
    "valid": {"check_constraints": True, "input_rounds": 0},
    # The statement's ranges only drop inputs; mutation as in plain (what each half costs).
    "checked": {"check_constraints": True, "input_rounds": 0, "range_aware_mutation": False},
    "rounds": {"check_constraints": True},  # input_rounds from the options (default 3)
    # The same with tiny inputs in the first round (selection/tiny.py).
    "tiny": {"check_constraints": True, "tiny_inputs": 24},
}
# arm -> (input set, ranker); "random" is the expectation over the plain set's survivors.
RANKED_ARMS = {
    "size": ("plain", "size"),
    "runs-clean": ("plain", "evidence"),
    "agreement": ("plain", "agreement"),
    "all": ("plain", "all"),
    "valid+size": ("valid", "size"),
    "checked+size": ("checked", "size"),
    "rounds+size": ("rounds", "size"),
    "rounds+evidence": ("rounds", "evidence"),
    "rounds+agreement": ("rounds", "agreement"),
    "rounds+oracle": ("rounds", "oracle"),
    "rounds+all": ("rounds", "all"),
    "tiny+size": ("tiny", "size"),
    "tiny+agreement": ("tiny", "agreement"),
}
# The labelled programs that stand in for a model-written brute-force oracle: correct but slow.
ORACLE_LABEL = "time_limit_exceeded"
ARMS = ("random", *RANKED_ARMS)
LEARNED_ARM = "learned"  # plain inputs, the learned ranker; only on problems held out of training
DUAL_ARM = "dual"  # plain inputs, CodeT's dual score; only when a model wrote tests
DEFAULT_ROUNDS = 3
TOP_K = 10  # solved@10: the chosen ten
Z_95 = 1.959964  # two-sided 95% normal quantile


# --- the arithmetic (pure) ----------------------------------------------------------------------


def random_expectation(survivors: Sequence[tuple[int, bool]], *, k: int = TOP_K
                       ) -> tuple[float, float]:
    """Expected (solved@1, solved@k) when survivors are taken in a random order.

    survivors: (samples that gave the program, whether it passes the hidden tests) per distinct
        survivor. solved@1 draws one sample, so it weighs programs by their samples; solved@k
        draws k distinct programs without replacement (hypergeometric: 1 - C(n-c, k) / C(n, k)).
    """
    total = sum(weight for weight, _ in survivors)
    if total <= 0:
        return 0.0, 0.0
    correct_weight = sum(weight for weight, correct in survivors if correct)
    correct_programs = sum(1 for _, correct in survivors if correct)
    return correct_weight / total, pass_at_k(len(survivors), correct_programs, k)


def solved_in_order(ranked: Sequence[Cluster], correct_keys: set[str], *, k: int = TOP_K
                    ) -> tuple[bool, bool]:
    """(solved@1, solved@k) when the top k are chosen from clusters in this order (choose_top,
    as `solve` does). correct_keys: Program.key of every survivor passing the hidden tests."""
    chosen = [candidate.key in correct_keys for _, _, candidate in choose_top(list(ranked), k)]
    return bool(chosen) and chosen[0], any(chosen)


def tied_solved_at_1(ranked: Sequence[Cluster], keys: dict[int, tuple], correct_keys: set[str]
                     ) -> float:
    """solved@1 as an expectation over ties: the share of right representatives among the
    clusters whose rank key equals the first's. Which of equal clusters comes first is decided
    by milliseconds of run time, so a single order would make the benchmark a coin flip there.
    """
    if not ranked:
        return 0.0
    top = [c for c in ranked if keys[id(c)] == keys[id(ranked[0])]]
    return sum(c.representative.key in correct_keys for c in top) / len(top)


def wilson_interval(successes: float, trials: int, *, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a proportion. successes may be fractional (an expected count,
    as for the random arm); (0, 1) when there are no trials."""
    if trials <= 0:
        return 0.0, 1.0
    share = successes / trials
    denominator = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    half = z * sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


# --- one problem, then all ----------------------------------------------------------------------


@dataclass
class ProblemScores:
    """One problem's result under each arm: solved@1 an expectation over ties (and over orders
    for the random arm), solved@10 0 or 1."""

    id: str
    survivors: int = 0  # distinct programs that passed the examples
    correct_survivors: int = 0  # of those, passing the hidden tests
    clusters: int = 0  # on the plain input set
    generated_inputs: int = 0  # the plain set's inputs
    clusters_after_rounds: int = 0  # on the rounds input set
    clusters_after_tiny: int = 0  # on the tiny input set (rounds with tiny inputs)
    invalid_inputs: int = 0  # the rounds set's inputs rejected by the statement's ranges
    round_inputs: int = 0  # inputs the rounds added
    model_tests: int | None = None  # model-written tests run (None: none were asked for)
    arms: dict[str, dict[str, float]] = field(default_factory=dict)  # arm -> {solved_at_1, ...}
    # With a learned model: whether the problem was among its training problems (then it has no
    # learned arm). None: no learned model.
    trained_on: bool | None = None
    error: str | None = None  # the problem could not be loaded or has no hidden tests


def score_problem(key: str, folder: Path, programs: Path, executor: Executor, *,
                  options: SelectionOptions | None = None,
                  learned: LearnedRanker | None = None,
                  write_tests: Callable[[Problem], list[TestCase]] | None = None,
                  progress: Progress | None = None) -> ProblemScores:
    """Select once on the problem's labelled programs, judge every survivor once, score each arm.

    programs: the folder of this problem's programs (any layout; every source file is a sample).
    options: the selection's inputs (None: SelectionOptions(), AlphaCode's plain batch; each
        input set overrides its own fields).
    learned: the learned arm's model; scored only when the problem is not one it was trained on.
    write_tests: a model writing tests with expected outputs for the dual arm (statement only).
    progress(stage, done, total): passed on to the sandbox stages.
    """
    try:
        problem = load_problem(folder)
    except ProblemError as error:
        return ProblemScores(id=key, error=str(error))
    if not problem.hidden:
        return ProblemScores(id=key, error="no hidden tests")
    samples = samples_from_folder(programs)
    slow = programs / ORACLE_LABEL
    oracles = [sample.program for sample in samples_from_folder(slow)] if slow.is_dir() else []
    base = options or SelectionOptions(input_rounds=DEFAULT_ROUNDS)
    selections = {}
    example_results = None
    model_tests = write_tests(problem) if write_tests is not None else []
    for name, fields in INPUT_SETS.items():
        chosen = replace(base, ranker="size", **fields)
        if name in ("rounds", "tiny") and chosen.input_rounds <= 0:
            chosen = replace(chosen, input_rounds=DEFAULT_ROUNDS)
        selections[name] = select(problem, samples, executor, chosen, progress=progress,
                                  example_results=example_results,
                                  oracles=oracles if name == "rounds" else (),
                                  model_tests=model_tests if name == "plain" else ())
        example_results = example_results or selections[name].example_results
    survivors = selections["plain"].survivors
    verdicts = hidden_verdicts(problem, [c.program for c in survivors], executor, progress) \
        if survivors else {}
    correct_keys = {key for key, found in verdicts.items() if found.verdict is Verdict.OK}
    at_1, at_10 = random_expectation([(c.weight, c.key in correct_keys) for c in survivors])
    arms = {"random": {"solved_at_1": at_1, "solved_at_10": at_10}}
    for arm, (input_set, ranker) in RANKED_ARMS.items():
        arms[arm] = ranked_arm(selections[input_set], ranker, correct_keys)
    if write_tests is not None:
        arms[DUAL_ARM] = ranked_arm(selections["plain"], "dual", correct_keys)
    trained_on = None
    if learned is not None:
        trained_on = problem_name(key) in learned.model.trained_on
        if not trained_on:
            arms[LEARNED_ARM] = learned_arm(selections["plain"].clusters, learned, correct_keys)
    rounds = selections["rounds"].stats
    return ProblemScores(id=key, survivors=len(survivors), correct_survivors=len(correct_keys),
                         trained_on=trained_on,
                         clusters=len(selections["plain"].clusters),
                         generated_inputs=selections["plain"].stats.generated_inputs,
                         clusters_after_rounds=len(selections["rounds"].clusters),
                         clusters_after_tiny=len(selections["tiny"].clusters),
                         invalid_inputs=rounds.invalid_inputs, round_inputs=rounds.round_inputs,
                         model_tests=selections["plain"].stats.model_tests
                         if write_tests is not None else None,
                         arms=arms)


def order_scores(ranked: Sequence[Cluster], keys: dict[int, tuple], correct_keys: set[str]
                 ) -> dict[str, float]:
    """One order's solved@1 (an expectation over the clusters tied with the first on `keys`)
    and solved@10."""
    _, solved_10 = solved_in_order(ranked, correct_keys)
    return {"solved_at_1": tied_solved_at_1(ranked, keys, correct_keys),
            "solved_at_10": float(solved_10)}


def ranked_arm(selection: Selection, ranker: str, correct_keys: set[str]) -> dict[str, float]:
    """A ranker's scores over one input set's clusters, with the evidence that set gathered
    (oracle agreement, dual scores; each ranker reads only its own)."""
    evidence = {"oracle": selection.oracle, "dual": selection.dual}
    return order_scores(rank_clusters(selection.clusters, ranker, **evidence),
                        rank_keys(selection.clusters, ranker, **evidence), correct_keys)


def learned_arm(clusters: Sequence[Cluster], learned: LearnedRanker, correct_keys: set[str]
                ) -> dict[str, float]:
    """The learned ranker's scores over these clusters (ties: equal probabilities)."""
    ranked, scores = rank_learned(clusters, learned)
    return order_scores(ranked, {id(c): (-scores[c.representative.key],) for c in ranked},
                        correct_keys)


def summarise_arms(scores: Sequence[ProblemScores], arms: Sequence[str] = ARMS
                   ) -> dict[str, dict]:
    """Per arm: mean solved@1 and solved@10 over the scored problems, a Wilson 95% interval
    for solved@1 over problems (the random arm's expected count stands in for successes), and
    against size (`vs_size`): on how many problems its solved@1 is higher, lower, and the sign
    test's two-sided p of that split. Every arm must be scored on every problem given."""
    scored = [s for s in scores if s.error is None]
    summary = {}
    for arm in arms:
        at_1 = sum(s.arms[arm]["solved_at_1"] for s in scored)
        at_10 = sum(s.arms[arm]["solved_at_10"] for s in scored)
        count = len(scored)
        low, high = wilson_interval(at_1, count)
        better, worse = compare(scored, arm, "size")
        summary[arm] = {"solved_at_1": round(at_1 / count, 4) if count else 0.0,
                        "solved_at_10": round(at_10 / count, 4) if count else 0.0,
                        "ci95": [round(low, 4), round(high, 4)],
                        "vs_size": {"better": better, "worse": worse,
                                    "p": round(sign_test_p(better, worse), 4)}}
    return summary


def compare(scores: Sequence[ProblemScores], arm: str, baseline: str) -> tuple[int, int]:
    """On how many problems `arm`'s solved@1 is above `baseline`'s, and on how many below."""
    gaps = [s.arms[arm]["solved_at_1"] - s.arms[baseline]["solved_at_1"] for s in scores]
    return sum(gap > 1e-9 for gap in gaps), sum(gap < -1e-9 for gap in gaps)


def benchmark_selection(
    problems: Sequence[tuple[str, Path]],
    programs_root: Path,
    executor: Executor,
    *,
    only: str | None = None,
    options: SelectionOptions | None = None,
    learned: LearnedRanker | None = None,
    write_tests: Callable[[Problem], list[TestCase]] | None = None,
    on_start: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> dict:
    """{arms: {name: {solved_at_1, solved_at_10, ci95}}, problems: [...]} over every (key,
    folder) that has programs under programs_root (solver.sampling.folder.programs_folder_for);
    with a learned model also {learned: {held_out: [ids], trained_on: [ids], arms: {...}}}, every
    arm and the learned one over the held-out problems alone.

    only: glob (or substring) on the problem key, as in `batch --only`.
    options: the selection's inputs for every problem (to compare input sets: run twice).
    learned: the learned arm's model (None: no learned arm).
    write_tests: what writes a problem's tests for the dual arm (None: no dual arm).
    on_start(key): before each problem is scored.
    """
    scores = []
    for key, folder in problems:
        programs = programs_folder_for(programs_root, key)
        if programs is None or not matches(key, only):
            continue
        if on_start is not None:
            on_start(key)
        scores.append(score_problem(key, folder, programs, executor, options=options,
                                    learned=learned, write_tests=write_tests,
                                    progress=progress))
    rows = [{"id": s.id, "survivors": s.survivors, "correct_survivors": s.correct_survivors,
             "clusters": s.clusters, "generated_inputs": s.generated_inputs,
             "clusters_after_rounds": s.clusters_after_rounds,
             "clusters_after_tiny": s.clusters_after_tiny,
             "invalid_inputs": s.invalid_inputs, "round_inputs": s.round_inputs,
             "model_tests": s.model_tests,
             "arms": {arm: {name: round(value, 4) for name, value in values.items()}
                      for arm, values in s.arms.items()},
             "trained_on": s.trained_on, "error": s.error} for s in scores]
    arms = (*ARMS, DUAL_ARM) if write_tests is not None else ARMS
    report = {"arms": summarise_arms(scores, arms), "problems": rows}
    if learned is not None:
        held = [s for s in scores if s.error is None and LEARNED_ARM in s.arms]
        report["learned"] = {
            "held_out": [s.id for s in held],
            "trained_on": [s.id for s in scores if s.trained_on],
            "arms": summarise_arms(held, (*arms, LEARNED_ARM)),
        }
    return report
