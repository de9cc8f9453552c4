"""The shape of an input, read from its bytes: lines of tokens and whitespace, which tokens are
integers, floats or words, and which integer counts a block of lines or items after it. Mutation
edits inputs through this shape, and the statement's constraints are matched to its tokens.
Pure: best-effort reading, nothing runs here."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

# Pieces of one line: whitespace runs and tokens alternate, so joining them restores the line.
PIECE_RE = re.compile(rb"[ \t\v\f\r]+|[^ \t\v\f\r]+")
INT_RE = re.compile(rb"([+-]?)(\d+)")
FLOAT_RE = re.compile(rb"([+-]?)(\d+)\.(\d+)")
_MAX_COUNT_LINE_TOKENS = 3  # a line holding a count ("n", "n m", "n m k") is short
CLASS_CHARS = {
    "lower": string.ascii_lowercase.encode(),
    "upper": string.ascii_uppercase.encode(),
    "digit": string.digits.encode(),
}

Pos = tuple[int, int]  # (line index, piece index)


def is_space(piece: bytes) -> bool:
    return piece[:1].isspace()


def char_class(c: int) -> str:
    if 97 <= c <= 122:
        return "lower"
    if 65 <= c <= 90:
        return "upper"
    if 48 <= c <= 57:
        return "digit"
    # Non-ASCII bytes are left alone: swapping them could break UTF-8 sequences.
    return "other" if c < 128 else "fixed"


@dataclass
class Block:
    """A repeated structure whose length is written in a count token (best-effort detection)."""

    count_pos: Pos
    count: int
    kind: str  # "lines": lines[first : first + count]; "tokens": tokens of line `line`
    line: int = 0  # "tokens": the line holding the items
    first: int = 0  # "lines": first line of the block; "tokens": index of the first item token


@dataclass
class InputShape:
    """What mutation needs to know about one example, computed once."""

    lines: list[list[bytes]]
    ints: dict[Pos, int]
    floats: list[Pos]
    words: list[Pos]
    blocks: list[Block]
    int_pool: list[int]
    keywords: list[bytes]  # letter words seen more than once ("add", "L"): swapped, not spelled
    alphabets: dict[str, bytes]
    mutable: list[Pos] = field(default_factory=list)


def token_indices(line: list[bytes]) -> list[int]:
    return [i for i, p in enumerate(line) if not is_space(p)]


def token_kind(tok: bytes) -> str:
    return "i" if INT_RE.fullmatch(tok) else "f" if FLOAT_RE.fullmatch(tok) else "w"


def _find_blocks(lines: list[list[bytes]], ints: dict[Pos, int]) -> list[Block]:
    toks = [token_indices(line) for line in lines]
    counts = [len(t) for t in toks]
    # Token kinds per line: block lines must look alike ("0.5 1.5" and "hello world" do not).
    kinds = ["".join(token_kind(line[pi]) for pi in t) for line, t in zip(lines, toks, strict=True)]
    last = max((i for i, c in enumerate(counts) if c), default=-1)
    blocks: list[Block] = []
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
        # A count larger than the lines left cannot count lines (and slicing for it on every
        # line of a large input would be quadratic).
        block = kinds[i + 1 : i + 1 + k] if short and k <= len(kinds) - i - 1 else []
        if short and len(block) == k and block[0] and len(set(block)) == 1:
            after = i + 1 + k
            if after > last or kinds[after] != block[0]:
                blocks.append(Block(pos, k, "lines", first=i + 1))
                if len(block[0]) == 1:
                    items.update(range(i + 1, after))
        # "k" then a line of k items.
        if len(line_toks) == 1 and i + 1 < len(lines) and counts[i + 1] == k:
            blocks.append(Block(pos, k, "tokens", line=i + 1, first=0))
        # "k a1 ... ak" on one line (k >= 2: "1 5" is more likely just two numbers).
        if k >= 2 and len(line_toks) == k + 1:
            blocks.append(Block(pos, k, "tokens", line=i, first=1))
    return blocks


def analyse_input(example: bytes) -> InputShape:
    lines = [PIECE_RE.findall(line) for line in example.split(b"\n")]
    ints: dict[Pos, int] = {}
    floats: list[Pos] = []
    words: list[Pos] = []
    word_counts: dict[bytes, int] = {}
    for li, line in enumerate(lines):
        for pi in token_indices(line):
            tok = line[pi]
            if INT_RE.fullmatch(tok):
                ints[(li, pi)] = int(tok)
            elif FLOAT_RE.fullmatch(tok):
                floats.append((li, pi))
            else:
                words.append((li, pi))
                word_counts[tok] = word_counts.get(tok, 0) + 1
    keywords = sorted(w for w, n in word_counts.items() if n > 1 and w.isalpha())
    seen: dict[str, set[int]] = {}
    for li, pi in words:
        if lines[li][pi] not in keywords:
            for c in lines[li][pi]:
                seen.setdefault(char_class(c), set()).add(c)
    shape = InputShape(
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
        widths = {len(token_indices(rows[0]))} - {1}
        if all(len(token_indices(row)) == 1 for row in rows):
            widths |= {len(b"".join(p for p in row if not is_space(p))) for row in rows}
        if len(widths) > 1 and len(token_indices(rows[0])) == 1:
            widths = set()  # ragged rows: no single width to protect
        for pi in token_indices(lines[b.count_pos[0]]):
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


def format_int(value: int, like: bytes) -> bytes:
    m = INT_RE.fullmatch(like)
    assert m is not None
    sign, digits = m.group(1), m.group(2)
    text = str(abs(value))
    if len(digits) > 1 and digits.startswith(b"0"):
        text = text.zfill(len(digits))  # fixed-width fields such as "007" keep their width
    prefix = "-" if value < 0 else ("+" if sign == b"+" else "")
    return (prefix + text).encode()


def looks_like_sizes(shape: InputShape) -> set[Pos]:
    """Integers that may size something later (a line's token count, the lines left, a word's
    length): left alone unless known as a count, since changing one alone breaks the input."""
    words = set(shape.words)
    ints_by_line: dict[int, list[tuple[Pos, int]]] = {}
    for pos, value in shape.ints.items():
        ints_by_line.setdefault(pos[0], []).append((pos, value))
    later_sizes: set[int] = set()
    sizes = set()
    for li in range(len(shape.lines) - 1, -1, -1):
        here = later_sizes | {len(shape.lines) - li - 1}
        sizes.update(pos for pos, value in ints_by_line.get(li, ()) if value in here)
        tokens = token_indices(shape.lines[li])
        later_sizes.add(len(tokens))
        later_sizes.update(len(shape.lines[li][t]) for t in tokens if (li, t) in words)
    return sizes


def render(lines: list[list[bytes]]) -> bytes:
    """An input's bytes from its lines of pieces (the inverse of analyse_input's split)."""
    return b"\n".join(b"".join(line) for line in lines)
