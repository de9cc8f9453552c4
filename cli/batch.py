"""`cpsolve batch DIR`: solve every problem under DIR, print a per-stage table and solve rates.

With `--samples-from PROGRAMS` the programs come from PROGRAMS/<problem>/ instead of a model, so
selection can be measured on programs people wrote. Resumable: finished problems are kept in
--out and not redone unless --fresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    DebugOption,
    JsonOption,
    ModelOption,
    ProfileOption,
    RankerOption,
    RayOption,
    RepairRoundsOption,
    RepairShareOption,
    SamplesOption,
    SeedOption,
    TemperatureOption,
    TokenBudgetOption,
    TopOption,
    WorkersOption,
    engine_output_to_log,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    progress_display,
    quiet_libraries,
    sandbox_executor,
)


def batch(
    root: Annotated[Path, typer.Argument(metavar="DIR", help="folder of problems, any depth")],
    samples_from: Annotated[
        Path | None,
        typer.Option(help="programs instead of a model: DIR/<problem folder name>/ "
                     "(*.py, *.cpp, *.cc, *.cxx)"),
    ] = None,
    model: ModelOption = None,
    profile: ProfileOption = None,
    samples: SamplesOption = None,
    temperature: TemperatureOption = None,
    generators: Annotated[
        int | None,
        typer.Option(help="with a model: input generators to ask for per size hint (0: none)"),
    ] = None,
    top: TopOption = None,
    workers: WorkersOption = None,
    ray_address: RayOption = None,
    only: Annotated[str | None, typer.Option(help="glob or substring on problem ids")] = None,
    output_dir: Annotated[Path | None, typer.Option("--out", help="per-problem results")] = None,
    fresh: Annotated[bool, typer.Option(help="redo problems already in --out")] = False,
    json_output: JsonOption = False,
    junit: Annotated[Path | None, typer.Option(help="write JUnit XML here")] = None,
    min_solve_rate: Annotated[
        float | None, typer.Option(help="exit 1 when solved@1 rate is below this (CI)")
    ] = None,
    seed: SeedOption = None,
    repair_rounds: RepairRoundsOption = None,
    repair_share: RepairShareOption = None,
    token_budget: TokenBudgetOption = None,
    ranker: RankerOption = None,
    debug: DebugOption = False,
) -> None:
    """Solve every problem under DIR; print per-stage counts and solve rates."""
    quiet_libraries()
    flags = {"samples": samples, "model": model, "profile": profile, "temperature": temperature,
             "top_k": top, "workers": workers, "repair_rounds": repair_rounds,
             "repair_share": repair_share, "token_budget": token_budget, "generators": generators,
             "ray": ray_address, "ranker": ranker}
    defaults = load_defaults(None, flags)

    def run() -> int:
        from solver.batch import BatchOptions, batch_json, find_problems, junit_xml, run_batch
        from solver.batch import solve_rate as rate_of
        from solver.solve import open_model, solve_options

        if not root.is_dir():
            raise CliError(f"{root}: not a folder", EXIT_INPUT)
        if samples_from is not None and not samples_from.is_dir():
            raise CliError(f"{samples_from}: not a folder", EXIT_INPUT)
        if samples is not None and samples < 1:
            raise CliError("--samples must be at least 1", EXIT_INPUT)
        problems = find_problems(root)
        if not problems:
            raise CliError(f"{root}: no problem folders found", EXIT_INPUT)
        batch_options = BatchOptions(
            out_dir=(output_dir or Path(defaults["output_dir"]) / "batch"),
            only=only,
            fresh=fresh,
        )
        options = solve_options(defaults, seed=seed)
        bars = ProblemBars()
        # This machine's pool, or one per node of a Ray cluster (--ray): judging only; the
        # model samples here (or on --endpoint servers) and the files are written here.
        with sandbox_executor(defaults) as pool, engine_output_to_log(debug):
            # One model (one vLLM engine) for the whole batch, opened once.
            sampler = open_model(options) if samples_from is None else None

            def starting(key: str) -> None:
                bars.start()
                if samples_from is None:
                    err.print(f"{key}: sampling {options.sampling.samples} programs with "
                              f"{options.sampling.model}", markup=False)

            def report(outcome, resumed: bool) -> None:
                bars.finish()
                note = " (kept from an earlier run)" if resumed else ""
                err.print(f"{outcome.id}: {describe(outcome)}{note}", markup=False)

            try:
                outcomes = run_batch(problems, pool, options, batch_options,
                                     programs_root=samples_from, sampler=sampler,
                                     on_start=starting, on_outcome=report, progress=bars.update)
            finally:
                bars.finish()
        if junit is not None:
            junit.parent.mkdir(parents=True, exist_ok=True)
            junit.write_text(junit_xml(outcomes), encoding="utf-8")
        data = batch_json(outcomes)
        if json_output:
            print_json(data)
        else:
            render_table(outcomes, data["summary"])
        if min_solve_rate is not None and rate_of(outcomes) < min_solve_rate:
            err.print(f"solve rate {rate_of(outcomes):.3f} is below {min_solve_rate}")
            return EXIT_NOTHING_PASSED
        return EXIT_OK

    raise typer.Exit(guarded(debug, run))


class ProblemBars:
    """One progress display per problem of the batch (each problem's stages have their own
    totals; on a plain stderr each problem's counts are printed when it ends)."""

    def __init__(self) -> None:
        self.display: progress_display | None = None
        self.current = None

    def start(self) -> None:
        self.finish()
        self.display = progress_display()
        self.current = self.display.__enter__()

    def update(self, stage: str, done: int, total: int) -> None:
        if self.current is not None:
            self.current(stage, done, total)

    def finish(self) -> None:
        if self.display is not None:
            self.display.__exit__(None, None, None)
        self.display = self.current = None


def describe(outcome) -> str:
    if outcome.status != "done":
        return f"{outcome.status}: {outcome.error}"
    solved = {True: "solved", False: "not solved", None: "no hidden tests"}[outcome.solved_at_1]
    stats = outcome.stats
    return (f"{solved} (passed examples {stats.get('passed_examples', 0)}/"
            f"{stats.get('unique', 0)}, clusters {stats.get('clusters', 0)}, "
            f"{outcome.seconds:.1f} s)")


def render_table(outcomes, summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="cpsolve batch")
    columns = ("problem", "sampled", "unique", "compiled", "passed", "inputs", "clusters",
               "pass@1", "pass@10", "solved@1", "solved@10")
    for column in columns:
        if column == "problem":
            table.add_column(column, no_wrap=True)
        else:
            table.add_column(column, justify="right")

    def mark(value) -> str:
        return "-" if value is None else ("yes" if value else "no")

    for o in outcomes:
        if o.status == "skipped":
            continue  # counted in the summary line; a --samples-from folder covers few problems
        if o.status != "done":
            table.add_row(o.id, *["-"] * 8, o.status, "")
            continue
        s = o.stats
        pass_at = (o.evaluation or {}).get("pass_at", {})
        table.add_row(
            o.id, *(str(s.get(k, 0)) for k in ("sampled", "unique", "compiled",
                                                "passed_examples", "generated_inputs",
                                                "clusters")),
            *(f"{pass_at[k]:.3f}" if k in pass_at else "-" for k in ("1", "10")),
            mark(o.solved_at_1), mark(o.solved_at_10),
        )
    # Piped output has no terminal width: do not squeeze the table into 80 columns.
    screen = out if out.is_terminal else Console(width=160, highlight=False)
    screen.print(table)
    judged = summary["with_hidden_tests"]
    screen.print(
        f"{summary['problems']} problems ({summary['skipped']} skipped, {summary['errors']} "
        f"errors); solved@1 {summary['solved_at_1']}/{judged}, solved@10 "
        f"{summary['solved_at_10']}/{judged}; mean pass@1 {summary['mean_pass_at_1']}, "
        f"pass@10 {summary['mean_pass_at_10']}; first choice right on "
        f"{summary['chosen_first_when_findable']}/{summary['with_correct_survivor']} problems "
        "where an accepted program survived"
    )
