"""The engine benchmark (`cpsolve bench engine`): the in-process engine's start and tokens/s under
each dtype, CPU-thread and compile setting, side by side on this machine. A script that prints
ratios.

Each setting needs an engine of its own (vLLM reads the dtype and its thread pool at start), so
each runs in a child process: start the engine, warm up, then draw completions of one prompt
until its share of the budget is spent. The ratios compare each setting with vLLM's own default
(bfloat16, one core left out on a CPU) and name the one device.py chooses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from solver.sampling.device import NATIVE_BF16_FLAGS, choose_engine_settings, usable_cores


@dataclass(frozen=True)
class EngineSetting:
    dtype: str  # one of device.DTYPES
    engine_cpus: int  # cores for the engine's threads
    enforce_eager: bool = False  # no torch.compile at start

    @property
    def label(self) -> str:
        cores = f"{self.engine_cpus} core{'s' if self.engine_cpus > 1 else ''}"
        return f"{self.dtype}, {cores}, {'eager' if self.enforce_eager else 'compiled'}"


@dataclass
class EngineMeasurement:
    setting: EngineSetting
    tokens: int  # generated, over every request after the warm-up
    seconds: float  # generating them (the engine's start is not counted)
    start_s: float  # the engine's start, for the record
    error: str = ""  # why the setting could not be measured ("" when it was)

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def settings_to_compare(cores: int) -> list[EngineSetting]:
    """vLLM's default (bfloat16, one core left out, compiled), float32 likewise and on every
    core, and float32 eager on one core left out and on every core. (Each compiled start costs
    a minute or more on a small CPU: bfloat16 on every core is left out.)"""
    left_out = max(1, cores - 1)
    found = [EngineSetting("bfloat16", left_out), EngineSetting("float32", left_out),
             EngineSetting("float32", cores), EngineSetting("float32", left_out, True),
             EngineSetting("float32", cores, True)]
    return list(dict.fromkeys(found))  # one core: the pairs coincide


def measure_engines(
    model_path: str,
    prompt: list[dict[str, str]] | str,
    *,
    budget_s: float,
    n: int = 16,
    max_tokens: int = 256,
    settings: list[EngineSetting] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> list[EngineMeasurement]:
    """Each setting in a child process, the budget split evenly (each child's engine start is
    outside its share, so the whole takes about budget_s plus one start per setting).

    n: completions per request (what `solve` asks at once is its chunk size, 64; fewer keep the
    requests short enough to fit several into a small budget); max_tokens: per completion.
    """
    settings = settings or settings_to_compare(usable_cores())
    share = budget_s / len(settings)
    measured = []
    for setting in settings:
        if on_progress is not None:
            on_progress(f"measuring {setting.label} for about {share:.0f} s "
                        "(plus the engine's start)")
        request = {"model_path": model_path, "prompt": prompt, "seconds": share, "n": n,
                   "max_tokens": max_tokens, "setting": asdict(setting)}
        measured.append(run_child(request, setting, timeout_s=share + 600))
        if on_progress is not None:
            done = measured[-1]
            on_progress(f"  {setting.label}: " + (f"{done.tokens_per_s:.1f} tokens/s"
                                                   if not done.error else done.error))
    return measured


def run_child(request: dict, setting: EngineSetting, timeout_s: float) -> EngineMeasurement:
    try:
        child = subprocess.run(
            [sys.executable, "-m", "solver.bench.engine"], input=json.dumps(request),
            capture_output=True, text=True, timeout=timeout_s,
            cwd=Path(__file__).resolve().parents[2])
    except subprocess.TimeoutExpired:
        return EngineMeasurement(setting, 0, 0.0, 0.0, f"no answer within {timeout_s:.0f} s")
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    if child.returncode != 0 or not lines:
        last = (child.stderr.strip().splitlines() or ["no output"])[-1]
        return EngineMeasurement(setting, 0, 0.0, 0.0, f"failed: {last[:200]}")
    answer = json.loads(lines[-1])
    return EngineMeasurement(setting, answer["tokens"], answer["seconds"], answer["start_s"])


def engine_report(measured: list[EngineMeasurement], cores: int, flags: set[str], *,
                  dtype: str = "auto", engine_cpus: int | None = None,
                  enforce_eager: bool | None = None) -> dict:
    """Rows per setting, each setting's speed over vLLM's default, and what cpsolve chooses
    here (dtype and engine_cpus: the config's, as the engine would take them)."""
    default = next((m for m in measured if m.setting == EngineSetting("bfloat16",
                                                                      max(1, cores - 1))
                    and not m.error), None)
    chosen = choose_engine_settings(on_gpu=False, dtype=dtype, engine_cpus=engine_cpus,
                                    enforce_eager=enforce_eager, flags=flags, cores=cores)
    chosen_setting = EngineSetting(chosen.dtype, cores - (chosen.reserved_cpus or 0),
                                   chosen.enforce_eager)
    rows = [{"dtype": m.setting.dtype, "engine_cpus": m.setting.engine_cpus,
             "enforce_eager": m.setting.enforce_eager,
             "tokens_per_s": round(m.tokens_per_s, 1), "tokens": m.tokens,
             "seconds": round(m.seconds, 1), "engine_start_s": round(m.start_s, 1),
             "vs_vllm_default": (round(m.tokens_per_s / default.tokens_per_s, 2)
                                 if default and default.tokens_per_s and not m.error else None),
             "chosen": m.setting == chosen_setting, "error": m.error}
            for m in measured]
    return {"cores": cores, "native_bf16": sorted(set(flags) & set(NATIVE_BF16_FLAGS)),
            "choice": chosen.reason, "rows": rows}


def child_main() -> None:
    """In the child: one engine with the request's setting, warmed up, then timed requests."""
    request = json.loads(sys.stdin.read())
    setting = request["setting"]
    from solver.sampling.engine import EngineOptions, VllmSampler
    from solver.sampling.types import GenerationParams

    started = time.perf_counter()
    sampler = VllmSampler(request["model_path"], EngineOptions(
        seed=0, dtype=setting["dtype"], engine_cpus=setting["engine_cpus"],
        enforce_eager=setting["enforce_eager"]))
    start_s = time.perf_counter() - started
    params = GenerationParams(n=request["n"], temperature=0.5, top_p=0.95,
                              max_tokens=request["max_tokens"])
    sampler.complete(request["prompt"], GenerationParams(n=2, temperature=0.5, top_p=0.95,
                                                         max_tokens=16))
    before, began = sampler.tokens_generated, time.perf_counter()
    while True:  # whole requests, at least one, until the share is spent
        sampler.complete(request["prompt"], params)
        if time.perf_counter() - began >= request["seconds"]:
            break
    print(json.dumps({"tokens": sampler.tokens_generated - before,
                      "seconds": time.perf_counter() - began, "start_s": start_s}), flush=True)


if __name__ == "__main__":
    child_main()
