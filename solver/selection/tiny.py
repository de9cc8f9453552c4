"""Every tiny input an example's format allows: each counted block cut to one or two items, each
integer from the two or three smallest values it may take, each short word over two letters. A
greedy that is not optimal, a missed n = 1, a tie, a zero: these mistakes show on the smallest
cases, which random mutation of the examples seldom builds and the largest inputs never do.
Pure: nothing runs here; the caller drops what the statement's ranges or validators reject.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from solver.selection.constraints import InputConstraints
from solver.selection.shape import (
    INT_RE,
    Block,
    InputShape,
    Pos,
    analyse_input,
    char_class,
    format_int,
    token_indices,
)

SIZES = (1, 2)  # items a counted block is cut to
SMALL_VALUES = 3  # values per integer: its range's low end and those just above it
WORD_LENGTH = 3  # words up to this long are spelt every way over two letters; longer, a few ways
# Combinations of one cut example enumerated in full below this; above it, a seeded sample.
FULL_ENUMERATION = 4096


def tiny_inputs(
    examples: Sequence[bytes],
    count: int,
    *,
    constraints: InputConstraints | None = None,
    seed: int = 0,
    max_bytes: int = 1_000_000,
) -> list[bytes]:
    """Up to `count` tiny inputs, smallest first: for each example and each size in SIZES, the
    example with every counted block cut to that many items, then every combination of small
    values for its integers and two-letter spellings for its short words, fewest non-minimal
    tokens first. The examples share `count` in turn. Deterministic for a seed; no duplicates,
    no copies of an example, none over max_bytes.

    constraints: the statement's ranges; an integer of a known range takes its lowest values
        (otherwise 1, 2, 3 where the example's value is positive, 0, 1, 2 where it is zero,
        -1, 0, 1 where it is negative).
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)
    streams = [_tiny_of(cut, constraints, rng)
               for size in SIZES for example in examples
               if (cut := _cut_blocks(analyse_input(example), size)) is not None]
    seen = set(examples)
    out: list[bytes] = []
    while streams and len(out) < count:
        for stream in list(streams):  # the examples and sizes in turn: each gets a share
            data = next(stream, None)
            if data is None:
                streams.remove(stream)
                continue
            if data not in seen and len(data) <= max_bytes:
                seen.add(data)
                out.append(data)
                if len(out) >= count:
                    break
    return out


def _cut_blocks(shape: InputShape, size: int) -> bytes | None:
    """The example with every counted block holding at most `size` items (its count rewritten);
    None when it has no block (then only its values vary: size 1 stands for it)."""
    if not shape.blocks:
        return _joined(shape.lines) if size == SIZES[0] else None
    lines = [list(line) for line in shape.lines]
    # Inner and later blocks first: a block's count sits before its items, so cutting one
    # never moves the count of a block above it.
    for block in sorted(shape.blocks, key=lambda b: b.count_pos, reverse=True):
        if block.count > size:
            _cut_block(block, lines, size)
    return _joined(lines)


def _cut_block(block: Block, lines: list[list[bytes]], size: int) -> None:
    li, pi = block.count_pos
    if li >= len(lines) or pi >= len(lines[li]):
        return  # inside a block already cut away
    if block.kind == "lines":
        del lines[block.first + size : block.first + block.count]
    else:
        pieces = lines[block.line]
        items = token_indices(pieces)[block.first : block.first + block.count]
        if len(items) < block.count:
            return
        del pieces[items[size - 1] + 1 : items[-1] + 1]
    lines[li][pi] = format_int(size, lines[li][pi])


def _tiny_of(data: bytes, constraints: InputConstraints | None, rng: random.Random):
    """The tiny variants of one cut example, fewest non-minimal tokens first (a generator)."""
    shape = analyse_input(data)
    spans = constraints.spans(shape) if constraints is not None else {}
    counts = {block.count_pos for block in shape.blocks}
    slots: list[tuple[Pos, list[bytes]]] = []
    for pos in shape.mutable:
        tok = shape.lines[pos[0]][pos[1]]
        if pos in counts:
            continue
        if pos in shape.ints:
            slots.append((pos, [format_int(v, tok) for v in _small_values(
                shape.ints[pos], spans.get(pos, (None, None)))]))
        elif pos in shape.words:
            slots.append((pos, _spellings(tok, shape)))
    options = [values for _, values in slots]
    total = 1
    for values in options:
        total *= len(values)
    if total <= FULL_ENUMERATION:
        choices = sorted(itertools.product(*(range(len(v)) for v in options)),
                         key=lambda picks: (sum(1 for p in picks if p), sum(picks), picks))
    else:
        # Too many to list: the all-minimal one, then each token raised alone, then a sample.
        zero = tuple(0 for _ in options)
        single = [(*zero[:i], j, *zero[i + 1:]) for i, values in enumerate(options)
                  for j in range(1, len(values))]
        drawn = [tuple(rng.randrange(len(v)) for v in options) for _ in range(FULL_ENUMERATION)]
        choices = [zero, *single, *drawn]
    for picks in choices:
        lines = [list(line) for line in shape.lines]
        for ((li, pi), values), pick in zip(slots, picks, strict=True):
            lines[li][pi] = values[pick]
        yield _joined(lines)


def _small_values(value: int, span: tuple[int | None, int | None]) -> list[int]:
    low, high = span
    if low is None:
        low = 1 if value > 0 else 0 if value == 0 else -1
    values = [low + step for step in range(SMALL_VALUES)]
    return [v for v in values if high is None or v <= high] or [low]


def _spellings(word: bytes, shape: InputShape) -> list[bytes]:
    """The word spelt over the first two letters (in alphabet order) that its class uses in the
    input, its length kept (a length may be tied to a count): every spelling up to WORD_LENGTH,
    else the word, each letter alone and the two alternating. The word itself when its
    characters are not all of one letter class."""
    classes = {char_class(c) for c in word}
    if len(classes) != 1 or not classes <= {"lower", "upper"} or INT_RE.fullmatch(word):
        return [word]
    alphabet = shape.alphabets.get(classes.pop(), b"")
    letters = sorted(set(alphabet))[:2] or list(word[:1])
    if len(word) <= WORD_LENGTH:
        return [bytes(spelt) for spelt in itertools.product(letters, repeat=len(word))]
    first, second = letters[0], letters[-1]
    alternating = [bytes((first, second)[i % 2] for i in range(len(word))),
                   bytes((second, first)[i % 2] for i in range(len(word)))]
    spelt = [word, bytes([first]) * len(word), bytes([second]) * len(word), *alternating]
    return list(dict.fromkeys(spelt))


def _joined(lines: list[list[bytes]]) -> bytes:
    return b"\n".join(b"".join(line) for line in lines)
