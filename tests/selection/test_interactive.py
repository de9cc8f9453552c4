"""Selection on an interactive problem: generated inputs go to the interactor as its input file
only when the problem's own validators vouch for them; otherwise survivors are clustered on
their transcripts of the examples."""

from __future__ import annotations

import dataclasses

import pytest

from sandbox.jobs import RunResult, Verdict
from solver.selection.inputs import runnable_inputs
from tests.conftest import PROBLEMS


def test_a_wrong_answer_on_a_generated_input_is_a_run_not_a_rejected_input():
    # Only an interactor gives WA on a generated input (nothing else checks one): a verdict on
    # the program, so the input stays even when most survivors get it wrong.
    right, wrong, crash = RunResult(Verdict.OK), RunResult(Verdict.WA), RunResult(Verdict.RE)
    runs = [[right, right], [wrong, crash], [wrong, crash]]
    assert runnable_inputs(2, runs, 0.5) == [0]


@pytest.mark.integration
def test_generated_inputs_reach_the_interactor_when_validators_vouch_for_them(pool):
    from solver.problem import load_problem
    from solver.sampling.folder import samples_from_folder
    from solver.selection.select import SelectionOptions, select

    problem = load_problem(PROBLEMS / "guess-number")
    samples = samples_from_folder(PROBLEMS / "guess-number" / "solutions")
    options = SelectionOptions(generated_inputs=12)
    selection = select(problem, samples, pool, options)
    assert selection.stats.passed_examples == 2  # accepted and wrong; idle and early fail
    assert selection.stats.generated_inputs > 0  # validated secrets, run through the interactor
    first = selection.candidates[0].program.source
    assert first == (PROBLEMS / "guess-number" / "solutions" / "accepted.py").read_text()
    # The wrong program's cluster failed (WA from the interactor) on some generated inputs.
    assert sorted(cluster.failures > 0 for cluster in selection.clusters) == [False, True]

    # Without validators nothing says which mutated secret is consistent: the survivors are
    # clustered on what they said on the examples (their transcripts differ there).
    blind = dataclasses.replace(problem, input_validators=[])
    selection = select(blind, samples, pool, options)
    assert selection.stats.generated_inputs == 0 and selection.stats.invalid_inputs == 0
    assert selection.stats.clusters == 2
    assert [cluster.runs for cluster in selection.clusters] == [len(problem.examples)] * 2
