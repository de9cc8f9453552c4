"""Settings and where each came from: flag > CPSOLVE_* variable > project file > defaults.

The defaults are configs/default.yaml; the project file is `cpsolve.yaml` in the working directory,
or the file given with --config.
Every key must be one that configs/default.yaml defines; values keep the type of the default.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DEFAULTS_PATH = Path(__file__).resolve().parent.parent / "configs" / "default.yaml"
PROJECT_FILE = "cpsolve.yaml"
ENV_PREFIX = "CPSOLVE_"
# Bounds that keep a typo from starting a useless run: (lowest, highest), None for open.
BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "samples": (1, None),
    "temperature": (0, 10),
    "top_p": (0, 1),
    "top_k": (1, None),
    "generated_inputs": (0, None),
    "restricted_inputs": (0, None),
    "input_rounds": (0, 20),
    "largest_inputs": (0, None),
    "tiny_inputs": (0, None),
    "round_seconds": (0, None),
    "oracles": (0, None),
    "model_tests": (0, None),
    "repair_rounds": (0, 10),
    "repair_share": (0, 0.9),  # feedback's share: 1 would leave nothing to repair
    "token_budget": (0, None),
    "workers": (1, None),
    "engine_cpus": (1, None),
}
# Settings whose value is one of a few names.
CHOICES: dict[str, tuple[str, ...]] = {"dtype": ("auto", "bfloat16", "float16", "float32"),
                                      "ranker": ("size", "evidence", "agreement", "oracle", "all",
                                                 "dual", "learned")}
WHOLE_OR_NULL = ("workers", "engine_cpus")  # null defaults that take only a whole number
BOOL_OR_NULL = ("enforce_eager",)  # null defaults that take only true or false


class ConfigError(Exception):
    """A configuration file or variable is malformed; the message is one line naming it."""


def cache_dir() -> Path:
    """Where cpsolve keeps what it can rebuild (converted models, sampled completions, logs)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cpsolve"


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # "default", "cpsolve.yaml" (a path), "CPSOLVE_SAMPLES" or "--samples"


@dataclass(frozen=True)
class Config:
    settings: dict[str, Setting]

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value

    def values(self) -> dict[str, Any]:
        return {key: setting.value for key, setting in self.settings.items()}


def load_config(
    flags: Mapping[str, Any] | None = None,
    config_path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    defaults_path: Path = DEFAULTS_PATH,
) -> Config:
    """Merge the layers. `flags` maps keys to command-line values (None: flag not given)."""
    defaults = _read_mapping(defaults_path)
    settings = {key: Setting(value, "default") for key, value in defaults.items()}

    project = config_path
    found = (Path.cwd() if cwd is None else cwd) / PROJECT_FILE
    if project is None and found.is_file():
        project = found
    if project is not None:
        if not project.is_file():
            raise ConfigError(f"{project}: no such configuration file")
        for key, value in _read_mapping(project).items():
            _set(settings, key, value, str(project), defaults)

    env = os.environ if environ is None else environ
    for key in defaults:
        name = ENV_PREFIX + key.upper()
        if name in env:
            try:
                value = yaml.safe_load(env[name]) if env[name].strip() else None
            except yaml.YAMLError as e:
                raise ConfigError(f"{name}: cannot read {env[name]!r}") from e
            if isinstance(defaults[key], str) and isinstance(value, (int, float)):
                value = env[name].strip()  # a model called "7" is still a name
            _set(settings, key, value, name, defaults)

    for key, value in (flags or {}).items():
        if value is not None:
            _set(settings, key, value, "--" + key.replace("_", "-"), defaults)
    return Config(settings)


def _read_mapping(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not valid UTF-8") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{where}: malformed YAML: {getattr(e, 'problem', e)}") from e
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path}: must be a YAML mapping (key: value lines)")
    return loaded


def _set(settings: dict[str, Setting], key: object, value: Any, source: str,
         defaults: Mapping[str, Any]) -> None:
    if key not in defaults:
        known = ", ".join(sorted(defaults))
        raise ConfigError(f"{source}: unknown setting {key!r} (known: {known})")
    settings[str(key)] = Setting(_checked(str(key), value, defaults[key], source), source)


def _checked(key: str, value: Any, default: Any, source: str) -> Any:
    """The value in the default's type, within BOUNDS; a null only where the default is null."""
    def wrong(expected: str) -> ConfigError:
        return ConfigError(f"{source}: {key} must be {expected}, got {value!r}")

    if default is None:
        if value is None:
            return None
        if key in WHOLE_OR_NULL and (isinstance(value, bool) or not isinstance(value, int)):
            raise wrong("a whole number or null")
        if key in BOOL_OR_NULL:
            if not isinstance(value, bool):
                raise wrong("true, false or null")
        elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise wrong("a number, a name or null")
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            raise wrong("true or false")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong("a whole number")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise wrong("a number")
        value = float(value)
    elif isinstance(default, str):
        if not isinstance(value, str) or not value.strip():
            raise wrong("a non-empty text")
    elif isinstance(default, list) and not isinstance(value, list):
        raise wrong("a list")
    if key in CHOICES and value not in CHOICES[key]:
        raise wrong("one of " + ", ".join(CHOICES[key]))
    low, high = BOUNDS.get(key, (None, None))
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number and ((low is not None and value < low) or (high is not None and value > high)):
        bounds = f">= {low}" if high is None else f"between {low} and {high}"
        raise ConfigError(f"{source}: {key} must be {bounds}, got {value!r}")
    return value
