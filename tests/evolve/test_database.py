"""The program database does what FunSearch's does: clusters by signature, a softmax over
cluster scores annealed with the island's size, shorter programs preferred in a cluster,
parents shown worst first, the weaker half of the islands reset from the stronger half."""

from __future__ import annotations

from collections import Counter

import pytest

from solver.evolve.database import (
    DatabaseConfig,
    ProgramDatabase,
    default_islands,
    softmax,
)


def db(islands: int = 1, objective: str = "max", **config) -> ProgramDatabase:
    return ProgramDatabase(DatabaseConfig(islands=islands, **config), objective, seed=1)


def add(database: ProgramDatabase, source: str, score: float, island: int | None = 0,
        signature: tuple[float, ...] | None = None):
    entry = database.new_entry(source, "python3", score, signature or (score,), sample=1)
    database.register(entry, island)
    return entry


def test_programs_with_one_signature_share_a_cluster() -> None:
    database = db()
    add(database, "a = 1", 5.0, signature=(2.0, 3.0))
    add(database, "b = 1", 5.0, signature=(2.0, 3.0))
    add(database, "c = 1", 5.0, signature=(3.0, 2.0))  # same mean, other tests: its own group
    clusters = database.islands[0].clusters
    assert sorted(len(c.programs) for c in clusters.values()) == [1, 2]
    assert not database.register(database.new_entry("a = 1", "python3", 5.0, (2.0, 3.0), 2), 0)


def test_parents_are_two_clusters_sorted_worst_first() -> None:
    database = db(temperature_init=10.0)  # hot: every cluster about as likely
    for number in range(6):
        add(database, f"x = {number}", float(number))
    for _ in range(50):
        parents = database.choose_parents(0)
        assert len(parents) == 2
        assert parents[0].score <= parents[1].score  # v0 is the worse one
    lone = db()
    add(lone, "x = 1", 1.0)
    assert [p.source for p in lone.choose_parents(0)] == ["x = 1"]  # k = min(clusters, 2)


def test_cold_softmax_prefers_the_best_cluster_and_min_objective_flips_it() -> None:
    for objective, best in (("max", 9.0), ("min", 0.0)):
        database = db(objective=objective, temperature_init=0.05)
        for number in range(10):
            add(database, f"x = {number}", float(number))
        shown = Counter(p.score for _ in range(300) for p in database.choose_parents(0))
        assert shown.most_common(1)[0][0] == best
        assert shown[best] > 0.5 * sum(shown.values())


def test_temperature_anneals_with_the_island_size_and_restarts_each_period() -> None:
    database = db(temperature_init=0.1, temperature_period=4)
    temperatures = []
    for number in range(6):
        add(database, f"x = {number}", float(number))
        temperatures.append(database.temperature(0))
    assert temperatures[:3] == pytest.approx([0.075, 0.05, 0.025])
    assert temperatures[3] == pytest.approx(0.1)  # 4 programs: a new period
    hot, cold = softmax([0.0, 1.0], 1.0), softmax([0.0, 1.0], 0.1)
    assert cold[1] > hot[1] > 0.5


def test_shorter_programs_are_picked_more_often_inside_a_cluster() -> None:
    database = db()
    add(database, "x=1", 1.0)
    add(database, "x=1" + " " * 400 + "# long", 1.0)
    cluster = next(iter(database.islands[0].clusters.values()))
    picked = Counter(database.pick_in_cluster(cluster).length for _ in range(2000))
    short, long_ = sorted(picked)
    assert picked[short] > picked[long_] > 0  # preferred, not exclusive


def test_reset_empties_the_weaker_half_and_founds_it_with_a_stronger_best() -> None:
    database = db(islands=4)
    for island, score in enumerate((1.0, 5.0, 3.0, 9.0)):
        add(database, f"x = {score}", score, island=island)
    reset = database.reset_islands()
    assert sorted(reset) == [0, 2]  # the two weakest
    for number in reset:
        island = database.islands[number]
        assert island.best is not None and island.best.score in (5.0, 9.0)
        assert sum(len(c.programs) for c in island.clusters.values()) == 1
    assert [database.islands[n].best.score for n in (1, 3)] == [5.0, 9.0]  # kept as they were
    assert database.resets == 1


def test_a_seed_registers_in_every_island_and_the_state_round_trips() -> None:
    database = db(islands=3, temperature_init=1.0)
    add(database, "seed", 0.0, island=None)
    assert all(island.best is not None for island in database.islands)
    for number in range(5):
        add(database, f"x = {number}", float(number), island=number % 3)
    copy = ProgramDatabase.from_json(database.to_json())
    assert copy.island_bests() == database.island_bests()
    assert [[p.id for p in copy.choose_parents(i)] for i in range(3)] == \
        [[p.id for p in database.choose_parents(i)] for i in range(3)]  # the RNG goes on alike
    assert copy.best().source == database.best().source


def test_islands_default_from_the_hardware() -> None:
    assert default_islands(on_gpu=False) < default_islands(on_gpu=True) == 10
