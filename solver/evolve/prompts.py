"""What the model is shown in evolution: the problem's prompt, then k earlier versions of a
program sorted by score, worst first, named "v0", "v1", ..., and a request for the next one
(FunSearch's prompt: `priority_v0`, `priority_v1`, then the header of `priority_v2`).

The versions' scores are shown, never a test: the statement and its examples are all the model
sees of the problem (solver.sampling.prompts). The template is the prompt profile's
`evolve_template` (configs/models/*.yaml), as repairs use `repair_template`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from solver.config import ConfigError
from solver.problem import Problem
from solver.repair.prompts import commented
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt
from solver.sampling.types import Prompt

FENCES = {"python3": "python", "pypy3": "python", "cpp17": "cpp", "java": "java"}


@dataclass(frozen=True)
class Version:
    """One earlier version as a prompt shows it."""

    source: str
    label: str  # its score in words, e.g. "score 1234.5" or "0.84 s on the largest inputs"


def version_name(number: int) -> str:
    return f"v{number}"


def versions_text(versions: Sequence[Version], profile: ModelProfile) -> str:
    """The versions, worst first: fenced code blocks (chat) or comment blocks (completion)."""
    blocks = []
    for number, version in enumerate(versions):
        source = version.source.rstrip("\n")
        if profile.kind == "completion":
            comment = profile.feedback_comment or "# "
            blocks.append(f"{comment}{version_name(number)} ({version.label}):\n"
                          + commented(source, comment))
        else:
            fence = FENCES.get(profile.language, "")
            blocks.append(f"{version_name(number)} ({version.label}):\n```{fence}\n{source}\n```")
    return "\n\n".join(blocks) if profile.kind != "completion" else "\n".join(blocks)


def can_evolve(profile: ModelProfile) -> bool:
    return bool(profile.evolve_template.strip())


def evolve_prompt(problem: Problem, profile: ModelProfile, versions: Sequence[Version],
                  goal: str) -> Prompt:
    """Ask for version len(versions) given the earlier ones (sorted worst first). With no
    versions, the problem's own prompt (a first program, as `solve` asks)."""
    prompt = build_prompt(problem, profile)
    if not versions:
        return prompt
    if not can_evolve(profile):
        raise ConfigError(f"prompt profile {profile.name!r} has no evolve_template, so it "
                          "cannot show earlier versions (add one to its configs/models file)")
    text = profile.evolve_template.format(
        versions=versions_text(versions, profile), next=version_name(len(versions)),
        last=version_name(len(versions) - 1), goal=goal)
    if profile.kind == "completion":
        assert isinstance(prompt, str)
        opening = prompt[:len(prompt) - len(profile.assistant_prefix)]
        return opening + text + profile.assistant_prefix
    assert isinstance(prompt, list)
    messages = [dict(message) for message in prompt]
    if profile.assistant_prefix:
        messages = messages[:-1]  # re-opened after the request
    user = max(i for i, message in enumerate(messages) if message["role"] == "user")
    messages[user]["content"] = messages[user]["content"].rstrip() + "\n\n" + text.strip()
    if profile.assistant_prefix:
        messages.append({"role": "assistant", "content": profile.assistant_prefix})
    return messages
