"""LaTeX statements (Kattis problem_statement/*.tex) made into readable plain text."""

from __future__ import annotations

import re
import unicodedata

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
