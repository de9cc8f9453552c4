"""The engine's dtype and threads, chosen from the CPU (no engine is started here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from solver.sampling.device import EngineSettings, choose_engine_settings, cpu_flags

AVX2_ONLY = {"sse4_2", "avx", "avx2", "fma"}
AVX512_BF16 = AVX2_ONLY | {"avx512f", "avx512_bf16"}


def test_float32_where_bfloat16_would_be_emulated() -> None:
    chosen = choose_engine_settings(on_gpu=False, flags=AVX2_ONLY, cores=2)
    assert chosen.dtype == "float32"
    assert "emulated" in chosen.reason


@pytest.mark.parametrize("flag", ["avx512_bf16", "amx_bf16"])
def test_bfloat16_where_the_cpu_computes_it(flag: str) -> None:
    chosen = choose_engine_settings(on_gpu=False, flags=AVX2_ONLY | {flag}, cores=8)
    assert chosen.dtype == "bfloat16" and flag in chosen.reason


def test_every_core_for_the_engine_unless_the_config_says_fewer() -> None:
    assert choose_engine_settings(on_gpu=False, flags=AVX2_ONLY, cores=2).reserved_cpus == 0
    fewer = choose_engine_settings(on_gpu=False, flags=AVX2_ONLY, cores=8, engine_cpus=6)
    assert fewer.reserved_cpus == 2 and "6 of 8 cores" in fewer.reason
    # More than there are is clamped, never a negative reservation.
    assert choose_engine_settings(on_gpu=False, flags=set(), cores=2,
                                  engine_cpus=16).reserved_cpus == 0
    assert fewer.environment == {"VLLM_CPU_NUM_OF_RESERVED_CPU": "2"}


def test_the_config_overrides_the_dtype_and_a_gpu_keeps_vllms_choice() -> None:
    forced = choose_engine_settings(on_gpu=False, dtype="bfloat16", flags=AVX2_ONLY, cores=2)
    assert forced.dtype == "bfloat16" and "config" in forced.reason
    gpu = choose_engine_settings(on_gpu=True, flags=AVX2_ONLY, cores=2)
    assert gpu == EngineSettings("auto", None, False, gpu.reason) and gpu.environment == {}
    with pytest.raises(ValueError, match="dtype"):
        choose_engine_settings(on_gpu=False, dtype="int3", flags=set(), cores=1)


def test_eager_on_a_cpu_compiled_on_a_gpu_unless_the_config_says() -> None:
    assert choose_engine_settings(on_gpu=False, flags=set(), cores=2).enforce_eager is True
    assert choose_engine_settings(on_gpu=True, flags=set(), cores=2).enforce_eager is False
    compiled = choose_engine_settings(on_gpu=False, enforce_eager=False, flags=set(), cores=2)
    assert compiled.enforce_eager is False and "compiled" in compiled.reason


def test_flags_are_read_as_lscpu_reads_them(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512_bf16\n\nprocessor\t: 1\n",
                       encoding="utf-8")
    assert cpu_flags(cpuinfo) == {"fpu", "avx2", "avx512_bf16"}
    assert cpu_flags(tmp_path / "missing") == set()
    assert cpu_flags()  # this machine's kernel names its flags


def test_dtype_and_engine_cpus_are_settings(tmp_path: Path) -> None:
    from solver.config import ConfigError, load_config

    config = load_config(environ={"CPSOLVE_DTYPE": "float32", "CPSOLVE_ENGINE_CPUS": "1",
                                  "CPSOLVE_ENFORCE_EAGER": "false"}, cwd=tmp_path)
    assert (config["dtype"], config["engine_cpus"], config["enforce_eager"]) == ("float32", 1,
                                                                                 False)
    for name, value in (("CPSOLVE_DTYPE", "fp8"), ("CPSOLVE_ENGINE_CPUS", "0"),
                        ("CPSOLVE_ENGINE_CPUS", "two"), ("CPSOLVE_ENFORCE_EAGER", "1")):
        with pytest.raises(ConfigError):
            load_config(environ={name: value}, cwd=tmp_path)
