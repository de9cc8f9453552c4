"""What every judge adapter shares: the `Judge` interface, verdicts, languages, failures.

An adapter is the network edge: it logs in, sends one program and reads one verdict. The submit
loop (solver/submit.py) knows nothing of HTTP; adapters know nothing of ranks or records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol


class JudgeError(Exception):
    """The judge could not be reached or answered nonsense: an infrastructure failure (exit 3)."""


class JudgeBlockedError(JudgeError):
    """The judge refuses automated submission: a captcha, a bot check, a login wall."""


class VerdictUnavailableError(JudgeError):
    """The submission was sent, but this judge's adapter cannot read its verdict back."""


@dataclass(frozen=True)
class JudgeLanguage:
    id: str  # what the judge's submit form expects, e.g. "5055" on AtCoder
    name: str  # what the judge shows, e.g. "C++ 20 (gcc 12.2)"


@dataclass(frozen=True)
class JudgeVerdict:
    raw: str  # the judge's own words, kept for the record ("Wrong Answer on test 3", "WA")
    final: bool  # False while queued or running
    accepted: bool


class Judge(Protocol):
    """One online judge, bound to a logged-in (or not) HTTP session."""

    name: str  # short and stable, for records: "local", "atcoder", ...

    def is_logged_in(self) -> bool: ...

    def login(self, username: str, password: str) -> None: ...

    def languages(self, problem_url: str) -> list[JudgeLanguage]: ...

    def submit(self, problem_url: str, language: JudgeLanguage, source: str) -> str:
        """Send one program; return its submission id. Raises JudgeBlockedError, JudgeError."""
        ...

    def poll(self, submission_id: str) -> JudgeVerdict:
        """The submission's current verdict (maybe not final yet)."""
        ...


# --- verdicts ---------------------------------------------------------------------------------

_ACCEPTED = {"ac", "accepted", "ok", "correct", "passed"}
# Words judges use while a submission is not judged yet (AtCoder: WJ, WR, "3/20"; Codeforces:
# "In queue", "Running on test 4"; Kattis: "Compiling", "Running").
_PENDING = re.compile(
    r"^(wj|wr|judging|waiting|pending|queued?|in queue|running|testing|compiling|new|"
    r"\d+\s*/\s*\d+)\b",
    re.IGNORECASE,
)


def verdict_from_text(raw: str) -> JudgeVerdict:
    """Read a judge's status text: accepted, still pending, or a final rejection."""
    text = raw.strip()
    if text.lower() in _ACCEPTED:
        return JudgeVerdict(raw=text, final=True, accepted=True)
    if not text or _PENDING.match(text):
        return JudgeVerdict(raw=text or "pending", final=False, accepted=False)
    return JudgeVerdict(raw=text, final=True, accepted=False)


# --- blocks -----------------------------------------------------------------------------------

_BOT_CHECK_MARKERS = (
    "captcha", "cf-chl", "challenge-platform", "just a moment", "are you a robot",
    "are you human", "bot check", "verify you are human", "cf-turnstile",
)  # fmt: skip


def block_reason(status_code: int, url: str, text: str) -> str | None:
    """Why an HTTP answer means "no robots here", or None when it does not.

    Shared by the adapters: Cloudflare-style challenges and captchas come back as 403/503 pages
    with tell-tale words; a login wall is a redirect to a login page.
    """
    lowered = text[:200_000].lower()
    if any(marker in lowered for marker in _BOT_CHECK_MARKERS):
        return "captcha or bot check"
    if "/login" in url.lower() or "/signin" in url.lower():
        return "not logged in (login page)"
    if status_code in (401,):
        return "not logged in"
    if status_code in (403, 503) and ("cloudflare" in lowered or "access denied" in lowered):
        return "access denied to automated clients"
    return None


# --- languages --------------------------------------------------------------------------------

_VERSION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)+)")
_CPP_DIALECT = re.compile(r"(?:c|g|gnu)\+\+\s*(\d\d|0x|1z|2a|2b)\b", re.IGNORECASE)
_DIALECT_YEARS = {"0x": 11, "1z": 17, "2a": 20, "2b": 23}


