"""Unit tests of the sandbox benchmark's arithmetic (the measurements themselves are a script's
job: `cpsolve bench sandbox`)."""

from __future__ import annotations

import pytest

from sandbox.benchmark import Measurement, sandbox_report


def measurement(method: str, language: str, per_run_ms: float) -> Measurement:
    return Measurement(method, language, 100, per_run_ms / 1000,
                       (per_run_ms / 1000 * 0.9, per_run_ms / 1000 * 1.1))


def test_ratios_compare_the_one_worker_pool_with_each_other_method():
    per_run = {"subprocess": (10.0, 0.5), "pool-1": (4.0, 0.6), "pool-2": (2.0, 0.32),
               "docker-run": (240.0, 220.0)}
    report = sandbox_report(
        [measurement(method, language, times[index])
         for method, times in per_run.items()
         for index, language in enumerate(("python3", "cpp17"))],
        runs=400, docker_runs=20, rounds=4)
    assert report["ratios"]["python3"] == {"pool_vs_subprocess": 0.4, "docker_run_vs_pool": 60.0,
                                           "throughput_2_vs_1_workers": 2.0}
    cpp = report["ratios"]["cpp17"]
    assert cpp["pool_vs_subprocess"] == pytest.approx(1.2)
    assert cpp["docker_run_vs_pool"] == pytest.approx(366.67, abs=0.01)
    assert cpp["throughput_2_vs_1_workers"] == pytest.approx(1.88, abs=0.01)
    assert report["overhead_ms"]["pool-1/python3"] == -6.0
    assert report["spread_ms"]["pool-1/cpp17"] == [0.54, 0.66]
    assert report["rounds"] == 4 and "median of 4 interleaved rounds" in report["note"]
