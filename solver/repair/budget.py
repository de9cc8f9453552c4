"""How a run's budget is split between fresh samples and learning from failures.

A run has a budget in completions (--samples) and, optionally, in generated tokens. Feedback
(repairs, and fresh samples with a note on a failure) may take about `share` of what has been
spent: its completions are counted exactly, its tokens estimated at the mean cost so far (a
repair's length is known only once drawn). What it leaves unused goes back to fresh samples. The
token budget holds to about half a completion: a feedback request may not ask for more tokens
than are left, and the fresh sample that ends past the budget is kept only when at least half
of it fits (solver/repair/loop.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, floor


@dataclass(frozen=True)
class RepairOptions:
    """Whether and how a run learns from the judge's feedback on the examples."""

    # Repair rounds per sampling chunk: 1 repairs failed samples, 2 also failed repairs, and so
    # on. 0 turns repair off: the run is plain sampling (with the token budget, if any).
    rounds: int = 0
    # The share of the budget repairs and notes may take. More repairs mean fewer fresh samples:
    # repairs pay off when failures are near misses, fresh samples when they are far off.
    share: float = 0.25  # below 1 (1 would leave nothing to repair); the config caps it at 0.9
    # Allowance left after every distinct failure got its repair goes to fresh samples whose
    # prompt notes the commonest failure (False: to plain fresh samples).
    notes: bool = True


@dataclass
class Budget:
    """What a run may spend and has spent; counts move as completions arrive."""

    samples: int  # completions in all: fresh, repairs and notes
    tokens: int | None = None  # generated tokens in all; None: only `samples` limits the run
    share: float = 0.0  # at most this share may go to feedback (RepairOptions.share)
    max_tokens: int = 0  # one completion's most (the profile's): sizes the first request
    fresh: int = 0  # completions drawn from the problem's prompt
    fresh_tokens: int = 0
    feedback: int = 0  # repairs and notes
    feedback_tokens: int = 0

    def spend(self, completions: int, tokens: int, *, feedback: bool) -> None:
        if feedback:
            self.feedback += completions
            self.feedback_tokens += tokens
        else:
            self.fresh += completions
            self.fresh_tokens += tokens

    @property
    def spent(self) -> int:
        return self.fresh + self.feedback

    @property
    def spent_tokens(self) -> int:
        return self.fresh_tokens + self.feedback_tokens

    def mean_tokens(self) -> float | None:
        """Tokens per completion so far (None before the first)."""
        return self.spent_tokens / self.spent if self.spent else None

    def tokens_left(self) -> int | None:
        """Generated tokens still allowed (None: no token budget)."""
        return None if self.tokens is None else max(0, self.tokens - self.spent_tokens)

    def left(self) -> int:
        """Completions still allowed: by the sample budget and, with a token budget, by the
        tokens left at the mean cost so far (before any: at the most a completion may take), at
        least one while any token is left."""
        left = self.samples - self.spent
        tokens_left = self.tokens_left()
        if tokens_left is not None:
            cost = self.mean_tokens() or self.max_tokens
            if tokens_left <= 0:
                return 0
            if cost:
                left = min(left, max(1, floor(tokens_left / cost)))
        return max(0, left)

    def request_max_tokens(self, count: int, most: int) -> int:
        """max_tokens for a request of `count` completions: the profile's `most`, cut so that
        the request cannot overrun the token budget."""
        tokens_left = self.tokens_left()
        if tokens_left is None:
            return most
        return max(1, min(most, tokens_left // max(1, count)))

    def fresh_chunk(self, chunk_size: int) -> int:
        """Fresh samples to draw next: a chunk, keeping the feedback share of what is left.
        Under a token budget only half of what the tokens left would buy at the mean cost, and
        no more than was spent so far, so that requests shrink towards the end and the last
        overruns by about one completion."""
        left = self.left()
        if left <= 0:
            return 0
        if self.tokens is not None:
            # The mean is a guess from few completions: grow requests as it firms up (at most
            # doubling what was spent), and ask for half of what it promises.
            left = min(ceil(left / 2), max(1, self.spent))
        return min(chunk_size, max(1, ceil(left * (1 - self.share))))

    def feedback_allowance(self) -> int:
        """Completions feedback may take now: its share of everything spent, counting itself
        (feedback <= share * (fresh + feedback)), in completions and in tokens. None while the
        token budget has less than half a completion left: such a repair would be cut off."""
        if self.share <= 0:
            return 0
        tokens_left, mean = self.tokens_left(), self.mean_tokens()
        if tokens_left is not None and mean and tokens_left < mean / 2:
            return 0
        room = 1 - self.share
        allowance = floor((self.share * self.fresh - room * self.feedback) / room + 1e-9)
        mean = self.mean_tokens()
        if mean:
            tokens_room = (self.share * self.fresh_tokens - room * self.feedback_tokens) / room
            allowance = min(allowance, floor(tokens_room / mean + 1e-9))
        return max(0, min(allowance, self.left()))
