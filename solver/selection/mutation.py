"""Input mutation: new inputs made from the example inputs, keeping their format (token shapes,
counted blocks), sometimes pushed to the bounds the statement names. Pure: nothing runs here."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Pieces of one line: whitespace runs and tokens alternate, so joining them restores the line.
_PIECE_RE = re.compile(rb"[ \t\v\f\r]+|[^ \t\v\f\r]+")
_INT_RE = re.compile(rb"([+-]?)(\d+)")
_FLOAT_RE = re.compile(rb"([+-]?)(\d+)\.(\d+)")
_MAX_COUNT_LINE_TOKENS = 3  # a line holding a count ("n", "n m", "n m k") is short
_CLASS_CHARS = {
    "lower": string.ascii_lowercase.encode(),
    "upper": string.ascii_uppercase.encode(),
    "digit": string.digits.encode(),
}

Pos = tuple[int, int]  # (line index, piece index)


# --- input mutation -----------------------------------------------------------------------------


def _is_space(piece: bytes) -> bool:
    return piece[:1].isspace()


def _char_class(c: int) -> str:
    if 97 <= c <= 122:
        return "lower"
    if 65 <= c <= 90:
        return "upper"
    if 48 <= c <= 57:
        return "digit"
    # Non-ASCII bytes are left alone: swapping them could break UTF-8 sequences.
    return "other" if c < 128 else "fixed"


@dataclass
class _Block:
    """A repeated structure whose length is written in a count token (best-effort detection)."""

    count_pos: Pos
    count: int
    kind: str  # "lines": lines[first : first + count]; "tokens": tokens of line `line`
    line: int = 0  # "tokens": the line holding the items
    first: int = 0  # "lines": first line of the block; "tokens": index of the first item token


@dataclass
class _Shape:
    """What mutation needs to know about one example, computed once."""

    lines: list[list[bytes]]
    ints: dict[Pos, int]
    floats: list[Pos]
    words: list[Pos]
    blocks: list[_Block]
    int_pool: list[int]
    keywords: list[bytes]  # letter words seen more than once ("add", "L"): swapped, not spelled
    alphabets: dict[str, bytes]
    mutable: list[Pos] = field(default_factory=list)


def _token_indices(line: list[bytes]) -> list[int]:
    return [i for i, p in enumerate(line) if not _is_space(p)]


def _kind(tok: bytes) -> str:
    return "i" if _INT_RE.fullmatch(tok) else "f" if _FLOAT_RE.fullmatch(tok) else "w"


def _find_blocks(lines: list[list[bytes]], ints: dict[Pos, int]) -> list[_Block]:
    toks = [_token_indices(line) for line in lines]
    counts = [len(t) for t in toks]
    # Token kinds per line: block lines must look alike ("0.5 1.5" and "hello world" do not).
    kinds = ["".join(_kind(line[pi]) for pi in t) for line, t in zip(lines, toks, strict=True)]
    last = max((i for i, c in enumerate(counts) if c), default=-1)
    blocks: list[_Block] = []
    items: set[int] = set()  # lines that are items of a block of one-token lines
    for i, line_toks in enumerate(toks):
        if not line_toks or i in items:
            # A number among one-number items ("4\n0\n2\n104\n117") is an item, not a count.
            continue
        pos = (i, line_toks[0])
        k = ints.get(pos)
        if k is None or k < 1:
            continue
        short = len(line_toks) <= _MAX_COUNT_LINE_TOKENS
        # A count of 1 is weak evidence unless it stands alone ("1 5" is usually two numbers).
        if k == 1 and len(line_toks) > 1:
            continue
        # "k" then k lines of the same token count, then a line that looks different (or EOF).
        block = kinds[i + 1 : i + 1 + k]
        if short and len(block) == k and block[0] and len(set(block)) == 1:
            after = i + 1 + k
            if after > last or kinds[after] != block[0]:
                blocks.append(_Block(pos, k, "lines", first=i + 1))
                if len(block[0]) == 1:
                    items.update(range(i + 1, after))
        # "k" then a line of k items.
        if len(line_toks) == 1 and i + 1 < len(lines) and counts[i + 1] == k:
            blocks.append(_Block(pos, k, "tokens", line=i + 1, first=0))
        # "k a1 ... ak" on one line (k >= 2: "1 5" is more likely just two numbers).
        if k >= 2 and len(line_toks) == k + 1:
            blocks.append(_Block(pos, k, "tokens", line=i, first=1))
    return blocks


def _analyse(example: bytes) -> _Shape:
    lines = [_PIECE_RE.findall(line) for line in example.split(b"\n")]
    ints: dict[Pos, int] = {}
    floats: list[Pos] = []
    words: list[Pos] = []
    word_counts: dict[bytes, int] = {}
    for li, line in enumerate(lines):
        for pi in _token_indices(line):
            tok = line[pi]
            if _INT_RE.fullmatch(tok):
                ints[(li, pi)] = int(tok)
            elif _FLOAT_RE.fullmatch(tok):
                floats.append((li, pi))
            else:
                words.append((li, pi))
                word_counts[tok] = word_counts.get(tok, 0) + 1
    keywords = sorted(w for w, n in word_counts.items() if n > 1 and w.isalpha())
    seen: dict[str, set[int]] = {}
    for li, pi in words:
        if lines[li][pi] not in keywords:
            for c in lines[li][pi]:
                seen.setdefault(_char_class(c), set()).add(c)
    shape = _Shape(
        lines=lines,
        ints=ints,
        floats=floats,
        words=words,
        blocks=_find_blocks(lines, ints),
        int_pool=sorted(set(ints.values())),
        keywords=keywords,
        alphabets={cls: bytes(sorted(chars)) for cls, chars in seen.items()},
    )
    protected = {b.count_pos for b in shape.blocks}
    for b in shape.blocks:
        if b.kind != "lines":
            continue
        # "n m" then n lines of m items, or n rows of m characters: m is a count too.
        rows = [lines[li] for li in range(b.first, b.first + b.count)]
        widths = {len(_token_indices(rows[0]))} - {1}
        if all(len(_token_indices(row)) == 1 for row in rows):
            widths |= {len(b"".join(p for p in row if not _is_space(p))) for row in rows}
        if len(widths) > 1 and len(_token_indices(rows[0])) == 1:
            widths = set()  # ragged rows: no single width to protect
        for pi in _token_indices(lines[b.count_pos[0]]):
            if ints.get((b.count_pos[0], pi)) in widths:
                protected.add((b.count_pos[0], pi))
    lone_keyword = len(keywords) < 2
    shape.mutable = (
        [p for p in ints if p not in protected]
        + floats
        + [p for p in words if not (lone_keyword and lines[p[0]][p[1]] in keywords)]
    )
    shape.mutable.sort()
    return shape


def _format_int(value: int, like: bytes) -> bytes:
    m = _INT_RE.fullmatch(like)
    assert m is not None
    sign, digits = m.group(1), m.group(2)
    text = str(abs(value))
    if len(digits) > 1 and digits.startswith(b"0"):
        text = text.zfill(len(digits))  # fixed-width fields such as "007" keep their width
    prefix = "-" if value < 0 else ("+" if sign == b"+" else "")
    return (prefix + text).encode()


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


def _mutate_int(tok: bytes, rng: random.Random, pool: list[int], bounds: list[int]) -> bytes:
    value = int(tok)
    non_negative = value >= 0
    r = rng.random()
    if bounds and r < 0.15:
        # A bound of the statement, at or just under it; negative where the value was.
        bound = rng.choice([b for b in bounds if b >= abs(value)] or bounds)
        new = rng.choice((bound, bound - 1, rng.randint(bound // 2, bound)))
        new = new if non_negative or rng.random() < 0.5 else -new
        return _format_int(new, tok)
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
    return _format_int(new, tok)


def _mutate_float(tok: bytes, rng: random.Random) -> bytes:
    m = _FLOAT_RE.fullmatch(tok)
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


def _mutate_word(tok: bytes, rng: random.Random, shape: _Shape) -> bytes:
    if tok in shape.keywords:
        return rng.choice([w for w in shape.keywords if w != tok])
    chars = bytearray(tok)
    changeable = [i for i, c in enumerate(chars) if _char_class(c) != "fixed"]
    if not changeable:
        return tok
    picks = [i for i in changeable if rng.random() < 1 / len(changeable)] or [
        rng.choice(changeable)
    ]
    for i in picks:
        cls = _char_class(chars[i])
        seen = shape.alphabets.get(cls, b"")
        full = _CLASS_CHARS.get(cls, b"")
        # Mostly reuse this input's own characters (a grid of '#' and '.' stays one).
        alphabet = seen if len(seen) > 1 and (rng.random() < 0.8 or not full) else full
        options = [c for c in alphabet if c != chars[i]]
        if options:
            chars[i] = rng.choice(options)
    return bytes(chars)


def _perturb_tokens(
    shape: _Shape, lines: list[list[bytes]], rng: random.Random, bounds: list[int]
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
            lines[li][pi] = _mutate_int(tok, rng, shape.int_pool, bounds)
        elif (li, pi) in floats:
            lines[li][pi] = _mutate_float(tok, rng)
        else:
            lines[li][pi] = _mutate_word(tok, rng, shape)


def _cut_block_to_one(block: _Block, lines: list[list[bytes]]) -> None:
    if block.kind == "lines":
        del lines[block.first + 1 : block.first + block.count]
    else:
        pieces = lines[block.line]
        items = _token_indices(pieces)[block.first : block.first + block.count]
        # Keep the first item; drop the others with the whitespace before each.
        del pieces[items[0] + 1 : items[-1] + 1]
    li, pi = block.count_pos
    lines[li][pi] = _format_int(1, lines[li][pi])


def _stress_tokens(
    shape: _Shape, lines: list[list[bytes]], rng: random.Random, bounds: list[int]
) -> None:
    """Every mutable integer at once near a bound of the statement (its sign kept): the
    all-maximal input on which sums overflow, which single-token changes rarely build."""
    bound = rng.choice(bounds)
    for li, pi in shape.mutable:
        if (li, pi) not in shape.ints:
            continue
        value = int(lines[li][pi])
        near = rng.choice((bound, bound - 1, bound - rng.randint(0, max(1, bound // 100))))
        lines[li][pi] = _format_int(-near if value < 0 else near, lines[li][pi])


def _resize_block(block: _Block, lines: list[list[bytes]], rng: random.Random) -> None:
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
        t = _token_indices(pieces)[block.first + j]
        if grow:
            sep = pieces[t + 1] if t + 1 < len(pieces) and _is_space(pieces[t + 1]) else b" "
            pieces[t + 1 : t + 1] = [sep, pieces[t]]
        elif t + 1 < len(pieces) and _is_space(pieces[t + 1]):
            del pieces[t : t + 2]
        elif t > 0 and _is_space(pieces[t - 1]):
            del pieces[t - 1 : t + 1]
        else:
            del pieces[t]
    # The count sits before the block, so its position is unaffected by the edit.
    li, pi = block.count_pos
    lines[li][pi] = _format_int(block.count + (1 if grow else -1), lines[li][pi])


def mutate_inputs(
    examples: list[bytes],
    count: int,
    seed: int = 0,
    max_bytes: int = 1_000_000,
    bounds: Sequence[int] = (),
) -> list[bytes]:
    """Up to `count` new inputs made by format-preserving mutation of the example inputs.

    Whitespace layout and token shapes are kept: integers get small deltas or small/other
    values of the same input (never turning negative when they were not), floats keep their
    decimal places, words keep each character's class (and repeated keywords are swapped for
    one another). Sometimes an item of a counted block ("n" then n lines or n items) is
    duplicated or dropped and the count rewritten. Deterministic for a seed; no duplicates,
    no copies of an example, none longer than max_bytes. May return fewer when the examples
    leave little to vary.
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)

    def vary(shape: _Shape) -> list[list[bytes]] | None:
        if not shape.mutable and not shape.blocks:
            return None
        lines = [list(line) for line in shape.lines]
        resize = bool(shape.blocks) and (not shape.mutable or rng.random() < 0.25)
        if bounds and shape.ints and rng.random() < 0.2:
            _stress_tokens(shape, lines, rng, list(bounds))
        elif not resize or rng.random() < 0.5:
            _perturb_tokens(shape, lines, rng, list(bounds))
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

    def vary(shape: _Shape) -> list[list[bytes]]:
        lines = [list(line) for line in shape.lines]
        if rng.random() < 0.5:
            _drop_a_letter(shape, lines, rng)
        else:
            _order_a_line(shape, lines, rng)
        return lines

    return _distinct_variants(examples, count, vary, attempts=count * 20 + 20,
                              max_bytes=max_bytes)


