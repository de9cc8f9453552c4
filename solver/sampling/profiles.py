"""Prompt profiles: how to prompt one family of models (configs/models/NAME.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from solver.config import ConfigError
from solver.sampling.types import GenerationParams, SamplingOptions

PROFILES_DIR = Path(__file__).resolve().parent.parent.parent / "configs" / "models"


@dataclass(frozen=True)
class ModelProfile:
    """How to prompt one family of models (configs/models/NAME.yaml).

    kind "chat": instruction-tuned models get messages (system prompt, worked example turns, the
    statement). kind "completion": base models get one text, `prompt_template` (e.g. the
    statement in a docstring) followed by `assistant_prefix` (the start of the program), and
    continue the program.
    """

    name: str
    system_prompt: str = ""
    kind: str = "chat"
    prompt_template: str = "{statement}\n"  # completion kind only
    worked_example: list[dict[str, str]] = field(default_factory=list)  # chat turns shown first
    user_template: str = "{statement}"
    language: str = "python3"
    max_tokens: int = 512
    stop: list[str] = field(default_factory=list)
    # Text the reply starts with (an opened code fence for chat, the program's first lines for
    # completion). The model continues it, so no tokens go on prose.
    assistant_prefix: str = ""
    # Randomised metadata per chunk of samples, as AlphaCode did (e.g. {"TAGS": ["greedy",
    # "math"], "RATING": ["800", "1200"]}); the template's {metadata} receives "KEY: value" lines.
    metadata: dict[str, list[str]] = field(default_factory=dict)
    # Repair (solver/repair/). Chat: the user turn that follows the failed program, with
    # {feedback}. Completion: text between the statement's prompt and a fresh start of the
    # program, with {program} and {feedback} (the feedback's lines start with feedback_comment).
    # "" leaves this profile's failures unrepaired.
    repair_template: str = ""
    # A note on the commonest failure so far, added to some fresh samples' prompts, with
    # {feedback}: after the user turn (chat) or before the program's start (completion).
    note_template: str = ""
    feedback_comment: str = ""  # completion only: the line-comment start feedback lines get
    # Evolution (solver/evolve/): what follows the problem's prompt when earlier versions of a
    # program are shown, with {versions} (worst first, "v0", "v1", ...), {next} (the version
    # asked for), {last} (the best shown) and {goal} ("scores higher", "runs faster", ...).
    # Chat: added to the user turn; completion: between the statement and the program's start
    # (versions as comments). "" leaves this profile unable to evolve.
    evolve_template: str = ""

    @classmethod
    def load(cls, name: str) -> ModelProfile:
        path = PROFILES_DIR / f"{name}.yaml"
        if not path.exists():
            raise ConfigError(f"no model profile {name!r} (looked for {path})")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(name=name, **data)

    def params(self, options: SamplingOptions, n: int) -> GenerationParams:
        """The request for n completions under these options (max_tokens: the options', else
        the profile's)."""
        return GenerationParams(n=n, temperature=options.temperature, top_p=options.top_p,
                                max_tokens=options.max_tokens or self.max_tokens,
                                stop=tuple(self.stop))


def mix_profiles(profile: str) -> list[ModelProfile]:
    """The prompt profiles of a mix: "default,cpp" mixes profiles (and so languages) in one run."""
    names = [name.strip() for name in profile.split(",") if name.strip()]
    if not names:
        raise ConfigError(f"profile {profile!r} names no profile")
    return [ModelProfile.load(name) for name in names]
