"""Tests for solver.selection: input mutation, clustering and choosing programs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Program, RunResult, Verdict
from solver.selection.clustering import Candidate, Cluster, cluster_programs, run_signature
from solver.selection.inputs import distinct_inputs, runnable_inputs
from solver.selection.mutation import (
    mutate_inputs,
)
from solver.selection.ranking import choose_top

FLAGS = ValidatorFlags()

# --- mutation ----------------------------------------------------------------------------------


def _shape(data: bytes) -> list[str]:
    """Layout with every token replaced by its kind, for comparing token shapes."""

    def kind(tok: str) -> str:
        if re.fullmatch(r"-?\d+", tok):
            return "I"
        if re.fullmatch(r"-?\d+\.(\d+)", tok):
            return "F" + str(len(tok.split(".")[1]))
        if tok.islower():
            return f"l{len(tok)}"
        if tok.isupper():
            return f"u{len(tok)}"
        return f"w{len(tok)}"

    return [re.sub(r"\S+", lambda m: kind(m.group()), line) for line in data.decode().split("\n")]


def test_mutation_keeps_layout_and_token_shapes() -> None:
    example = b"1 5\n0.250 -3.5\nabc XYZ\n  7\t-2\n"
    mutants = mutate_inputs([example], 40, seed=3)
    assert len(mutants) == 40
    for m in mutants:
        assert _shape(m) == _shape(example)
        assert m.endswith(b"\n")


def test_mutation_keeps_non_negative_ints_non_negative() -> None:
    example = b"0 1 2 3 10 100\n"
    for m in mutate_inputs([example], 50, seed=1):
        assert all(int(t) >= 0 for t in m.split())
        assert len(m.split()) == 6


def test_mutation_is_deterministic_and_seeded() -> None:
    examples = [b"5\n1 2 3 4 5\n", b"2\nab\ncd\n"]
    assert mutate_inputs(examples, 20, seed=7) == mutate_inputs(examples, 20, seed=7)
    assert mutate_inputs(examples, 20, seed=7) != mutate_inputs(examples, 20, seed=8)


def test_mutation_does_not_depend_on_hash_seed() -> None:
    # Iterating a set of bytes depends on PYTHONHASHSEED; the output must not.
    code = (
        "from solver.selection.mutation import mutate_inputs\n"
        "ex = [b'3 4\\n#..#\\n.##.\\n', b'3\\nadd 1\\nadd 2\\nget 1\\n', b'2\\n1 -2\\n']\n"
        "print(mutate_inputs(ex, 50, seed=5))\n"
    )
    root = Path(__file__).resolve().parents[2]
    outs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, check=True
        )
        outs.add(run.stdout)
    assert len(outs) == 1


def test_mutation_count_of_one() -> None:
    # A lone "1" counts the next line; "1 5" is just two numbers.
    grown = [m for m in mutate_inputs([b"1\nfoo bar\n"], 30, seed=1) if m.startswith(b"2\n")]
    assert grown
    for m in grown:
        _, first, second, end = m.split(b"\n")
        assert first == second and end == b""
    for m in mutate_inputs([b"1 5\nfoo bar\n"], 30, seed=1):
        assert m.count(b"\n") == 2


def test_mutation_dedupes_and_excludes_examples() -> None:
    examples = [b"1\n", b"2\n"]
    mutants = mutate_inputs(examples, 100, seed=0)
    assert len(mutants) == len(set(mutants))
    assert not set(mutants) & set(examples)
    assert 0 < len(mutants) < 100  # few distinct variants exist: returns fewer, terminates


def test_mutation_respects_max_bytes() -> None:
    example = b"3\n" + b"1 " * 200 + b"\n"
    assert all(len(m) <= 300 for m in mutate_inputs([example], 20, max_bytes=300))
    assert mutate_inputs([example], 20, max_bytes=100) == []


def test_mutation_edge_cases() -> None:
    assert mutate_inputs([], 10) == []
    assert mutate_inputs([b"1 2\n"], 0) == []
    assert mutate_inputs([b""], 10) == []
    assert mutate_inputs([b"\n\n"], 10) == []


def test_mutation_keeps_floats_decimal_places() -> None:
    for m in mutate_inputs([b"3.14159 0.5 +2.00\n"], 30, seed=2):
        a, b, c = m.split()
        assert re.fullmatch(rb"\d\.\d{5}", a) or re.fullmatch(rb"\d+\.\d{5}", a)
        assert re.fullmatch(rb"\d+\.\d", b)
        assert re.fullmatch(rb"\+\d+\.\d\d", c)


def test_mutation_words_keep_character_classes() -> None:
    for m in mutate_inputs([b"hello WORLD a1b2\n"], 30, seed=4):
        lower, upper, mixed = m.split()
        assert lower.islower() and lower.isalpha() and len(lower) == 5
        assert upper.isupper() and upper.isalpha() and len(upper) == 5
        assert re.fullmatch(rb"[a-z][0-9][a-z][0-9]", mixed)


def test_mutation_grid_keeps_its_alphabet_and_width() -> None:
    example = b"3 4\n#..#\n.##.\n....\n"
    for m in mutate_inputs([example], 30, seed=5):
        lines = m.split(b"\n")
        n, w = map(int, lines[0].split())
        rows = [r for r in lines[1:] if r]
        assert n == len(rows) and w == 4
        assert all(re.fullmatch(rb"[#.]{4}", r) for r in rows)


def test_mutation_keeps_counts_consistent_for_lines() -> None:
    example = b"4\n1 2\n3 4\n5 6\n7 8\n"
    mutants = mutate_inputs([example], 60, seed=11)
    sizes = set()
    for m in mutants:
        lines = [line for line in m.split(b"\n") if line]
        assert int(lines[0]) == len(lines) - 1
        assert all(len(line.split()) == 2 for line in lines[1:])
        sizes.add(len(lines) - 1)
    assert sizes >= {3, 4, 5}  # the block both grew and shrank


def test_mutation_keeps_counts_consistent_for_arrays() -> None:
    example = b"5\n3 1 4 1 5\n"
    sizes = set()
    for m in mutate_inputs([example], 60, seed=12):
        first, second = m.split(b"\n")[:2]
        assert int(first) == len(second.split())
        sizes.add(int(first))
    assert sizes >= {4, 5, 6}


def test_mutation_swaps_keywords() -> None:
    example = b"4\nadd 1\nadd 2\nquery 1\nquery 2\n"
    for m in mutate_inputs([example], 40, seed=13):
        lines = [line for line in m.split(b"\n") if line]
        assert int(lines[0]) == len(lines) - 1
        assert all(line.split()[0] in (b"add", b"query") for line in lines[1:])


def test_mutation_numbers_in_a_list_are_items_not_counts() -> None:
    # "4" counts the lines after it; the "2" among them is an item, so resizing never rewrites it.
    example = b"4\n0\n2\n104\n117\n"
    for m in mutate_inputs([example], 60, seed=2):
        lines = [line for line in m.split(b"\n") if line]
        assert int(lines[0]) == len(lines) - 1


# --- generated input filters ---------------------------------------------------------------------


def test_distinct_inputs_dedupes_and_caps() -> None:
    kept = distinct_inputs([b"1\n", b"2\n", b"1\n", b"  \n", b"9" * 50, b"3\n"],
                           exclude=[b"3\n"], max_bytes=10)
    assert kept == [b"1\n", b"2\n"]


def test_runnable_inputs_keeps_what_most_programs_run() -> None:
    good, crash, slow = ok(b"1"), fail(Verdict.RE), fail(Verdict.TLE)
    runs = [
        [good, good, crash, good],
        [good, crash, crash, good],
        [good, good, slow, crash],
    ]
    # input 0: 3/3 OK; 1: 2/3; 2: 0/3; 3: 2/3
    assert runnable_inputs(4, runs, 0.5) == [0, 1, 3]
    assert runnable_inputs(4, runs, 0.7) == [0]
    # Half is not most: with two programs, an input one of them rejects is dropped.
    assert runnable_inputs(2, [[good, good], [good, crash]], 0.5) == [0]
    assert runnable_inputs(3, [], 0.5) == [0, 1, 2]


# --- clustering --------------------------------------------------------------------------------


def prog(name: str) -> Program:
    return Program("python3", f"print({name!r})")


def ok(out: bytes, cpu: float = 0.1) -> RunResult:
    return RunResult(Verdict.OK, cpu_s=cpu, wall_s=cpu + 0.05, exit_code=0, stdout=out)


def fail(verdict: Verdict, cpu: float = 1.0) -> RunResult:
    return RunResult(verdict, cpu_s=cpu, wall_s=cpu, exit_code=1 if verdict == Verdict.RE else None)


def test_signature_uses_normalised_output() -> None:
    assert run_signature([ok(b"YES\n")], FLAGS) == run_signature([ok(b" yes ")], FLAGS)
    case = ValidatorFlags(case_sensitive=True)
    assert run_signature([ok(b"YES\n")], case) != run_signature([ok(b"yes")], case)
    assert run_signature([ok(b"1"), ok(b"2")], FLAGS) != run_signature([ok(b"1 2")], FLAGS)
    assert run_signature([ok(b"<TLE>")], FLAGS) != run_signature([fail(Verdict.TLE)], FLAGS)


def test_signature_distinguishes_failure_kinds() -> None:
    sigs = {run_signature([fail(v)], FLAGS) for v in (Verdict.TLE, Verdict.RE, Verdict.MLE)}
    assert len(sigs) == 3


def test_cluster_groups_identical_outputs() -> None:
    a, b, c = Candidate(prog("a"), [0]), Candidate(prog("b"), [1]), Candidate(prog("c"), [2])
    results = {
        a.key: [ok(b"1\n"), ok(b"2\n")],
        b.key: [ok(b"1"), ok(b" 2 ")],
        c.key: [ok(b"1"), ok(b"3")],
    }
    clusters = cluster_programs([a, b, c], results, FLAGS)
    assert [len(cl.members) for cl in clusters] == [2, 1]
    assert {m.key for m in clusters[0].members} == {a.key, b.key}
    assert clusters[1].members == [c]
    assert len({cl.signature for cl in clusters}) == 2


def test_cluster_puts_crashes_apart() -> None:
    a, b, c = Candidate(prog("a"), [0]), Candidate(prog("b"), [1]), Candidate(prog("c"), [2])
    results = {
        a.key: [ok(b"1"), ok(b"2")],
        b.key: [ok(b"1"), fail(Verdict.RE)],
        c.key: [ok(b"1"), fail(Verdict.TLE)],
    }
    clusters = cluster_programs([a, b, c], results, FLAGS)
    assert len(clusters) == 3
    by_key = {cl.representative.key: cl for cl in clusters}
    assert by_key[a.key].failures == 0
    assert by_key[b.key].failures == 1
    assert by_key[c.key].failures == 1
    assert clusters[0].representative is a  # same size: fewer failures first


def test_cluster_ranks_by_samples_not_members() -> None:
    a = Candidate(prog("a"), [0, 1, 2, 3])  # one program sampled four times
    b, c = Candidate(prog("b"), [4]), Candidate(prog("c"), [5])
    results = {a.key: [ok(b"1")], b.key: [ok(b"2")], c.key: [ok(b"2")]}
    clusters = cluster_programs([b, c, a], results, FLAGS)
    assert clusters[0].members == [a] and clusters[0].size == 4
    assert clusters[1].size == 2


def test_cluster_tie_breaks_failures_then_time() -> None:
    fast, slow, crashy = (Candidate(prog(n), [i]) for i, n in enumerate(["f", "s", "x"]))
    results = {
        crashy.key: [fail(Verdict.RE, cpu=0.01), ok(b"1", cpu=0.01)],
        slow.key: [ok(b"2", cpu=0.9), ok(b"2", cpu=0.9)],
        fast.key: [ok(b"3", cpu=0.1), ok(b"3", cpu=0.3)],
    }
    clusters = cluster_programs([crashy, slow, fast], results, FLAGS)
    assert [cl.representative for cl in clusters] == [fast, slow, crashy]
    assert abs(clusters[0].mean_time_s - 0.2) < 1e-9
    assert clusters[2].failures == 1


def test_cluster_representative_is_fastest() -> None:
    a, b, c = Candidate(prog("a"), [0]), Candidate(prog("b"), [1]), Candidate(prog("c"), [2])
    results = {
        a.key: [ok(b"1", cpu=0.5)],
        b.key: [ok(b"1", cpu=0.1)],
        c.key: [ok(b"1", cpu=0.3)],
    }
    (cluster,) = cluster_programs([a, b, c], results, FLAGS)
    assert cluster.representative is b
    assert cluster.members == [b, c, a]
    assert cluster.mean_time_s == 0.1


def test_cluster_skips_candidates_without_results() -> None:
    a, b = Candidate(prog("a"), [0]), Candidate(prog("b"), [1])
    clusters = cluster_programs([a, b], {a.key: [ok(b"1")]}, FLAGS)
    assert [cl.members for cl in clusters] == [[a]]
    assert cluster_programs([], {}, FLAGS) == []


def test_cluster_with_no_generated_inputs_is_one_group() -> None:
    a, b = Candidate(prog("a"), [0]), Candidate(prog("b"), [1])
    (cluster,) = cluster_programs([a, b], {a.key: [], b.key: []}, FLAGS)
    assert cluster.size == 2 and cluster.failures == 0 and cluster.mean_time_s == 0.0


def test_cluster_uses_float_tolerance() -> None:
    flags = ValidatorFlags(float_absolute_tolerance=1e-6, float_relative_tolerance=1e-6)
    a, b = Candidate(prog("a"), [0]), Candidate(prog("b"), [1])
    results = {a.key: [ok(b"0.33333333")], b.key: [ok(b"0.3333333")]}
    assert len(cluster_programs([a, b], results, flags)) == 1
    assert len(cluster_programs([a, b], results, FLAGS)) == 2


# --- choose_top --------------------------------------------------------------------------------


def _cluster(name: str, n: int) -> Cluster:
    members = [Candidate(prog(f"{name}{i}"), [i]) for i in range(n)]
    return Cluster(f"sig-{name}", members, members[0], failures=0, mean_time_s=0.0)


def test_choose_top_one_per_cluster_when_enough() -> None:
    clusters = [_cluster(c, 3) for c in "abcdefghijkl"]
    chosen = choose_top(clusters, k=10)
    assert [rank for rank, _, _ in chosen] == list(range(1, 11))
    assert [cl for _, cl, _ in chosen] == clusters[:10]
    assert all(cand is cl.representative for _, cl, cand in chosen)


def test_choose_top_round_robin() -> None:
    a, b, c = _cluster("a", 4), _cluster("b", 1), _cluster("c", 2)
    chosen = choose_top([a, b, c], k=6)
    picked = [cand for _, _, cand in chosen]
    assert picked == [
        a.members[0],
        b.members[0],
        c.members[0],
        a.members[1],
        c.members[1],
        a.members[2],
    ]
    assert [rank for rank, _, _ in chosen] == [1, 2, 3, 4, 5, 6]


def test_choose_top_exhausts() -> None:
    a, b = _cluster("a", 2), _cluster("b", 1)
    assert len(choose_top([a, b], k=10)) == 3
    assert choose_top([], k=10) == []
    assert choose_top([a, b], k=0) == []


def test_choose_top_representative_first_even_if_not_members_head() -> None:
    a = _cluster("a", 3)
    a.representative = a.members[2]
    picked = [cand for _, _, cand in choose_top([a], k=3)]
    assert picked == [a.members[2], a.members[0], a.members[1]]


def test_statement_bounds_reads_common_spellings():
    from solver.selection.mutation import statement_bounds

    text = ("1 <= n <= 2 * 10^5, |a_i| <= 10^9, q ≤ 100 000, k < 1e18, "
            "m \\le 2\\cdot 10^{5}, t <= 3")
    assert statement_bounds(text) == [100_000, 200_000, 10**9, 10**18]


def test_mutation_reaches_statement_bounds_and_keeps_layout():
    from solver.selection.mutation import mutate_inputs

    example = b"3 5\n"
    mutated = mutate_inputs([example], 40, seed=1, bounds=[10**9])
    values = [int(tok) for data in mutated for tok in data.split()]
    assert any(abs(value) >= 5 * 10**8 for value in values)
    # Some inputs have every number near the bound at once (where sums overflow).
    assert any(all(abs(int(tok)) >= 9 * 10**8 for tok in data.split()) for data in mutated)
    assert all(data.count(b" ") == 1 and data.endswith(b"\n") for data in mutated)
    assert all(abs(value) <= 10**9 for value in values)


def test_restricted_inputs_take_a_letter_or_an_order_away() -> None:
    from solver.selection.mutation import restricted_inputs

    word = b"banana\n"
    made = restricted_inputs([word], 6, seed=3)
    assert made == restricted_inputs([word], 6, seed=3)  # deterministic for a seed
    assert word not in made and len(set(made)) == len(made)
    assert any(b"a" not in data or b"n" not in data or b"b" not in data for data in made)
    assert all(len(data) == len(word) for data in made)  # the same shape, letters swapped
    counted = b"5\n3 1 4 1 5\n"
    for data in restricted_inputs([counted], 6, seed=1):
        first, numbers = data.split(b"\n", 1)
        assert first == b"5"  # a block's count is never touched
        values = [int(x) for x in numbers.split()]
        assert len(values) == 5
        assert values in (sorted(values), sorted(values, reverse=True)) or len(set(values)) == 1
    assert restricted_inputs([b"42\n"], 3) == []  # nothing to take away
    assert restricted_inputs([], 3) == [] and restricted_inputs([word], 0) == []


# --- ranking by evidence -----------------------------------------------------------------------


def test_runnable_inputs_keep_timeouts_on_largest_inputs() -> None:
    good, slow = ok(b"1"), fail(Verdict.TLE)
    runs = [[slow, slow], [slow, slow], [good, good]]
    assert runnable_inputs(2, runs, 0.5) == []
    assert runnable_inputs(2, runs, 0.5, slow_ok={1}) == [1]  # slowness there is the verdict


def test_evidence_puts_clean_clusters_first_and_says_what_decided() -> None:
    from solver.selection.ranking import decided_by, rank_clusters

    big, clean, other = (Candidate(prog(n), ids) for n, ids in
                         [("big", [0, 1, 2]), ("clean", [3, 4]), ("other", [5])])
    results = {big.key: [ok(b"1"), fail(Verdict.TLE)], clean.key: [ok(b"2"), ok(b"2")],
               other.key: [ok(b"3"), ok(b"3")]}
    by_size = cluster_programs([big, clean, other], results, FLAGS)
    assert [c.representative for c in by_size] == [big, clean, other]
    assert by_size[0].clean_share == 0.5 and by_size[1].clean_share == 1.0
    ranked = rank_clusters(by_size, "evidence")
    assert [c.representative for c in ranked] == [clean, other, big]  # size orders equal shares
    assert decided_by(by_size, ranked) == "runs-clean"
    assert decided_by(by_size, rank_clusters(by_size, "size")) == "size"
    assert decided_by(by_size[1:], by_size[1:]) == "size"
    assert decided_by(by_size[:1], by_size[:1]) == "single" and decided_by([], []) is None
    one, two = Candidate(prog("one"), [6]), Candidate(prog("two"), [7])
    tied = cluster_programs([one, two], {one.key: [ok(b"1")], two.key: [ok(b"2")]}, FLAGS)
    assert decided_by(tied, tied) == "tie"
    with pytest.raises(ValueError, match="unknown ranker"):
        rank_clusters(by_size, "vibes")


def test_oracle_agreement_puts_the_cluster_the_brute_force_confirms_first() -> None:
    from solver.selection.oracles import oracle_shares
    from solver.selection.ranking import decided_by, rank_clusters

    big, right = Candidate(prog("big"), [0, 1, 2]), Candidate(prog("right"), [3])
    results = {big.key: [ok(b"1"), ok(b"2"), ok(b"9")], right.key: [ok(b"1"), ok(b"2"), ok(b"3")]}
    by_size = cluster_programs([big, right], results, FLAGS)
    answers = [by_size[1].outcomes[0], by_size[1].outcomes[1], by_size[1].outcomes[2]]
    # The oracle timed out on the second input: only the first and third count.
    shares = oracle_shares(by_size, [[answers[0], None, answers[2]]])
    assert shares == {id(by_size[0]): 0.5, id(by_size[1]): 1.0}
    ranked = rank_clusters(by_size, "oracle", oracle=shares)
    assert [c.representative for c in ranked] == [right, big]
    assert decided_by(by_size, ranked, oracle=shares) == "oracle"
    assert rank_clusters(by_size, "oracle") == by_size  # no oracle: no evidence, size stands
    assert oracle_shares(by_size, [[None, None, None]]) == {}


def test_decided_by_names_only_the_signals_of_the_ranker_that_ranked() -> None:
    from solver.selection.dual import dual_scores
    from solver.selection.ranking import decided_by, rank_clusters

    # The biggest cluster times out once; the smaller one runs clean and passes both tests.
    big, right = Candidate(prog("big"), [0, 1, 2]), Candidate(prog("right"), [3])
    results = {big.key: [ok(b"1"), fail(Verdict.TLE)], right.key: [ok(b"2"), ok(b"2")]}
    by_size = cluster_programs([big, right], results, FLAGS)
    dual = dual_scores(by_size, {id(by_size[1]): 2})
    assert dual == {id(by_size[0]): 0.0, id(by_size[1]): 2.0}
    ranked = rank_clusters(by_size, "dual", dual=dual)
    assert ranked[0].representative == right
    assert decided_by(by_size, ranked, dual=dual) == "runs-clean"  # any signal: the first found
    assert decided_by(by_size, ranked, ranker="dual", dual=dual) == "dual"
    # Evidence ranks the same cluster first; the tests it also passed did not decide that.
    by_evidence = rank_clusters(by_size, "evidence")
    assert decided_by(by_size, by_evidence, ranker="evidence", dual=dual) == "runs-clean"
    assert decided_by(by_size, by_size, ranker="agreement", dual=dual) == "size"
    assert rank_clusters(by_size, "dual", dual={}) == by_size  # no tests passed: size
