"""The budget split: feedback takes at most its share, in completions and in tokens."""

from __future__ import annotations

from solver.repair.budget import Budget


def test_fresh_chunk_keeps_the_share_for_feedback():
    budget = Budget(samples=16, share=0.25)
    assert budget.fresh_chunk(64) == 12
    budget.spend(12, 600, feedback=False)
    assert budget.feedback_allowance() == 4  # 4 <= 0.25 * (12 + 4)
    budget.spend(4, 200, feedback=True)
    assert budget.left() == 0 and budget.fresh_chunk(64) == 0


def test_unused_allowance_goes_back_to_fresh_samples():
    budget = Budget(samples=16, share=0.25)
    budget.spend(12, 600, feedback=False)
    budget.spend(1, 50, feedback=True)  # only one distinct failure to repair
    assert budget.fresh_chunk(64) == 3  # ceil(3 * 0.75): the rest keeps its share


def test_no_share_no_feedback():
    budget = Budget(samples=10)
    assert budget.fresh_chunk(4) == 4
    budget.spend(4, 100, feedback=False)
    assert budget.feedback_allowance() == 0


def test_token_budget_ends_the_run_and_caps_feedback_tokens():
    budget = Budget(samples=1000, tokens=1000, share=0.25, max_tokens=400)
    assert budget.fresh_chunk(64) == 1  # nothing spent: 2 at the most a completion costs, halved
    budget.spend(10, 700, feedback=False)
    # 300 tokens left at 70 per completion: 4; feedback may take 0.25 of the tokens: 233 -> 3
    assert budget.left() == 4 and budget.feedback_allowance() == 3
    assert budget.request_max_tokens(3, 400) == 100  # three can't overrun the 300 left
    budget.spend(3, 300, feedback=True)
    assert budget.left() == 0 and budget.fresh_chunk(64) == 0


def test_requests_grow_as_the_mean_firms_up():
    budget = Budget(samples=1000, tokens=100_000, max_tokens=400)
    sizes = []
    while len(sizes) < 6:
        sizes.append(budget.fresh_chunk(64))
        budget.spend(sizes[-1], 50 * sizes[-1], feedback=False)
    assert sizes[:4] == [1, 1, 2, 4] and sizes[-1] <= 64


def test_no_feedback_when_less_than_half_a_completion_of_tokens_is_left():
    budget = Budget(samples=100, tokens=1000, share=0.5)
    budget.spend(10, 990, feedback=False)  # 99 per completion, 10 left
    assert budget.feedback_allowance() == 0
