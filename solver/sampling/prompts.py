"""What the model is shown: the statement, limits and examples (never hidden tests), shaped by a
prompt profile into chat messages or one completion text."""

from __future__ import annotations

import random

from solver.problem import Problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Prompt


def statement_for_prompt(problem: Problem) -> str:
    """The statement as the model sees it: text, limits and the examples (never hidden tests)."""
    parts = [f"# {problem.title}", "", problem.statement.strip(), ""]
    parts.append(
        f"Time limit: {problem.time_limit_s:g} seconds. Memory limit: {problem.memory_limit_mb} MB."
    )
    for number, example in enumerate(problem.examples, 1):
        parts += [
            "",
            f"Example {number} input:",
            "```",
            example.input.decode("utf-8", "replace").rstrip("\n"),
            "```",
            f"Example {number} output:",
            "```",
            example.output.decode("utf-8", "replace").rstrip("\n"),
            "```",
        ]
    return "\n".join(parts)


def choose_metadata(profile: ModelProfile, draw: int) -> str:
    """The metadata lines for one chunk of samples: random, but the same for the same draw."""
    rng = random.Random(f"{profile.name}:{draw}")
    return "\n".join(f"{key}: {rng.choice(values)}" for key, values in profile.metadata.items()
                     if values)


def build_prompt(problem: Problem, profile: ModelProfile, metadata: str = "") -> Prompt:
    """The prompt for one problem: one text for completion profiles, else chat messages."""
    statement = statement_for_prompt(problem)
    if profile.kind == "completion":
        text = profile.prompt_template.format(statement=statement, metadata=metadata)
        return text + profile.assistant_prefix
    messages = []
    if profile.system_prompt.strip():
        messages.append({"role": "system", "content": profile.system_prompt.strip()})
    messages += profile.worked_example
    user = profile.user_template.format(statement=statement, metadata=metadata)
    messages.append({"role": "user", "content": user})
    if profile.assistant_prefix:
        messages.append({"role": "assistant", "content": profile.assistant_prefix})
    return messages


def build_messages(problem: Problem, profile: ModelProfile) -> list[dict[str, str]]:
    """The chat prompt (chat profiles only)."""
    prompt = build_prompt(problem, profile)
    assert isinstance(prompt, list), "completion profiles have no messages"
    return prompt
