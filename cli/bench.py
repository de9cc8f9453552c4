"""`cpsolve bench sandbox|judge`: measure the sandbox's speed, and how often its verdicts agree
with programs labelled by verdict (a jury's `accepted/`, `wrong_answer/`, ... folders)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    engine_output_to_log,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    quiet_libraries,
    sandbox_options,
)

# Kattis' jury folders and the verdict a program in each must get on the whole test set.
LABELS = {
    "accepted": "OK",
    "wrong_answer": "WA",
    "time_limit_exceeded": "TLE",
    "run_time_error": "RE",
}

def show_report(report: dict, printer: Callable[[dict], None], *, json_output: bool) -> int:
    """A benchmark's report as one JSON object (--json) or as the printer lays it out."""
    if json_output:
        print_json(report)
    else:
        printer(report)
    return EXIT_OK


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
                out.print(f"{mark} {row['label']:<20} {row['verdict']:<4} "
                          f"{row['language']:<8} {row['file']}", soft_wrap=True)
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
    {total, agreeing, agreement, programs: [{file, language, label, verdict, agrees}]}."""
    from solver.run.program import judge_program, read_program

    cases = problem.examples + problem.hidden
    rows = []
    for label, path in labelled:
        # Stop at the first failure, as Kattis does: same verdict, far less waiting on TLEs.
        program = read_program(path)
        verdict = judge_program(executor, program, problem, cases,
                                stop_at_first_failure=True)["verdict"]
        rows.append({"file": str(path), "language": program.language, "label": label,
                     "verdict": verdict, "agrees": verdict == LABELS[label]})
    agreeing = sum(row["agrees"] for row in rows)
    return {"total": len(rows), "agreeing": agreeing,
            "agreement": agreeing / len(rows) if rows else 0.0, "programs": rows}


# --- bench sandbox -------------------------------------------------------------------------------


def bench_sandbox(
    runs: Annotated[int, typer.Option(help="runs per program and method")] = 1000,
    rounds: Annotated[int, typer.Option(help="interleaved rounds the runs are split into")] = 4,
    docker_runs: Annotated[int, typer.Option(help="`docker run` runs (slow; extrapolated)")] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Per-run overhead: bare subprocess vs the warm pool (1 and 2 workers) vs `docker run`."""
    defaults = load_defaults()

    def run() -> int:
        from sandbox.benchmark import measure_sandbox

        if runs < 1 or docker_runs < 1 or rounds < 1:
            raise CliError("--runs, --rounds and --docker-runs must be at least 1", EXIT_INPUT)
        report = measure_sandbox(defaults["image"], runs, docker_runs, rounds, err.print)
        return show_report(report, print_sandbox_report, json_output=json_output)

    raise typer.Exit(guarded(debug, run))


