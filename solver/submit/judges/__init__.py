"""Online judges behind one small interface (`Judge` in base.py), and how to open one.

- "auto": real judges through online-judge-api-client (judge detected from the URL).
- "local": our own small HTTP protocol (local.py), spoken by the test stand-in judge.

Sessions live in online-judge-api-client's cookie jar (the one `oj login` fills), so a user
already logged in with online-judge-tools is logged in here too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import requests

from solver.submit.judges.base import (
    Judge,
    JudgeBlockedError,
    JudgeError,
    JudgeLanguage,
    JudgeVerdict,
    VerdictUnavailableError,
    choose_language,
    verdict_from_text,
)

__all__ = [
    "JUDGE_KINDS",
    "Judge",
    "JudgeBlockedError",
    "JudgeError",
    "JudgeLanguage",
    "JudgeVerdict",
    "VerdictUnavailableError",
    "choose_language",
    "cookie_session",
    "default_cookie_path",
    "open_judge",
    "verdict_from_text",
]

JUDGE_KINDS = ("auto", "local")


def default_cookie_path() -> Path:
    from onlinejudge.utils import default_cookie_path as path

    return Path(path)


@contextlib.contextmanager
def cookie_session(cookie_path: Path | None = None) -> Iterator[requests.Session]:
    """A requests session backed by a cookie jar file, saved back when done."""
    from onlinejudge.utils import with_cookiejar

    with with_cookiejar(requests.Session(), path=cookie_path or default_cookie_path()) as session:
        yield session


def open_judge(problem_url: str, session: requests.Session, kind: str = "auto") -> Judge:
    """The adapter for the judge of problem_url. ValueError when no judge fits the URL."""
    if kind == "local":
        from solver.submit.judges.local import LocalJudge

        return LocalJudge(problem_url, session)
    if kind == "auto":
        from solver.submit.judges.oj import OnlineJudgeApiJudge

        return OnlineJudgeApiJudge(problem_url, session)
    raise ValueError(f"unknown judge kind {kind!r} (expected: {', '.join(JUDGE_KINDS)})")
