"""The engine benchmark's arithmetic and choice of settings (the measuring itself is a script's
job: `cpsolve bench engine`)."""

from __future__ import annotations

from solver.bench.engine import (
    EngineMeasurement,
    EngineSetting,
    engine_report,
    settings_to_compare,
)


def test_the_settings_include_vllms_default_and_cpsolves_choice() -> None:
    settings = settings_to_compare(2)
    assert settings[0] == EngineSetting("bfloat16", 1)  # vLLM's default on 2 cores
    assert EngineSetting("float32", 2, True) in settings  # what cpsolve chooses on AVX2
    assert len(settings) == len(set(settings))
    assert all(s.engine_cpus == 1 for s in settings_to_compare(1))


def test_report_compares_with_vllms_default_and_marks_the_choice() -> None:
    measured = [
        EngineMeasurement(EngineSetting("bfloat16", 1), tokens=440, seconds=10.0, start_s=70.0),
        EngineMeasurement(EngineSetting("float32", 2, True), tokens=1400, seconds=10.0,
                          start_s=6.0),
        EngineMeasurement(EngineSetting("float32", 1), tokens=0, seconds=0.0, start_s=0.0,
                          error="failed: out of memory"),
    ]
    report = engine_report(measured, cores=2, flags={"avx2"})
    rows = {(r["dtype"], r["engine_cpus"], r["enforce_eager"]): r for r in report["rows"]}
    assert rows["bfloat16", 1, False]["vs_vllm_default"] == 1.0
    chosen = rows["float32", 2, True]
    assert chosen["vs_vllm_default"] == 3.18 and chosen["chosen"]
    assert chosen["engine_start_s"] == 6.0
    assert rows["float32", 1, False]["vs_vllm_default"] is None
    assert report["native_bf16"] == [] and "float32" in report["choice"]
    # Where the CPU computes bfloat16, the choice moves with it.
    native = engine_report(measured, cores=2, flags={"avx512_bf16"})
    assert not any(r["chosen"] for r in native["rows"] if r["dtype"] == "float32")
