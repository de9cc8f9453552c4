"""What the model is asked when a program failed: the repair prompt, and the note some fresh
samples get. The templates are the prompt profile's (configs/models/*.yaml), next to its
sampling prompt."""

from __future__ import annotations

from solver.problem import Problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_prompt, statement_for_prompt
from solver.sampling.types import Prompt, Sample


def can_repair(profile: ModelProfile) -> bool:
    """Whether the profile says how to ask for a repair (and for a note)."""
    return bool(profile.repair_template.strip())


def commented(text: str, comment: str) -> str:
    """Every line of text as a line comment (completion profiles, where prose would be code)."""
    return "\n".join(comment + line if line else comment.rstrip() for line in text.splitlines())


def repair_prompt(problem: Problem, profile: ModelProfile, failed: Sample, feedback: str
                  ) -> Prompt:
    """Ask for a fixed program. Chat: the original conversation, the failed reply as the
    assistant's turn, the feedback as a new user turn. Completion: the statement's prompt, the
    failed program and the feedback as a comment block, then a fresh start of the program."""
    if profile.kind == "completion":
        source = failed.program.source if failed.program is not None else failed.text
        block = profile.repair_template.format(
            program=commented(source.rstrip("\n"), profile.feedback_comment),
            feedback=commented(feedback, profile.feedback_comment))
        opening = profile.prompt_template.format(statement=statement_for_prompt(problem),
                                                 metadata="")
        return opening + block + profile.assistant_prefix
    messages = build_prompt(problem, profile)
    assert isinstance(messages, list)
    if profile.assistant_prefix:
        messages = messages[:-1]  # the opened reply: the failed one takes its place
    reply = failed.text
    if failed.finished and reply.count("```") % 2:
        reply += "\n```"  # the stop string swallowed the closing fence
    messages.append({"role": "assistant", "content": reply})
    messages.append({"role": "user", "content": profile.repair_template.format(
        feedback=feedback).strip()})
    if profile.assistant_prefix:
        messages.append({"role": "assistant", "content": profile.assistant_prefix})
    return messages


def note_prompt(problem: Problem, profile: ModelProfile, feedback: str) -> Prompt:
    """The problem's prompt with a note on a mistake other programs made (a fresh sample, not a
    repair: nothing of another program is shown but what the judge said of it)."""
    prompt = build_prompt(problem, profile)
    if profile.kind == "completion":
        assert isinstance(prompt, str)
        opening = prompt[:len(prompt) - len(profile.assistant_prefix)]
        note = profile.note_template.format(
            feedback=commented(feedback, profile.feedback_comment))
        return opening + note + profile.assistant_prefix
    assert isinstance(prompt, list)
    note = profile.note_template.format(feedback=feedback).strip()
    user = max(i for i, message in enumerate(prompt) if message["role"] == "user")
    messages = [dict(message) for message in prompt]
    messages[user]["content"] = messages[user]["content"].rstrip() + "\n\n" + note
    return messages
