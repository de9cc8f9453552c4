"""The statement's constraints on the input, matched to the input's tokens: which token is which
variable ("N", "c_i"), the range each must lie in ("1 <= N <= 10^4", "0 <= t_i < T"), and whether
an input keeps them. This is where validity is decided: an input that breaks a stated range can
tell programs apart on a case the judge never gives, so it is not used to cluster them.

Pure and best-effort. Variables are matched to tokens in the order the input section introduces
them. A variable is checked only when every example keeps its range under that matching (the
examples are valid by definition), so a misread statement costs checks, never examples.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from solver.problem.sections import input_section, output_span
from solver.selection.shape import (
    FLOAT_RE,
    INT_RE,
    InputShape,
    Pos,
    analyse_input,
    token_indices,
)

Number = int | float

_NAME = r"\|?(?<![A-Za-z0-9_\\])[A-Za-z](?:_[A-Za-z0-9]+)?(?![A-Za-z0-9(])\|?"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*"
_NUMBER = (r"-?\s*\d+(?:\.\d+)?(?:\s*\*\s*10\s*\^\s*\(?-?\d+\)?|\s*\^\s*\(?-?\d+\)?"
           r"|e-?\d+)?")
_EXPR = rf"(?:{_NUMBER}|{_NAME})(?:\s*[+-]\s*\d+(?![\d.^]))?"
_TERM = rf"(?:{_NAMES}|{_EXPR})"
_OP_RE = re.compile(r"\s*(<=|>=|<|>)\s*")
_LEFT_RE = re.compile(rf"({_TERM})$")
_RIGHT_RE = re.compile(rf"^({_TERM})")
_NAME_RE = re.compile(_NAME)
_LOOP_INDICES = {"i", "j"}
_ARTICLES = {"a", "A", "I"}  # English words too: placed by their first constraint instead


@dataclass(frozen=True)
class Limit:
    """One end of a range: a number, or another variable's value plus an offset."""

    value: Number | None = None
    name: str | None = None
    offset: int = 0
    strict: bool = False  # "<" rather than "<="


@dataclass
class Variable:
    name: str  # "N", "c" for c_i / c_1..c_N (an array), "x_1" (a scalar with a digit index)
    array: bool = False  # one name for many tokens (c_i)
    length: bool = False  # the range is on the length of a word: 1 <= |s| <= 100
    low: list[Limit] = field(default_factory=list)
    high: list[Limit] = field(default_factory=list)


@dataclass(frozen=True)
class InputCheck:
    """What one input's check found."""

    checked: int  # tokens whose range was checked (0: nothing could be said about this input)
    broken: tuple[str, ...] = ()  # the ranges broken, as "N=0 < 1"

    @property
    def valid(self) -> bool:
        return not self.broken


