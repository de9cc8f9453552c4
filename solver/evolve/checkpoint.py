"""An evolution run on disk: where it is decided what survives a kill.

Two files in the run's folder. `journal.jsonl`: every round's prompts (island, parents) and the
completions the model returned, appended as soon as they are drawn, before they are judged; a
line torn by a kill is ignored. `checkpoint.json`: the program database, counts and history
after the last judged round, replaced atomically (written beside, then renamed), so it is
always one whole round's state. On resume the database comes from the checkpoint, the rounds
the journal holds beyond it are judged again from their recorded completions (never drawn
again), and sampling goes on from there: a kill -9 loses at most the request in flight.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from solver.files import append_lines, write_whole

CHECKPOINT, JOURNAL = "checkpoint.json", "journal.jsonl"
FORMAT = 1


class EvolveError(Exception):
    """The run cannot go on as asked (a run folder of other settings, a seed that is not
    valid); one line."""


@dataclass
class DrawnRound:
    """One round as the journal holds it."""

    round: int
    # Per prompt: the island it came from (None: the problem's plain prompt, before any program
    # was valid) and the database ids of the versions it showed, worst first.
    islands: list[int | None]
    parents: list[list[int]]
    # Per prompt, its completions: (text, finished, tokens).
    completions: list[list[tuple[str, bool, int]]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"round": self.round, "islands": self.islands, "parents": self.parents,
                "completions": [[list(c) for c in group] for group in self.completions]}

    @classmethod
    def from_json(cls, data: dict) -> DrawnRound:
        return cls(data["round"], list(data["islands"]), [list(p) for p in data["parents"]],
                   [[(str(t), bool(f), int(n)) for t, f, n in group]
                    for group in data["completions"]])

    @property
    def samples(self) -> int:
        return sum(len(group) for group in self.completions)


class RunFolder:
    """The files of one run (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def checkpoint_path(self) -> Path:
        return self.path / CHECKPOINT

    @property
    def journal_path(self) -> Path:
        return self.path / JOURNAL

    def load(self, key: dict) -> dict | None:
        """The last checkpoint, None when there is none; EvolveError when it belongs to a run
        of other settings (key: what must match, e.g. problem, model, seed program)."""
        if not self.checkpoint_path.exists():
            return None
        try:
            state = json.loads(self.checkpoint_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise EvolveError(f"{self.checkpoint_path}: unreadable checkpoint ({error}); "
                              "start afresh with --fresh") from error
        if state.get("format") != FORMAT or state.get("key") != key:
            raise EvolveError(f"{self.path} holds a run with other settings (problem, mode, "
                              "model, prompt or seed); use --fresh to discard it, or --out")
        return state

    def save(self, state: dict, key: dict) -> None:
        """Replace the checkpoint atomically: a kill leaves the old one or the new one."""
        write_whole(self.checkpoint_path, json.dumps({**state, "format": FORMAT, "key": key}),
                    sync=True)

    def append(self, drawn: DrawnRound) -> None:
        """Journal a round's completions as soon as they are drawn."""
        append_lines(self.journal_path, json.dumps(drawn.to_json()) + "\n", sync=True)

    def journal(self) -> list[DrawnRound]:
        """The journal's whole rounds, in order (a torn last line is ignored)."""
        if not self.journal_path.exists():
            return []
        rounds: dict[int, DrawnRound] = {}
        for line in self.journal_path.read_text(encoding="utf-8").splitlines():
            try:
                drawn = DrawnRound.from_json(json.loads(line))
            except (ValueError, KeyError, TypeError):
                continue
            rounds.setdefault(drawn.round, drawn)
        return [rounds[number] for number in sorted(rounds)]

    def clear(self) -> None:
        """Forget the run (--fresh)."""
        for path in (self.checkpoint_path, self.journal_path):
            path.unlink(missing_ok=True)
