"""`cpsolve bench sandbox|judge`: measure the sandbox's speed, and how often its verdicts agree
with programs labelled by verdict (a jury's `accepted/`, `wrong_answer/`, ... folders)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    quiet_libraries,
    sampling_options,
    sandbox_options,
    stderr_to_log,
)

# Kattis' jury folders and the verdict a program in each must get on the whole test set.
LABELS = {
    "accepted": "OK",
    "wrong_answer": "WA",
    "time_limit_exceeded": "TLE",
    "run_time_error": "RE",
}

TRIVIAL_PYTHON = "print(int(input()) + 1)\n"
TRIVIAL_CPP = (
    "#include <cstdio>\n"
    "int main(){int n; std::scanf(\"%d\", &n); std::printf(\"%d\\n\", n + 1);}\n"
)


# --- bench judge ---------------------------------------------------------------------------------


def bench_judge(
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file/folder")],
    programs_dir: Annotated[Path, typer.Argument(metavar="PROGRAMS_DIR",
                                                 help="folder with accepted/, wrong_answer/, ...")],
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Judge every labelled program on all tests; report how often our verdict is its label."""
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.problem import load_problem

        problem = load_problem(problem_path)
        labelled = labelled_programs(programs_dir)
        if not labelled:
            raise CliError(f"{programs_dir}: no programs under {', '.join(LABELS)}", EXIT_INPUT)
        with DockerPool(sandbox_options(defaults, workers)) as pool:
            report = judge_agreement(pool, problem, labelled)
        if json_output:
            print_json(report)
        else:
            for row in report["programs"]:
                mark = "ok  " if row["agrees"] else "DIFF"
                out.print(f"{mark} {row['label']:<20} {row['verdict']:<4} {row['file']}",
                          soft_wrap=True)
            out.print(f"agreement: {report['agreeing']}/{report['total']} "
                      f"({report['agreement']:.0%})")
        return EXIT_OK if report["agreeing"] == report["total"] else EXIT_NOTHING_PASSED

    raise typer.Exit(guarded(debug, run))


def labelled_programs(folder: Path) -> list[tuple[str, Path]]:
    """(label, file) for each program in a known label folder, sorted; other files ignored."""
    from sandbox.jobs import language_of

    found = []
    for label in LABELS:
        for path in sorted((folder / label).glob("*")) if (folder / label).is_dir() else []:
            if path.is_file() and language_of(path.name):
                found.append((label, path))
    return found


def judge_agreement(executor, problem, labelled: list[tuple[str, Path]]) -> dict:
    """Judge each program on the examples and hidden tests together, like `cpsolve test --all`:
    {total, agreeing, agreement, programs: [{file, label, verdict, agrees}]}."""
    from cli.test import judge_program, read_program

    cases = problem.examples + problem.hidden
    checker = problem.output_checker
    rows = []
    for label, path in labelled:
        # Stop at the first failing batch, as Kattis does: same verdict, far less waiting on TLEs.
        verdict = judge_program(executor, read_program(path), problem, cases, checker,
                                stop_at_failure=os.cpu_count() or 1)["verdict"]
        rows.append({"file": str(path), "label": label, "verdict": verdict,
                     "agrees": verdict == LABELS[label]})
    agreeing = sum(row["agrees"] for row in rows)
    return {"total": len(rows), "agreeing": agreeing,
            "agreement": agreeing / len(rows) if rows else 0.0, "programs": rows}


# --- bench sandbox -------------------------------------------------------------------------------


@dataclass
class Measurement:
    """Seconds per run of one way to run one trivial program (wall clock, on this host)."""

    method: str  # "subprocess", "pool-1", "pool-2", "docker-run"
    language: str
    runs: int  # how many runs were measured
    per_run_s: float  # elapsed / runs; for pool-2 this is throughput-based (two at once)