@dataclass
class InputConstraints:
    """Variables with ranges, in the order the input introduces them, and those the examples
    confirmed (`trusted`): only those are checked."""

    variables: dict[str, Variable] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    trusted: set[str] = field(default_factory=set)
    increasing: bool = False  # the input section says values come sorted ("increasing order")
    distinct: bool = False  # ... or distinct ("strictly increasing", "distinct")

    def names(self, shape: InputShape) -> dict[Pos, str]:
        """Which variable each token of this input is, as far as the order allows."""
        return _name_tokens(shape, [self.variables[n] for n in self.order])

    def check(self, data: bytes) -> InputCheck:
        """The trusted ranges this input keeps or breaks."""
        shape = analyse_input(data)
        named = self.names(shape)
        scalars = _scalar_values(shape, named, self.variables)
        checked, broken = 0, []
        ranges = {name: self.bounds(name, scalars) for name in set(named.values())}
        for pos, name in named.items():
            if name not in self.trusted:
                continue
            value = _token_value(shape.lines[pos[0]][pos[1]], self.variables[name])
            if value is None:
                continue
            checked += 1
            if (problem := _outside(name, value, *ranges[name])) is not None:
                broken.append(problem)
        return InputCheck(checked=checked, broken=tuple(broken))

    def spans(self, shape: InputShape) -> dict[Pos, tuple[int | None, int | None]]:
        """The integer range of each integer token of a trusted variable, other variables'
        values taken from this input."""
        named = self.names(shape)
        scalars = self.scalars(shape, named)
        return {pos: self.integer_range(name, scalars) for pos, name in named.items()
                if name in self.trusted and not self.variables[name].length
                and INT_RE.fullmatch(shape.lines[pos[0]][pos[1]])}

    def bounds(self, name: str, scalars: dict[str, Number]
               ) -> tuple[tuple[Number, bool] | None, tuple[Number, bool] | None]:
        """(low, high) of a variable with other variables' values filled in, each as (value,
        strict); the tightest where several are stated, None where none resolves."""
        variable = self.variables[name]
        lows = [r for r in (_resolve(limit, scalars) for limit in variable.low) if r is not None]
        highs = [r for r in (_resolve(limit, scalars) for limit in variable.high) if r is not None]
        return (max(lows) if lows else None), (min(highs, key=lambda r: (r[0], not r[1]))
                                               if highs else None)

    def integer_range(self, name: str, scalars: dict[str, Number]
                      ) -> tuple[int | None, int | None]:
        """The inclusive integer range of a trusted variable (None: unbounded or unknown)."""
        if name not in self.trusted:
            return None, None
        low, high = self.bounds(name, scalars)
        lo = None if low is None else _ceil(low[0]) + (1 if low[1] and low[0] == _ceil(low[0])
                                                       else 0)
        hi = None if high is None else _floor(high[0]) - (1 if high[1] and high[0] == _floor(
            high[0]) else 0)
        return lo, hi

    def draw(self, name: str, scalars: dict[str, Number], rng: random.Random, *,
             near_top: bool) -> int | None:
        """An integer in the variable's range: near its upper end, or anywhere in it."""
        return draw_in(self.integer_range(name, scalars), rng, near_top=near_top)

    def scalars(self, shape: InputShape, named: dict[Pos, str]) -> dict[str, Number]:
        return _scalar_values(shape, named, self.variables)


