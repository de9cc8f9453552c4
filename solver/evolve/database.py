"""The program database, after FunSearch's programs_database.py: where parents are chosen and
islands are reset.

Islands evolve apart. Inside an island, programs with the same per-test score signature form a
cluster (their score: the aggregate). A prompt's parents are k clusters drawn by a softmax over
the cluster scores, its temperature annealed from `temperature_init` towards 0 as the island
fills (period `temperature_period` programs), then one program of each, shorter programs more
likely (softmax over negated normalised lengths, temperature 1); they are shown worst first.
On a schedule the weaker half of the islands (by best score, ties broken at random) is emptied
and each is founded again with the best program of a random island of the stronger half.

One deviation, on purpose: FunSearch's softmax takes raw scores (its scores were small counts);
ours range over whatever a scorer prints (tour lengths in the thousands, seconds), so the
cluster scores are first scaled to [0, 1] across the island (best 1), which makes the
temperature a share of the island's spread rather than an absolute number. For a `min`
objective scores are negated first, so "higher is better" holds throughout.

Pure: no sandbox, no model, no files. State is plain data (to_json / from_json) so that a run
can be checkpointed and resumed exactly.
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class DatabaseConfig:
    """FunSearch's ProgramsDatabaseConfig, with its defaults where they fit a CPU run.

    islands: FunSearch used 10 (on many accelerators); fewer islands on a CPU let each one
        get several rounds within a budget of tens of samples (default_islands).
    functions_per_prompt: k, the earlier versions each prompt shows (FunSearch: 2).
    temperature_init, temperature_period: the parent softmax's temperature starts at
        temperature_init and falls linearly to 0 over temperature_period programs registered in
        the island, then starts again (FunSearch: 0.1 and 30 000, for millions of samples; ours
        is set from the budget by the loop).
    """

    islands: int = 4
    functions_per_prompt: int = 2
    temperature_init: float = 0.1
    temperature_period: int = 30_000


def default_islands(on_gpu: bool) -> int:
    """Islands from the hardware: FunSearch's 10 on a GPU, 4 on a CPU (a CPU draws tens of
    samples a minute: ten islands would each see a handful in a short run)."""
    return 10 if on_gpu else 4


@dataclass
class Entry:
    """One program in the database."""

    id: int  # unique in the run, in the order registered
    source: str
    language: str
    score: float  # the aggregate over the tests, as the scorer gives it
    signature: tuple[float, ...]  # per-test scores (rounded): the cluster it joins
    sample: int  # the sample number that produced it (0: a seed given by the user)
    parents: tuple[int, ...] = ()  # ids of the versions its prompt showed

    @property
    def length(self) -> int:
        return len(self.source)


@dataclass
class Cluster:
    signature: tuple[float, ...]
    score: float
    programs: list[Entry] = field(default_factory=list)


@dataclass
class Island:
    clusters: dict[tuple[float, ...], Cluster] = field(default_factory=dict)
    registered: int = 0  # programs registered since the island was (re)founded
    best: Entry | None = None

    def sources(self) -> set[str]:
        return {entry.source for cluster in self.clusters.values() for entry in cluster.programs}


def softmax(logits: list[float], temperature: float) -> list[float]:
    """Probabilities of the logits at this temperature (max subtracted: no overflow)."""
    if not logits or not all(math.isfinite(x) for x in logits):
        raise ValueError(f"softmax needs finite logits, got {logits}")
    temperature = max(temperature, 1e-6)
    top = max(logits)
    weights = [math.exp((x - top) / temperature) for x in logits]
    total = sum(weights)
    return [w / total for w in weights]


class ProgramDatabase:
    """Islands of programs; see the module docstring for how parents are chosen."""

    def __init__(self, config: DatabaseConfig, objective: str = "max", seed: int = 0) -> None:
        if config.islands < 1 or config.functions_per_prompt < 1:
            raise ValueError("a database needs at least one island and one function per prompt")
        self.config = config
        self.objective = objective
        self.rng = random.Random(seed)
        self.islands = [Island() for _ in range(config.islands)]
        self.next_id = 0
        self.resets = 0  # how many times the weaker half was reset
        # Every program ever registered, by id, reset islands' too: a journal replayed after a
        # reset still finds the parents its prompts showed.
        self.entries: dict[int, Entry] = {}

    # --- registering -------------------------------------------------------------------------

    def oriented(self, score: float) -> float:
        """The score with "higher is better" (negated for a min objective)."""
        return score if self.objective == "max" else -score

    def new_entry(self, source: str, language: str, score: float, signature: tuple[float, ...],
                  sample: int, parents: tuple[int, ...] = ()) -> Entry:
        entry = Entry(self.next_id, source, language, score, signature, sample, parents)
        self.next_id += 1
        self.entries[entry.id] = entry
        return entry

    def register(self, entry: Entry, island: int | None = None) -> bool:
        """Add a valid program to one island (None: to every island, as FunSearch does with
        its seed). False when that island already holds the same source (not added twice)."""
        targets = range(len(self.islands)) if island is None else [island]
        added = False
        for number in targets:
            added |= self._register_in(entry, number)
        return added

    def _register_in(self, entry: Entry, number: int) -> bool:
        island = self.islands[number]
        if entry.source in island.sources():
            return False
        cluster = island.clusters.get(entry.signature)
        if cluster is None:
            cluster = island.clusters[entry.signature] = Cluster(entry.signature, entry.score)
        cluster.programs.append(entry)
        island.registered += 1
        if island.best is None or self.oriented(entry.score) > self.oriented(island.best.score):
            island.best = entry
        return True

    # --- choosing parents --------------------------------------------------------------------

    def temperature(self, island: int) -> float:
        """FunSearch's annealing: init * (1 - (programs % period) / period)."""
        period = max(1, self.config.temperature_period)
        done = self.islands[island].registered % period
        return self.config.temperature_init * (1 - done / period)

    def cluster_probabilities(self, island: int) -> tuple[list[Cluster], list[float]]:
        """The island's clusters and the chance each is drawn as a parent's."""
        clusters = list(self.islands[island].clusters.values())
        scores = [self.oriented(cluster.score) for cluster in clusters]
        low, high = min(scores), max(scores)
        spread = high - low
        logits = [(s - low) / spread if spread > 0 else 0.0 for s in scores]
        return clusters, softmax(logits, self.temperature(island))

    def pick_in_cluster(self, cluster: Cluster) -> Entry:
        """A program of the cluster, shorter ones more likely (FunSearch's sample_program)."""
        lengths = [entry.length for entry in cluster.programs]
        low, high = min(lengths), max(lengths)
        normalised = [(length - low) / (high + 1e-6) for length in lengths]
        weights = softmax([-x for x in normalised], 1.0)
        return self.rng.choices(cluster.programs, weights=weights)[0]

    def choose_parents(self, island: int) -> list[Entry]:
        """k programs of the island for one prompt, sorted by score, worst first (shown as v0,
        v1, ...). Clusters are drawn with replacement, as FunSearch's np.random.choice does,
        so a strong cluster can give both versions."""
        clusters, probabilities = self.cluster_probabilities(island)
        if not clusters:
            return []
        k = min(len(clusters), self.config.functions_per_prompt)
        drawn = self.rng.choices(clusters, weights=probabilities, k=k)
        parents = [self.pick_in_cluster(cluster) for cluster in drawn]
        return sorted(parents, key=lambda entry: self.oriented(entry.score))

    def choose_island(self) -> int:
        """The island a prompt comes from: any, uniformly (FunSearch's get_prompt)."""
        return self.rng.randrange(len(self.islands))

    # --- resets ------------------------------------------------------------------------------

    def reset_islands(self) -> list[int]:
        """Empty the weaker half of the islands and found each again with the best program of
        a random stronger island; the reset islands' numbers."""
        def strength(number: int) -> float:
            best = self.islands[number].best
            noise = self.rng.random() * 1e-6  # ties broken at random, as in FunSearch
            return (self.oriented(best.score) if best is not None else -math.inf) + noise

        order = sorted(range(len(self.islands)), key=strength)
        half = len(self.islands) // 2
        weak, strong = order[:half], order[half:]
        for number in weak:
            founder_island = self.islands[self.rng.choice(strong)]
            self.islands[number] = Island()
            if founder_island.best is not None:
                self._register_in(founder_island.best, number)
        if weak:
            self.resets += 1
        return weak

    # --- reading -----------------------------------------------------------------------------

    def best(self) -> Entry | None:
        """The best program of all islands (the first registered among equals)."""
        found = None
        for island in self.islands:
            entry = island.best
            if entry is not None and (found is None or self.oriented(entry.score)
                                      > self.oriented(found.score)):
                found = entry
        return found

    def island_bests(self) -> list[float | None]:
        return [island.best.score if island.best is not None else None
                for island in self.islands]

    def size(self) -> int:
        return sum(len(cluster.programs) for island in self.islands
                   for cluster in island.clusters.values())

    # --- state -------------------------------------------------------------------------------

    def to_json(self) -> dict:
        """Everything needed to go on exactly: config, islands, ids, resets, the RNG."""
        entries = dict(self.entries)
        islands = []
        for island in self.islands:
            members = []
            for cluster in island.clusters.values():
                for entry in cluster.programs:
                    entries[entry.id] = entry
                    members.append(entry.id)
            islands.append({"programs": members, "registered": island.registered,
                            "best": island.best.id if island.best is not None else None})
        version, internal, gauss = self.rng.getstate()
        return {
            "config": asdict(self.config), "objective": self.objective,
            "entries": [_entry_json(entry) for entry in sorted(entries.values(),
                                                                key=lambda e: e.id)],
            "islands": islands, "next_id": self.next_id, "resets": self.resets,
            "rng": [version, list(internal), gauss],
        }

    @classmethod
    def from_json(cls, data: dict) -> ProgramDatabase:
        database = cls(DatabaseConfig(**data["config"]), data["objective"])
        entries = {record["id"]: _entry_from(record) for record in data["entries"]}
        database.entries = dict(entries)
        for number, island in enumerate(data["islands"]):
            for entry_id in island["programs"]:
                database._register_in(entries[entry_id], number)
            database.islands[number].registered = island["registered"]
            if island["best"] is not None:  # the first registered among equals, as it was
                database.islands[number].best = entries[island["best"]]
        database.next_id, database.resets = data["next_id"], data["resets"]
        version, internal, gauss = data["rng"]
        database.rng.setstate((version, tuple(internal), gauss))
        return database


def _entry_json(entry: Entry) -> dict:
    record = asdict(entry)
    # JSON has no NaN: a signature holds none for a valid program, but keep it safe.
    record["signature"] = [None if math.isnan(x) else x for x in entry.signature]
    record["parents"] = list(entry.parents)
    return record


def _entry_from(record: dict) -> Entry:
    return Entry(record["id"], record["source"], record["language"], record["score"],
                 tuple(math.nan if x is None else x for x in record["signature"]),
                 record["sample"], tuple(record["parents"]))
