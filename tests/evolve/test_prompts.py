"""Evolution prompts: the problem's prompt, then k earlier versions worst first as v0, v1,
and a request for v2; the scores shown, never a test."""

from __future__ import annotations

import pytest

from solver.config import ConfigError
from solver.evolve.prompts import Version, evolve_prompt
from solver.problem import load_problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt
from tests.conftest import PROBLEMS

KNAPSACK = PROBLEMS / "scored" / "knapsack"
WORSE = Version("print(0)\nprint()\n", "score 0")
BETTER = Version("n, w = map(int, input().split())\nprint(1)\nprint(1)\n", "score 12.5")


def test_chat_prompt_shows_versions_worst_first_and_asks_for_the_next() -> None:
    problem = load_problem(KNAPSACK)
    profile = ModelProfile.load("default")
    messages = evolve_prompt(problem, profile, [WORSE, BETTER], "scores higher")
    assert isinstance(messages, list)
    user = messages[-1]["content"] if messages[-1]["role"] == "user" else messages[-2]["content"]
    assert user.index("v0 (score 0)") < user.index("v1 (score 12.5)")
    assert "Write v2, an improved version of v1 that scores higher" in user
    assert "```python\nprint(0)\nprint()\n```" in user
    assert problem.statement.strip()[:60] in user  # the problem comes first
    for test in problem.hidden:  # never a hidden test
        assert test.input.decode()[:40] not in user
    if profile.assistant_prefix:
        assert messages[-1] == {"role": "assistant", "content": profile.assistant_prefix}


def test_completion_prompt_shows_versions_as_comments_then_the_programs_start() -> None:
    problem = load_problem(KNAPSACK)
    profile = ModelProfile.load("completion-python")
    text = evolve_prompt(problem, profile, [WORSE, BETTER], "scores higher")
    assert isinstance(text, str) and text.endswith(profile.assistant_prefix)
    assert "# v0 (score 0):\n# print(0)\n# print()" in text
    assert text.index("# v1 (score 12.5)") < text.index("# v2, an improved version of v1")


def test_no_versions_is_the_problems_own_prompt() -> None:
    problem = load_problem(KNAPSACK)
    profile = ModelProfile.load("default")
    assert evolve_prompt(problem, profile, [], "scores higher") == build_prompt(problem, profile)


def test_a_profile_without_an_evolve_template_is_refused() -> None:
    problem = load_problem(KNAPSACK)
    profile = ModelProfile(name="bare")
    with pytest.raises(ConfigError, match="evolve_template"):
        evolve_prompt(problem, profile, [WORSE], "scores higher")
