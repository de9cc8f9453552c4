"""The repair loop end to end with the real sandbox and a scripted model: a wrong first program,
a fixed one once the feedback names the failing example; no hidden test ever in a prompt."""

from __future__ import annotations

import json

import pytest

from solver.problem import load_problem
from solver.repair.budget import RepairOptions
from solver.sampling.types import Completion, SamplingOptions
from solver.solve import SolveOptions, solve_problem
from tests.conftest import isolate_settings, write

pytestmark = pytest.mark.integration

# Hidden tests hold numbers that appear nowhere else: if any reached a prompt, the test sees it.
HIDDEN_A, HIDDEN_B, HIDDEN_SUM = "987654319", "24680", "987678999"
WRONG = "```python\na, b = map(int, input().split())\nprint(a - b)\n```"
RIGHT = "```python\na, b = map(int, input().split())\nprint(a + b)\n```"
STATEMENT = """---
title: Add
time_limit: 1
memory_limit: 256
---

Print the sum of two integers a and b.

## Input

One line with two integers a and b (0 <= a, b <= 10^9).

## Output

Print a + b.

## Examples

```input
1 2
```

```output
3
```

```input
5 7
```

```output
12
```
"""


def make_problem(root):
    write(root / "add" / "problem.md", STATEMENT)
    write(root / "add" / "data" / "secret" / "1.in", f"{HIDDEN_A} {HIDDEN_B}\n")
    write(root / "add" / "data" / "secret" / "1.ans", f"{HIDDEN_SUM}\n")
    return load_problem(root / "add")


class RepairingModel:
    """Stands in for the model: writes a - b, and a + b only once told that on the input "1 2"
    the answer is 3, not -1. Records every prompt it is given."""

    def __init__(self) -> None:
        self.prompts: list = []

    def complete(self, prompt, params):
        self.prompts.append(prompt)
        text = json.dumps(prompt)
        told = ("Input:\\n1 2" in text and "Expected output:\\n3" in text
                and "Your program printed:\\n-1" in text)
        answer = RIGHT if told else WRONG
        return [Completion(answer, True, 20)] * params.n


def options(rounds: int, samples: int = 4) -> SolveOptions:
    return SolveOptions(sampling=SamplingOptions(samples=samples), generators=0,
                        repair=RepairOptions(rounds=rounds, share=0.25), chunk_size=64)