def _versions(name: str) -> list[tuple[int, ...]]:
    return [tuple(int(part) for part in found.split(".")) for found in _VERSION.findall(name)]


def _python_rank(name: str) -> tuple | None:
    """Sort key for a Python 3 entry (higher is better), None when it is no Python 3."""
    lowered = name.lower()
    if "python" not in lowered and "pypy" not in lowered:
        return None
    if any(word in lowered for word in ("cython", "micropython", "python2", "python 2", "pypy2")):
        return None
    versions = _versions(name)
    if "pypy" in lowered:
        # PyPy numbers itself 7.x; the Python it implements is "pypy3" or "PyPy 3.10".
        if not ("pypy3" in lowered or "pypy 3" in lowered or "python3" in lowered):
            return None
        return (0, max(versions, default=()))
    python_versions = [v for v in versions if v[0] == 3]
    if versions and not python_versions and not re.search(r"python\s*3\b", lowered):
        return None  # "Python 2.7.18"
    # CPython first: it is what the sandbox ran the candidates with.
    return (1, max(python_versions, default=()))


def _cpp_rank(name: str) -> tuple | None:
    """Sort key for a C++17-capable entry (higher is better), None when it cannot take C++17."""
    lowered = name.lower()
    if not any(word in lowered for word in ("c++", "g++", "cpp")) or "objective" in lowered:
        return None
    match = _CPP_DIALECT.search(name)
    dialect = None
    if match:
        token = match.group(1).lower()
        dialect = _DIALECT_YEARS.get(token) or int(token)
        dialect = dialect + 100 if dialect < 90 else dialect  # 17 -> 117, 98 -> 98: ordered years
        if dialect < 117:
            return None  # C++98/03/11/14 cannot be trusted with C++17 code
    without_dialect = _CPP_DIALECT.sub(" ", name)
    compiler_version = max(_versions(without_dialect), default=())
    gcc = re.search(r"\b(gcc|gnu|g\+\+)", lowered) is not None  # not the g++ of "clang++"
    return (
        dialect is not None,  # a named C++17+ dialect beats a bare "C++"
        gcc,  # g++ is what the sandbox compiled with
        compiler_version,  # the newest compiler
        -(dialect or 0),  # at equal compilers, C++17 itself over C++20/23
    )


def _pypy_rank(name: str) -> tuple | None:
    """Sort key for a Python 3 entry with PyPy first (what the sandbox ran pypy3 programs with)."""
    key = _python_rank(name)
    return None if key is None else (1 - key[0], *key[1:])


def _java_rank(name: str) -> tuple | None:
    """Sort key for a Java entry (higher is better), None when it is no Java or older than 17
    (records, text blocks and `var` would not compile)."""
    lowered = name.lower()
    if not ("java" in lowered or "jdk" in lowered) or any(
            word in lowered for word in ("javascript", "kotlin", "scala")):
        return None
    # "Java 21", "OpenJDK 17.0.2", "Java 1.8": the feature release is the first part, or the
    # second after "1." (Java 8 and older).
    majors = [v[1] if v[0] == 1 and len(v) > 1 else v[0] for v in _versions(name)]
    majors += [int(number) for number in re.findall(r"java\s*(\d+)\b", lowered)]
    newest = max(majors, default=None)
    if newest is not None and newest < 17:
        return None
    return (newest or 0,)


LANGUAGE_RANKERS = {"python3": _python_rank, "pypy3": _pypy_rank, "cpp17": _cpp_rank,
                    "java": _java_rank}


def choose_language(available: list[JudgeLanguage], language: str) -> JudgeLanguage | None:
    """The judge's newest matching compiler for one of our languages ("python3", "pypy3",
    "cpp17", "java")."""
    ranker = LANGUAGE_RANKERS.get(language)
    if ranker is None:
        return None
    ranked = [(key, entry) for entry in available if (key := ranker(entry.name)) is not None]
    if not ranked:
        return None
    return max(ranked, key=lambda pair: pair[0])[1]