def print_sandbox_report(report: dict) -> None:
    out.print(f"runs per method: {report['runs']} ({report['note']}); cores: {report['cores']}; "
              f"load average at the end: {report['load_average']}", soft_wrap=True)
    out.print(f"{'per run (ms)':<24}{'python3':>10}{'cpp17':>10}   rounds' range: python3, cpp17")
    for method in ("subprocess", "pool-1", "pool-2", "docker-run"):
        cells = [report["per_run_ms"][f"{method}/{language}"] for language in ("python3", "cpp17")]
        spread = ", ".join("%.2f-%.2f" % tuple(report["spread_ms"][f"{method}/{language}"])
                           for language in ("python3", "cpp17"))
        out.print(f"{method:<24}{cells[0]:>10.2f}{cells[1]:>10.2f}   {spread}")
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
    samples: Annotated[int, typer.Option(help="completions per measurement, at most")] = 128,
    chunk_size: Annotated[int | None, typer.Option(help="samples per request (default: config)")]
    = None,
    transformers_samples: Annotated[int, typer.Option(help="completions for `generate`")] = 2,
    budget: Annotated[float, typer.Option(
        help="seconds the measurements may take here (fewer samples on a slow CPU); 0: no limit")
    ] = 120.0,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Tokens/s through cpsolve vs vLLM direct vs transformers; streamed end to end vs stages."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.bench.sampling import run_sampling_benchmark
        from solver.problem import load_problem
        from solver.sampling.engine import shared_sampler
        from solver.sampling.models import resolve_model
        from solver.sampling.profiles import ModelProfile
        from solver.solve import solve_options

        if samples < 1 or budget < 0:
            raise CliError("--samples must be at least 1 and --budget not negative", EXIT_INPUT)
        problem = load_problem(problem_path)
        options = solve_options(defaults)
        profile = ModelProfile.load(options.sampling.profile)
        with engine_output_to_log(debug):
            model_path = resolve_model(options.sampling.model)
            sampler = shared_sampler(model_path, options.engine)
            with DockerPool(sandbox_options(defaults, None)) as pool:
                report = run_sampling_benchmark(
                    problem, sampler, pool, profile=profile, options=options.sampling,
                    model_path=model_path, samples=samples,
                    chunk_size=chunk_size or defaults["chunk_size"],
                    transformers_samples=transformers_samples, budget_s=budget or None,
                    on_progress=lambda line: err.print(line, markup=False),
                )
        data = report.as_dict()
        return show_report(data, print_sampling_report, json_output=json_output)

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


# --- bench engine --------------------------------------------------------------------------------


