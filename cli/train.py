"""`cpsolve train-scorer DIR...`: collect labelled candidates and fit the learned ranker."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    DebugOption,
    JsonOption,
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


def train_scorer(
    dirs: Annotated[list[Path], typer.Argument(
        metavar="DIR...",
        help="folders of problems with hidden tests (the model samples them), or of labelled "
             "programs per problem (DIR/<problem>/{accepted,wrong_answer,...}/, problems under "
             "--problems)")],
    problems_root: Annotated[Path, typer.Option(
        "--problems", metavar="ROOT", help="where labelled program folders find their problems")]
    = Path("../shared/bench"),
    samples: Annotated[int, typer.Option(
        help="completions per problem drawn from the model (sample cache first)")] = 16,
    only: Annotated[str | None, typer.Option(help="glob (or substring) on the problem key")]
    = None,
    skip: Annotated[list[str] | None, typer.Option(
        help="glob on problem keys left out altogether (repeat for several)")] = None,
    holdout: Annotated[list[str] | None, typer.Option(
        help="problems kept out of training and scored (learned against size and evidence): "
             "a glob on problem keys, or a folder like DIR (repeat for several)")] = None,
    components: Annotated[int, typer.Option(
        help="PCA components of the program embedding (0: no embedding)")] = 4,
    l2: Annotated[float, typer.Option(help="L2 penalty on the weights")] = 1.0,
    model_path: Annotated[Path | None, typer.Option(
        "--out", help="the model file (default: the cache dir's scorer/learned.json)")] = None,
    workers: WorkersOption = None,
    json_output: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Fit the learned ranker on survivors labelled by their hidden tests; write the model."""
    # Every survivor is judged on the hidden tests (its label); rows and embeddings are kept in
    # the cache dir; --holdout problems are scored, never trained on.
    quiet_libraries()
    defaults = load_defaults(flags={"samples": samples})

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.batch import find_problems, matches
        from solver.sampling.folder import programs_folder_for
        from solver.selection.embedding import ProgramEmbedder
        from solver.selection.scorer import save_model, trained_model_path
        from solver.solve import open_model, solve_options
        from solver.train.collect import LazySampler, Source, collect_rows
        from solver.train.data import problem_name
        from solver.train.fit import FitOptions, fit_scorer, held_out_scores

        if samples < 1 or components < 0 or l2 < 0:
            raise CliError("--samples must be at least 1, --components and --l2 not negative",
                           EXIT_INPUT)
        def sources_in(folder: Path) -> list[Source]:
            if not folder.is_dir():
                raise CliError(f"{folder}: not a folder", EXIT_INPUT)
            found = find_problems(folder)
            if found:  # a folder of problems: the model samples them
                return [Source(key, path) for key, path in found]
            if not problems_root.is_dir():
                raise CliError(f"{folder}: no problems in it, and --problems {problems_root} "
                               "is not a folder to find its labelled programs' problems in",
                               EXIT_INPUT)
            labelled = [Source(key, path, programs) for key, path in find_problems(problems_root)
                        if (programs := programs_folder_for(folder, key)) is not None]
            if not labelled:
                raise CliError(f"{folder}: neither problems nor programs for a problem under "
                               f"{problems_root}", EXIT_INPUT)
            return labelled

        sources = [source for folder in dirs for source in sources_in(folder)]
        globs = [value for value in holdout or () if not Path(value).is_dir()]
        held_sources = [source for value in holdout or () if Path(value).is_dir()
                        for source in sources_in(Path(value))]
        sources = [s for s in sources + held_sources if matches(s.key, only)
                   and not any(fnmatch(s.key, glob) for glob in skip or ())]
        if not sources:
            raise CliError("no problems to train on (see --only)", EXIT_INPUT)
        held_names = {problem_name(s.key) for s in held_sources} | {
            problem_name(s.key) for s in sources if any(matches(s.key, g) for g in globs)}

        options = solve_options({**defaults, "ranker": "size"}, seed=0)
        needs_model = any(source.programs is None for source in sources)
        with engine_output_to_log(debug):
            sampler = LazySampler(lambda: open_model(options)) if needs_model else None
            with DockerPool(sandbox_options(defaults, workers)) as pool:
                collected = collect_rows(sources, pool, options, sampler=sampler,
                                         on_progress=lambda line: err.print(line, markup=False))
        for note in collected.notes:
            err.print(note, markup=False)

        # Split by problem, never by program: a held-out problem gives no row to training.
        train = [row for row in collected.rows if row.problem not in held_names]
        test = [row for row in collected.rows if row.problem in held_names]
        if not train or not any(row.passed for row in train) or all(row.passed for row in train):
            raise CliError(f"{len(train)} training rows, {sum(r.passed for r in train)} passing: "
                           "need both passing and failing candidates", EXIT_INPUT)
        embedder = ProgramEmbedder(threads=2)
        vectors = None
        if components > 0:
            err.print(f"embedding {len(collected.rows)} programs", markup=False)
            vectors = dict(zip((id(r) for r in collected.rows),
                               embedder.embed([r.source for r in collected.rows]), strict=True))

        def fitted(count: int):
            fit = FitOptions(embedding_components=count, l2=l2)
            return fit_scorer(train, fit, embeddings=[vectors[id(r)] for r in train]
                              if count else None, embedding_name=embedder.name, info={
                                  "rows": len(train), "passing": sum(r.passed for r in train),
                                  "problems": len({r.problem for r in train}),
                                  "l2": l2, "embedding_components": count,
                                  "command": command})

        # How to rebuild it: the arguments that shape the rows and the fit (not --out).
        command = " ".join(["cpsolve train-scorer", *map(str, dirs),
                            *(f"--skip '{g}'" for g in skip or ()),
                            *(f"--holdout '{h}'" for h in holdout or ()),
                            f"--samples {samples} --components {components} --l2 {l2}"])
        model = fitted(components)
        target = model_path or trained_model_path()
        save_model(model, target)
        report = {"model": str(target), "rows": len(train),
                  "passing": sum(r.passed for r in train),
                  "problems": len(model.trained_on), "held_out_rows": len(test),
                  "notes": collected.notes}
        if test:
            arms = {"with_embedding": model} if components else {}
            arms["without_embedding"] = model if not components else fitted(0)
            report["held_out"] = {
                name: held_out_scores(test, lambda r, m=candidate: m.probability(
                    r.values, vectors[id(r)] if m.components else None))
                for name, candidate in arms.items()}
        if json_output:
            print_json(report)
        else:
            print_train_report(report)
        return EXIT_OK

    raise typer.Exit(guarded(debug, run))


def print_train_report(report: dict) -> None:
    from solver.bench.select import wilson_interval

    out.print(f"model: {report['model']}", markup=False, soft_wrap=True)
    out.print(f"trained on {report['rows']} candidates ({report['passing']} passing) of "
              f"{report['problems']} problems", markup=False)
    for name, scores in report.get("held_out", {}).items():
        count = scores["problems"]
        out.print(f"held out, {name.replace('_', ' ')}: {count} problems", markup=False)
        out.print(f"  {'arm':<10}{'solved@1':>10}{'solved@10':>11}   solved@1 95% CI (Wilson)",
                  markup=False)
        for arm in ("size", "evidence", "learned"):
            low, high = wilson_interval(scores["solved_at_1"][arm], count)
            out.print(f"  {arm:<10}{scores['solved_at_1'][arm]:>10.2f}"
                      f"{scores['solved_at_10'][arm]:>11.0f}   {low:.3f}-{high:.3f}",
                      markup=False)
