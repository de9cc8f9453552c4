"""Problem: everything the solver knows about one task, and the loaders that build it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sandbox.checkers import ValidatorFlags


class ProblemError(Exception):
    """The problem files are missing or malformed; the message is one line naming the file."""


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    input: bytes
    output: bytes  # the expected answer (for Kattis, the .ans file)


@dataclass
class Problem:
    id: str  # stable short name, e.g. the folder name ("sum-of-two", "bank")
    title: str
    statement: str  # readable text for the prompt: Markdown as written, or LaTeX made plain
    examples: list[TestCase]  # public tests: the only ones a model or the filter may see
    hidden: list[TestCase] = field(default_factory=list)  # for verdicts and evaluation only
    time_limit_s: float = 2.0
    memory_limit_mb: int = 1024
    checker: ValidatorFlags = field(default_factory=ValidatorFlags)
    url: str | None = None
    source_format: str = "markdown"  # "markdown" | "kattis"
    path: Path | None = None


# ---------------------------------------------------------------------------------------------
# Loaders
# ---------------------------------------------------------------------------------------------

MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are a packaging mistake, not a test
MIN_TIME_S, MAX_TIME_S = 0.0, 60.0  # exclusive lower bound, inclusive upper bound
MIN_MEMORY_MB, MAX_MEMORY_MB = 16, 65536
FORMATS = ("markdown", "kattis")
DEFAULT_MARKDOWN_TIME_S = 2.0
DEFAULT_MARKDOWN_MEMORY_MB = 256  # Codeforces-style default for our own problems
DEFAULT_KATTIS_TIME_S = 2.0
DEFAULT_KATTIS_MEMORY_MB = 1024  # the Kattis default when problem.yaml gives none


def load_problem(path: str | Path, format: str | None = None) -> Problem:
    """Load one problem from a Markdown file/folder or a Kattis package folder.

    `format` ("markdown" or "kattis") skips detection. Every failure is a one-line ProblemError
    that names the offending file.
    """
    p = Path(path)
    if not p.exists():
        raise ProblemError(f"{p}: no such file or directory")
    fmt = format.strip().lower() if format is not None else _detect_format(p)
    if fmt == "markdown":
        if p.is_dir():
            md = p / "problem.md"
            if not md.is_file():
                raise ProblemError(f"{md}: no such file (a Markdown problem folder needs one)")
            p = md
        return _load_markdown(p)
    if fmt == "kattis":
        if p.is_file() and p.name == "problem.yaml":
            p = p.parent  # accept the package's problem.yaml as a handle on the package
        if not p.is_dir():
            raise ProblemError(f"{p}: a Kattis package must be a folder")
        return _load_kattis(p)
    raise ProblemError(f"{p}: unknown problem format {fmt!r} (expected: {', '.join(FORMATS)})")


def _detect_format(p: Path) -> str:
    if p.is_file():
        if p.suffix.lower() == ".md":
            return "markdown"
        if p.name == "problem.yaml":
            return "kattis"
    elif p.is_dir():
        if (p / "problem.md").is_file():
            return "markdown"  # canonical for our own problems, wins over stray Kattis files
        if (
            (p / "problem.yaml").is_file()
            or (p / "problem_statement").is_dir()
            or (p / "data" / "sample").is_dir()
        ):
            return "kattis"
    raise ProblemError(
        f"{p}: unknown problem format (expected a .md file, a folder with problem.md, or a Kattis "
        "package with problem.yaml, problem_statement/ or data/sample/)"
    )


# --- shared helpers -------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProblemError(
                f"{path}: file is {size:,} bytes, over the {MAX_FILE_BYTES // 2**20} MiB limit"
            )
        return path.read_bytes()
    except OSError as e:
        raise ProblemError(f"{path}: cannot read: {e.strerror or e}") from e


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ProblemError(
            f"{path}: not valid UTF-8 (byte 0x{data[e.start]:02x} on line {line})"
        ) from e
    # Normalise line endings and drop a BOM so parsing never sees them.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _yaml_error(path: Path, e: yaml.YAMLError, line_offset: int = 0) -> ProblemError:
    mark = getattr(e, "problem_mark", None)
    what = getattr(e, "problem", None) or str(e).split("\n")[0]
    where = f" line {mark.line + 1 + line_offset}" if mark is not None else ""
    return ProblemError(f"{path}{where}: malformed YAML: {what}")


def _check_time(path: Path, time_s: object) -> float:
    # bool is an int subclass; "time_limit: yes" is a typo, not one second.
    if isinstance(time_s, bool) or not isinstance(time_s, (int, float)):
        raise ProblemError(f"{path}: time limit must be a number of seconds, got {time_s!r}")
    if not (MIN_TIME_S < float(time_s) <= MAX_TIME_S):  # also rejects NaN
        raise ProblemError(
            f"{path}: time limit {time_s} s is out of range (must be > {MIN_TIME_S:g} and "
            f"<= {MAX_TIME_S:g} s)"
        )
    return float(time_s)


def _check_memory(path: Path, memory_mb: object) -> int:
    if isinstance(memory_mb, float) and memory_mb.is_integer():
        memory_mb = int(memory_mb)
    if isinstance(memory_mb, bool) or not isinstance(memory_mb, int):
        raise ProblemError(f"{path}: memory limit must be a whole number of MB, got {memory_mb!r}")
    if not (MIN_MEMORY_MB <= memory_mb <= MAX_MEMORY_MB):
        raise ProblemError(
            f"{path}: memory limit {memory_mb} MB is out of range "
            f"({MIN_MEMORY_MB}..{MAX_MEMORY_MB} MB)"
        )
    return memory_mb


def _parse_flags(path: Path, flags: object) -> ValidatorFlags:
    if flags is None or flags == "":
        return ValidatorFlags()
    if isinstance(flags, list) and all(isinstance(f, (str, int, float)) for f in flags):
        flags = " ".join(str(f) for f in flags)
    if not isinstance(flags, str):
        raise ProblemError(f"{path}: validator_flags must be a string, got {flags!r}")
    try:
        return ValidatorFlags.parse(flags)
    except ValueError as e:
        raise ProblemError(f"{path}: bad validator_flags {flags!r}: {e}") from e


def _load_tests(folder: Path, prefix: str, recursive: bool) -> list[TestCase]:
    """`*.in` files with their `.ans` twins, sorted by relative path (Kattis order)."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*.in") if recursive else folder.glob("*.in")
    ins = sorted((f for f in found if f.is_file()), key=lambda f: f.relative_to(folder).as_posix())
    tests = []
    for inp in ins:
        ans = inp.with_suffix(".ans")
        if not ans.is_file():
            raise ProblemError(f"{inp}: test input has no matching answer file {ans.name}")
        name = f"{prefix}/{inp.relative_to(folder).with_suffix('').as_posix()}"
        tests.append(TestCase(name=name, input=_read_bytes(inp), output=_read_bytes(ans)))
    return tests