def bench_sandbox(
    runs: Annotated[int, typer.Option(help="runs per program and method")] = 1000,
    docker_runs: Annotated[int, typer.Option(help="`docker run` runs (slow; extrapolated)")] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Per-run overhead: bare subprocess vs the warm pool (1 and 2 workers) vs `docker run`."""
    defaults = load_defaults()

    def run() -> int:
        if runs < 1 or docker_runs < 1:
            raise CliError("--runs and --docker-runs must be at least 1", EXIT_INPUT)
        report = measure_sandbox(defaults["image"], runs, docker_runs)
        if json_output:
            print_json(report)
        else:
            print_sandbox_report(report)
        return EXIT_OK

    raise typer.Exit(guarded(debug, run))


def measure_sandbox(image: str, runs: int, docker_runs: int) -> dict:
    from sandbox.jobs import Job, Program, Verdict
    from sandbox.pool import DockerPool, SandboxError, SandboxOptions

    if shutil.which("docker") is None or shutil.which("g++") is None:
        raise SandboxError("the benchmark needs the docker command line and g++ on the host")
    programs = {"python3": Program("python3", TRIVIAL_PYTHON),
                "cpp17": Program("cpp17", TRIVIAL_CPP)}
    measurements: list[Measurement] = []
    with tempfile.TemporaryDirectory() as scratch:
        # Static, so the same binary runs on the host and, mounted, in the image.
        binary = Path(scratch) / "trivial"
        source = Path(scratch) / "trivial.cpp"
        source.write_text(TRIVIAL_CPP)
        subprocess.run(["g++", "-O2", "-static", "-o", str(binary), str(source)], check=True)
        bare = {"python3": [host_python(), "-c", TRIVIAL_PYTHON], "cpp17": [str(binary)]}
        for language, argv in bare.items():
            err.print(f"subprocess: {runs} runs of {language}")
            measurements.append(Measurement("subprocess", language, runs,
                                            time_runs(argv, runs)))
        for workers in (1, 2):
            with DockerPool(SandboxOptions(image=image, workers=workers)) as pool:
                for language, program in programs.items():
                    pool.run([Job(program, b"1\n")] * workers)  # warm: compile, first start
                    jobs = [Job(program, f"{i}\n".encode()) for i in range(runs)]
                    err.print(f"pool, {workers} worker(s): {runs} runs of {language}")
                    start = time.perf_counter()
                    results = pool.run(jobs)
                    elapsed = time.perf_counter() - start
                    if any(r.verdict is not Verdict.OK for r in results):
                        raise SandboxError(f"a trivial {language} run failed in the pool")
                    measurements.append(Measurement(f"pool-{workers}", language, runs,
                                                    elapsed / runs))
        docker = ["docker", "run", "--rm", "-i", "--network", "none",
                  "-v", f"{binary}:/trivial:ro", image]
        in_image = {"python3": ["python3", "-c", TRIVIAL_PYTHON], "cpp17": ["/trivial"]}
        for language, argv in in_image.items():
            err.print(f"docker run: {docker_runs} runs of {language}")
            measurements.append(Measurement("docker-run", language, docker_runs,
                                            time_runs(docker + argv, docker_runs)))
    return sandbox_report(measurements, runs, docker_runs)


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


def sandbox_report(measurements: list[Measurement], runs: int, docker_runs: int) -> dict:
    by = {(m.method, m.language): m.per_run_s for m in measurements}
    ratios = {}
    for language in ("python3", "cpp17"):
        pool1 = by[("pool-1", language)]
        ratios[language] = {
            "pool_vs_subprocess": pool1 / by[("subprocess", language)],  # target <= 1.3
            "docker_run_vs_pool": by[("docker-run", language)] / pool1,  # target >= 30
            "throughput_2_vs_1_workers": pool1 / by[("pool-2", language)],  # target >= 1.8
        }
    overhead = {
        f"{method}/{language}": round((by[(method, language)] - by[("subprocess", language)])
                                      * 1000, 2)
        for method in ("pool-1", "docker-run") for language in ("python3", "cpp17")
    }
    return {
        "runs": runs,
        "docker_runs": docker_runs,
        "cores": os.cpu_count(),
        "load_average": [round(value, 2) for value in os.getloadavg()],  # others' work skews it
        "overhead_ms": overhead,  # per run, beyond what the same program costs as a subprocess
        "note": f"docker run measured on {docker_runs} runs per language, extrapolated per run",
        "per_run_ms": {f"{m.method}/{m.language}": round(m.per_run_s * 1000, 2)
                       for m in measurements},
        "ratios": {language: {name: round(value, 2) for name, value in values.items()}
                   for language, values in ratios.items()},
        "targets": {"pool_vs_subprocess": "<= 1.3", "docker_run_vs_pool": ">= 30",
                    "throughput_2_vs_1_workers": ">= 1.8"},
    }


def print_sandbox_report(report: dict) -> None:
    out.print(f"runs per method: {report['runs']} ({report['note']}); cores: {report['cores']}; "
              f"load average at the end: {report['load_average']}", soft_wrap=True)
    out.print(f"{'per run (ms)':<24}{'python3':>10}{'cpp17':>10}")
    for method in ("subprocess", "pool-1", "pool-2", "docker-run"):
        cells = [report["per_run_ms"][f"{method}/{language}"] for language in ("python3", "cpp17")]
        out.print(f"{method:<24}{cells[0]:>10.2f}{cells[1]:>10.2f}")
    out.print(f"{'overhead vs subprocess (ms)':<24}{'python3':>10}{'cpp17':>10}")
    for method in ("pool-1", "docker-run"):
        cells = [report["overhead_ms"][f"{method}/{language}"] for language in ("python3", "cpp17")]
        out.print(f"{method:<24}{cells[0]:>10.2f}{cells[1]:>10.2f}")
    out.print(f"{'ratio (target)':<40}{'python3':>10}{'cpp17':>10}")
    for name, target in report["targets"].items():
        cells = [report["ratios"][language][name] for language in ("python3", "cpp17")]
        out.print(f"{name + ' (' + target + ')':<40}{cells[0]:>10.2f}{cells[1]:>10.2f}")


# --- bench sampling ------------------------------------------------------------------------------


def bench_sampling(
    problem_path: Annotated[
        Path, typer.Argument(metavar="PROBLEM", help="the problem to sample for")
    ] = Path("problems/sum-of-two"),
    samples: Annotated[int, typer.Option(help="completions per measurement")] = 128,
    chunk_size: Annotated[int | None, typer.Option(help="samples per request (default: config)")]
    = None,
    transformers_samples: Annotated[int, typer.Option(help="completions for `generate`")] = 4,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Tokens/s through cpsolve vs vLLM direct vs transformers; streamed end to end vs stages."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.bench_sampling import run_sampling_benchmark
        from solver.models import cache_dir, resolve_model
        from solver.problem import load_problem
        from solver.sampling import ModelProfile, shared_sampler

        if samples < 1:
            raise CliError("--samples must be at least 1", EXIT_INPUT)
        problem = load_problem(problem_path)
        options = sampling_options(defaults, None)
        profile = ModelProfile.load(options.profile)
        with stderr_to_log(cache_dir() / "engine.log", enabled=not debug):
            model_path = resolve_model(options.model)
            sampler = shared_sampler(model_path, options, profile)
            with DockerPool(sandbox_options(defaults, None)) as pool:
                report = run_sampling_benchmark(
                    problem, sampler, profile, pool, model_path, samples,
                    chunk_size or defaults["chunk_size"], transformers_samples,
                )
        data = report.as_dict()
        if json_output:
            print_json(data)
        else:
            print_sampling_report(data)
        return EXIT_OK

    raise typer.Exit(guarded(debug, run))


def print_sampling_report(data: dict) -> None:
    for name in ("vllm_direct", "cpsolve", "transformers"):
        row = data[name]
        out.print(f"{name:>13}: {row['tokens_per_s']:8.1f} tokens/s  "
                  f"{row['programs_per_s']:6.2f} programs/s  ({row['seconds']:.1f} s)")
    out.print(f"sampling alone {data['sampling_s']:.1f} s, execution alone "
              f"{data['execution_s']:.1f} s, streamed end to end {data['end_to_end_s']:.1f} s")
    ratios = data["ratios"]
    out.print(f"cpsolve / vLLM direct tokens/s: {ratios['cpsolve_vs_vllm_tokens_per_s']:.2f} "
              "(target >= 0.9)")
    out.print(f"vLLM / transformers tokens/s: {ratios['vllm_vs_transformers_tokens_per_s']:.1f}")
    out.print(f"end to end / max(sampling, execution): "
              f"{ratios['end_to_end_vs_max_stage']:.2f} (target <= 1.15)")
