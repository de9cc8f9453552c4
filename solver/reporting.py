"""Reporting: the result as JSON and as files. (Rendering for a screen lives in cli/.)"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from sandbox.jobs import marked
from solver.evaluation import evaluation_json
from solver.sampling.types import Sample
from solver.solve import SolveResult

# The extension each language's candidate files get (pypy3's are .py files marked with a
# shebang: sandbox.jobs.marked).
EXTENSIONS = {"python3": "py", "pypy3": "py", "cpp17": "cpp", "java": "java"}


def candidate_filename(rank: int, language: str) -> str:
    return f"rank{rank:02d}.{EXTENSIONS.get(language, 'txt')}"


def result_json(result: SolveResult, out_dir: Path | None = None) -> dict:
    problem = result.problem
    candidates = []
    for chosen in result.candidates:
        entry = {
            "rank": chosen.rank,
            "language": chosen.program.language,
            "source": chosen.program.source,
            "cluster_size": chosen.cluster_size,
            "cluster_members": chosen.cluster_members,
            "sample_ids": chosen.sample_ids,
            # where it came from: "sample", "resample" (noted prompt) or "repair" (of `parent`)
            "origin": chosen.origin,
            "parent": chosen.parent,
            "round": chosen.round,
            "hidden_verdict": chosen.hidden_verdict.value if chosen.hidden_verdict else None,
            "hidden_passed": chosen.hidden_passed,
        }
        if out_dir is not None:
            entry["file"] = str(out_dir / candidate_filename(chosen.rank, chosen.program.language))
        candidates.append(entry)
    has_verdicts = bool(problem.hidden) and any(c["hidden_verdict"] for c in candidates)
    return {
        "problem": {"id": problem.id, "title": problem.title, "hidden_tests": len(problem.hidden)},
        "candidates": candidates,
        "stats": asdict(result.stats),
        # null where the problem has no hidden tests to tell by
        "solved_at_1": (candidates[0]["hidden_verdict"] == "OK") if has_verdicts else None,
        "solved_at_10": (
            any(c["hidden_verdict"] == "OK" for c in candidates[:10]) if has_verdicts else None
        ),
        # pass@k over all samples and more; null without hidden tests
        "evaluation": evaluation_json(result.evaluation),
    }


def save_samples(target: Path, drawn: Sequence[Sample]) -> None:
    """Every raw completion in <target>/samples.jsonl: kept before anything else can fail."""
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "samples.jsonl", "w", encoding="utf-8") as handle:
        for sample in drawn:
            handle.write(json.dumps({"index": sample.index, "finished": sample.finished,
                                     "tokens": sample.tokens, "origin": sample.origin,
                                     "parent": sample.parent, "round": sample.round,
                                     "text": sample.text}) + "\n")


def write_candidates(result: SolveResult, out_dir: Path) -> Path:
    """Write rankNN.py/.cpp/.java and result.json into out_dir; return out_dir. A pypy3
    program's file starts with the shebang that tells it from CPython's (sandbox.jobs.marked)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("rank[0-9][0-9].*"):
        stale.unlink()
    for chosen in result.candidates:
        path = out_dir / candidate_filename(chosen.rank, chosen.program.language)
        path.write_text(marked(chosen.program), encoding="utf-8")
    data = result_json(result, out_dir)
    (out_dir / "result.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return out_dir