def _distinct_variants(
    examples: list[bytes],
    count: int,
    vary: Callable[[_Shape], list[list[bytes]] | None],
    *,
    attempts: int,
    max_bytes: int,
) -> list[bytes]:
    """Up to `count` new inputs from vary(shape), the examples taken in turn, for at most
    `attempts` tries: no duplicates, no copies of an example, none over max_bytes (vary returns
    None to pass an example by)."""
    shapes = [_analyse(example) for example in examples]
    seen = set(examples)
    out: list[bytes] = []
    for attempt in range(attempts):
        if len(out) >= count:
            break
        lines = vary(shapes[attempt % len(shapes)])
        if lines is None:
            continue
        data = b"\n".join(b"".join(line) for line in lines)
        if data in seen or len(data) > max_bytes:
            continue
        seen.add(data)
        out.append(data)
    return out


def _drop_a_letter(shape: _Shape, lines: list[list[bytes]], rng: random.Random) -> None:
    """Every copy of one letter in the input's words becomes another letter of its class."""
    words = [pos for pos in shape.words if lines[pos[0]][pos[1]] not in shape.keywords]
    letters = sorted({c for li, pi in words for c in lines[li][pi]
                      if _char_class(c) in ("lower", "upper")})
    if not letters:
        return
    gone = rng.choice(letters)
    cls = _char_class(gone)
    own = [c for c in shape.alphabets.get(cls, b"") if c != gone]
    instead = rng.choice(own or [c for c in _CLASS_CHARS[cls] if c != gone])
    for li, pi in words:
        lines[li][pi] = lines[li][pi].replace(bytes([gone]), bytes([instead]))


def _order_a_line(shape: _Shape, lines: list[list[bytes]], rng: random.Random) -> None:
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
