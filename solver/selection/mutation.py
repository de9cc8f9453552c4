"""Input mutation: new inputs made from the example inputs, keeping their format (token shapes,
counted blocks), sometimes pushed to the bounds the statement names. Pure: nothing runs here."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from solver.selection.constraints import InputConstraints
from solver.selection.shape import (
    CLASS_CHARS,
    FLOAT_RE,
    Block,
    InputShape,
    Pos,
    analyse_input,
    char_class,
    format_int,
    is_space,
    render,
    token_indices,
)

_POWER = re.compile(
    r"(?:(\d+)\s*(?:\*|\\cdot|\\times|x|\u00b7|\u00d7)\s*)?10\s*(?:\^|\*\*)\s*\{?\s*(\d{1,2})\s*\}?"
)
_EXPONENT = re.compile(r"\b(\d)(?:\.\d+)?e(\d{1,2})\b")
_PLAIN = re.compile(
    r"(?:<=|≤|\\le(?:q)?|<|less than or equal to)\s*(\d[\d, ]*\d|\d)"
    r"(?!\d|\s*(?:\^|\*|e\d|\\cdot|\\times|x\s*10))"  # not the factor of a power of ten
)


def statement_bounds(statement: str) -> list[int]:
    """Upper bounds named in a statement ("10^9", "2 * 10^5", "1e18", "<= 100000"), ascending.

    Mutated inputs reach them now and then: that is where overflow and slow programs part from
    right ones, and the examples almost never go there.
    """
    found: set[int] = set()
    for factor, exponent in _POWER.findall(statement):
        found.add(int(factor or 1) * 10 ** int(exponent))
    for mantissa, exponent in _EXPONENT.findall(statement):
        found.add(int(mantissa) * 10 ** int(exponent))
    for number in _PLAIN.findall(statement):
        digits = re.sub(r"[, ]", "", number)
        if digits.isdigit():
            found.add(int(digits))
    return sorted(bound for bound in found if 3 < bound <= 10**18)


Span = tuple[int | None, int | None]  # a token's inclusive range from the statement, if known


def _mutate_int(tok: bytes, rng: random.Random, pool: list[int], bounds: list[int],
                span: Span = (None, None)) -> bytes:
    """A changed integer; within `span` where the statement gives this token's range (its own
    ends then stand in for the statement's bounds, and the lower end is tried too)."""
    low, high = span
    if low is not None and high is not None and low >= high:
        return tok
    if span != (None, None):
        if low is not None and rng.random() < 0.1:
            return format_int(rng.choice((low, low + 1)) if high != low + 1 else low, tok)
        bounds = [high] if high is not None else []
        new = int(_mutate_int(tok, rng, pool, bounds))
        new = max(new, low) if low is not None else new
        new = min(new, high) if high is not None else new
        if new == int(tok):
            new = new + 1 if high is None or new + 1 <= high else new - 1
        return format_int(new, tok)
    value = int(tok)
    non_negative = value >= 0
    r = rng.random()
    if bounds and r < 0.15:
        # A bound of the statement, at or just under it; negative where the value was.
        bound = rng.choice([b for b in bounds if b >= abs(value)] or bounds)
        new = rng.choice((bound, bound - 1, rng.randint(bound // 2, bound)))
        new = new if non_negative or rng.random() < 0.5 else -new
        return format_int(new, tok)
    if r < 0.5:
        new = value + rng.choice((-3, -2, -1, 1, 2, 3))
    elif r < 0.7:
        new = value + round(value * rng.uniform(-0.5, 0.5)) if value else rng.randint(1, 3)
    elif r < 0.85:
        # Small boundary-ish values: empty/single cases and halving.
        new = rng.choice((0, 1, 2, value // 2)) if non_negative else rng.choice((-1, 0, value // 2))
    else:
        new = rng.choice(pool)  # another value of this input: likely within the constraints
    if non_negative:
        new = max(0, new)
    if new == value:
        new = value + 1
    return format_int(new, tok)


def _mutate_float(tok: bytes, rng: random.Random) -> bytes:
    m = FLOAT_RE.fullmatch(tok)
    assert m is not None
    sign, places = m.group(1), len(m.group(3))
    value = float(tok)
    unit = 10.0**-places
    r = rng.random()
    if r < 0.4:
        new = value + unit * rng.choice((-3, -2, -1, 1, 2, 3))
    elif r < 0.85:
        new = value * rng.uniform(0.5, 1.5) + unit * rng.randint(-5, 5)
    else:
        new = rng.choice((0.0, 1.0))
    if sign != b"-":
        new = max(0.0, new)
    text = f"{new:.{places}f}"
    if text == f"{value:.{places}f}":
        text = f"{value + unit:.{places}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    if sign == b"+" and not text.startswith("-"):
        text = "+" + text
    return text.encode()


def _mutate_word(tok: bytes, rng: random.Random, shape: InputShape) -> bytes:
    if tok in shape.keywords:
        return rng.choice([w for w in shape.keywords if w != tok])
    chars = bytearray(tok)
    changeable = [i for i, c in enumerate(chars) if char_class(c) != "fixed"]
    if not changeable:
        return tok
    picks = [i for i in changeable if rng.random() < 1 / len(changeable)] or [
        rng.choice(changeable)
    ]
    for i in picks:
        cls = char_class(chars[i])
        seen = shape.alphabets.get(cls, b"")
        full = CLASS_CHARS.get(cls, b"")
        # Mostly reuse this input's own characters (a grid of '#' and '.' stays one).
        alphabet = seen if len(seen) > 1 and (rng.random() < 0.8 or not full) else full
        options = [c for c in alphabet if c != chars[i]]
        if options:
            chars[i] = rng.choice(options)
    return bytes(chars)


def _perturb_tokens(
    shape: InputShape, lines: list[list[bytes]], rng: random.Random, bounds: list[int],
    spans: dict[Pos, Span],
) -> None:
    if not shape.mutable:
        return
    if rng.random() < 0.4:
        chosen = [rng.choice(shape.mutable)]  # a single small change: the nearest neighbour
    else:
        rate = rng.choice((0.05, 0.2, 0.5))
        chosen = [p for p in shape.mutable if rng.random() < rate] or [rng.choice(shape.mutable)]
    floats = set(shape.floats)
    for li, pi in chosen:
        tok = lines[li][pi]
        if (li, pi) in shape.ints:
            lines[li][pi] = _mutate_int(tok, rng, shape.int_pool, bounds,
                                        spans.get((li, pi), (None, None)))
        elif (li, pi) in floats:
            lines[li][pi] = _mutate_float(tok, rng)
        else:
            lines[li][pi] = _mutate_word(tok, rng, shape)


def _cut_block_to_one(block: Block, lines: list[list[bytes]]) -> None:
    if block.kind == "lines":
        del lines[block.first + 1 : block.first + block.count]
    else:
        pieces = lines[block.line]
        items = token_indices(pieces)[block.first : block.first + block.count]
        # Keep the first item; drop the others with the whitespace before each.
        del pieces[items[0] + 1 : items[-1] + 1]
    li, pi = block.count_pos
    lines[li][pi] = format_int(1, lines[li][pi])


def _stress_tokens(
    shape: InputShape, lines: list[list[bytes]], rng: random.Random, bounds: list[int],
    spans: dict[Pos, Span],
) -> None:
    """Every mutable integer at once near a bound of the statement (its sign kept), or near the
    top of its own range where the statement gives one: the all-maximal input on which sums
    overflow, which single-token changes rarely build."""
    bound = rng.choice(bounds)
    for li, pi in shape.mutable:
        if (li, pi) not in shape.ints:
            continue
        low, high = spans.get((li, pi), (None, None))
        if high is not None:
            top = high - rng.randint(0, max(1, (high - (low or 0)) // 100))
            lines[li][pi] = format_int(max(top, low) if low is not None else top, lines[li][pi])
            continue
        value = int(lines[li][pi])
        near = rng.choice((bound, bound - 1, bound - rng.randint(0, max(1, bound // 100))))
        lines[li][pi] = format_int(-near if value < 0 else near, lines[li][pi])


def _resize_block(block: Block, lines: list[list[bytes]], rng: random.Random) -> None:
    """Duplicate or drop one item of `block` and rewrite its count to match; now and then cut
    the block down to its first item (n = 1, the smallest case, where many programs break)."""
    if block.count > 2 and rng.random() < 0.25:
        _cut_block_to_one(block, lines)
        return
    grow = block.count < 2 or rng.random() < 0.5
    j = rng.randrange(block.count)
    if block.kind == "lines":
        at = block.first + j
        if grow:
            lines.insert(at + 1, list(lines[at]))
        else:
            del lines[at]
    else:
        pieces = lines[block.line]
        t = token_indices(pieces)[block.first + j]
        if grow:
            sep = pieces[t + 1] if t + 1 < len(pieces) and is_space(pieces[t + 1]) else b" "
            pieces[t + 1 : t + 1] = [sep, pieces[t]]
        elif t + 1 < len(pieces) and is_space(pieces[t + 1]):
            del pieces[t : t + 2]
        elif t > 0 and is_space(pieces[t - 1]):
            del pieces[t - 1 : t + 1]
        else:
            del pieces[t]
    # The count sits before the block, so its position is unaffected by the edit.
    li, pi = block.count_pos
    lines[li][pi] = format_int(block.count + (1 if grow else -1), lines[li][pi])


def mutate_inputs(
    examples: list[bytes],
    count: int,
    seed: int = 0,
    max_bytes: int = 1_000_000,
    bounds: Sequence[int] = (),
    constraints: InputConstraints | None = None,
) -> list[bytes]:
    """Up to `count` new inputs made by format-preserving mutation of the example inputs.

    Whitespace layout and token shapes are kept: integers get small deltas or small/other
    values of the same input (never turning negative when they were not), floats keep their
    decimal places, words keep each character's class (and repeated keywords are swapped for
    one another). Sometimes an item of a counted block ("n" then n lines or n items) is
    duplicated or dropped and the count rewritten. Deterministic for a seed; no duplicates,
    no copies of an example, none longer than max_bytes. May return fewer when the examples
    leave little to vary.

    constraints: the statement's ranges (solver.selection.constraints); integers of a variable
        with a known range stay in it and reach its ends. Counts may still leave theirs (a
        block cut to one item): the caller drops what constraints.check rejects.
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)
    spans: dict[int, dict[Pos, Span]] = {}

    def vary(shape: InputShape) -> list[list[bytes]] | None:
        if not shape.mutable and not shape.blocks:
            return None
        if id(shape) not in spans:
            spans[id(shape)] = constraints.spans(shape) if constraints else {}
        own = spans[id(shape)]
        lines = [list(line) for line in shape.lines]
        resize = bool(shape.blocks) and (not shape.mutable or rng.random() < 0.25)
        if (bounds or own) and shape.ints and rng.random() < 0.2:
            _stress_tokens(shape, lines, rng, list(bounds) or [1], own)
        elif not resize or rng.random() < 0.5:
            _perturb_tokens(shape, lines, rng, list(bounds), own)
        if resize:
            # Token edits keep every line's token count, so the block positions still hold.
            _resize_block(rng.choice(shape.blocks), lines, rng)
        return lines

    return _distinct_variants(examples, count, vary, attempts=count * 20 + 50,
                              max_bytes=max_bytes)


def restricted_inputs(
    examples: list[bytes], count: int, seed: int = 0, max_bytes: int = 1_000_000
) -> list[bytes]:
    """Up to `count` inputs that take something away from an example, where mutation rarely
    goes: every copy of one letter replaced by another letter of the input (a word without
    some letter), the numbers of a line made all equal, or sorted up or down. A program whose
    mistake shows only on such a case (a word lacking the vowel it looks for, a greedy that
    needs an order) is told apart by these. Counts of counted blocks are left alone, so the
    format holds. Deterministic for a seed; no duplicates, no copies of an example.
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)
    turns: dict[int, int] = {}

    def vary(shape: InputShape) -> list[list[bytes]]:
        lines = [list(line) for line in shape.lines]
        turn = turns[id(shape)] = turns.get(id(shape), -1) + 1
        if rng.random() < 0.5:
            _drop_a_letter(shape, lines, rng, turn)
        else:
            _order_a_line(shape, lines, rng)
        if lines == shape.lines:  # nothing of that kind here: try the other
            _drop_a_letter(shape, lines, rng, turn)
        return lines

    return _distinct_variants(examples, count, vary, attempts=count * 20 + 20,
                              max_bytes=max_bytes)


def _distinct_variants(
    examples: list[bytes],
    count: int,
    vary: Callable[[InputShape], list[list[bytes]] | None],
    *,
    attempts: int,
    max_bytes: int,
) -> list[bytes]:
    """Up to `count` new inputs from vary(shape), the examples taken in turn, for at most
    `attempts` tries: no duplicates, no copies of an example, none over max_bytes (vary returns
    None to pass an example by)."""
    shapes = [analyse_input(example) for example in examples]
    seen = set(examples)
    out: list[bytes] = []
    for attempt in range(attempts):
        if len(out) >= count:
            break
        lines = vary(shapes[attempt % len(shapes)])
        if lines is None:
            continue
        data = render(lines)
        if data in seen or len(data) > max_bytes:
            continue
        seen.add(data)
        out.append(data)
    return out


def _drop_a_letter(shape: InputShape, lines: list[list[bytes]], rng: random.Random,
                   turn: int = 0) -> None:
    """Every copy of one letter in the input's words becomes another letter of its class. The
    letters are taken most frequent first, one per turn: the word without its commonest letter
    is the case mutation, changing a letter here and there, never reaches."""
    words = [pos for pos in shape.words if lines[pos[0]][pos[1]] not in shape.keywords]
    counts: dict[int, int] = {}
    for li, pi in words:
        for c in lines[li][pi]:
            if char_class(c) in ("lower", "upper"):
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return
    letters = sorted(counts, key=lambda c: (-counts[c], c))
    gone = letters[turn % len(letters)]
    cls = char_class(gone)
    own = [c for c in shape.alphabets.get(cls, b"") if c != gone]
    instead = rng.choice(own or [c for c in CLASS_CHARS[cls] if c != gone])
    for li, pi in words:
        lines[li][pi] = lines[li][pi].replace(bytes([gone]), bytes([instead]))


def _order_a_line(shape: InputShape, lines: list[list[bytes]], rng: random.Random) -> None:
    """The numbers of one line (counts left alone) all equal, or sorted up or down."""
    counts = {block.count_pos for block in shape.blocks}
    by_line: dict[int, list[Pos]] = {}
    for pos in shape.ints:
        if pos not in counts:
            by_line.setdefault(pos[0], []).append(pos)
    candidates = [sorted(positions) for positions in by_line.values() if len(positions) > 1]
    if not candidates:
        return
    positions = rng.choice(candidates)
    values = [lines[li][pi] for li, pi in positions]
    how = rng.choice(("equal", "up", "down"))
    if how == "equal":
        values = [rng.choice(values)] * len(values)
    else:
        values = sorted(values, key=int, reverse=how == "down")
    for (li, pi), value in zip(positions, values, strict=True):
        lines[li][pi] = value
