"""Inputs at the statement's maximum sizes: every counted block of an example grown to its count's
upper bound (as far as a byte budget allows), every integer of a known range drawn in it, near
its top or anywhere. Where a slow program looks fast on small inputs and an overflow hides, these
tell them apart; the examples and mutation almost never get there. Pure: nothing runs here.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from solver.selection.constraints import InputConstraints, draw_in
from solver.selection.shape import (
    INT_RE,
    Block,
    InputShape,
    Pos,
    analyse_input,
    format_int,
    looks_like_sizes,
    render,
    token_indices,
)


def largest_inputs(
    examples: Sequence[bytes],
    constraints: InputConstraints,
    count: int,
    *,
    seed: int = 0,
    max_bytes: int = 4_000_000,
) -> list[bytes]:
    """Up to `count` inputs, the examples taken in turn, every other one with values near the
    top of their ranges (overflow) rather than anywhere in them (a typical large case).

    Only blocks whose count is a variable with a known upper bound grow, and only blocks that
    hold no other block (nested sizes have sums the statement may bound elsewhere). Sorted or
    distinct values where the input section asks for them. No duplicates, no copies of an
    example; an example with nothing to grow and no known range gives nothing.
    seed: the draws; max_bytes: a grown input is cut (fewer items) to stay under this.
    """
    if count <= 0 or not examples:
        return []
    rng = random.Random(seed)
    shapes = [analyse_input(example) for example in examples]
    seen = set(examples)
    out: list[bytes] = []
    for attempt in range(count * 3):
        if len(out) >= count:
            break
        data = _grown(shapes[attempt % len(shapes)], constraints, rng, near_top=attempt % 2 == 0,
                      max_bytes=max_bytes)
        if data is not None and data not in seen and len(data) <= max_bytes:
            seen.add(data)
            out.append(data)
    return out


def _grown(shape: InputShape, constraints: InputConstraints, rng: random.Random, *,
           near_top: bool, max_bytes: int) -> bytes | None:
    named = constraints.names(shape)
    if not any(name in constraints.trusted for name in named.values()):
        return None
    lines = [list(line) for line in shape.lines]
    scalars = constraints.scalars(shape, named)
    blocks = _growable(shape.blocks + _inferred_blocks(shape, named, constraints), named,
                       constraints, shape.lines)
    counts = {b.count_pos for b in blocks}
    words = _tied_words(shape, named)
    sizes = looks_like_sizes(shape) - counts - set(words)
    # Scalars first, in reading order, so a bound such as "K <= N" sees N's new value.
    for pos in sorted(named):
        name = named[pos]
        if constraints.variables[name].array or pos not in shape.ints or pos in sizes:
            continue
        if pos in counts:
            value = constraints.integer_range(name, scalars)[1]  # the largest size itself
        else:
            value = constraints.draw(name, scalars, rng, near_top=near_top)
        if value is not None:
            lines[pos[0]][pos[1]] = format_int(value, lines[pos[0]][pos[1]])
            scalars[name] = value
            for li, pi in words.get(pos, ()):
                # A word as long as this count ("a string of length n") grows with it.
                own = lines[li][pi]
                lines[li][pi] = bytes(rng.choice(own) for _ in range(min(value, max_bytes)))
    fixed = len(render(lines))
    budget = max(0, max_bytes - fixed) // max(1, len(blocks))
    # Later blocks first: growing one moves the lines after it, never the ones before.
    for block in sorted(blocks, key=lambda b: b.first if b.kind == "lines" else b.line,
                        reverse=True):
        _grow_block(block, lines, named, constraints, scalars, rng, near_top=near_top,
                    budget=budget)
    return render(lines)


def _inferred_blocks(shape: InputShape, named: dict[Pos, str],
                     constraints: InputConstraints) -> list[Block]:
    """Blocks the shape could not see: a line holding only one array's items, as many as an
    earlier integer of a scalar variable says ("h w n" then a line of n items)."""
    found = []
    kinds = [[shape.lines[li][t][:1].isdigit() for t in token_indices(line)]
             for li, line in enumerate(shape.lines)]
    last = max((li for li, k in enumerate(kinds) if k), default=-1)
    for (li, pi), value in shape.ints.items():
        # "n k" then k lines alike up to the end or a line unlike them: k counts those lines.
        name = named.get((li, pi))
        if name is None or constraints.variables[name].array or value < 1:
            continue
        rows = kinds[li + 1:li + 1 + value]
        if len(rows) == value and rows[0] and all(r == rows[0] for r in rows) and (
                li + value >= last or kinds[li + value + 1] != rows[0]):
            found.append(Block((li, pi), value, "lines", first=li + 1))
    for li in range(1, len(shape.lines)):
        tokens = token_indices(shape.lines[li])
        names = {named.get((li, t)) for t in tokens}
        if len(tokens) < 2 or len(names) != 1:
            continue
        (name,) = names
        if name is None or not constraints.variables[name].array:
            continue
        for pos, value in shape.ints.items():
            if pos[0] < li and value == len(tokens) and pos in named \
                    and not constraints.variables[named[pos]].array:
                found.append(Block(pos, value, "tokens", line=li, first=0))
                break
    return found


def _tied_words(shape: InputShape, named: dict[Pos, str]) -> dict[Pos, list[Pos]]:
    """Words on later lines whose length is the value of a named integer before them."""
    tied: dict[Pos, list[Pos]] = {}
    for pos, value in shape.ints.items():
        if pos not in named or value < 2:
            continue
        same = [w for w in shape.words if w[0] > pos[0] and len(shape.lines[w[0]][w[1]]) == value]
        if same and len(same) == sum(1 for w in shape.words if w[0] > pos[0]):
            tied[pos] = same
    return tied


def _growable(blocks: list[Block], named: dict[Pos, str], constraints: InputConstraints,
              shape_lines: list[list[bytes]]) -> list[Block]:
    def span(b: Block) -> range:
        return range(b.first, b.first + b.count) if b.kind == "lines" else range(b.line,
                                                                                  b.line + 1)

    def inside(inner: Block, outer: Block) -> bool:
        return inner is not outer and inner.count_pos[0] in span(outer)

    def items_fit(b: Block) -> bool:
        # Items of one line are one array (or unnamed): else the "count" was a misreading.
        if b.kind == "lines":
            return True
        tokens = token_indices(shape_lines[b.line])[b.first:b.first + b.count]
        names = {named.get((b.line, t)) for t in tokens}
        return all(n is None or constraints.variables[n].array for n in names)

    def item_names(b: Block) -> set[str | None]:
        if b.kind == "tokens":
            tokens = token_indices(shape_lines[b.line])[b.first:b.first + b.count]
            return {named.get((b.line, t)) for t in tokens}
        return {named.get((li, t)) for li in range(b.first, b.first + b.count)
                for t in token_indices(shape_lines[li])}

    # A count named like its own items ("H" then "H") was an item read as a count.
    blocks = [b for b in blocks
              if named.get(b.count_pos) in constraints.trusted and items_fit(b)
              and named.get(b.count_pos) not in item_names(b)]
    unique: dict[tuple, Block] = {}
    for b in blocks:
        # One count per run of items: the shape's own reading first, then inferred ones.
        unique.setdefault((b.kind, b.line, b.first), b)
    blocks = list(unique.values())
    return [b for b in blocks
            if not any(inside(b, other) or inside(other, b) for other in blocks
                        if other.count_pos != b.count_pos)]


def _grow_block(block: Block, lines: list[list[bytes]], named: dict[Pos, str],
                constraints: InputConstraints, scalars: dict, rng: random.Random, *,
                near_top: bool, budget: int) -> None:
    li, pi = block.count_pos
    size = int(lines[li][pi])
    if block.kind == "lines":
        items = [lines[i] for i in range(block.first, block.first + block.count)]
        item_names = [{t: named.get((block.first + k, t)) for t in token_indices(row)}
                      for k, row in enumerate(items)]
    else:
        tokens = token_indices(lines[block.line])[block.first:block.first + block.count]
        items = [[lines[block.line][t]] for t in tokens]
        item_names = [{0: named.get((block.line, t))} for t in tokens]
    if not items:
        return
    per_item = max(1, sum(len(b"".join(row)) + 1 for row in items) // len(items))
    size = max(1, min(size, budget // per_item))
    lines[li][pi] = format_int(size, lines[li][pi])
    picks = [rng.randrange(len(items)) for _ in range(size)]
    rows = [list(items[k]) for k in picks]
    columns: dict[int, str] = {}
    # The items' ranges depend only on scalars set before: read once, not per item.
    spans = {name: constraints.integer_range(name, scalars)
             for names in item_names for name in names.values() if name is not None}
    for row, k in zip(rows, picks, strict=True):
        for t, name in item_names[k].items():
            if name is None or name not in constraints.trusted:
                continue
            value = draw_in(spans[name], rng, near_top=near_top)
            if value is not None and INT_RE.fullmatch(row[t]):
                row[t] = format_int(value, row[t])
                columns.setdefault(t, name)
    if constraints.increasing or constraints.distinct:
        _order_columns(rows, columns, constraints, scalars, rng)
    if block.kind == "lines":
        lines[block.first:block.first + block.count] = rows
    else:
        pieces = lines[block.line]
        start = token_indices(pieces)[block.first]
        end = token_indices(pieces)[block.first + block.count - 1]
        lines[block.line] = pieces[:start] + _joined([row[0] for row in rows]) + pieces[end + 1:]


def _order_columns(rows: list[list[bytes]], columns: dict[int, str],
                   constraints: InputConstraints, scalars: dict, rng: random.Random) -> None:
    """Make each ranged column sorted (and distinct where asked), drawn again if needed."""
    for t, name in columns.items():
        values = [int(row[t]) for row in rows]
        if constraints.distinct:
            lo, hi = constraints.integer_range(name, scalars)
            if lo is not None and hi is not None and hi - lo + 1 >= len(values):
                values = rng.sample(range(lo, hi + 1), len(values))
        if constraints.increasing:
            values.sort()
        for row, value in zip(rows, values, strict=True):
            row[t] = format_int(value, row[t])


def _joined(tokens: list[bytes]) -> list[bytes]:
    pieces: list[bytes] = []
    for i, token in enumerate(tokens):
        if i:
            pieces.append(b" ")
        pieces.append(token)
    return pieces
