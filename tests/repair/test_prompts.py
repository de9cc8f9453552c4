"""Repair and note prompts from the profiles' templates, for chat and completion profiles."""

from __future__ import annotations

from sandbox.jobs import Program
from solver.problem import load_problem
from solver.repair.prompts import can_repair, note_prompt, repair_prompt
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt
from solver.sampling.types import Sample

FAILED = Sample(3, "```python\nprint(0)\n```", True, Program("python3", "print(0)\n"))


def test_every_shipped_profile_can_repair():
    for name in ("default", "cpp", "completion-python", "java", "pypy"):
        assert can_repair(ModelProfile.load(name))


def test_chat_repair_continues_the_conversation(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("default")
    prompt = repair_prompt(problem, profile, FAILED, "Wrong answer on example 1.")
    assert prompt[:-2] == build_prompt(problem, profile)
    assert prompt[-2] == {"role": "assistant", "content": FAILED.text}
    assert prompt[-1]["role"] == "user" and "Wrong answer on example 1." in prompt[-1]["content"]


def test_completion_repair_comments_the_program_and_feedback(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("completion-python")
    prompt = repair_prompt(problem, profile, FAILED, "Wrong answer on example 1.\nInput:\n1 2")
    assert isinstance(prompt, str) and prompt.endswith(profile.assistant_prefix)
    assert "# print(0)\n" in prompt and "# Wrong answer on example 1.\n# Input:\n# 1 2" in prompt
    assert "\nprint(0)" not in prompt  # the failed program is not code in the prompt


def test_note_goes_after_the_statement(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    chat = note_prompt(problem, ModelProfile.load("default"), "Wrong answer on example 1.")
    assert chat[-1]["role"] == "user" and chat[-1]["content"].endswith(
        "The judge said:\n\nWrong answer on example 1.")
    profile = ModelProfile.load("completion-python")
    text = note_prompt(problem, profile, "Wrong answer on example 1.")
    assert text.endswith("# Wrong answer on example 1.\n\n" + profile.assistant_prefix)


def test_a_reply_cut_at_its_closing_fence_is_closed_again(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    cut = Sample(0, "```python\nprint(0)", True, Program("python3", "print(0)\n"))
    prompt = repair_prompt(problem, ModelProfile.load("default"), cut, "Wrong answer.")
    assert prompt[-2]["content"] == "```python\nprint(0)\n```"
