"""Fitting the learned ranker, and scoring orders on held-out rows."""

from __future__ import annotations

import random

import pytest

from solver.selection.features import FEATURES
from solver.train.data import Row
from solver.train.fit import FitOptions, fit_scorer, held_out_scores

CLEAN = FEATURES.index("clean_share")


def row(problem: str, cluster: int, *, passed: bool, clean: float, size: int = 1,
        fastest: bool = True, noise: float = 0.0) -> Row:
    values = [noise] * len(FEATURES)
    values[CLEAN] = clean
    return Row(problem=problem, cluster=cluster, cluster_size=size, failures=0,
               clean_share=clean, fastest=fastest, key=f"{problem}-{cluster}",
               language="python3", source=f"print({cluster})", values=tuple(values),
               passed=passed, verdict="OK" if passed else "WA")


def separable(problems: int, seed: int = 0) -> list[Row]:
    """Per problem: a big cluster that crashes on some inputs (wrong) and a small clean one
    (right); clean_share tells them apart, size misleads."""
    chance = random.Random(seed)
    rows = []
    for p in range(problems):
        rows.append(row(f"p{p}", 0, passed=False, clean=chance.uniform(0.3, 0.8), size=3,
                        noise=chance.gauss(0, 1)))
        rows.append(row(f"p{p}", 1, passed=True, clean=1.0, size=1, noise=chance.gauss(0, 1)))
    return rows


def test_fit_learns_the_signal_and_the_held_out_problems_show_it() -> None:
    model = fit_scorer(separable(10), FitOptions(embedding_components=0, l2=0.1))
    assert model.weights[CLEAN] > 0 and not model.components
    assert model.trained_on == tuple(f"p{p}" for p in sorted(range(10), key=str))
    test = separable(5, seed=1)
    scores = held_out_scores(test, lambda r: model.probability(r.values))
    assert scores["problems"] == 5
    assert scores["solved_at_1"] == {"size": 0.0, "evidence": 5.0, "learned": 5.0}
    assert scores["solved_at_10"] == {"size": 5.0, "evidence": 5.0, "learned": 5.0}
    one = held_out_scores(test, lambda r: model.probability(r.values), k=1)["solved_at_1"]
    assert one == scores["solved_at_1"]
    assert scores["per_problem"][0]["survivors"] == 2


def test_strong_l2_shrinks_the_weights() -> None:
    loose = fit_scorer(separable(10), FitOptions(embedding_components=0, l2=0.01))
    tight = fit_scorer(separable(10), FitOptions(embedding_components=0, l2=100.0))
    assert sum(w * w for w in tight.weights) < sum(w * w for w in loose.weights)


def test_embedding_components_come_from_the_training_vectors() -> None:
    rows = separable(6)
    vectors = [[float(r.passed), 0.5 * float(r.passed), 0.01 * i] for i, r in enumerate(rows)]
    model = fit_scorer(rows, FitOptions(embedding_components=2), embeddings=vectors,
                       embedding_name="test")
    assert model.embedding == "test" and len(model.components) == 2
    assert len(model.weights) == len(FEATURES) + 2
    assert model.embedding_mean == pytest.approx([0.5, 0.25, 0.055])
    right = model.probability(rows[1].values, vectors[1])
    wrong = model.probability(rows[0].values, vectors[0])
    assert right > wrong
    with pytest.raises(ValueError, match="one embedding per row"):
        fit_scorer(rows, FitOptions(embedding_components=2))
    with pytest.raises(ValueError, match="no training rows"):
        fit_scorer([], FitOptions(embedding_components=0))


def test_held_out_scores_count_ties_as_an_expectation() -> None:
    rows = [row("p", 0, passed=True, clean=1.0), row("p", 1, passed=False, clean=1.0),
            row("p", 2, passed=False, clean=0.5, fastest=False)]
    scores = held_out_scores(rows, lambda r: 0.5)  # every member alike
    # Size and evidence tie the two clusters (fastest members); learned ties all three members.
    assert scores["solved_at_1"] == {"size": 0.5, "evidence": 0.5,
                                     "learned": pytest.approx(1 / 3, abs=1e-3)}
