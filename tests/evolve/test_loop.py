"""The evolution loop with a scripted model and evaluator: parents come from the database and
are shown worst first, children join their prompt's island, the weaker islands are reset, the
best never gets worse, and a run stopped between drawing and judging resumes without drawing
anything twice."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from sandbox.jobs import Program
from solver.evolve.checkpoint import EvolveError, RunFolder
from solver.evolve.loop import EvolveOptions, evolve, failure_kind
from solver.evolve.score import ProgramScore
from solver.problem import load_problem
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Completion, SamplingOptions
from tests.conftest import PROBLEMS

PRINTED = re.compile(r"print\((\d+)\)")
SEED = Program("python3", "print(0)\n")


class ScriptedModel:
    """A model that improves on what it is shown: the best version's number plus 1, 2, ...;
    every third completion is not a program. Records every prompt's shown versions."""

    def __init__(self) -> None:
        self.shown: list[list[int]] = []
        self.completions = 0

    def complete(self, prompt, params) -> list[Completion]:
        user = next(m["content"] for m in reversed(prompt) if m["role"] == "user")
        versions = [int(n) for n in PRINTED.findall(user.split("from worst to best")[-1])]
        self.shown.append(versions)
        top = max(versions, default=0)
        out = []
        for number in range(params.n):
            self.completions += 1
            text = ("no code here" if self.completions % 3 == 0
                    else f"```python\nprint({top + number + 1})\n```")
            out.append(Completion(text, True, 10))
        return out


class ScriptedEvaluator:
    """Score: the number the program prints (max); `fail_on` evaluate calls raise."""

    objective, mode, goal = "max", "score", "scores higher"

    def __init__(self, fail_on: int | None = None) -> None:
        self.calls, self.fail_on = 0, fail_on

    @staticmethod
    def label(score: float) -> str:
        return f"score {score:g}"

    def evaluate(self, programs: Sequence[Program], parents) -> dict[str, ProgramScore]:
        self.calls += 1
        if self.fail_on is not None and self.calls == self.fail_on:
            raise RuntimeError("killed")
        out = {}
        for program in programs:
            found = PRINTED.search(program.source)
            value = float(found.group(1)) if found else None
            out[program.key] = ProgramScore((value,), found is not None, value,
                                            "" if found else "no number")
        return out


def run(model, evaluator, folder=None, **options):
    problem = load_problem(PROBLEMS / "scored" / "knapsack")
    settings = {"samples": 32, "islands": 4, "samples_per_prompt": 2, **options}
    return evolve(problem, model, evaluator, profile=ModelProfile.load("default"),
                  sampling=SamplingOptions(), options=EvolveOptions(**settings),
                  folder=folder, seed=SEED)


def test_evolution_builds_on_the_database_and_sampling_alone_does_not() -> None:
    model = ScriptedModel()
    result = run(model, ScriptedEvaluator())
    assert result.samples == 32 and result.rounds == 4  # 4 islands x 2 completions a round
    assert all(shown == sorted(shown) and 1 <= len(shown) <= 2 for shown in model.shown)
    bests = [point["best_score"] for point in result.history]
    assert bests == sorted(bests) and bests[-1] > 4  # improves round on round, never worse
    assert result.valid == 32 - 32 // 3
    assert result.failures == {"no program": 32 // 3}  # why the rest did not count
    alone = run(ScriptedModel(), ScriptedEvaluator(), independent=True)
    assert alone.best.score == 2  # always shown the seed: never past seed + 2
    assert result.best.score > alone.best.score


def test_children_join_their_prompts_island_and_weak_islands_are_reset() -> None:
    apart = run(ScriptedModel(), ScriptedEvaluator(), samples=48, reset_every=1000)
    assert apart.database.resets == 0
    for island in apart.database.islands:  # islands evolve apart: parents from the same island
        members = {e.id for c in island.clusters.values() for e in c.programs}
        children = [e for c in island.clusters.values() for e in c.programs if e.parents]
        assert children and all(set(e.parents) <= members for e in children)
    reset = run(ScriptedModel(), ScriptedEvaluator(), samples=32, reset_every=16)
    database = reset.database
    assert database.resets == 2
    assert reset.best.score == max(b for b in database.island_bests() if b is not None)


def test_a_run_stopped_between_drawing_and_judging_resumes_drawing_nothing_twice(
        tmp_path) -> None:
    folder = RunFolder(tmp_path / "run")
    first = ScriptedModel()
    with pytest.raises(RuntimeError):  # the third round's judging dies (the seed was call 1)
        run(first, ScriptedEvaluator(fail_on=4), folder)
    journaled = sum(r.samples for r in folder.journal())
    assert journaled == first.completions > 16  # drawn rounds are on disk before judging
    second = ScriptedModel()
    result = run(second, ScriptedEvaluator(), folder)
    assert result.samples == 32
    assert result.resumed_samples == 16  # two rounds were checkpointed
    assert result.replayed_samples == journaled - 16  # judged from the journal
    assert first.completions + second.completions == 32  # nothing drawn twice
    again = ScriptedModel()
    more = run(again, ScriptedEvaluator(), folder, samples=40)  # a bigger budget goes on
    assert again.completions == 8 and more.samples == 40
    assert more.history[:len(result.history)] == result.history
    with pytest.raises(EvolveError, match="other settings"):
        run(ScriptedModel(), ScriptedEvaluator(), folder, islands=2)


def test_failures_are_told_in_one_word() -> None:
    assert failure_kind("") == "no program"
    assert failure_kind("secret/05-large: TLE") == "TLE"
    assert failure_kind("sample/1: total weight 18 is over the capacity 10") == "rejected"
    assert failure_kind("small input 3: output differs from the parent's") == "rejected"
