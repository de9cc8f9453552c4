"""Configuration layers: flag > CPSOLVE_* variable > project file > configs/default.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from solver.config import DEFAULTS_PATH, ConfigError, load_config

DEFAULTS = yaml.safe_load(DEFAULTS_PATH.read_text(encoding="utf-8"))


def config_in(tmp_path: Path, text: str | None = None, **kwargs):
    if text is not None:
        (tmp_path / "cpsolve.yaml").write_text(text, encoding="utf-8")
    kwargs.setdefault("environ", {})
    return load_config(cwd=tmp_path, **kwargs)


def error_of(tmp_path: Path, text: str | None = None, **kwargs) -> str:
    with pytest.raises(ConfigError) as info:
        config_in(tmp_path, text, **kwargs)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_defaults_only(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    assert config.values() == DEFAULTS
    assert {s.source for s in config.settings.values()} == {"default"}


def test_each_layer_wins_over_the_ones_below(tmp_path: Path) -> None:
    config = config_in(
        tmp_path,
        "samples: 16\ntemperature: 1\nworkers: 2\ntop_k: 5\n",
        environ={"CPSOLVE_SAMPLES": "32", "CPSOLVE_TEMPERATURE": "0.25", "OTHER": "x"},
        flags={"samples": 8, "top_k": None},
    )
    project = str(tmp_path / "cpsolve.yaml")
    assert (config["samples"], config.settings["samples"].source) == (8, "--samples")
    assert (config["temperature"], config.settings["temperature"].source) == (
        0.25, "CPSOLVE_TEMPERATURE",
    )
    assert (config["workers"], config.settings["workers"].source) == (2, project)
    assert (config["top_k"], config.settings["top_k"].source) == (5, project)  # flag not given
    assert (config["model"], config.settings["model"].source) == (DEFAULTS["model"], "default")


def test_explicit_config_file_replaces_the_working_directory_one(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.yaml"
    other.write_text("samples: 4\n", encoding="utf-8")
    config = config_in(tmp_path, "samples: 16\n", config_path=other)
    assert (config["samples"], config.settings["samples"].source) == (4, str(other))
    assert "no such configuration file" in error_of(tmp_path, config_path=tmp_path / "nope.yaml")


def test_environment_values_are_typed(tmp_path: Path) -> None:
    config = config_in(tmp_path, environ={"CPSOLVE_WORKERS": "null", "CPSOLVE_MODEL": "7",
                                          "CPSOLVE_TOP_P": "1"})
    assert config["workers"] is None
    assert config["model"] == "7"  # a name, even when it reads as a number
    assert config["top_p"] == 1.0 and isinstance(config["top_p"], float)


@pytest.mark.parametrize(
    ("text", "environ", "needle"),
    [
        ("samples: many\n", {}, "samples must be a whole number"),
        ("samples: 0\n", {}, "samples must be >= 1"),
        ("temperature: .nan\n", {}, "temperature must be a number"),
        ("top_p: 2\n", {}, "top_p must be between 0 and 1"),
        ("sample: 3\n", {}, "unknown setting 'sample'"),
        ("- a\n", {}, "mapping"),
        ("samples: [1\n", {}, "malformed YAML"),
        ("model: null\n", {}, "model must be a non-empty text"),
        (None, {"CPSOLVE_SAMPLES": "lots"}, "CPSOLVE_SAMPLES: samples must be a whole number"),
        (None, {"CPSOLVE_SAMPLES": "[1"}, "CPSOLVE_SAMPLES: cannot read"),
    ],
)
def test_bad_values_name_their_source(tmp_path: Path, text, environ, needle: str) -> None:
    msg = error_of(tmp_path, text, environ=environ)
    assert needle in msg
    if text is not None:
        assert "cpsolve.yaml" in msg


def test_bad_flag_value(tmp_path: Path) -> None:
    assert "--samples: samples must be >= 1" in error_of(tmp_path, flags={"samples": 0})


def test_non_utf8_project_file(tmp_path: Path) -> None:
    (tmp_path / "cpsolve.yaml").write_bytes(b"model: caf\xe9\n")
    assert "not valid UTF-8" in error_of(tmp_path)
