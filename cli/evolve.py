"""`cpsolve evolve`: FunSearch-style evolution of a program for a scored problem, or of a
correct but too-slow program (--speed); resumable, with a live line per round on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    CONFIG_HELP,
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    FORMAT_HELP,
    CliError,
    DebugOption,
    JsonOption,
    ModelOption,
    ProfileOption,
    SeedOption,
    TemperatureOption,
    WorkersOption,
    engine_output_to_log,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    quiet_libraries,
    sandbox_options,
)


def evolve(
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file or folder")],
    from_program: Annotated[Path | None, typer.Option(
        "--from", help="the first program (default: the problem's solutions/seed.*, else the "
        "model's first valid program; --speed: a solve's rank01)")] = None,
    speed: Annotated[bool, typer.Option(
        "--speed", help="make a correct but too-slow program faster (score: seconds on the "
        "largest inputs; children must agree with their parent on small inputs)")] = False,
    samples: Annotated[int, typer.Option(help="completions to draw in all (the budget)")] = 64,
    time_budget: Annotated[float | None, typer.Option(
        "--time", help="seconds this run may draw for (the round in flight still ends)")] = None,
    islands: Annotated[int | None, typer.Option(
        help="islands of the database (default: 4 on a CPU, 10 on a GPU)")] = None,
    samples_per_prompt: Annotated[int, typer.Option(help="completions of each prompt")] = 2,
    repeats: Annotated[int, typer.Option(help="--speed: timed runs per large input")] = 3,
    model: ModelOption = None,
    profile: ProfileOption = None,
    temperature: TemperatureOption = None,
    endpoint: Annotated[list[str] | None, typer.Option(
        help="OpenAI-compatible base URL to sample from (repeat for several)")] = None,
    workers: WorkersOption = None,
    output_dir: Annotated[Path | None, typer.Option(
        "--out", help="run folder (default: <output_dir>/<problem>/evolve)")] = None,
    fresh: Annotated[bool, typer.Option(
        "--fresh", help="discard the run folder's checkpoint and start again")] = False,
    json_output: JsonOption = False,
    problem_format: Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)] = None,
    seed: SeedOption = None,
    config_path: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    debug: DebugOption = False,
) -> None:
    """Evolve a program for PROBLEM, the model as the mutation operator; a rerun resumes."""
    # Islands of programs, each prompt showing two earlier versions (worst first) and asking
    # for a better one; best.*, result.json and evolve.png go to the run folder.
    quiet_libraries()
    flags = {"model": model, "profile": profile, "temperature": temperature,
             "workers": workers, "endpoints": endpoint or None}
    settings = load_defaults(config_path, flags)

    def run() -> int:
        from solver.evolve.checkpoint import EvolveError

        if (min(samples, samples_per_prompt, repeats, 1 if islands is None else islands) < 1
                or (time_budget is not None and time_budget <= 0)):
            raise CliError("--samples, --samples-per-prompt, --repeats and --islands must be at "
                           "least 1, --time above 0", EXIT_INPUT)
        try:
            return run_evolution(problem_path, settings, from_program=from_program, speed=speed,
                                 samples=samples, time_s=time_budget, islands=islands,
                                 samples_per_prompt=samples_per_prompt, repeats=repeats,
                                 output_dir=output_dir, fresh=fresh, json_output=json_output,
                                 problem_format=problem_format, seed=seed, debug=debug)
        except EvolveError as error:
            raise CliError(str(error), EXIT_INPUT) from error

    raise typer.Exit(guarded(debug, run))


def seed_program(problem, from_program: Path | None, speed: bool, settings: dict):
    """The first program: --from, else (--speed) a solve's rank01, else the problem's
    solutions/seed.*, else None (the model's first valid program founds the islands)."""
    from solver.run.program import read_program

    if from_program is not None:
        return read_program(from_program)
    if speed:
        solved = sorted((Path(settings["output_dir"]) / problem.id).glob("rank01.*"))
        if not solved:
            raise CliError(f"{problem.id}: --speed needs a program: --from PROGRAM, or a "
                           "`cpsolve solve` of the problem first (its rank01)", EXIT_INPUT)
        return read_program(solved[0])
    folder = problem.path if problem.path is not None and problem.path.is_dir() else None
    found = sorted(folder.glob("solutions/seed.*")) if folder is not None else []
    return read_program(found[0]) if found else None


def run_evolution(problem_path: Path, settings: dict, *, from_program: Path | None, speed: bool,
                  samples: int, time_s: float | None, islands: int | None,
                  samples_per_prompt: int, repeats: int, output_dir: Path | None, fresh: bool,
                  json_output: bool, problem_format: str | None, seed: int | None,
                  debug: bool) -> int:
    from sandbox.pool import DockerPool
    from solver.evolve.checkpoint import RunFolder
    from solver.evolve.database import default_islands
    from solver.evolve.loop import EvolveOptions, evolve, run_key
    from solver.evolve.score import ScoreEvaluator
    from solver.evolve.speed import SpeedEvaluator, speed_inputs
    from solver.problem import load_problem
    from solver.sampling.engine import on_gpu
    from solver.sampling.profiles import mix_profiles
    from solver.solve import open_model, solve_options

    problem = load_problem(problem_path, problem_format)
    if not speed and problem.scoring is None:
        raise CliError(f"{problem.id} is not a scored problem (no `scorer:` in its front matter, "
                       "no `type: scoring` in problem.yaml); for a too-slow program use --speed",
                       EXIT_INPUT)
    options = solve_options(settings, seed=seed)
    profiles = mix_profiles(options.sampling.profile)
    if len(profiles) != 1:
        raise CliError("evolve takes one prompt profile, not a mix", EXIT_INPUT)
    first = seed_program(problem, from_program, speed, settings)
    folder = RunFolder(output_dir or Path(settings["output_dir"]) / problem.id /
                       ("evolve-speed" if speed else "evolve"))
    if fresh:
        folder.clear()
    evolve_options = EvolveOptions(
        samples=samples, time_s=time_s,
        islands=islands or default_islands(on_gpu() if not options.endpoints else False),
        samples_per_prompt=samples_per_prompt, seed=seed or 0)
    key = {"model": options.sampling.model, "profile": profiles[0].name,
           "temperature": options.sampling.temperature}
    # A run folder of other settings is refused now, before a minute goes on the model.
    folder.load(run_key(problem, "speed" if speed else "score", evolve_options, first, key))

    def live(progress) -> None:
        islands_text = " ".join("-" if best is None else f"{best:.6g}"
                                for best in progress.island_bests)
        best = "-" if progress.best is None else f"{progress.best:.6g}"
        err.print(f"round {progress.round}: samples {progress.samples}/{progress.budget}, "
                  f"valid {progress.valid_rate:.0%}, best {best}, islands [{islands_text}], "
                  f"resets {progress.resets}, {progress.seconds:.0f} s"
                  + (f"; not counted: {why}" if (why := failures_text(progress.failures))
                     else ""), markup=False, soft_wrap=True)

    with engine_output_to_log(debug), \
            DockerPool(sandbox_options(settings, None)) as pool:
        if speed:
            evaluator = SpeedEvaluator(pool, problem, speed_inputs(problem, seed=seed or 0),
                                       repeats=repeats)
        else:
            evaluator = ScoreEvaluator(pool, problem)
        err.print(f"{problem.title}: evolving ({evaluator.mode}, objective "
                  f"{evaluator.objective}) with {options.sampling.model}, "
                  f"{evolve_options.islands} islands, {samples} samples; run folder "
                  f"{folder.path}", markup=False, soft_wrap=True)
        sampler = open_model(options)
        result = evolve(problem, sampler, evaluator, profile=profiles[0],
                        sampling=options.sampling, options=evolve_options, folder=folder,
                        seed=first, key=key, on_progress=live)
    report = write_outputs(result, problem, folder.path)
    if json_output:
        print_json(report)
    else:
        render(report)
    return EXIT_OK if result.best is not None else EXIT_NOTHING_PASSED


def write_outputs(result, problem, folder: Path) -> dict:
    """best.<ext>, result.json and evolve.png in the run folder; the report."""
    import json

    from solver.evolve.plot import plot_history
    from solver.reporting import EXTENSIONS

    best = result.best
    report = {
        "problem": problem.id, "mode": result.mode, "objective": result.objective,
        "best": None if best is None else {"source": best.source, "language": best.language,
                                           "score": best.score, "sample": best.sample},
        "seed_score": result.seed_score,
        "history": result.history,
        "samples": result.samples, "valid": result.valid,
        "valid_rate": result.valid / result.samples if result.samples else 0.0,
        "rounds": result.rounds, "resets": result.database.resets,
        "resumed_samples": result.resumed_samples, "replayed_samples": result.replayed_samples,
        "drawn_samples": result.drawn_samples,
        "island_bests": result.database.island_bests(),
        "failures": result.failures,
        "folder": str(folder),
    }
    folder.mkdir(parents=True, exist_ok=True)
    if best is not None:
        path = folder / f"best.{EXTENSIONS.get(best.language, 'txt')}"
        path.write_text(best.source, encoding="utf-8")
        report["best"]["file"] = str(path)
    ylabel = "seconds on the largest inputs" if result.mode == "speed" else (
        f"best score ({result.objective})")
    report["plot"] = str(plot_history({"evolution": result.history}, folder / "evolve.png",
                                      title=f"{problem.id}: best score against samples",
                                      ylabel=ylabel))
    (folder / "result.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def failures_text(failures: dict[str, int]) -> str:
    """"no program 8, RE 1, rejected 7": why children did not count."""
    return ", ".join(f"{kind} {count}" for kind, count in
                     sorted(failures.items(), key=lambda item: -item[1]))


def render(report: dict) -> None:
    best = report["best"]
    if best is None:
        out.print(f"{report['problem']}: no valid program in {report['samples']} samples",
                  markup=False)
        return
    seed = report["seed_score"]
    out.print(f"{report['problem']}: best {best['score']:.6g} ({report['objective']}) at sample "
              f"{best['sample']}" + (f", seed {seed:.6g}" if seed is not None else "")
              + f"; {report['samples']} samples, {report['valid_rate']:.0%} valid, "
              f"{report['rounds']} rounds, {report['resets']} resets", markup=False,
              soft_wrap=True)
    if report["replayed_samples"] or report["resumed_samples"]:
        out.print(f"resumed: {report['resumed_samples']} samples from the checkpoint, "
                  f"{report['replayed_samples']} from the journal (not drawn again)",
                  markup=False)
    if report["failures"]:
        out.print(f"not counted: {failures_text(report['failures'])}", markup=False)
    out.print(f"best program: {best['file']}", markup=False, soft_wrap=True)
    out.print(f"plot: {report['plot']}", markup=False, soft_wrap=True)
