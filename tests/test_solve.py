"""Selection end to end on real containers, with hand-written programs in place of a model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sandbox.jobs import Program, Verdict
from solver.problem import load_problem
from solver.sampling.types import Completion, Sample
from solver.selection.select import SelectionOptions
from solver.solve import SolveOptions, SolveResult, solve_problem

pytestmark = pytest.mark.integration


def solve(problem, drawn, pool, generated_inputs: int = 30) -> SolveResult:
    """The pipeline on given samples (no model), clustering on that many mutated inputs."""
    options = SolveOptions(selection=SelectionOptions(generated_inputs=generated_inputs))
    return solve_problem(problem, pool, options, samples=drawn)

RIGHT = "n = int(input())\na = list(map(int, input().split()))\nprint(max(a))\n"
RIGHT_TOO = "input()\nprint(max(int(x) for x in input().split()))\n"
# Passes both examples (their maximum is never last); mutated inputs tell it apart.
BUT_LAST = "input()\nprint(max(list(map(int, input().split()))[:-1]))\n"
FIRST_ONLY = "input()\nprint(input().split()[0])\n"
CRASHES = "print(undefined_name)\n"


def samples_of(*sources: str) -> list[Sample]:
    return [Sample(i, s, True, Program("python3", s)) for i, s in enumerate(sources)]


def test_select_filters_clusters_and_ranks(pool, problems_dir):
    problem = load_problem(problems_dir / "max-of-list")
    # The wrong "all but last" program appears 3 times, the right ones 4 times in two spellings.
    drawn = samples_of(RIGHT, RIGHT, RIGHT_TOO, RIGHT_TOO, BUT_LAST, BUT_LAST, BUT_LAST,
                       FIRST_ONLY, CRASHES)
    result = solve(problem, drawn, pool, 20)
    stats = result.stats
    assert (stats.sampled, stats.unique) == (9, 5)
    assert stats.passed_examples == 3  # FIRST_ONLY and CRASHES fail the examples
    assert stats.generated_inputs > 0
    first = result.candidates[0]
    assert first.program.source in (RIGHT, RIGHT_TOO)
    assert first.cluster_size == 4 and first.cluster_members == 2
    assert first.hidden_verdict is Verdict.OK
    assert stats.clusters == 2
    wrong = [c for c in result.candidates if c.program.source == BUT_LAST]
    assert wrong and wrong[0].hidden_verdict is not Verdict.OK  # RE on n = 1, WA elsewhere
    assert result.solved is True
    # One program per cluster first, then round-robin: every unique survivor shows up once.
    sources = [c.program.source for c in result.candidates]
    assert len(sources) == len(set(sources)) == stats.passed_examples


def test_nothing_passes(pool, problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    result = solve(problem, samples_of(CRASHES, "print(42)\n"), pool)
    assert result.candidates == []
    assert result.stats.passed_examples == 0
    assert result.solved is False


# --- model-written input generators ------------------------------------------------------------

# Right on small lists; wrong once the list is long. Mutated inputs (5 numbers, give or take one)
# never show it; a generator asked for a large input does.
SHORT_LISTS_ONLY = (
    "n = int(input())\na = list(map(int, input().split()))\nprint(max(a) if n < 50 else a[0])\n"
)
LARGE_GENERATOR = (
    "import random\nrandom.seed(int(input()))\nn = random.randint(60, 100)\nprint(n)\n"
    "print(*(random.randint(-10**9, 10**9) for _ in range(n)))\n```"
)
SMALL_GENERATOR = (
    "import random\nrandom.seed(int(input()))\nn = random.randint(1, 10)\nprint(n)\n"
    "print(*(random.randint(-10, 10) for _ in range(n)))\n```"
)
BROKEN_GENERATOR = "print('not', 'a', 'list')\n```"  # an input outside the format
CRASHING_GENERATOR = "raise SystemExit(3)\n```"


class ScriptedSampler:
    """Stands in for the model: fixed completions, and a record of the chats it was given."""

    def __init__(self, completions: list[tuple[str, bool]]) -> None:
        self.completions = completions
        self.chats: list[list[dict[str, str]]] = []

    def complete(self, messages: list[dict[str, str]], params) -> list[Completion]:
        self.chats.append(messages)
        return [Completion(text, finished, len(text.split()))
                for text, finished in self.completions[:params.n]]


def test_generator_prompt_holds_input_section_and_hint(problems_dir):
    from solver.problem.sections import input_section
    from solver.selection.generators import SIZE_HINTS, generator_messages

    problem = load_problem(problems_dir / "max-of-list")
    section = input_section(problem.statement)
    assert section.startswith("The first line contains one integer n")
    assert "Print one integer" not in section  # the output section is left out
    messages = generator_messages(problem, "large")
    assert messages[0]["role"] == "system" and "seed" in messages[0]["content"]
    assert section in messages[1]["content"] and SIZE_HINTS["large"] in messages[1]["content"]
    assert "1 7 3 7 2" in messages[1]["content"]  # the example input shows the format
    assert all(case.output.decode().strip() not in messages[1]["content"]
               for case in problem.hidden if len(case.output) > 3)
    assert input_section("No headings here.") == "No headings here."


def test_model_written_inputs_tell_apart_what_mutations_cannot(pool, problems_dir):
    from solver.selection.generators import GeneratorOptions, draw_generators, model_written_inputs

    problem = load_problem(problems_dir / "max-of-list")
    sampler = ScriptedSampler([
        (LARGE_GENERATOR, True), (SMALL_GENERATOR, True), (BROKEN_GENERATOR, True),
        (CRASHING_GENERATOR, True), ("import random\nprint(", False),  # cut off: dropped
    ])
    options = GeneratorOptions(programs_per_hint=5, seeds_per_program=2)
    assert len(draw_generators(problem, sampler, options)) == 4  # deduped over the three hints
    assert len(sampler.chats) == 3
    inputs = model_written_inputs(problem, sampler, pool, options)
    # Large and small print a different list per seed; the broken one prints the same line
    # twice (deduplicated); the crashing one prints nothing.
    assert len(inputs) == 5
    assert b"not a list\n" in inputs

    drawn = samples_of(RIGHT, SHORT_LISTS_ONLY, SHORT_LISTS_ONLY, RIGHT_TOO, RIGHT)
    blind = solve(problem, drawn, pool, 20)
    assert blind.stats.clusters == 1  # mutations alone cannot split them
    options = SolveOptions(selection=SelectionOptions(generated_inputs=20))
    seeing = solve_problem(problem, pool, options, samples=drawn, model_inputs=inputs)
    stats = seeing.stats
    assert stats.model_inputs == 4  # the "not a list" input crashed every survivor: dropped
    assert stats.dropped_inputs == 1
    assert stats.clusters == 2
    assert seeing.candidates[0].program.source in (RIGHT, RIGHT_TOO)
    assert seeing.candidates[0].cluster_size == 3
    # Evaluation: every survivor judged on the hidden tests, pass@k over all five samples.
    evaluation = seeing.evaluation
    assert evaluation is not None and evaluation.samples == 5
    assert evaluation.correct_samples == 3 and evaluation.correct_survivors == 2
    assert evaluation.pass_at[1] == 0.6 and evaluation.solved_at_1


def test_select_judges_with_the_problems_own_checker(pool, tmp_path):
    """A testlib checker shipped beside a Markdown problem decides the filter, not the default
    validator: any number above n is right here, so n + 2 passes though the example says n + 1."""
    folder = tmp_path / "above"
    folder.mkdir()
    (folder / "problem.md").write_text(
        "---\ntitle: Above\n---\nPrint any integer greater than n.\n\n"
        "```input\n3\n```\n\n```output\n4\n```\n",
        encoding="utf-8",
    )
    (folder / "checker.py").write_text(
        "import sys\n"
        "n = int(open(sys.argv[1]).read())\n"
        "answer = open(sys.argv[2]).read().split()\n"
        "sys.exit(0 if len(answer) == 1 and int(answer[0]) > n else 1)\n",
        encoding="utf-8",
    )
    problem = load_problem(folder)
    assert problem.output_checker.kind == "testlib"
    drawn = samples_of("print(int(input()) + 2)\n", "print(int(input()) - 1)\n")
    result = solve(problem, drawn, pool, 5)
    assert result.stats.passed_examples == 1
    assert result.candidates[0].program.source == "print(int(input()) + 2)\n"


def test_model_written_oracles_outrank_a_bigger_wrong_cluster(pool, problems_dir):
    from solver.sampling.types import GenerationParams
    from solver.selection.oracles import draw_oracles, oracle_messages
    from solver.selection.select import select

    problem = load_problem(problems_dir / "max-of-list")
    brute = "input()\nbest = None\nfor x in map(int, input().split()):\n" \
            "    if best is None or x > best:\n        best = x\nprint(best)\n"
    sampler = ScriptedSampler([(brute, True), ("print(0)\n", True), ("print(", False)])
    params = GenerationParams(n=3, temperature=0.5, top_p=0.95, max_tokens=200)
    oracles = draw_oracles(problem, sampler, params)
    assert [o.source.strip() for o in oracles] == [brute.strip(), "print(0)"]  # cut-off dropped
    chat = oracle_messages(problem)
    assert problem.statement in chat[1]["content"] and "brute-force" in chat[0]["content"]

    # The wrong program is drawn three times, the right one once: size alone picks the wrong.
    drawn = samples_of(BUT_LAST, BUT_LAST, BUT_LAST, RIGHT)
    by_size = select(problem, drawn, pool, SelectionOptions(generated_inputs=20))
    assert by_size.candidates[0].program.source == BUT_LAST
    options = SelectionOptions(generated_inputs=20, ranker="oracle")
    # "print(0)" fails the examples, so only the real brute force is asked.
    with_oracle = select(problem, drawn, pool, options, oracles=oracles)
    assert with_oracle.candidates[0].program.source == RIGHT
    assert with_oracle.stats.decided_by == "oracle"


def test_ranker_learned_loads_the_configured_model_or_says_why_not(tmp_path, caplog) -> None:
    import logging

    from solver.config import load_config
    from solver.selection.scorer import SHIPPED_MODEL
    from solver.solve import solve_options

    caplog.set_level(logging.INFO, logger="cpsolve")
    missing = load_config({"ranker": "learned", "scorer": str(tmp_path / "none.json")})
    options = solve_options(missing.values())
    assert options.selection.ranker == "learned" and options.selection.learned is None
    assert "no scorer model" in caplog.text and "ranking by size" in caplog.text
    shipped = solve_options(load_config({"ranker": "learned"}).values())
    assert shipped.selection.learned is not None
    assert str(SHIPPED_MODEL) in caplog.text
    assert solve_options(load_config().values()).selection.learned is None  # size: no model


def test_model_written_tests_outrank_a_bigger_wrong_cluster(pool, problems_dir):
    from solver.sampling.types import GenerationParams
    from solver.selection.dual import draw_tests, parse_tests, test_messages
    from solver.selection.select import select

    problem = load_problem(problems_dir / "max-of-list")
    # The reply after the "```input" prefix: three right tests whose maximum comes last, one
    # the model got wrong (nobody passes it), the example's own input (dropped), one input out
    # of range (never run once the ranges are read), the first again, one cut off by the token
    # limit.
    reply = ("3\n1 2 9\n```\n```output\n9\n```\n```input\n2\n4 6\n```\n```output\n6\n```\n"
             "```input\n4\n1 1 1 5\n```\n```output\n5\n```\n```input\n2\n5 1\n```\n"
             "```output\n4\n```\n```input\n5\n1 7 3 7 2\n```\n```output\n7\n```\n"
             "```input\n2\n1 10000000000\n```\n```output\n10000000000\n```\n"
             "```input\n3\n1 2 9\n```\n```output\n9 \n```\n"  # the first again: counts once
             "```input\n3\n1")
    sampler = ScriptedSampler([(reply, False)])
    params = GenerationParams(n=1, temperature=0.5, top_p=0.95, max_tokens=300, stop=("\n```",))
    tests = draw_tests(problem, sampler, params)
    assert [t.input for t in tests] == [b"3\n1 2 9\n", b"2\n4 6\n", b"4\n1 1 1 5\n",
                                        b"2\n5 1\n", b"2\n1 10000000000\n"]
    assert parse_tests("```input\n1\n```\n```output\n") == []  # no answer: no test
    chat = test_messages(problem)
    assert problem.statement in chat[1]["content"]
    # A hidden test marked so that any trace of it in the prompt shows.
    from solver.problem import TestCase
    marked = replace(problem, hidden=[*problem.hidden,
                                      TestCase("secret/marked", b"1\n73310\n", b"73311\n")])
    assert not any(mark in message["content"] for message in test_messages(marked)
                   for mark in ("73310", "73311"))

    drawn = samples_of(BUT_LAST, BUT_LAST, BUT_LAST, RIGHT)
    options = SelectionOptions(generated_inputs=20, check_constraints=True)
    by_size = select(problem, drawn, pool, options, model_tests=tests)
    assert by_size.candidates[0].program.source == BUT_LAST  # the tests change nothing here
    dual = select(problem, drawn, pool, replace(options, ranker="dual"), model_tests=tests)
    assert dual.stats.model_tests == 4  # the out-of-range one was never run
    assert dual.candidates[0].program.source == RIGHT  # 1 sample x 3 tests beats 3 x 0
    assert dual.stats.decided_by == "dual"
    none_passed = select(problem, drawn, pool, replace(options, ranker="dual"),
                         model_tests=tests[3:4])
    assert none_passed.candidates[0].program.source == BUT_LAST  # no evidence: size
