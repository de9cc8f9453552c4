"""Shrinking a failing input: delta debugging (ddmin-style, greedy) over an input's structure.

Given an input on which a program fails and a predicate `still_fails(bytes) -> bool`, smaller
inputs are tried in passes, and every smaller one that still fails replaces the current one:
items of a counted block dropped with their count rewritten (shape.analyse_input finds the
blocks), whole lines dropped, tokens of a line dropped, integers moved towards 0 or 1, words
shortened. Passes repeat until none helps or the budget of runs or time is spent.

Pure: nothing runs here; what "still fails" means, and what it costs, is the caller's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from solver.selection.shape import (
    INT_RE,
    Block,
    InputShape,
    Pos,
    analyse_input,
    format_int,
    render,
    token_indices,
)

Lines = list[list[bytes]]  # pieces per line (tokens and whitespace runs), as InputShape.lines


@dataclass(frozen=True)
class ShrinkResult:
    """The smallest failing input found, and what finding it took."""

    data: bytes  # still fails (the input given, when nothing smaller did)
    steps: int  # smaller inputs accepted, each a run of still_fails that said True
    runs: int  # calls of still_fails (candidates `allowed` rejected or seen before cost none)
    # The budget (max_runs or deadline) ended the search before a pass without progress: a
    # smaller failing input may exist. False: no single step of any pass helps any more.
    out_of_budget: bool


class _OutOfBudgetError(Exception):
    """No run left: stop every pass where it is."""


def shrink_input(
    data: bytes,
    still_fails: Callable[[bytes], bool],
    *,
    allowed: Callable[[bytes], bool] = lambda _data: True,
    max_runs: int = 300,
    deadline: float | None = None,
) -> ShrinkResult:
    """The smallest input found that still fails, greedy: each pass keeps the first smaller
    candidate still_fails accepts and starts again from it.

    still_fails: True when the program still fails on a candidate (the caller decides what
        counts: any failure, or the same verdict). Expensive: each call is a run.
    allowed: a cheap check asked first (e.g. the statement's ranges); a candidate it rejects is
        never run and costs no run.
    max_runs: calls of still_fails at most; each is a program run (or two), so this bounds the
        time on a program that is slow on every input. 300 shrinks a 10^4-item list to its
        last failing item (about 2 log2 n runs per item kept) with room left for its values.
    deadline: a time.monotonic() value after which no new run starts (None: runs only).
    """
    shrinker = _Shrinker(data, still_fails, allowed, max_runs, deadline)
    try:
        progress = True
        while progress:
            progress = False
            for step in (shrinker.drop_block_items, shrinker.drop_lines,
                         shrinker.drop_tokens, shrinker.shrink_integers, shrinker.shorten_words):
                progress = step() or progress
    except _OutOfBudgetError:
        return ShrinkResult(shrinker.current, shrinker.steps, shrinker.runs, out_of_budget=True)
    return ShrinkResult(shrinker.current, shrinker.steps, shrinker.runs, out_of_budget=False)


def without_tokens(pieces: list[bytes], drop: set[int]) -> list[bytes]:
    """A line's pieces without the tokens at the piece indices in `drop`; the kept tokens keep
    the whitespace that followed each, and the line its leading and trailing whitespace (a
    "\\r" of a CRLF file stays at the end)."""
    tokens = token_indices(pieces)
    if not tokens:
        return list(pieces)
    kept = [t for t in tokens if t not in drop]
    out = list(pieces[:tokens[0]])
    for k, t in enumerate(kept):
        out.append(pieces[t])
        if k + 1 < len(kept):  # a token before the line's last one: whitespace follows it
            out.append(pieces[t + 1])
    out += pieces[tokens[-1] + 1:]
    return out


def chunks(count: int) -> Iterator[tuple[int, int]]:
    """(start, end) ranges of 0..count-1, halves first, then quarters, ... down to single items:
    ddmin's granularity, large cuts tried before small ones."""
    size = count // 2 if count > 1 else 1
    while size >= 1:
        for start in range(0, count, size):
            yield start, min(count, start + size)
        size //= 2


def smaller_integers(value: int) -> Iterator[int]:
    """The values tried first in place of an integer, each only when closer to 0 than `value`:
    0, then 1, then (for a negative value, whose sign may be the bug) -1."""
    if value != 0:
        yield 0
    if abs(value) > 1:
        yield 1
    if value < -1:
        yield -1


class _Shrinker:
    """One shrink's state: the current input, the candidates seen, the runs spent."""

    def __init__(self, data: bytes, still_fails: Callable[[bytes], bool],
                 allowed: Callable[[bytes], bool], max_runs: int,
                 deadline: float | None) -> None:
        self.current = data
        self.still_fails, self.allowed = still_fails, allowed
        self.max_runs, self.deadline = max_runs, deadline
        # Hashes of the candidates asked about already (the answer would be the same): hashes,
        # not the inputs, since a large input has thousands of candidates.
        self.seen = {hash(data)}
        self.steps = self.runs = 0

    def attempt(self, candidate: bytes) -> bool:
        """Try one candidate; True (and it becomes the current input) when it still fails."""
        # Checked before `allowed` too: on a large input, reading every candidate takes time.
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise _OutOfBudgetError
        key = hash(candidate)
        if key in self.seen or not candidate.strip():
            return False
        self.seen.add(key)
        if len(candidate) > len(self.current) or not self.allowed(candidate):
            return False
        if self.runs >= self.max_runs:
            raise _OutOfBudgetError
        self.runs += 1
        if not self.still_fails(candidate):
            return False
        self.current = candidate
        self.steps += 1
        return True

    def first_that_fails(self, candidates: Callable[[bytes], Iterator[bytes]]) -> bool:
        """Greedy: take the first candidate that still fails, then start over from it, until no
        candidate of the current input does. True when anything was taken."""
        progress = False
        while any(self.attempt(candidate) for candidate in candidates(self.current)):
            progress = True
        return progress

    # --- the passes, most effective first ---------------------------------------------------

    def drop_block_items(self) -> bool:
        """Items of counted blocks ("n" then n lines, or n items on a line) cut in chunks, the
        count rewritten to match; at least one item stays (a count of 0 is rarely allowed)."""
        def candidates(data: bytes) -> Iterator[bytes]:
            shape = analyse_input(data)
            for block in shape.blocks:
                for start, end in chunks(block.count):
                    if end - start < block.count:
                        yield render(_without_items(shape, block, start, end))

        return self.first_that_fails(candidates)

    def drop_lines(self) -> bool:
        """Whole lines cut in chunks, for inputs whose repeated parts no count announces (a
        list read to the end of the input). Lines of a counted block and their count's line
        are left to drop_block_items: cut here, the count would lie, and a program and a
        reference that read it differently would "disagree" on an input the judge never gives.
        """
        def candidates(data: bytes) -> Iterator[bytes]:
            shape = analyse_input(data)
            lines, counted = shape.lines, _counted_lines(shape)
            filled = [li for li, line in enumerate(lines)
                      if token_indices(line) and li not in counted]
            for start, end in chunks(len(filled)):
                gone = set(filled[start:end])
                yield render([line for li, line in enumerate(lines) if li not in gone])

        return self.first_that_fails(candidates)

    def drop_tokens(self) -> bool:
        """Tokens of a line cut in chunks (a line of values read to its end); not on the lines
        of a counted block, as in drop_lines."""
        def candidates(data: bytes) -> Iterator[bytes]:
            shape = analyse_input(data)
            lines, counted = shape.lines, _counted_lines(shape)
            for li, line in enumerate(lines):
                tokens = token_indices(line)
                if len(tokens) < 2 or li in counted:
                    continue
                for start, end in chunks(len(tokens)):
                    if end - start < len(tokens):
                        changed = list(lines)
                        changed[li] = without_tokens(line, set(tokens[start:end]))
                        yield render(changed)

        return self.first_that_fails(candidates)

    def shrink_integers(self) -> bool:
        """Each integer that can change alone (not a count or a width: shape.mutable) towards 0:
        0, 1 or -1 first, then steps of half the distance that shrink while they still fail
        (a binary descent: the smallest failing value of a monotone bug, in O(log) runs)."""
        shape = analyse_input(self.current)
        lines = [list(line) for line in shape.lines]
        progress = False
        for pos in shape.mutable:
            if pos in shape.ints:
                progress = self._shrink_integer(lines, pos) or progress
        return progress

    def _shrink_integer(self, lines: Lines, pos: Pos) -> bool:
        li, pi = pos
        token = lines[li][pi]
        value = int(token)

        def attempt(new: int) -> bool:
            changed = [*lines[:li], [*lines[li][:pi], format_int(new, token),
                                     *lines[li][pi + 1:]], *lines[li + 1:]]
            if not self.attempt(render(changed)):
                return False
            lines[li][pi] = format_int(new, token)
            return True

        for small in smaller_integers(value):
            if attempt(small):
                return True
        start, delta = value, abs(value) // 2
        while delta >= 1:
            step = delta if value > 0 else -delta
            if abs(value) > delta and attempt(value - step):
                value -= step  # the same step may fit again: keep it
            else:
                delta //= 2
        return value != start

    def shorten_words(self) -> bool:
        """Words (not numbers) cut in chunks of characters, one character kept at least. A word
        whose length an integer before it states ("5" then "abcab") takes that integer along."""
        def candidates(data: bytes) -> Iterator[bytes]:
            shape = analyse_input(data)
            for li, pi in shape.words:
                word = shape.lines[li][pi]
                if shape.lines[li][pi] in shape.keywords:
                    continue  # a repeated keyword ("add", "query") is format, not data
                length = _length_of(shape, (li, pi))
                for start, end in chunks(len(word)):
                    if end - start >= len(word):
                        continue
                    changed = [list(line) for line in shape.lines]
                    changed[li][pi] = word[:start] + word[end:]
                    if length is not None:
                        lli, lpi = length
                        changed[lli][lpi] = format_int(len(changed[li][pi]), changed[lli][lpi])
                    yield render(changed)

        return self.first_that_fails(candidates)


def _without_items(shape: InputShape, block: Block, start: int, end: int) -> Lines:
    """The shape's lines without items start..end-1 of a block, its count lowered to match."""
    lines = [list(line) for line in shape.lines]
    if block.kind == "lines":
        del lines[block.first + start:block.first + end]
    else:
        tokens = token_indices(lines[block.line])[block.first:block.first + block.count]
        lines[block.line] = without_tokens(lines[block.line], set(tokens[start:end]))
    li, pi = block.count_pos
    lines[li][pi] = format_int(block.count - (end - start), lines[li][pi])
    return lines


def _counted_lines(shape: InputShape) -> set[int]:
    """The lines that hold a block's count or its items: what only drop_block_items cuts."""
    counted = set()
    for block in shape.blocks:
        counted.add(block.count_pos[0])
        if block.kind == "lines":
            counted.update(range(block.first, block.first + block.count))
        else:
            counted.add(block.line)
    return counted


def _length_of(shape: InputShape, word: Pos) -> Pos | None:
    """The integer on an earlier line whose value is this word's length, when exactly one is."""
    length = len(shape.lines[word[0]][word[1]])
    found = [pos for pos, value in shape.ints.items()
             if pos[0] < word[0] and value == length and INT_RE.fullmatch(
                 shape.lines[pos[0]][pos[1]])]
    return found[0] if len(found) == 1 else None
