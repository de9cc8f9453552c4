"""The learned ranker: its arithmetic, how it reorders clusters and members, its model file, and
the fallback when there is no model."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from solver.selection.features import FEATURES
from solver.selection.ranking import RANKERS, rank_clusters
from solver.selection.scorer import (
    LearnedRanker,
    ScorerError,
    ScorerModel,
    find_model,
    learned_scores,
    load_model,
    open_learned_ranker,
    rank_learned,
    save_model,
)
from tests.selection.test_features import cluster

N = len(FEATURES)


def model_on(feature: str, weight: float, **fields) -> ScorerModel:
    """A model that looks at one feature only (standardised as is: mean 0, scale 1)."""
    weights = tuple(weight if name == feature else 0.0 for name in FEATURES)
    return ScorerModel(features=FEATURES, mean=(0.0,) * N, scale=(1.0,) * N, weights=weights,
                       bias=0.0, **fields)


def test_probability_is_the_logistic_of_the_standardised_weighted_sum() -> None:
    model = replace(model_on("clean_share", 2.0), mean=(0.5,) * N, scale=(0.25,) * N, bias=-1.0)
    values = [0.0] * N
    values[FEATURES.index("clean_share")] = 1.0
    expected = 1 / (1 + math.exp(-(-1.0 + 2.0 * (1.0 - 0.5) / 0.25)))
    assert model.probability(values) == pytest.approx(expected)


def test_embedding_is_centred_and_projected_before_the_weights() -> None:
    model = ScorerModel(features=FEATURES, mean=(0.0,) * (N + 1), scale=(1.0,) * (N + 1),
                        weights=(0.0,) * N + (1.0,), bias=0.0, embedding="e",
                        embedding_mean=(1.0, 1.0), components=((0.6, 0.8),))
    assert model.inputs([0.0] * N, [2.0, 3.0])[-1] == pytest.approx(0.6 * 1 + 0.8 * 2)
    with pytest.raises(ScorerError):
        model.inputs([0.0] * N, [1.0, 2.0, 3.0])
    big = cluster("big", samples=[2])
    with pytest.raises(ScorerError, match="embeddings"):
        learned_scores([big], LearnedRanker(model))
    scores = learned_scores([big], LearnedRanker(model, embed=lambda sources: [[2.0, 3.0]]
                                                 * len(sources)))
    assert scores[big.representative.key] == pytest.approx(1 / (1 + math.exp(-2.2)))


def test_learned_order_puts_the_likelier_cluster_first_and_its_likelier_member_first() -> None:
    crashing = cluster("big", samples=[3, 1], failures=8)
    clean = cluster("clean", samples=[1, 1])
    model = model_on("clean_share", 5.0)
    ranked, scores = rank_learned([crashing, clean], LearnedRanker(model))
    assert [c.signature for c in ranked] == ["clean", "big"]
    assert scores[clean.representative.key] > scores[crashing.representative.key]
    # Within a cluster: prefer the member holding fewer of the cluster's samples (weight < 0).
    ranked, _ = rank_learned([crashing], LearnedRanker(model_on("member_share", -3.0)))
    assert ranked[0].representative is crashing.members[1]
    assert ranked[0].members == [crashing.members[1], crashing.members[0]]
    assert crashing.representative is crashing.members[0]  # the given clusters are untouched
    # Equal probabilities keep the size order.
    same = model_on("has_oracle", 1.0)
    assert [c.signature for c in rank_learned([crashing, clean], LearnedRanker(same))[0]] \
        == ["big", "clean"]


def test_without_a_model_the_learned_ranker_is_the_size_order() -> None:
    assert "learned" in RANKERS
    big, small = cluster("big", samples=[3]), cluster("small", samples=[1])
    assert rank_clusters([small, big], "learned") == [big, small]


def test_model_file_round_trip_and_refusals(tmp_path: Path) -> None:
    model = replace(model_on("biggest", 1.25), trained_on=("bank", "01-double"),
                    info={"rows": 3})
    path = tmp_path / "scorer" / "m.json"
    save_model(model, path)
    assert load_model(path) == model
    assert path.stat().st_size < 10_000
    data = json.loads(path.read_text())
    for change, message in (({"version": 0}, "version"), ({"format": "x"}, "not a cpsolve"),
                            ({"weights": [1.0]}, "lengths"), ({"bias": "b"}, "malformed")):
        (tmp_path / "bad.json").write_text(json.dumps({**data, **change}))
        with pytest.raises(ScorerError, match=message):
            load_model(tmp_path / "bad.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(ScorerError, match="not a JSON"):
        load_model(tmp_path / "bad.json")
    with pytest.raises(ScorerError, match="cannot read"):
        load_model(tmp_path / "missing.json")


def test_no_model_says_so_and_falls_back(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    assert find_model(str(missing)) is None
    ranker, note = open_learned_ranker(str(missing))
    assert ranker is None and "no scorer model" in note and "ranking by size" in note
    (tmp_path / "broken.json").write_text("[]")
    ranker, note = open_learned_ranker(str(tmp_path / "broken.json"))
    assert ranker is None and "not a cpsolve scorer model" in note
    save_model(model_on("biggest", 1.0), tmp_path / "ok.json")
    ranker, note = open_learned_ranker(str(tmp_path / "ok.json"))
    assert ranker is not None and ranker.embed is None and str(tmp_path) in note


def test_the_shipped_model_loads_and_is_small() -> None:
    path = find_model(None)
    assert path is not None, "configs/scorer/learned-v1.json is missing: make scorer-model"
    model = load_model(path)
    assert path.stat().st_size < 1_000_000
    assert model.trained_on and model.info.get("command", "").startswith("cpsolve train-scorer")


@pytest.mark.integration
def test_select_with_the_learned_ranker_reorders_and_says_so(pool) -> None:
    """A real problem and sandbox: two samples of a wrong program outnumber one right one, so
    size picks the wrong one; a model that distrusts the biggest cluster picks the right one.
    Without a model, ranker "learned" is the size order."""
    from sandbox.jobs import Program
    from solver.problem import load_problem
    from solver.sampling.types import Sample
    from solver.selection.select import SelectionOptions, select
    from tests.conftest import REPO

    folder = REPO / "problems" / "ladder" / "13-even-or-odd"
    right = (folder / "solutions" / "accepted.py").read_text()
    wrong = (folder / "solutions" / "wrong.py").read_text()
    samples = [Sample(index=i, text=source, finished=True, program=Program("python3", source))
               for i, source in enumerate([wrong, wrong, right])]
    problem = load_problem(folder)
    fallback = select(problem, samples, pool, SelectionOptions(ranker="learned"))
    assert len(fallback.clusters) == 2
    assert fallback.candidates[0].program.source == wrong
    assert fallback.stats.decided_by == "size"
    learned = LearnedRanker(model_on("biggest", -4.0))
    chosen = select(problem, samples, pool, SelectionOptions(ranker="learned", learned=learned),
                    example_results=fallback.example_results)
    assert chosen.candidates[0].program.source == right
    assert chosen.stats.decided_by == "learned"