def draw_in(span: tuple[int | None, int | None], rng: random.Random, *, near_top: bool
            ) -> int | None:
    """An integer in an inclusive range: near its upper end (the top thousandth), or anywhere
    in it; None when either end is unknown."""
    lo, hi = span
    if lo is None or hi is None or lo > hi:
        return None
    if near_top:
        return rng.randint(max(lo, hi - max(1, (hi - lo) // 1000)), hi)
    return rng.randint(lo, hi)


def read_constraints(statement: str, examples: Sequence[bytes] = ()) -> InputConstraints:
    """The constraints a statement states, matched to tokens and confirmed on the examples."""
    text = _normalise(statement)
    arrays = set(re.findall(r"(?<![A-Za-z0-9_\\])([A-Za-z])_[A-Za-z]", text))
    variables: dict[str, Variable] = {}
    first_mention: dict[str, int] = {}
    for position, names, limits in _relations(_without_output(text)):
        for raw in names:
            name, is_array, is_length = _canonical(raw, arrays)
            if name in _LOOP_INDICES and arrays:
                continue  # "for 1 <= i <= N": an index, not a token
            variable = variables.setdefault(name, Variable(name, array=is_array,
                                                           length=is_length))
            for side, limit in limits:
                if limit.name is not None:
                    limit = Limit(name=_canonical(limit.name, arrays)[0], offset=limit.offset,
                                  strict=limit.strict)
                (variable.low if side == "low" else variable.high).append(limit)
            first_mention.setdefault(name, position)
    section = input_section(text)
    start = text.find(section)
    placed: dict[str, int] = {}
    for name in variables:
        if name in _ARTICLES:
            # "a" as a variable: after "integer(s)" or before "(", ",", "and", a relation.
            used = re.search(rf"(?:(?<=integer )|(?<=integers )|(?<=number )|(?<=numbers )"
                             rf"|(?<=, ))\b{name}\b|\b{name}(?=\s*(?:\(|,|and\b|<|>|=))",
                             section)
            at = used.start() if used else first_mention[name] - start
            if 0 <= at <= len(section):
                placed[name] = at
            continue
        base = name.split("_")[0] if variables[name].array else name
        pattern = (rf"(?<![A-Za-z0-9_\\]){re.escape(base)}(?:_[A-Za-z0-9]+)?(?![A-Za-z0-9(])"
                   if variables[name].array else
                   rf"(?<![A-Za-z0-9_\\]){re.escape(name)}(?![A-Za-z0-9_(])")
        found = re.search(pattern, section)
        if found:
            placed[name] = found.start()
    constraints = InputConstraints(
        variables=variables,
        order=sorted(placed, key=lambda n: placed[n]),
        increasing=bool(re.search(r"increasing|ascending|sorted", section, re.I)),
        distinct=bool(re.search(r"distinct|strictly increasing|different", section, re.I)),
    )
    constraints.trusted = _confirmed(constraints, examples)
    return constraints


# --- reading the statement ----------------------------------------------------------------------


def _normalise(statement: str) -> str:
    text = statement
    for pattern, repl in (
        (r"\\leq?slant|\\leq?(?![a-zA-Z])|≤|⩽|&le;", " <= "),
        (r"\\geq?slant|\\geq?(?![a-zA-Z])|≥|⩾|&ge;", " >= "),
        (r"\\lt(?![a-zA-Z])|&lt;", " < "), (r"\\gt(?![a-zA-Z])|&gt;", " > "),
        (r"\\cdot(?![a-zA-Z])|\\times(?![a-zA-Z])|\u00b7|\u00d7", " * "),
        (r"\\ldots|\\dots|\\cdots|…", "..."),
        (r"\\[,;!: ]|\{,\}|~|\$|\\left|\\right|\\mathit|\\mathrm|\\text(?:rm|it)?", " "),
    ):
        text = re.sub(pattern, repl, text)
    text = re.sub(r"_\{([^{}]*)\}", lambda m: "_" + re.sub(r"[\s,]", "", m.group(1)), text)
    text = re.sub(r"\^\{([^{}]*)\}", r"^(\1)", text)
    text = re.sub(r"(?<=\d)[,\u2009\u202f](?=\d{3}(?!\d))", "", text)
    return text.replace("{", " ").replace("}", " ")


def _without_output(text: str) -> str:
    """The text with its Output section blanked out (same length: positions still hold), since
    ranges there are about the answer ("the smallest h >= h_0"), not the input."""
    span = output_span(text)
    if span is None:
        return text
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _relations(text: str) -> list[tuple[int, list[str], list[tuple[str, Limit]]]]:
    """(position, names, [(side, limit)]) for every comparison chain with a variable in it."""
    links = []  # (op, left term, left start, right term, right end)
    for op in _OP_RE.finditer(text):
        left = _LEFT_RE.search(text[max(0, op.start() - 80):op.start()])
        right = _RIGHT_RE.match(text[op.end():op.end() + 80])
        if left is None or right is None:
            continue
        links.append((op.group(1), left.group(1).strip(), op.start() - len(left.group(1)),
                      right.group(1).strip(), op.end() + len(right.group(1)), op.end()))
    found = []
    i = 0
    while i < len(links):
        chain = [links[i]]
        while (i + 1 < len(links) and links[i + 1][2] == chain[-1][5]
               and links[i + 1][1] == chain[-1][3]):
            i += 1
            chain.append(links[i])
        i += 1
        terms = [chain[0][1]] + [link[3] for link in chain]
        ops = [link[0] for link in chain]
        if len(terms) == 3 and ops[0][0] == ops[1][0]:
            middle = _names_of(terms[1])
            low, high = (terms[0], terms[2]) if ops[0][0] == "<" else (terms[2], terms[0])
            low_strict = ops[0] in ("<", ">")
            high_strict = ops[1] in ("<", ">")
            if ops[0][0] == ">":
                low_strict, high_strict = high_strict, low_strict
            lo, hi = _limit(low, low_strict), _limit(high, high_strict)
            if middle and (lo or hi):
                limits = ([("low", lo)] if lo else []) + ([("high", hi)] if hi else [])
                found.append((chain[0][2], middle, limits))
        elif len(terms) == 2:
            left, right = _names_of(terms[0]), _names_of(terms[1])
            strict = ops[0] in ("<", ">")
            upward = ops[0][0] == "<"
            if left and _limit(terms[1], strict) and (not right or len(right) == 1):
                side = "high" if upward else "low"
                found.append((chain[0][2], left, [(side, _limit(terms[1], strict))]))
            elif right and _limit(terms[0], strict):
                side = "low" if upward else "high"
                found.append((chain[0][2], right, [(side, _limit(terms[0], strict))]))
    return found


def _names_of(term: str) -> list[str]:
    """The variable names of a term that is only names ("N", "a, b"); [] otherwise."""
    if re.fullmatch(_NAMES, term) is None:
        return []
    return [m.group(0) for m in _NAME_RE.finditer(term)]


def _limit(term: str, strict: bool) -> Limit | None:
    match = re.fullmatch(rf"({_NUMBER}|{_NAME})(?:\s*([+-])\s*(\d+))?", term)
    if match is None:
        return None
    offset = int(match.group(3)) * (-1 if match.group(2) == "-" else 1) if match.group(3) else 0
    head = match.group(1)
    if re.fullmatch(_NAME, head):
        return Limit(name=head.strip("|"), offset=offset, strict=strict)  # made canonical later
    value = _number(head)
    if value is None:
        return None
    return Limit(value=value + offset, strict=strict)


def _number(text: str) -> Number | None:
    text = re.sub(r"\s+", "", text)
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    try:
        if match := re.fullmatch(r"(\d+(?:\.\d+)?)\*10\^\(?(-?\d+)\)?", text):
            return sign * _power(match.group(1), 10, int(match.group(2)))
        if match := re.fullmatch(r"(\d+)\^\(?(-?\d+)\)?", text):
            return sign * _power("1", int(match.group(1)), int(match.group(2)))
        if match := re.fullmatch(r"(\d+(?:\.\d+)?)e(-?\d+)", text):
            return sign * _power(match.group(1), 10, int(match.group(2)))
        return sign * (float(text) if "." in text else int(text))
    except (ValueError, OverflowError):
        return None


def _power(factor: str, base: int, exponent: int) -> Number:
    if exponent > 10_000:
        raise ValueError("too large")
    if exponent >= 0 and "." not in factor:
        return int(factor) * base**exponent
    value = float(factor) * float(base) ** exponent
    return int(value) if value.is_integer() else value


def _canonical(raw: str, arrays: set[str]) -> tuple[str, bool, bool]:
    """(name, is_array, is_length) of a name as written: c_i and c_1 of an array c are "c"."""
    length = raw.startswith("|") and raw.endswith("|")
    name = raw.strip("|")
    base, _, index = name.partition("_")
    if index and (base in arrays or not index.isdigit()):
        return base, True, length
    return name, False, length


# --- matching names to tokens -------------------------------------------------------------------


def _token_kind(token: bytes) -> str:
    if INT_RE.fullmatch(token):
        return "int"
    return "float" if FLOAT_RE.fullmatch(token) else "word"


def _name_tokens(shape: InputShape, order: list[Variable]) -> dict[Pos, str]:
    """Names for tokens in reading order; the lines of a block repeat their first line's names,
    and an array takes the rest of a line of items. Stops where a kind does not fit."""
    repeats = {li: b.first for b in shape.blocks if b.kind == "lines"
               for li in range(b.first + 1, b.first + b.count)}
    rows = {b.first for b in shape.blocks if b.kind == "lines"}
    named: dict[Pos, str] = {}
    next_name = 0
    previous: tuple[list[str], list[str]] = ([], [])  # the last line's token kinds and names
    for li, line in enumerate(shape.lines):
        tokens = token_indices(line)
        kinds = [_token_kind(line[pi]) for pi in tokens]
        if next_name >= len(order) and tokens and kinds == previous[0] \
                and len(previous[1]) == len(tokens):
            # Out of names, and the line looks like the last one: more lines of one block.
            named.update({(li, pi): name for pi, name in zip(tokens, previous[1], strict=True)})
            continue
        if li in repeats:
            source = token_indices(shape.lines[repeats[li]])
            if len(source) == len(tokens):
                for src, dst in zip(source, tokens, strict=True):
                    if (repeats[li], src) in named:
                        named[(li, dst)] = named[(repeats[li], src)]
            continue
        array: Variable | None = None
        for pi in tokens:
            kind = _token_kind(line[pi])
            if array is not None and (kind == "word") == array.length:
                named[(li, pi)] = array.name
                continue
            if next_name >= len(order):
                return named
            variable = order[next_name]
            if variable.length != (kind == "word"):
                return named
            named[(li, pi)] = variable.name
            next_name += 1
            array = variable if variable.array and li not in rows else None
        line_names = [named.get((li, pi)) for pi in tokens]
        previous = (kinds, [n for n in line_names if n is not None])
    return named


def _token_value(token: bytes, variable: Variable) -> Number | None:
    if variable.length:
        return len(token)
    try:
        return int(token) if INT_RE.fullmatch(token) else float(token)
    except ValueError:
        return None


def _scalar_values(shape: InputShape, named: dict[Pos, str],
                   variables: dict[str, Variable]) -> dict[str, Number]:
    values: dict[str, Number] = {}
    for (li, pi), name in named.items():
        variable = variables[name]
        if not variable.array and name not in values:
            value = _token_value(shape.lines[li][pi], variable)
            if value is not None:
                values[name] = value
    return values


def _resolve(limit: Limit, scalars: dict[str, Number]) -> tuple[Number, bool] | None:
    if limit.value is not None:
        return limit.value, limit.strict
    if limit.name in scalars:
        return scalars[limit.name] + limit.offset, limit.strict
    return None


def _confirmed(constraints: InputConstraints, examples: Sequence[bytes]) -> set[str]:
    """The variables every example keeps (none when there are no examples to ask)."""
    trusted = set(constraints.variables)
    if not examples:
        return set()
    for example in examples:
        shape = analyse_input(example)
        named = constraints.names(shape)
        scalars = constraints.scalars(shape, named)
        for (li, pi), name in named.items():
            value = _token_value(shape.lines[li][pi], constraints.variables[name])
            if value is None or _outside(name, value, *constraints.bounds(name, scalars)):
                trusted.discard(name)
    return trusted


def _outside(name: str, value: Number, low: tuple[Number, bool] | None,
             high: tuple[Number, bool] | None) -> str | None:
    """How value breaks its range ("N=0 below 1"), or None when it keeps it."""
    if low is not None and (value < low[0] or (low[1] and value == low[0])):
        return f"{name}={_short(value)} below {_short(low[0])}"
    if high is not None and (value > high[0] or (high[1] and value == high[0])):
        return f"{name}={_short(value)} above {_short(high[0])}"
    return None


def _ceil(value: Number) -> int:
    return value if isinstance(value, int) else int(-(-value // 1))


def _floor(value: Number) -> int:
    return value if isinstance(value, int) else int(value // 1)


def _short(value: Number) -> str:
    text = str(value)
    return text if len(text) <= 12 else text[:5] + "..." + text[-3:]
