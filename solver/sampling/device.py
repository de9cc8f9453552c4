"""Where the in-process engine's dtype and CPU threads are decided, from the machine it runs on.

vLLM on a CPU defaults to bfloat16 and leaves one core out of its thread pool. On CPUs without
native bfloat16 (no avx512_bf16 or amx_bf16: most laptops, AVX2-only cloud CPUs) bfloat16 is
emulated: measured on a 2-core AVX2 AMD EPYC with SmolLM2-135M, 22 tokens/s in bfloat16, 60 in
float32, 76 in float32 with both cores for the engine. On a GPU vLLM's own choice stands.

vLLM also compiles the model with torch.compile at start. On that CPU it took 74 s of a 2-minute
solve, for 17 % more tokens/s afterwards (169 against 141): it pays back only after about 800
samples. So on a CPU the engine runs eagerly unless told otherwise; on a GPU it compiles (CUDA
graphs matter there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from solver.config import CHOICES

NATIVE_BF16_FLAGS = ("avx512_bf16", "amx_bf16")  # x86 flags for bfloat16 arithmetic in hardware
DTYPES = CHOICES["dtype"]  # "auto" and what vLLM takes; the config checks the same list


@dataclass(frozen=True)
class EngineSettings:
    """How the engine is started on this machine, and why."""

    dtype: str  # one of DTYPES; "auto" leaves it to vLLM (the model's own dtype on a GPU)
    # CPU only: cores vLLM keeps out of its thread pool (VLLM_CPU_NUM_OF_RESERVED_CPU); None on a
    # GPU. Fewer reserved cores sample faster, but the sandbox then shares cores with the engine
    # while examples run (the two overlap during streaming).
    reserved_cpus: int | None
    # Skip torch.compile (and CUDA graphs): a start in seconds instead of a minute or more on a
    # CPU, for somewhat fewer tokens/s afterwards.
    enforce_eager: bool
    reason: str  # one line for the user: what was chosen and from what

    @property
    def environment(self) -> dict[str, str]:
        """Variables vLLM reads at engine start for these settings."""
        if self.reserved_cpus is None:
            return {}
        return {"VLLM_CPU_NUM_OF_RESERVED_CPU": str(self.reserved_cpus)}


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> set[str]:
    """The CPU's feature flags, as lscpu shows them (empty where the kernel does not say)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() in ("flags", "Features"):  # x86, arm
            return set(value.split())
    return set()


def cpu_name(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """The CPU's model name (e.g. "AMD EPYC 7B13"), "" where the kernel does not say: a timing
    means little without it."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "model name":
            return value.strip()
    return ""


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def choose_engine_settings(
    *,
    on_gpu: bool,
    dtype: str = "auto",
    engine_cpus: int | None = None,
    enforce_eager: bool | None = None,
    flags: set[str] | None = None,
    cores: int | None = None,
) -> EngineSettings:
    """The engine's dtype and CPU threads.

    dtype: "auto" picks bfloat16 on CPUs that compute it natively and float32 on the others
        (on a GPU, vLLM's own choice); anything else is used as given (the config's override).
    engine_cpus: cores for the engine's threads on a CPU; None: all usable cores. A value above
        the cores there are is clamped.
    enforce_eager: None runs eagerly on a CPU and compiles on a GPU; True or False as given.
    flags, cores: the CPU's flags and usable cores (None: read from this machine); for tests.
    """
    if dtype not in DTYPES:
        raise ValueError(f"dtype {dtype!r}: expected one of {', '.join(DTYPES)}")
    if on_gpu:
        eager = bool(enforce_eager)
        return EngineSettings(dtype=dtype, reserved_cpus=None, enforce_eager=eager,
                              reason=f"GPU: dtype {dtype}" + (" (vLLM's choice)"
                                                               if dtype == "auto" else "")
                              + (", eager" if eager else ""))
    flags = cpu_flags() if flags is None else flags
    cores = usable_cores() if cores is None else cores
    native = sorted(flag for flag in NATIVE_BF16_FLAGS if flag in flags)
    if dtype == "auto":
        dtype = "bfloat16" if native else "float32"
        why = (f"{', '.join(native)} present" if native
               else "no avx512_bf16/amx_bf16: bfloat16 would be emulated")
    else:
        why = "set in the config"
    threads = max(1, min(engine_cpus or cores, cores))
    eager = True if enforce_eager is None else enforce_eager
    return EngineSettings(
        dtype=dtype,
        reserved_cpus=cores - threads,
        enforce_eager=eager,
        reason=f"CPU: {dtype} ({why}), engine threads on {threads} of {cores} cores, "
               + ("eager (no compile at start)" if eager else "compiled at start"),
    )
