"""Where a program is extracted from a completion: the code block a reply holds, or the whole
continuation for completion (base) profiles."""

from __future__ import annotations

import re

from sandbox.jobs import Program
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Sample

# The tags a code block for each language may carry (PyPy runs the same Python).
FENCE_TAGS = {"python3": {"python", "python3", "py", "pypy", "pypy3"},
              "pypy3": {"python", "python3", "py", "pypy", "pypy3"},
              "cpp17": {"cpp", "c++", "cc", "cxx"}, "java": {"java"}}
FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+#-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)


def extract_program(text: str, language: str = "python3") -> Program | None:
    """The program in a completion: the first fenced block tagged with the language, else the
    longest untagged block, else the whole text if it looks like code.

    Returns None when nothing that could be code is there.
    """
    blocks = [(tag.lower(), body) for tag, body in FENCE.findall(text) if body.strip()]
    tags = FENCE_TAGS.get(language, set())
    tagged = [body for tag, body in blocks if tag in tags]
    untagged = [body for tag, body in blocks if not tag]
    if tagged:
        code = tagged[0]
    elif untagged:
        code = max(untagged, key=len)
    elif not blocks and language in ("python3", "pypy3") and looks_like_python(text):
        code = text
    else:
        return None
    code = code.strip("\n") + "\n"
    return Program(language=language, source=code)


def looks_like_python(text: str) -> bool:
    return bool(re.search(r"^\s*(import |from |def |print\(|for |while |[a-z_]+\s*=)", text, re.M))


def to_sample(index: int, text: str, finished: bool, profile: ModelProfile,
              from_cache: bool = False, *, tokens: int = 0) -> Sample:
    """A completion as a Sample: the prefix the model continued put back, the program extracted
    (none from a completion cut off by max_tokens)."""
    if profile.kind == "completion":
        # The whole continuation is code: the program's first lines, then what the model wrote.
        text = profile.assistant_prefix + text
        program = Program(profile.language, text.rstrip() + "\n") if finished else None
        return Sample(index, text, finished, program, from_cache, tokens)
    if profile.assistant_prefix:
        # Put the prefix back (and close a fence the stop sequence swallowed).
        text = profile.assistant_prefix + text + ("\n```" if finished else "")
    program = extract_program(text, profile.language) if finished else None
    return Sample(index, text, finished, program, from_cache, tokens)