# --- Markdown -------------------------------------------------------------------------------

# An opening code fence (CommonMark): up to 3 spaces, 3+ backticks or tildes, then an info string.
_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`\n]*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")


def _load_markdown(md: Path) -> Problem:
    text = _read_text(md)
    meta, body, body_line = _split_front_matter(md, text)
    problem_id = md.parent.name if md.name == "problem.md" else md.stem
    base = md.parent

    title = meta.get("title")
    if title is None or str(title).strip() == "":
        raise ProblemError(f"{md}: front matter has no 'title'")
    time_s = _check_time(md, meta.get("time_limit", DEFAULT_MARKDOWN_TIME_S))
    memory_mb = _check_memory(md, meta.get("memory_limit", DEFAULT_MARKDOWN_MEMORY_MB))
    url = meta.get("url")
    if url is not None and not isinstance(url, str):
        raise ProblemError(f"{md}: url must be a string, got {url!r}")

    checker = _parse_flags(md, meta.get("validator_flags"))

    statement, examples = _split_examples(md, body, body_line)
    if not examples:
        raise ProblemError(
            f"{md}: no examples (add a ```input block followed by an ```output block)"
        )
    return Problem(
        id=problem_id,
        title=str(title).strip(),
        statement=statement,
        examples=examples,
        hidden=_load_tests(base / "data" / "secret", "secret", recursive=True),
        time_limit_s=time_s,
        memory_limit_mb=memory_mb,
        checker=checker,
        url=url or None,
        source_format="markdown",
        path=base if md.name == "problem.md" else md,
    )


def _split_front_matter(md: Path, text: str) -> tuple[dict, str, int]:
    """Return (front matter mapping, body text, 1-based file line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ProblemError(f"{md}: no YAML front matter (the file must start with a '---' line)")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise ProblemError(f"{md}: front matter is not closed (no second '---' line)")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as e:
        raise _yaml_error(md, e, line_offset=1) from e
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ProblemError(f"{md}: front matter must be a YAML mapping (key: value lines)")
    return meta, "\n".join(lines[end + 1 :]), end + 2


def _split_examples(md: Path, body: str, first_line: int) -> tuple[str, list[TestCase]]:
    """Pull ```input / ```output blocks out of the body; other code blocks stay in the text."""
    lines = body.split("\n")
    kept: list[tuple[str, bool]] = []  # (line, inside a code block)
    blocks: list[tuple[str, int, str]] = []  # (kind, file line, content)
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            kept.append((lines[i], False))
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).lower()
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        if j == len(lines):
            raise ProblemError(f"{md} line {first_line + i}: code block is never closed")
        if info in ("input", "output"):
            # CommonMark strips the fence's own indentation from each content line.
            content = [re.sub(rf"^ {{0,{indent}}}", "", ln) for ln in lines[i + 1 : j]]
            blocks.append((info, first_line + i, "".join(ln + "\n" for ln in content)))
        else:
            kept.extend((ln, True) for ln in lines[i : j + 1])
        i = j + 1

    examples: list[TestCase] = []
    pending: tuple[int, str] | None = None  # an input block waiting for its output
    for kind, line, content in blocks:
        if kind == "input":
            if pending is not None:
                raise ProblemError(
                    f"{md} line {pending[0]}: input block has no output block after it"
                )
            pending = (line, content)
        else:
            if pending is None:
                raise ProblemError(f"{md} line {line}: output block has no input block before it")
            examples.append(
                TestCase(
                    name=f"sample/{len(examples) + 1}",
                    input=pending[1].encode("utf-8"),
                    output=content.encode("utf-8"),
                )
            )
            pending = None
    if pending is not None:
        raise ProblemError(f"{md} line {pending[0]}: input block has no output block after it")
    return _tidy_markdown(kept), examples


def _tidy_markdown(lines: list[tuple[str, bool]]) -> str:
    """Drop headings left empty once the examples are gone (e.g. "## Examples"), squeeze blanks.

    Lines inside code blocks are kept exactly: a "# comment" there is not a heading.
    """
    out: list[str] = []
    for i, (line, code) in enumerate(lines):
        if code:
            out.append(line)
            continue
        h = _HEADING.match(line)
        if h:
            nxt = next(((ln, c) for ln, c in lines[i + 1 :] if ln.strip()), None)
            nh = _HEADING.match(nxt[0]) if nxt is not None and not nxt[1] else None
            if nxt is None or (nh and len(nh.group(1)) <= len(h.group(1))):
                continue
        if line.strip() or not out or out[-1].strip():  # at most one blank line in a row
            out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n" if any(ln.strip() for ln in out) else ""


# --- Kattis ---------------------------------------------------------------------------------


def _load_kattis(folder: Path) -> Problem:
    meta: dict = {}
    yaml_path = folder / "problem.yaml"
    if yaml_path.is_file():
        try:
            loaded = yaml.safe_load(_read_text(yaml_path))
        except yaml.YAMLError as e:
            raise _yaml_error(yaml_path, e) from e
        if loaded is not None and not isinstance(loaded, dict):
            raise ProblemError(f"{yaml_path}: must be a YAML mapping (key: value lines)")
        meta = loaded or {}
    limits = meta.get("limits") or {}
    if not isinstance(limits, dict):
        raise ProblemError(f"{yaml_path}: 'limits' must be a mapping, got {limits!r}")

    time_path = folder / ".timelimit"
    if time_path.is_file():
        raw = _read_text(time_path).strip()
        try:
            time_s: object = float(raw)
        except ValueError as e:
            raise ProblemError(f"{time_path}: not a number of seconds: {raw[:40]!r}") from e
        limits_file = time_path
    else:
        time_s = limits.get("time_limit", DEFAULT_KATTIS_TIME_S)
        limits_file = yaml_path
    time_limit_s = _check_time(limits_file, time_s)
    memory_mb = _check_memory(yaml_path, limits.get("memory", DEFAULT_KATTIS_MEMORY_MB))

    statement, tex_title = _kattis_statement(folder)
    title = tex_title or _yaml_name(meta.get("name")) or folder.name

    examples = _load_tests(folder / "data" / "sample", "sample", recursive=False)
    if not examples:
        raise ProblemError(f"{folder / 'data' / 'sample'}: no examples (no *.in + *.ans pairs)")
    return Problem(
        id=folder.name,
        title=title,
        statement=statement,
        examples=examples,
        hidden=_load_tests(folder / "data" / "secret", "secret", recursive=True),
        time_limit_s=time_limit_s,
        memory_limit_mb=memory_mb,
        checker=_parse_flags(yaml_path, meta.get("validator_flags")),
        url=None,
        source_format="kattis",
        path=folder,
    )


def _yaml_name(name: object) -> str | None:
    # Newer packages give a per-language mapping: name: {en: ...}.
    if isinstance(name, dict):
        name = name.get("en") or next(iter(name.values()), None)
    return str(name).strip() if name else None


def _kattis_statement(folder: Path) -> tuple[str, str | None]:
    """Statement text and \\problemname title, from the English LaTeX (or Markdown) statement."""
    sdir = folder / "problem_statement"
    for name in ("problem.en.tex", "problem.tex"):
        if (sdir / name).is_file():
            return latex_to_text(_read_text(sdir / name))
    for name in ("problem.en.md", "problem.md"):
        if (sdir / name).is_file():
            return _read_text(sdir / name).strip() + "\n", None
    raise ProblemError(f"{sdir}: no statement (expected problem.en.tex or problem.tex)")


# --- LaTeX to plain text --------------------------------------------------------------------

# Markers the converter emits and _tidy_text resolves: a thin space (dropped between digits, so
# 10\,000 reads 10000), a forced line break, a forced paragraph break, a verbatim space.
_THIN, _BR, _PAR = "\x03", "\x04", "\x05"
_HARD_SPACE = "\x06"  # a space in verbatim text that reflowing must not squeeze

# Relations and operators get spaces around them: "1 <= N <= 10000" reads better than "1<=N".
_SYMBOLS = {
    "leq": " <= ", "le": " <= ", "leqslant": " <= ", "geq": " >= ", "ge": " >= ",
    "geqslant": " >= ", "neq": " != ", "ne": " != ", "lt": " < ", "gt": " > ",
    "approx": " ≈ ", "equiv": " ≡ ", "sim": " ~ ", "cdot": " * ", "times": " x ", "div": " / ",
    "pm": " ± ", "mp": " ∓ ", "ldots": "...", "dots": "...", "cdots": "...", "dotsc": "...",
    "dotsb": "...", "vdots": "...", "ddots": "...", "infty": "∞", "in": " in ",
    "notin": " not in ", "subset": " ⊂ ", "subseteq": " ⊆ ", "supset": " ⊃ ",
    "supseteq": " ⊇ ", "cup": " \N{UNION} ", "cap": " ∩ ", "setminus": " \\ ", "emptyset": "∅",
    "varnothing": "∅", "forall": "for all ", "exists": "there exists ", "to": " -> ",
    "rightarrow": " -> ", "leftarrow": " <- ", "Rightarrow": " => ", "Leftarrow": " <= ",
    "leftrightarrow": " <-> ", "Leftrightarrow": " <=> ", "iff": " <=> ", "implies": " => ",
    "mid": " | ", "vert": "|", "lvert": "|", "rvert": "|", "Vert": "||", "lfloor": "⌊",
    "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "<", "rangle": ">",
    "ell": "\N{SCRIPT SMALL L}",
    "circ": "∘", "prime": "'", "land": " and ", "wedge": " and ", "lor": " or ", "vee": " or ",
    "neg": "not ", "lnot": "not ", "oplus": " xor ", "bmod": " mod ", "mod": " mod ",
    "quad": " ", "qquad": " ", "colon": ":", "backslash": "\\", "S": "§", "ldotp": ".",
    "cdotp": "*", "ast": "*", "star": "*", "bullet": "*", "dag": "†", "textbackslash": "\\",
    "textasciitilde": "~", "textasciicircum": "^", "textbar": "|", "textless": "<",
    "textgreater": ">", "textendash": "-", "textemdash": "--", "textquoteright": "'",
    "textquoteleft": "'", "textdollar": "$", "degree": "°", "textdegree": "°", "LaTeX": "LaTeX",
    "TeX": "TeX", "slash": "/", "sum": "sum", "prod": "prod", "partial": "∂",
}  # fmt: skip
# Greek letters by their Unicode names (Unicode spells lambda "LAMDA").
_GREEK = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
    "psi", "omega",
)  # fmt: skip
for _g in _GREEK:
    _uname = _g.upper().replace("LAMBDA", "LAMDA")
    _SYMBOLS[_g] = unicodedata.lookup(f"GREEK SMALL LETTER {_uname}")
    _SYMBOLS[_g.capitalize()] = unicodedata.lookup(f"GREEK CAPITAL LETTER {_uname}")
for _g in ("epsilon", "theta", "phi", "pi", "rho", "sigma"):
    _SYMBOLS["var" + _g] = _SYMBOLS[_g]
_FUNCTIONS = {
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "max", "min", "gcd", "lcm", "det", "deg",
    "lim", "sup", "inf", "arg", "sgn",
}  # fmt: skip
# Commands whose argument is kept as text (markup removed); the second set switches to math.
_UNWRAP_TEXT = {
    "emph", "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "textup", "textsl",
    "textnormal", "text", "mbox", "hbox", "underline", "fbox", "textmd",
}  # fmt: skip
_UNWRAP_MATH = {
    "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak",
    "operatorname", "boldsymbol", "bm", "overline", "hat", "bar", "vec", "tilde", "widehat",
    "widetilde", "dot", "ensuremath", "underbrace", "overbrace",
}  # fmt: skip
# Declarations and spacing commands without arguments that carry no text.
_IGNORE = {
    "noindent", "centering", "raggedright", "raggedleft", "clearpage", "newpage", "pagebreak",
    "tt", "em", "bf", "it", "rm", "sf", "sc", "sl", "small", "large", "Large", "LARGE", "huge",
    "Huge", "footnotesize", "scriptsize", "tiny", "normalsize", "displaystyle", "textstyle",
    "scriptstyle", "limits", "nolimits", "relax", "protect", "hfill", "vfill", "hline",
    "toprule", "midrule", "bottomrule", "maketitle", "sloppy", "nonumber", "notag", "allowbreak",
    "nobreak", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
    "biggl", "biggr", "middle", "indent", "fussy", "strut", "null", "leavevmode",
}  # fmt: skip
# Commands dropped together with their arguments: (number of {} args, has [] option).
_DROP = {
    "includegraphics": (1, True), "label": (1, False), "eqref": (1, False),
    "pageref": (1, False), "cite": (1, True), "vspace": (1, False), "hspace": (1, False),
    "caption": (1, True), "index": (1, False), "phantom": (1, False), "hphantom": (1, False),
    "vphantom": (1, False), "usepackage": (1, True), "documentclass": (1, True),
    "cline": (1, False), "setlength": (2, False), "addtolength": (2, False),
    "illustration": (3, False), "bibliography": (1, False), "bibliographystyle": (1, False),
    "input": (1, False), "include": (1, False),
}  # fmt: skip
_SECTIONS = {"section", "subsection", "subsubsection", "paragraph", "subparagraph", "chapter"}
_SKIP_ENVS = {"figure", "figure*", "wrapfigure", "comment", "tikzpicture", "picture"}
_VERBATIM_ENVS = {"verbatim", "verbatim*", "Verbatim", "lstlisting", "minted"}
_MATH_ENVS = {
    "equation", "equation*", "align", "align*", "displaymath", "eqnarray", "eqnarray*",
    "gather", "gather*", "multline", "multline*", "math", "flalign", "flalign*",
}  # fmt: skip
_CMD_NAME = re.compile(r"[A-Za-z]+")
_END = re.compile(r"\\end(?![A-Za-z])")
_CONTROL = re.compile(r"\\(?:[A-Za-z]+|.)", re.DOTALL)
_LIST_ENVS = {"itemize", "enumerate", "description"}
# Accent commands to Unicode combining marks (\"o -> ö, \'e -> é).
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "r": "\u030a",
    "k": "\u0328",
}  # fmt: skip
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "l": "ł",
            "L": "Ł", "i": "\N{LATIN SMALL LETTER DOTLESS I}", "oe": "œ", "OE": "Œ"}  # fmt: skip


class _Latex:
    """A small recursive reader for the LaTeX subset used in problem statements.

    It is not TeX: it knows the usual statement markup (problemtools' problem.cls, amsmath
    basics) and otherwise drops unknown commands while keeping their arguments' text.
    """

    def __init__(self, src: str) -> None:
        self.s = src
        self.i = 0
        self.title: str | None = None
        self.unknown: set[str] = set()  # for debugging conversions of new packages

    # -- low-level reading
    def _peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def _skip_arg_space(self) -> None:
        """Skip spaces before an argument, crossing at most one line break (not a paragraph)."""
        j = self.i
        newlines = 0
        while j < len(self.s) and self.s[j] in " \t\n":
            newlines += self.s[j] == "\n"
            if newlines > 1:
                return
            j += 1
        self.i = j

    def _raw_group(self, open_: str = "{", close: str = "}") -> str | None:
        """Read a balanced {..} (or [..]) verbatim, or None if none follows."""
        save = self.i
        self._skip_arg_space()
        if self._peek() != open_:
            self.i = save
            return None
        depth, start = 0, self.i + 1
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "\\":
                self.i += 2
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    self.i += 1
                    return self.s[start : self.i - 1]
            self.i += 1
        return self.s[start:]

    def _opt(self) -> str | None:
        return self._raw_group("[", "]")

    def _arg(self, math: bool) -> str:
        """The converted next argument: a {group}, a command, or a single character."""
        self._skip_arg_space()
        c = self._peek()
        if c == "{":
            self.i += 1
            return self._parse(math, "}")
        if c == "\\":
            self.i += 1
            return self._command(math, "")
        self.i += 1 if c else 0
        return c

    # -- main loop
    def _parse(self, math: bool, stop: str) -> str:
        """Convert until `stop` ("}", "$", "$$", "\\)", "\\]", "end" or "" for end of input)."""
        out: list[str] = []
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if stop in ("$", "$$", "\\)", "\\]") and s.startswith(stop, self.i):
                self.i += len(stop)
                return "".join(out)
            if c == "\\":
                if stop == "end" and _END.match(s, self.i):
                    self.i += 4
                    self._raw_group()
                    return "".join(out)
                self.i += 1
                out.append(self._command(math, stop))
                continue
            self.i += 1
            if c == "}":
                if stop == "}":
                    return "".join(out)
                continue  # stray closing brace
            if c == "{":
                out.append(self._parse(math, "}"))
            elif c == "%":
                # A comment runs to the end of the line and, as in TeX, eats the line break and
                # the next line's indentation.
                j = s.find("\n", self.i)
                self.i = len(s) if j < 0 else j + 1
                while self.i < len(s) and s[self.i] in " \t":
                    self.i += 1
                if self._peek() == "\n":
                    out.append(_PAR)  # the blank line after it still ends the paragraph
            elif c == "$":
                if self._peek() == "$" and not math:
                    self.i += 1
                    out.append(_BR + self._parse(True, "$$") + _BR)
                elif not math:
                    out.append(self._parse(True, "$"))
            elif c == "~":
                out.append(" ")
            elif c in "^_" and math:
                out.append(self._script(c))
            elif c == "&":
                out.append(" " if math else " | ")
            elif not math and c == "`":
                if self._peek() == "`":
                    self.i += 1
                    out.append('"')
                else:
                    out.append("'")
            elif not math and c == "'" and self._peek() == "'":
                self.i += 1
                out.append('"')
            elif not math and c == "-" and self._peek() == "-":
                self.i += 1
                if self._peek() == "-":
                    self.i += 1  # an em dash; "--" reads as one in plain text
                    out.append("--")
                else:
                    out.append("-")  # an en dash (ranges "1--5")
            else:
                out.append(c)
        return "".join(out)

    def _script(self, c: str) -> str:
        """^ or _ in math: keep it, unwrap a simple argument, parenthesise a compound one."""
        arg = self._arg(True).strip()
        if c == "^" and arg == "∘":
            return "°"
        if re.fullmatch(r"[\w.'*]*", arg):
            return c + arg
        return f"{c}({arg})"

    def _command(self, math: bool, stop: str) -> str:
        s = self.s
        m = _CMD_NAME.match(s, self.i)
        if not m:  # a control symbol: one non-letter character
            c = s[self.i : self.i + 1]
            self.i += 1
            if c == "\\":
                if self._peek() == "[":
                    self._opt()  # \\[2pt]: extra spacing only
                return _BR
            if c in ",;:>":
                return _THIN
            if c in "!/-@":
                return ""
            if c in " \n\t":
                return " "
            if c in "()[]":
                if c in "([":
                    inner = self._parse(True, "\\" + (")" if c == "(" else "]"))
                    return inner if c == "(" else _BR + inner + _BR
                return ""  # an unmatched \) or \]
            if c == "|":
                return "||"
            if c in _ACCENTS and not math:
                return self._accent(c)
            return c  # \% \& \# \$ \_ \{ \} and anything else: the character itself
        base = m.group(0)
        self.i = m.end()
        if base in _SECTIONS | {"vspace", "hspace"} and self._peek() == "*":
            self.i += 1  # \section* is \section without a number

        if base == "problemname":
            self.title = _tidy_text(self._arg(False)) or None
            return ""
        if base in _SECTIONS:
            self._opt()
            heading = _tidy_text(self._arg(False))
            return f"{_PAR}{heading}{_PAR}"
        if base == "begin":
            return self._environment(self._raw_group() or "", math)
        if base == "end":
            self._raw_group()  # an \end without a matching \begin
            return ""
        if base == "item":
            label = self._opt()
            return f"{_BR}- " + (f"{_tidy_text(_Latex(label)._parse(False, ''))} " if label else "")
        if base in ("par", "medskip", "bigskip", "smallskip"):
            return _PAR
        if base in ("newline", "linebreak", "cr"):
            return _BR
        if base == "verb":
            delim = s[self.i : self.i + 1]
            end = s.find(delim, self.i + 1) if delim else -1
            if end < 0:
                return ""
            text, self.i = s[self.i + 1 : end], end + 1
            return text.replace(" ", _HARD_SPACE)
        if base in ("href", "url"):
            url = self._raw_group() or ""
            return self._arg(False) if base == "href" else url
        if base == "footnote":
            return f" ({self._arg(False)})"
        if base in ("ref", "autoref", "cref", "Cref"):
            # Figures are dropped, so say so instead of leaving "Figure  shows".
            label = self._raw_group() or ""
            return "(not shown)" if label.startswith("fig") else ""
        if base in ("newcommand", "renewcommand", "providecommand"):
            # \newcommand{\foo}[1][x]{body} or \newcommand\foo{body}: all of it goes.
            if self._raw_group() is None:
                self._skip_arg_space()
                name = _CONTROL.match(s, self.i)
                self.i = name.end() if name else self.i
            self._opt()
            self._opt()
            self._raw_group()
            return ""
        if base in _DROP:
            nargs, has_opt = _DROP[base]
            if has_opt:
                self._opt()
            for _ in range(nargs):
                if self._raw_group() is None:
                    break
            return ""
        if base in ("frac", "dfrac", "tfrac", "cfrac"):
            num, den = self._arg(True).strip(), self._arg(True).strip()
            return f"{_paren(num)}/{_paren(den)}"
        if base == "binom":
            n, k = self._arg(True).strip(), self._arg(True).strip()
            return f"C({n}, {k})"
        if base == "sqrt":
            degree = self._opt()
            arg = self._arg(True).strip()
            return f"sqrt({arg})" if not degree else f"root{degree}({arg})"
        if base == "pmod":
            return f" (mod {self._arg(True).strip()})"
        if base == "not":
            self._skip_arg_space()
            if self._peek() == "=":
                self.i += 1
                return " != "
            return "not "
        if base in _UNWRAP_TEXT:
            return self._arg(False)
        if base in _UNWRAP_MATH:
            return self._arg(True)
        if base in _SYMBOLS:
            return _SYMBOLS[base]
        if base in _FUNCTIONS:
            return base
        if base in _IGNORE:
            if base in ("left", "right") and self._peek() == ".":
                self.i += 1  # \left. is an invisible delimiter
            self._skip_arg_space()  # as TeX does: "{\tt L}" is "L", not " L"
            return ""
        if base in _LETTERS:
            return _LETTERS[base]
        if len(base) == 1 and base in _ACCENTS and not math:
            return self._accent(base)
        self.unknown.add(base)
        return ""  # unknown: drop the name, its {arguments} are read as ordinary groups

    def _accent(self, mark: str) -> str:
        arg = self._arg(False)
        if arg in ("\\i", "\N{LATIN SMALL LETTER DOTLESS I}"):
            arg = "i"
        return unicodedata.normalize("NFC", arg[:1] + _ACCENTS[mark] + arg[1:]) if arg else ""

    def _environment(self, env: str, math: bool) -> str:
        s = self.s
        if env in _SKIP_ENVS:
            # Figures are images and captions the model never sees; skip to the matching \end.
            end = s.find(f"\\end{{{env}}}", self.i)
            self.i = len(s) if end < 0 else end + len(env) + 6
            return ""
        if env in _VERBATIM_ENVS:
            self._opt()
            end = s.find(f"\\end{{{env}}}", self.i)
            raw = s[self.i : end if end >= 0 else len(s)]
            self.i = len(s) if end < 0 else end + len(env) + 6
            raw = raw.strip("\n").replace(" ", _HARD_SPACE).replace("\n", _BR)
            return _PAR + raw + _PAR
        if env in _MATH_ENVS:
            return _BR + self._parse(True, "end") + _BR
        if env in ("tabular", "tabular*", "array", "tabularx"):
            if env in ("tabular*", "tabularx"):
                self._raw_group()  # width
            self._opt()
            self._raw_group()  # column spec
            return _PAR + self._parse(math, "end") + _PAR
        if env == "minipage":
            self._opt()
            self._raw_group()  # width
        body = self._parse(math, "end")
        if env in _LIST_ENVS:
            return _PAR + body + _PAR
        return _PAR + body + _PAR if not math else body