def test_a_wrong_program_is_repaired_from_the_feedback(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    problem = make_problem(tmp_path)
    model = RepairingModel()
    result = solve_problem(problem, pool, options(rounds=1), sampler=model)

    origins = [(s.origin, s.parent, s.round) for s in result.samples]
    # 4 completions: 3 fresh (the budget keeps a quarter for feedback), all failing the same
    # way, so one repair (one per distinct failure), of the first of them.
    assert origins == [("sample", None, 0)] * 3 + [("repair", 0, 1)]
    assert result.stats.repairs == 1 and result.stats.repairs_passed == 1
    assert result.stats.tokens_sampled == 60 and result.stats.tokens_repair == 20
    [chosen] = result.candidates
    assert (chosen.origin, chosen.parent, chosen.round) == ("repair", 0, 1)
    assert result.solved is True
    # The repair prompt: the failed reply as the assistant's turn, the feedback as a new user
    # turn naming the failing example.
    repair = model.prompts[-1]
    assert repair[-2] == {"role": "assistant", "content": WRONG}
    assert repair[-1]["role"] == "user" and "Wrong answer on example 1" in repair[-1]["content"]
    for prompt in model.prompts:
        for secret in (HIDDEN_A, HIDDEN_B, HIDDEN_SUM):
            assert secret not in json.dumps(prompt)


def test_without_repair_the_same_budget_finds_nothing(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = solve_problem(make_problem(tmp_path), pool, options(rounds=0),
                           sampler=RepairingModel())
    assert [s.origin for s in result.samples] == ["sample"] * 4
    assert result.candidates == [] and result.solved is False


def test_an_interrupted_run_resumes_from_the_cache(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    problem = make_problem(tmp_path)
    first = solve_problem(problem, pool, options(rounds=1), sampler=RepairingModel())
    again_model = RepairingModel()
    again = solve_problem(problem, pool, options(rounds=1), sampler=again_model)
    assert again_model.prompts == []  # fresh samples and the repair both came from the cache
    assert [s.from_cache for s in again.samples] == [True] * 4
    assert [(s.origin, s.program) for s in again.samples] == \
        [(s.origin, s.program) for s in first.samples]


def test_notes_take_the_allowance_repairs_leave(pool, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    model = RepairingModel()
    result = solve_problem(make_problem(tmp_path), pool, options(rounds=1, samples=8),
                           sampler=model)
    # 6 fresh, all the same failure: one repair, then the 1 left of the quarter goes to a fresh
    # sample whose prompt notes that failure (and, told the answer, it is right).
    assert [s.origin for s in result.samples] == ["sample"] * 6 + ["repair", "resample"]
    note = model.prompts[-1]
    assert "Avoid this mistake" in note[-1]["content"] and note[-1]["role"] == "user"
    assert result.stats.resamples == 1


def test_the_fresh_sample_ending_past_the_token_budget_is_kept_if_half_of_it_fits():
    from solver.repair.loop import within_tokens
    from solver.sampling.types import Sample

    chunk = [Sample(i, "", True, None, tokens=tokens) for i, tokens in enumerate((40, 40, 100))]
    assert within_tokens(chunk, None) == chunk
    assert [s.index for s in within_tokens(chunk, 130)] == [0, 1, 2]  # 50 of 100 fit
    assert [s.index for s in within_tokens(chunk, 129)] == [0, 1]
    assert within_tokens(chunk, 0) == []
    assert [s.index for s in within_tokens(chunk, 10, keep_first=True)] == [0]


def test_solve_and_batch_take_repair_rounds_and_report_lineage(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from cli.main import app

    isolate_settings(monkeypatch, tmp_path)
    monkeypatch.setenv("CPSOLVE_GENERATORS", "0")
    monkeypatch.setattr("solver.solve.open_sampler",
                        lambda model, endpoints=(), engine=None: RepairingModel())
    make_problem(tmp_path / "contest")
    problem = str(tmp_path / "contest" / "add")

    shown = CliRunner().invoke(app, ["solve", problem, "--samples", "4", "--repair-rounds", "1",
                                     "--workers", "1", "--out", str(tmp_path / "out")])
    assert shown.exit_code == 0, shown.output
    assert "repaired (of sample 0, round 1)" in shown.stdout
    assert "repairs 1 (1 passed the examples)" in shown.stderr

    batch = CliRunner().invoke(app, ["batch", str(tmp_path / "contest"), "--samples", "4",
                                     "--repair-rounds", "1", "--workers", "1", "--json",
                                     "--out", str(tmp_path / "batch"), "--fresh"])
    assert batch.exit_code == 0, batch.output
    [record] = json.loads(batch.stdout[batch.stdout.index("{"):])["problems"]
    assert record["solved_at_1"] is True
    assert record["stats"]["repairs"] == 1 and record["stats"]["tokens_repair"] == 20
    assert [(c["origin"], c["parent"], c["round"]) for c in record["candidates"]] == \
        [("repair", 0, 1)]
    off = CliRunner().invoke(app, ["solve", problem, "--samples", "4", "--repair-rounds", "0",
                                   "--workers", "1", "--out", str(tmp_path / "off")])
    assert off.exit_code == 1 and "no program passed the examples" in off.stderr


def test_bad_repair_settings_are_one_line(tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, ["solve", str(tmp_path), "--repair-share", "1.5"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --repair-share: repair_share must be between 0 and 0.9, got 1.5"]


def test_a_program_judged_in_another_form_still_counts_as_failing(pool, tmp_path):
    from sandbox.jobs import Program
    from solver.repair.loop import FeedbackState
    from solver.sampling.types import Sample

    state = FeedbackState(pool, make_problem(tmp_path))
    source = WRONG.split("\n", 1)[1].rsplit("```", 1)[0]
    drawn = [Sample(0, "", True, Program("python3", source)),
             Sample(1, "", True, Program("python3", "# the same, commented\n" + source))]
    failures = state.judge(drawn)
    assert [f.sample.index for f in failures] == [0, 1]  # judged once, failing twice
    assert state.progress.unique == 1