def bench_engine(
    budget: Annotated[float, typer.Option(
        help="seconds of generation in all, split over the settings (each engine's start comes "
             "on top: a minute or more for each compiled one on a small CPU)")] = 60.0,
    n: Annotated[int, typer.Option(help="completions per request")] = 16,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Engine start and tokens/s of the embedded model per dtype, engine threads and compile
    setting on this CPU, side by side."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from solver.bench.engine import engine_report, measure_engines
        from solver.problem import load_problem
        from solver.sampling.device import cpu_flags, usable_cores
        from solver.sampling.models import resolve_model
        from solver.sampling.profiles import ModelProfile
        from solver.sampling.prompts import build_prompt

        if budget <= 0 or n < 1:
            raise CliError("--budget must be positive and --n at least 1", EXIT_INPUT)
        problem = load_problem(Path(__file__).resolve().parents[1] / "problems" / "sum-of-two")
        prompt = build_prompt(problem, ModelProfile.load("default"))
        model_path = resolve_model(defaults["model"])
        measured = measure_engines(model_path, prompt, budget_s=budget, n=n,
                                   on_progress=lambda line: err.print(line, markup=False))
        report = engine_report(measured, usable_cores(), cpu_flags(), dtype=defaults["dtype"],
                               engine_cpus=defaults["engine_cpus"],
                               enforce_eager=defaults["enforce_eager"])
        show_report(report, print_engine_report, json_output=json_output)
        return EXIT_OK if all(not row["error"] for row in report["rows"]) else EXIT_NOTHING_PASSED

    raise typer.Exit(guarded(debug, run))


def print_engine_report(report: dict) -> None:
    native = ", ".join(report["native_bf16"]) or "none"
    out.print(f"cores: {report['cores']}; native bfloat16 flags: {native}", markup=False)
    out.print(f"{'dtype':<10}{'engine cores':>13}{'compile':>10}{'start (s)':>11}"
              f"{'tokens/s':>10}{'vs vLLM default':>17}", markup=False)
    for row in report["rows"]:
        ratio = "-" if row["vs_vllm_default"] is None else f"{row['vs_vllm_default']:.2f}x"
        speed = row["error"] or f"{row['tokens_per_s']:.1f}"
        mark = "  <- chosen" if row["chosen"] else ""
        compiled = "no" if row["enforce_eager"] else "yes"
        out.print(f"{row['dtype']:<10}{row['engine_cpus']:>13}{compiled:>10}"
                  f"{row['engine_start_s']:>11.1f}{speed:>10}{ratio:>17}{mark}", markup=False,
                  soft_wrap=True)
    out.print(f"cpsolve's choice here: {report['choice']}", markup=False, soft_wrap=True)


# --- bench select --------------------------------------------------------------------------------


def bench_select(
    root: Annotated[Path, typer.Argument(metavar="DIR", help="folder of problems")]
    = Path("../shared/bench"),
    samples_from: Annotated[Path, typer.Option(
        "--samples-from", metavar="FOLDER",
        help="labelled programs per problem: FOLDER/<problem>/{accepted,wrong_answer,...}/")]
    = Path("tests/judge_agreement"),
    only: Annotated[str | None, typer.Option(help="glob (or substring) on the problem key")]
    = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    restricted_inputs: Annotated[int | None, typer.Option(
        help="inputs taking a letter or an order away from an example (default: config)")]
    = None,
    input_rounds: Annotated[int, typer.Option(
        help="rounds of further inputs in the rounds input set")] = 3,
    scorer: Annotated[str | None, typer.Option(
        help="the learned arm's model file (default: the scorer setting, else the shipped "
             "one); scored only on problems it was not trained on")] = None,
    learned: Annotated[bool, typer.Option(help="score the learned arm")] = True,
    model_tests: Annotated[int, typer.Option(
        "--model-tests", min=0,
        help="replies asking the configured model for tests with answers, per problem: the dual "
             "arm (0: no dual arm, no model)")] = 0,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """solved@1 and solved@10 of each arm (an input set and a ranking: random, cluster size,
    runs clean, with the statement's ranges checked, with input rounds, learned) over the same
    hidden verdicts, on labelled programs instead of a model's."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.batch import find_problems
        from solver.bench.select import benchmark_selection
        from solver.selection.select import SelectionOptions

        for folder in (root, samples_from):
            if not folder.is_dir():
                raise CliError(f"{folder}: not a folder", EXIT_INPUT)
        problems = find_problems(root)
        ranker = None
        if learned:
            from solver.selection.scorer import open_learned_ranker

            ranker, note = open_learned_ranker(scorer or defaults["scorer"])
            err.print(note.replace("; ranking by size", "; no learned arm"), markup=False,
                      soft_wrap=True)
        write_tests = tests_writer(defaults, model_tests) if model_tests > 0 else None
        with DockerPool(sandbox_options(defaults, workers)) as pool:
            chosen = defaults["restricted_inputs"] if restricted_inputs is None \
                else restricted_inputs
            report = benchmark_selection(
                problems, samples_from, pool, only=only,
                options=SelectionOptions(generated_inputs=defaults["generated_inputs"],
                                         restricted_inputs=chosen,
                                         input_rounds=max(1, input_rounds)),
                learned=ranker, write_tests=write_tests,
                on_start=lambda key: err.print(f"{key}: selecting", markup=False))
        if not report["problems"]:
            raise CliError(f"{samples_from}: no programs for any problem under {root}",
                           EXIT_INPUT)
        return show_report(report, print_select_report, json_output=json_output)

    raise typer.Exit(guarded(debug, run))


# --- bench repair --------------------------------------------------------------------------------


def bench_repair(
    root: Annotated[Path, typer.Argument(metavar="DIR", help="folder of problems")]
    = Path("problems/ladder"),
    samples: Annotated[int, typer.Option(
        help="the repair arm's completions per problem; their tokens are the plain arm's "
             "budget")] = 16,
    seeds: Annotated[int, typer.Option(help="repetitions, each drawing new samples")] = 1,
    repair_rounds: Annotated[int, typer.Option(help="repair depth in the repair arm")] = 1,
    repair_share: Annotated[float, typer.Option(
        help="share of the budget repairs and notes may take")] = 0.25,
    only: Annotated[str | None, typer.Option(help="glob (or substring) on the problem key")]
    = None,
    record: Annotated[Path | None, typer.Option(
        "--out", help="keep each (seed, problem) pair here as measured; a rerun resumes")]
    = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Plain sampling against sampling plus repair at the same generated-token budget: solved@1,
    solved@10, per-completion pass rate, tokens and seconds per arm, and per problem."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.batch import find_problems
        from solver.bench.repair import benchmark_repair
        from solver.repair.budget import RepairOptions
        from solver.sampling.device import cpu_flags, cpu_name, usable_cores
        from solver.solve import open_model, solve_options

        if samples < 1 or seeds < 1 or repair_rounds < 1 or not 0 < repair_share <= 0.9:
            raise CliError("--samples, --seeds and --repair-rounds must be at least 1, "
                           "--repair-share above 0 and at most 0.9", EXIT_INPUT)
        if not root.is_dir():
            raise CliError(f"{root}: not a folder", EXIT_INPUT)
        problems = find_problems(root)
        if not problems:
            raise CliError(f"{root}: no problems", EXIT_INPUT)
        options = solve_options({**defaults, "samples": samples}, seed=0)
        with engine_output_to_log(debug):
            sampler = open_model(options)
            with DockerPool(sandbox_options(defaults, workers)) as pool:
                report = benchmark_repair(
                    problems, sampler, pool, options, seeds=seeds, only=only, record=record,
                    repair=RepairOptions(rounds=repair_rounds, share=repair_share),
                    on_progress=lambda line: err.print(line, markup=False))
        flags = cpu_flags()
        report["machine"] = {"cpu": cpu_name(), "cores": usable_cores(),
                             "avx512": "avx512f" in flags}
        return show_report(report, print_repair_report, json_output=json_output)

    raise typer.Exit(guarded(debug, run))


def print_repair_report(report: dict) -> None:
    settings, machine = report["settings"], report["machine"]
    out.print(f"{settings['problems']} problems, {settings['samples']} completions each "
              "in the repair arm (their tokens: the plain arm's budget), "
              f"{settings['seeds']} seed(s); repair: {settings['repair_rounds']} round(s), "
              f"share {settings['repair_share']}; {machine['cpu'] or 'CPU ?'}, "
              f"{machine['cores']} cores, AVX-512 {'yes' if machine['avx512'] else 'no'}",
              markup=False)
    out.print(f"{'arm':<8}{'solved@1':>10}{'solved@10':>11}{'pass rate':>11}{'tokens':>10}"
              f"{'repairs':>9}{'passed':>8}{'seconds':>9}")
    for arm in ("plain", "repair"):
        row = report[arm]
        out.print(f"{arm:<8}{row['solved_at_1']:>10.2f}{row['solved_at_10']:>11.2f}"
                  f"{row['pass_rate']:>11.3f}{row['tokens']:>10.0f}{row['repairs']:>9.1f}"
                  f"{row['repairs_passed']:>8.1f}{row['seconds']:>9.0f}")
    for metric, test in report["paired"].items():
        out.print(f"{metric}: solved by repair only {test['repair_only']}, by plain only "
                  f"{test['plain_only']} of the (problem, seed) pairs; McNemar exact p = "
                  f"{test['p_value']:.3f}", markup=False)
    out.print("per problem (repair - plain; solved@1 as a share of seeds):", markup=False)
    out.print(f"{'problem':<24}{'plain@1':>8}{'repair@1':>9}{'diff@1':>8}{'diff@10':>8}"
              f"{'diff rate':>10}", markup=False)
    for row in report["problems"]:
        if row["error"] is not None:
            out.print(f"{row['id']:<24}  {row['error']}", markup=False, soft_wrap=True)
            continue
        diff = row["difference"]
        out.print(f"{row['id']:<24}{row['plain']['solved_at_1']:>8.2f}"
                  f"{row['repair']['solved_at_1']:>9.2f}{diff['solved_at_1']:>+8.2f}"
                  f"{diff['solved_at_10']:>+8.2f}{diff['pass_rate']:>+10.3f}", markup=False)


def print_arms(arms: dict) -> None:
    out.print(f"{'arm':<16}{'solved@1':>10}{'solved@10':>11}   {'solved@1 95% CI':<17}"
              "vs size: better/worse (sign p)")
    for arm, row in arms.items():
        low, high = row["ci95"]
        versus = row["vs_size"]
        out.print(f"{arm:<16}{row['solved_at_1']:>10.3f}{row['solved_at_10']:>11.3f}   "
                  f"{f'{low:.3f}-{high:.3f}':<17}{versus['better']}/{versus['worse']} "
                  f"({versus['p']:.2f})")


def tests_writer(defaults, replies: int):
    """problem -> the configured model's tests for it, drawn as `solve` draws them with
    `model_tests: replies` (solver.solve.model_written_tests), seed 0."""
    from dataclasses import replace

    from solver.sampling.profiles import mix_profiles
    from solver.solve import model_written_tests, open_model, solve_options

    options = replace(solve_options(defaults, seed=0), model_tests=replies)
    if not any(profile.kind == "chat" for profile in mix_profiles(options.sampling.profile)):
        raise CliError(f"profile {options.sampling.profile!r} has no chat profile: the model "
                       "cannot be asked for tests", EXIT_INPUT)
    sampler = open_model(options)
    return lambda problem: model_written_tests(problem, sampler, options)


def print_select_report(report: dict) -> None:
    scored = [row for row in report["problems"] if row["error"] is None]
    out.print(f"problems: {len(scored)} (random: the expectation over orders)")
    print_arms(report["arms"])
    if "learned" in report:
        learned = report["learned"]
        out.print(f"held out of the learned model's training: {len(learned['held_out'])} "
                  f"problems ({len(learned['trained_on'])} it was trained on left out); every "
                  "arm on those:", markup=False)
        print_arms(learned["arms"])
    out.print("rank 1 right per problem (random: chance):", markup=False)
    arms = list(report["arms"])
    out.print(f"{'problem':<44}{'surv':>5}{'ok':>4}{'clus':>5}{'+rnd':>5}{'+tny':>5}  " +
              " ".join(f"{arm[:10]:>10}" for arm in arms), markup=False, soft_wrap=True)
    for row in report["problems"]:
        if row["error"] is not None:
            out.print(f"{row['id']:<44}  {row['error']}", markup=False, soft_wrap=True)
            continue
        cells = []
        for arm in arms:
            value = row["arms"][arm]["solved_at_1"]
            # An expectation over tied clusters is neither yes nor no.
            word = {0: "no", 1: "yes"}.get(value, f"{value:.2f}")
            cells.append(f"{value:>10.2f}" if arm == "random" else f"{word:>10}")
        out.print(f"{row['id']:<44}{row['survivors']:>5}{row['correct_survivors']:>4}"
                  f"{row['clusters']:>5}{row['clusters_after_rounds']:>5}"
                  f"{row['clusters_after_tiny']:>5}  " + " ".join(cells),
                  markup=False, soft_wrap=True)


# --- bench scale ---------------------------------------------------------------------------------


def bench_scale(
    root: Annotated[Path, typer.Argument(metavar="DIR", help="folder of problems")]
    = Path("../shared/bench"),
    samples_from: Annotated[Path, typer.Option(
        "--samples-from", metavar="FOLDER", help="programs per problem: FOLDER/<problem>/")]
    = Path("tests/programs"),
    only: Annotated[str | None, typer.Option(help="glob (or substring) on the problem key")]
    = None,
    workers: Annotated[int, typer.Option(
        help="sandbox containers in every arm (even: the two-node arm halves them)")] = 2,
    rounds: Annotated[int, typer.Option(
        help="runs of each arm, in turn (the best of each is compared)")] = 2,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """One batch (--samples-from: the example filter, clustering, hidden tests) on this
    machine's pool, then through Ray with 1 and 2 worker nodes at the same workers: wall time,
    Ray's overhead ratio and jobs per second."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.cluster import RayMissingError, import_ray
        from solver.batch import find_problems, matches
        from solver.bench.scale import benchmark_scale
        from solver.sampling.folder import programs_folder_for
        from solver.solve import solve_options

        try:
            import_ray()
        except RayMissingError as error:
            raise CliError(str(error).replace("--ray", "bench scale"), EXIT_INPUT) from error
        for folder in (root, samples_from):
            if not folder.is_dir():
                raise CliError(f"{folder}: not a folder", EXIT_INPUT)
        if workers < 2 or workers % 2 or rounds < 1:
            raise CliError("--workers must be even and at least 2, --rounds at least 1",
                           EXIT_INPUT)
        problems = [(key, folder) for key, folder in find_problems(root)
                    if matches(key, only) and programs_folder_for(samples_from, key)]
        if not problems:
            raise CliError(f"{samples_from}: no programs for any problem under {root}",
                           EXIT_INPUT)
        report = benchmark_scale(
            problems, samples_from.resolve(), workers=workers, rounds=rounds,
            image=defaults["image"],
            options=solve_options(defaults, seed=None),
            report=lambda line: err.print(line, markup=False, soft_wrap=True))
        return show_report(report, print_scale_report, json_output=json_output)

    raise typer.Exit(guarded(debug, run))


def print_scale_report(report: dict) -> None:
    out.print(f"{report['problems']} problems, {report['workers']} sandbox workers in every "
              f"arm, {report['rounds']} rounds (arms in turn); every Ray node on this "
              f"machine's one Docker engine; cluster start {report['cluster_up_s']:.1f} s",
              markup=False, soft_wrap=True)
    out.print(f"{'arm':<7}{'nodes':>6}{'start s':>8}  {'batch s (each round)':<22}{'best':>7}"
              f"{'jobs':>6}{'jobs/s':>8}{'vs local':>9}  same choices", markup=False,
              soft_wrap=True)
    for run in report["runs"]:
        each = " ".join(f"{seconds:.1f}" for seconds in run["seconds"])
        out.print(f"{run['name']:<7}{run['nodes']:>6}{run['start_s']:>8.1f}  {each:<22}"
                  f"{run['best_s']:>7.1f}{run['jobs']:>6}{run['jobs_per_s']:>8.1f}"
                  f"{run['overhead']:>8.2f}x  {'yes' if run['same_choices'] else 'NO'}",
                  markup=False, soft_wrap=True)
    out.print(f"Ray vs local at equal workers (best rounds): worst {report['worst_overhead']:.2f}x "
              f"(target <= {report['target']:.2f}x)", markup=False, soft_wrap=True)
    if report["differing_problems"]:
        out.print("choices that differed between runs: " + ", ".join(
            report["differing_problems"]), markup=False, soft_wrap=True)


# --- bench evolve --------------------------------------------------------------------------------


def bench_evolve(
    problem_paths: Annotated[list[Path] | None, typer.Argument(
        metavar="[PROBLEM]...", help="scored problems (default: every one in problems/scored)")]
    = None,
    samples: Annotated[int, typer.Option(help="completions per arm, problem and seed")] = 16,
    seeds: Annotated[int, typer.Option(help="repetitions, each drawing new samples")] = 1,
    islands: Annotated[int | None, typer.Option(
        help="islands of the evolution arm (default: 4 on a CPU, 10 on a GPU)")] = None,
    samples_per_prompt: Annotated[int, typer.Option(help="completions of each prompt")] = 2,
    plots: Annotated[Path | None, typer.Option(
        "--out", help="folder for one plot per problem (default: <output_dir>/bench-evolve)")]
    = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Evolution (FunSearch's database and prompts) against independent sampling from the same
    seed, same model and budget: the best score each reaches, paired per problem and seed."""
    quiet_libraries()
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.bench.evolve import benchmark_evolve
        from solver.evolve.database import default_islands
        from solver.problem import load_problem
        from solver.run.program import read_program
        from solver.sampling.device import cpu_flags, cpu_name, usable_cores
        from solver.sampling.engine import on_gpu
        from solver.sampling.profiles import mix_profiles
        from solver.solve import open_model, solve_options

        if min(samples, seeds, samples_per_prompt, 1 if islands is None else islands) < 1:
            raise CliError("--samples, --seeds, --samples-per-prompt and --islands must be at "
                           "least 1", EXIT_INPUT)
        paths = problem_paths or sorted(
            path for path in Path("problems/scored").iterdir() if path.is_dir())
        problems = [load_problem(path) for path in paths]
        unscored = [problem.id for problem in problems if problem.scoring is None]
        if unscored:
            raise CliError(f"not scored problems: {', '.join(unscored)}", EXIT_INPUT)
        seeds_found = {}
        for problem in problems:
            folder = problem.path if problem.path is not None and problem.path.is_dir() else None
            found = sorted(folder.glob("solutions/seed.*")) if folder is not None else []
            seeds_found[problem.id] = read_program(found[0]) if found else None
        options = solve_options(defaults, seed=0)
        profile = mix_profiles(options.sampling.profile)[0]
        count = islands or default_islands(on_gpu() if not options.endpoints else False)
        folder = plots or Path(defaults["output_dir"]) / "bench-evolve"
        with engine_output_to_log(debug), \
                DockerPool(sandbox_options(defaults, workers)) as pool:
            sampler = open_model(options)
            report = benchmark_evolve(
                problems, sampler, pool, profile=profile, sampling=options.sampling,
                samples=samples, seeds=seeds, islands=count,
                samples_per_prompt=samples_per_prompt, seed_programs=seeds_found,
                plots=folder, on_progress=lambda line: err.print(line, markup=False))
        flags = cpu_flags()
        report["machine"] = {"cpu": cpu_name(), "cores": usable_cores(),
                             "avx512": "avx512f" in flags}
        report["plots"] = str(folder)
        return show_report(report, print_evolve_report, json_output=json_output)

    raise typer.Exit(guarded(debug, run))


def print_evolve_report(report: dict) -> None:
    settings, machine = report["settings"], report["machine"]
    out.print(f"{settings['problems']} problems, {settings['samples']} completions per arm, "
              f"{settings['seeds']} seed(s), {settings['islands']} islands, "
              f"{settings['samples_per_prompt']} completions per prompt; {settings['model']}; "
              f"{machine['cpu'] or 'CPU ?'}, {machine['cores']} cores", markup=False,
              soft_wrap=True)

    def shown(value) -> str:
        return "-" if value is None else f"{value:.6g}"

    out.print(f"{'problem':<12}{'obj':>4}{'seed':>12}{'independent':>14}{'evolution':>12}",
              markup=False, soft_wrap=True)
    for row in report["problems"]:
        arms = row["arms"]
        out.print(f"{row['id']:<12}{row['objective']:>4}{shown(row['seed_score']):>12}"
                  f"{shown(arms['independent']['best_mean']):>14}"
                  f"{shown(arms['evolution']['best_mean']):>12}", markup=False, soft_wrap=True)
    paired = report["paired"]
    out.print(f"paired (problem, seed): evolution better {paired['evolution_better']}, equal "
              f"{paired['equal']}, independent better {paired['independent_better']}",
              markup=False, soft_wrap=True)
    for arm, row in report["arms"].items():
        out.print(f"{arm}: {row['valid_rate']:.0%} of completions valid, {row['seconds']:.0f} s",
                  markup=False, soft_wrap=True)
    out.print(f"plots: {report['plots']}", markup=False, soft_wrap=True)
