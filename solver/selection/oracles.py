"""Brute-force oracles (ALGO, Zhang et al. 2023): a naive exhaustive program is slow but rarely
wrong on small inputs, so a cluster whose outputs match the oracles' wherever an oracle answered
in time is more likely right than a bigger cluster that does not. The model is asked for them
(draw_oracles: the statement and examples only, never hidden tests); select() keeps those that
pass the examples and compares (oracle_shares, pure: runs arrive as clustering.run_outcome
digests, None where an oracle did not answer or did not run).
"""

from __future__ import annotations

from collections.abc import Sequence

from sandbox.jobs import Program
from solver.problem import Problem
from solver.sampling.dedupe import new_programs
from solver.sampling.extract import extract_program
from solver.sampling.types import GenerationParams, Sampler
from solver.selection.clustering import Cluster

ORACLE_SYSTEM_PROMPT = (
    "You are an expert competitive programmer. Write the simplest possible brute-force "
    "solution in Python 3: try every possibility, with no cleverness. It only needs to be "
    "correct on tiny inputs; speed does not matter. The program reads standard input with "
    "input() and prints the answer with print(). Reply with one complete program in a single "
    "```python code block and nothing else."
)
ORACLE_PREFIX = "```python\n"


def oracle_messages(problem: Problem) -> list[dict[str, str]]:
    """The chat asking for one brute force: the statement (examples included), nothing else."""
    return [
        {"role": "system", "content": ORACLE_SYSTEM_PROMPT},
        {"role": "user", "content": f"# {problem.title}\n\n{problem.statement}\n\n"
                                    "Write the brute-force program."},
        {"role": "assistant", "content": ORACLE_PREFIX},
    ]


def draw_oracles(problem: Problem, sampler: Sampler, params: GenerationParams) -> list[Program]:
    """Distinct brute-force programs from the model (cut-off replies dropped).

    params: as the solutions were sampled (n: how many to ask for); a brute force is short.
    """
    if params.n <= 0:
        return []
    programs: list[Program] = []
    seen: set[str] = set()
    for text, finished, _tokens in sampler.complete(oracle_messages(problem), params):
        if finished:
            program = extract_program(ORACLE_PREFIX + text + "\n```")
            if program is not None:
                programs += new_programs([program], seen)
    return programs


def oracle_shares(clusters: Sequence[Cluster],
                  oracle_outcomes: Sequence[Sequence[str | None]]) -> dict[int, float]:
    """Per cluster (by id()), the share of oracle answers its representative's outcomes match,
    over the inputs both ran (outcomes are compared position by position). Clusters with no
    such input get no entry: no evidence either way."""
    shares: dict[int, float] = {}
    for cluster in clusters:
        asked = agreed = 0
        for answers in oracle_outcomes:
            for outcome, answer in zip(cluster.outcomes, answers, strict=False):
                if answer is not None:
                    asked += 1
                    agreed += outcome == answer
        if asked:
            shares[id(cluster)] = agreed / asked
    return shares
