"""`cpsolve bench sandbox`: what a run costs through the warm pool, against a bare subprocess on
the host and a `docker run` per run, for a trivial Python and a trivial C++ program.

The bare, 1-worker and 2-worker measurements are interleaved in rounds (all three pools stay
open) and each is the median over rounds of its per-run time, so that a burst of other work on a
shared machine moves one round, not one method. `docker run` is measured on fewer runs (each costs
a quarter of a second) and given per run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sandbox.jobs import Job, Program, SandboxError, Verdict
from sandbox.pool import DockerPool, SandboxOptions

TRIVIAL_PYTHON = "print(int(input()) + 1)\n"
TRIVIAL_CPP = (
    "#include <cstdio>\n"
    "int main(){int n; std::scanf(\"%d\", &n); std::printf(\"%d\\n\", n + 1);}\n"
)
LANGUAGES = ("python3", "cpp17")
METHODS = ("subprocess", "pool-1", "pool-2", "docker-run")
TARGETS = {"pool_vs_subprocess": "<= 1.3", "docker_run_vs_pool": ">= 30",
           "throughput_2_vs_1_workers": ">= 1.8"}


@dataclass
class Measurement:
    """Seconds per run of one way to run one trivial program (wall clock, on this host)."""

    method: str  # one of METHODS
    language: str
    runs: int  # how many runs were measured, over all rounds
    per_run_s: float  # median over rounds of elapsed / runs; pool-2 runs two at once
    spread_s: tuple[float, float]  # the fastest and slowest round's per-run time


def measure_sandbox(image: str, runs: int, docker_runs: int, rounds: int,
                    progress=lambda message: None) -> dict:
    """Measure every method on both programs; the report as a dict (see sandbox_report)."""
    if shutil.which("docker") is None or shutil.which("g++") is None:
        raise SandboxError("the benchmark needs the docker command line and g++ on the host")
    rounds = max(1, min(rounds, runs))
    per_round = max(1, runs // rounds)
    programs = {"python3": Program("python3", TRIVIAL_PYTHON),
                "cpp17": Program("cpp17", TRIVIAL_CPP)}
    samples: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch, \
            DockerPool(SandboxOptions(image=image, workers=1)) as one, \
            DockerPool(SandboxOptions(image=image, workers=2)) as two:
        # Static, so the same binary runs on the host and, mounted, in the image.
        binary = Path(scratch) / "trivial"
        source = Path(scratch) / "trivial.cpp"
        source.write_text(TRIVIAL_CPP)
        subprocess.run(["g++", "-O2", "-static", "-o", str(binary), str(source)], check=True)
        bare = {"python3": [host_python(), "-c", TRIVIAL_PYTHON], "cpp17": [str(binary)]}
        pools = {"pool-1": one, "pool-2": two}
        for pool in pools.values():  # warm: compile, ship the programs, first starts
            for program in programs.values():
                pool.run([Job(program, b"1\n")] * 4)
        for round_number in range(rounds):
            progress(f"round {round_number + 1}/{rounds}: {per_round} runs per method "
                     "and language")
            for language in LANGUAGES:
                samples.setdefault(("subprocess", language), []).append(
                    time_runs(bare[language], per_round))
                for method, pool in pools.items():
                    samples.setdefault((method, language), []).append(
                        time_pool(pool, programs[language], per_round))
        docker = ["docker", "run", "--rm", "-i", "--network", "none",
                  "-v", f"{binary}:/trivial:ro", image]
        in_image = {"python3": ["python3", "-c", TRIVIAL_PYTHON], "cpp17": ["/trivial"]}
        for language in LANGUAGES:
            progress(f"docker run: {docker_runs} runs of {language}")
            samples[("docker-run", language)] = [time_runs(docker + in_image[language],
                                                           docker_runs)]
    measurements = [
        Measurement(method, language,
                    docker_runs if method == "docker-run" else per_round * rounds,
                    statistics.median(values), (min(values), max(values)))
        for (method, language), values in samples.items()
    ]
    return sandbox_report(measurements, per_round * rounds, docker_runs, rounds)


def host_python() -> str:
    """The system interpreter, like the image's: a venv's (site-packages, .pth files) or a pyenv
    shim on PATH would start several times slower and flatter the pool."""
    return "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable


def time_runs(argv: list[str], runs: int) -> float:
    """Seconds per run of argv, each fed one line on stdin, one after another."""
    start = time.perf_counter()
    for index in range(runs):
        subprocess.run(argv, input=f"{index}\n".encode(), capture_output=True, check=True)
    return (time.perf_counter() - start) / runs


def time_pool(pool: DockerPool, program: Program, runs: int) -> float:
    """Seconds per run of program through the pool, all runs submitted at once."""
    jobs = [Job(program, f"{index}\n".encode()) for index in range(runs)]
    start = time.perf_counter()
    results = pool.run(jobs)
    elapsed = time.perf_counter() - start
    if any(result.verdict is not Verdict.OK for result in results):
        raise SandboxError(f"a trivial {program.language} run failed in the pool")
    return elapsed / runs


def sandbox_report(measurements: list[Measurement], runs: int, docker_runs: int,
                   rounds: int) -> dict:
    by = {(m.method, m.language): m.per_run_s for m in measurements}
    ratios = {}
    for language in LANGUAGES:
        pool1 = by[("pool-1", language)]
        ratios[language] = {
            "pool_vs_subprocess": pool1 / by[("subprocess", language)],  # target <= 1.3
            "docker_run_vs_pool": by[("docker-run", language)] / pool1,  # target >= 30
            "throughput_2_vs_1_workers": pool1 / by[("pool-2", language)],  # target >= 1.8
        }
    overhead = {
        f"{method}/{language}": round((by[(method, language)] - by[("subprocess", language)])
                                      * 1000, 2)
        for method in ("pool-1", "docker-run") for language in LANGUAGES
    }
    return {
        "runs": runs,
        "rounds": rounds,
        "docker_runs": docker_runs,
        "cores": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],  # others' work skews it
        "overhead_ms": overhead,  # per run, beyond what the same program costs as a subprocess
        "note": (f"median of {rounds} interleaved rounds; docker run measured on {docker_runs} "
                 "runs per language"),
        "per_run_ms": {f"{m.method}/{m.language}": round(m.per_run_s * 1000, 2)
                       for m in measurements},
        "spread_ms": {f"{m.method}/{m.language}": [round(value * 1000, 2)
                                                   for value in m.spread_s]
                      for m in measurements},
        "ratios": {language: {name: round(value, 2) for name, value in values.items()}
                   for language, values in ratios.items()},
        "targets": TARGETS,
    }