def _paren(x: str) -> str:
    """Parenthesise a fraction part only if it has a top-level operator: n(n-1)/2, (a+b)/2."""
    flat = x
    while True:
        inner = re.sub(r"\([^()]*\)", "", flat)
        if inner == flat:
            break
        flat = inner
    return f"({x})" if re.search(r"[\s+\-*/]", flat[1:]) else x


def _tidy_text(text: str) -> str:
    """Resolve the converter's markers: reflow paragraphs, keep forced breaks, squeeze spaces."""
    text = re.sub(rf"(?<=\d)[ \t]*{_THIN}[ \t]*(?=\d)", "", text).replace(_THIN, " ")
    paragraphs = []
    for block in re.split(rf"\n[ \t]*\n|{_PAR}", text):
        # Source line breaks inside a paragraph are just spaces, as in TeX.
        lines = [re.sub(r"\s+", " ", ln).strip() for ln in block.split(_BR)]
        lines = [ln for ln in lines if ln]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs).replace(_HARD_SPACE, " ")


def _convert_latex(tex: str) -> tuple[str, str | None, set[str]]:
    conv = _Latex(tex.replace("\r\n", "\n"))
    body = conv._parse(False, "")
    text = _tidy_text(body)
    return (text + "\n" if text else ""), conv.title, conv.unknown


def latex_to_text(tex: str) -> tuple[str, str | None]:
    """Turn a Kattis LaTeX statement into readable plain text; also return its \\problemname."""
    text, title, _ = _convert_latex(tex)
    return text, title
