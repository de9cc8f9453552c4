"""Every tiny input an example's format allows: each counted block cut to one or two items, each
integer from the two or three smallest values it may take, each short word over two letters. A
greedy that is not optimal, a missed n = 1, a tie, a zero: these mistakes show on the smallest
cases, which random mutation of the examples seldom builds and the largest inputs never do.
Pure: nothing runs here; the caller drops what the statement's ranges or validators reject.

Everything is decided on the example's own shape (analyse_input), never on a cut copy: once cut,
"1 5" no longer reads as a count and an "n m" header's width no longer as a width, and changing
them would break the format. So counts, widths, integers outside the blocks' items that look
like sizes (a word's length, a later line's token count) and repeated keywords keep their
values; only the counts of the blocks cut are rewritten.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence

from solver.selection.constraints import InputConstraints
from solver.selection.shape import (
    INT_RE,
    Block,
    InputShape,
    Pos,
    analyse_input,
    char_class,
    format_int,
    looks_like_sizes,
    render,
    token_indices,
)

SIZES = (1, 2)  # items a counted block is cut to
SMALL_VALUES = 3  # values per integer: its range's low end and those just above it
WORD_LENGTH = 3  # words up to this long are spelt every way over two letters; longer, a few ways
# Combinations of one example at one size enumerated in full up to this; above it, the
# all-minimal one, each token raised alone, then a seeded sample of this many.
FULL_ENUMERATION = 4096


def tiny_inputs(
    examples: Sequence[bytes],
    count: int,
    *,
    constraints: InputConstraints | None = None,
    seed: int = 0,
    max_bytes: int = 1_000_000,
) -> list[bytes]:
    """Up to `count` tiny inputs: for each example and each size in SIZES, the example with
    every counted block cut to that many items, and every combination of small values for its
    integers and two-letter spellings for its words, fewest non-minimal tokens first. The
    (example, size) streams take turns, so each gets a share of `count`. Deterministic for a
    seed; no duplicates, no copies of an example, none over max_bytes.

    constraints: the statement's ranges; an integer of a known range takes its lowest values
        (otherwise 1, 2, 3 where the example's value is positive, 0, 1, 2 where it is zero,
        -1, 0, 1 where it is negative).
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)
    shapes = [analyse_input(example) for example in examples]
    streams = [_variants(shape, size, constraints, rng)
               for size in SIZES for shape in shapes if size == SIZES[0] or shape.blocks]
    seen = set(examples)
    out: list[bytes] = []
    while streams and len(out) < count:
        for stream in list(streams):
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


def _variants(shape: InputShape, size: int, constraints: InputConstraints | None,
              rng: random.Random) -> Iterator[bytes]:
    """The tiny variants of one example at one size, fewest non-minimal tokens first."""
    cut, gone_lines, gone_pieces = _cuts(shape, size)
    spans = constraints.spans(shape) if constraints is not None else {}
    # A block's items are data, whatever their values happen to equal.
    fixed = looks_like_sizes(shape) - _items(shape)
    slots: list[tuple[Pos, list[bytes]]] = []
    for pos in shape.mutable:
        if pos[0] in gone_lines or pos in gone_pieces or pos in fixed:
            continue
        tok = shape.lines[pos[0]][pos[1]]
        if pos in shape.ints:
            values = _small_values(shape.ints[pos], spans.get(pos, (None, None)))
            slots.append((pos, [format_int(v, tok) for v in values]))
        elif pos in shape.words and tok not in shape.keywords:
            slots.append((pos, _spellings(tok, shape)))
    for picks in _picks([len(values) for _, values in slots], rng):
        lines = [list(line) for line in shape.lines]
        for ((li, pi), values), pick in zip(slots, picks, strict=True):
            lines[li][pi] = values[pick]
        for block in cut:
            li, pi = block.count_pos
            lines[li][pi] = format_int(size, lines[li][pi])
        yield render([[piece for pi, piece in enumerate(line) if (li, pi) not in gone_pieces]
                      for li, line in enumerate(lines) if li not in gone_lines])


def _cuts(shape: InputShape, size: int) -> tuple[list[Block], set[int], set[Pos]]:
    """The blocks with more than `size` items, and the lines and pieces cutting them to `size`
    removes. A count read both as counting lines and as counting the items of the next line
    ("2" then "5 6" and "7 8") is taken as counting lines."""
    counting_lines = {block.count_pos for block in shape.blocks if block.kind == "lines"}
    cut = [block for block in shape.blocks if block.count > size
           and not (block.kind == "tokens" and block.count_pos in counting_lines)]
    gone_lines: set[int] = set()
    gone_pieces: set[Pos] = set()
    for block in cut:
        if block.kind == "lines":
            gone_lines.update(range(block.first + size, block.first + block.count))
            continue
        items = token_indices(shape.lines[block.line])[block.first : block.first + block.count]
        if len(items) == block.count:  # the items after the size-th, with the space before each
            gone_pieces.update((block.line, pi) for pi in range(items[size - 1] + 1,
                                                                 items[-1] + 1))
    return cut, gone_lines, gone_pieces


def _items(shape: InputShape) -> set[Pos]:
    """The positions of every counted block's items."""
    items: set[Pos] = set()
    for block in shape.blocks:
        if block.kind == "lines":
            items.update((li, pi) for li in range(block.first, block.first + block.count)
                         for pi in token_indices(shape.lines[li]))
        else:
            tokens = token_indices(shape.lines[block.line])
            items.update((block.line, pi)
                         for pi in tokens[block.first : block.first + block.count])
    return items


def _picks(options: list[int], rng: random.Random) -> Iterator[tuple[int, ...]]:
    """Index tuples into each slot's values (0: its smallest), fewest non-zero first: all of
    them when few enough, else the all-zero one, each slot raised alone, then random ones."""
    total = 1
    for choices in options:
        total *= choices
    if total <= FULL_ENUMERATION:
        yield from sorted(itertools.product(*(range(choices) for choices in options)),
                          key=lambda picks: (sum(1 for p in picks if p), sum(picks), picks))
        return
    zero = tuple(0 for _ in options)
    yield zero
    for i, choices in enumerate(options):
        for j in range(1, choices):
            yield (*zero[:i], j, *zero[i + 1:])
    for _ in range(FULL_ENUMERATION):
        yield tuple(rng.randrange(choices) for choices in options)


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
