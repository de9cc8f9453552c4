"""A real `evolve` run for test_checkpoint.py to kill -9: the real sandbox pool and scorer, a
scripted model (the one remote service a test may stand in for) that takes its time and notes
every completion it draws in a file, so the test can count what was drawn across runs.

Run: python -m tests.evolve.kill_harness RUN_FOLDER DRAWN_FILE SAMPLES
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sandbox.pool import DockerPool, SandboxOptions
from solver.evolve.checkpoint import RunFolder
from solver.evolve.loop import EvolveOptions, evolve
from solver.evolve.score import ScoreEvaluator
from solver.problem import load_problem
from solver.run.program import read_program
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Completion, SamplingOptions
from tests.conftest import PROBLEMS

KNAPSACK = PROBLEMS / "scored" / "knapsack"


class SlowModel:
    """Valid knapsack programs, each different (a numbered comment), 0.4 s per request."""

    def __init__(self, drawn: Path) -> None:
        self.drawn = drawn

    def complete(self, prompt, params) -> list[Completion]:
        time.sleep(0.4)
        out = []
        for _ in range(params.n):
            with open(self.drawn, "a+", encoding="utf-8") as handle:
                handle.seek(0)
                number = len(handle.read().splitlines()) + 1
                handle.write(f"{number}\n")
            source = (KNAPSACK / "solutions" / "seed.py").read_text(encoding="utf-8")
            out.append(Completion(f"```python\n# draw {number}\n{source}```", True, 20))
        return out


def main() -> None:
    folder, drawn, samples = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    problem = load_problem(KNAPSACK)
    with DockerPool(SandboxOptions(workers=1)) as pool:
        result = evolve(problem, SlowModel(drawn), ScoreEvaluator(pool, problem),
                        profile=ModelProfile.load("default"), sampling=SamplingOptions(),
                        options=EvolveOptions(samples=samples, islands=2, samples_per_prompt=2),
                        folder=RunFolder(folder),
                        seed=read_program(KNAPSACK / "solutions" / "seed.py"))
    print(f"samples={result.samples} valid={result.valid} resumed={result.resumed_samples} "
          f"replayed={result.replayed_samples} drawn={result.drawn_samples}", flush=True)


if __name__ == "__main__":
    main()
