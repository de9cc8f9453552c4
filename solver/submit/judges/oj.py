"""Real judges (AtCoder, Codeforces, yukicoder, ...) through online-judge-api-client.

The library detects the judge from the URL, keeps the session in its cookie jar (shared with
`oj login`), lists the languages a problem accepts and submits. Its own failures are turned
into ours here: not logged in or a captcha is `JudgeBlockedError`, anything else `JudgeError`.
Only some services can read a verdict back (AtCoder); elsewhere `poll` says it cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import onlinejudge.dispatch
import onlinejudge.type as oj
import requests

from solver.submit.judges.base import (
    JudgeBlockedError,
    JudgeError,
    JudgeLanguage,
    JudgeVerdict,
    VerdictUnavailableError,
    block_reason,
    verdict_from_text,
)

T = TypeVar("T")
LOGIN_HINT = "log in with `cpsolve submit URL CANDIDATES --login` (or `oj login URL`)"


class OnlineJudgeApiJudge:
    def __init__(self, problem_url: str, session: requests.Session) -> None:
        problem = onlinejudge.dispatch.problem_from_url(problem_url)
        if problem is None:
            raise ValueError(f"{problem_url}: no judge known for this URL")
        self.problem = problem
        self.service = problem.get_service()
        self.name = self.service.get_name().lower().replace(" ", "-")
        self.session = session

    def _call(self, action: Callable[[], T]) -> T:
        """Run one library call; translate what it raises into JudgeBlockedError / JudgeError."""
        try:
            return action()
        except oj.NotLoggedInError as error:
            raise JudgeBlockedError(f"not logged in to {self.name}: {LOGIN_HINT}") from error
        except oj.LoginError as error:
            raise JudgeBlockedError(f"login to {self.name} failed: {error}") from error
        except oj.SubmissionError as error:
            message = str(error)
            # Codeforces' submit was removed from the library because of its captcha.
            if any(word in message.lower() for word in ("removed", "captcha", "bot")):
                raise JudgeBlockedError(message) from error
            raise JudgeError(f"{self.name} refused the submission: {message}") from error
        except NotImplementedError as error:
            raise JudgeBlockedError(
                f"online-judge-api-client cannot do this on {self.name} (no automated access)"
            ) from error
        except requests.HTTPError as error:
            response = error.response
            reason = response is not None and block_reason(
                response.status_code, response.url, response.text
            )
            if reason:
                raise JudgeBlockedError(f"{self.name}: {reason}") from error
            raise JudgeError(f"{self.name}: {error}") from error
        except requests.RequestException as error:
            raise JudgeError(f"{self.name} unreachable: {error}") from error
        except (AssertionError, AttributeError, KeyError, IndexError, ValueError) as error:
            # The library scrapes HTML; a changed page shows up as one of these.
            raise JudgeError(
                f"could not read {self.name}'s pages (the site may have changed): {error!r}"
            ) from error

    def is_logged_in(self) -> bool:
        return self._call(lambda: self.service.is_logged_in(session=self.session))

    def login(self, username: str, password: str) -> None:
        self._call(lambda: self.service.login(get_credentials=lambda: (username, password),
                                              session=self.session))

    def languages(self, problem_url: str) -> list[JudgeLanguage]:
        found = self._call(lambda: self.problem.get_available_languages(session=self.session))
        return [JudgeLanguage(id=str(entry.id), name=str(entry.name)) for entry in found]

    def submit(self, problem_url: str, language: JudgeLanguage, source: str) -> str:
        submission = self._call(lambda: self.problem.submit_code(
            source.encode("utf-8"), oj.LanguageId(language.id), session=self.session))
        return submission.get_url()  # the URL is the id: poll() finds the submission from it

    def poll(self, submission_id: str) -> JudgeVerdict:
        submission = onlinejudge.dispatch.submission_from_url(submission_id)
        if submission is None:
            raise VerdictUnavailableError(f"{self.name}: cannot follow {submission_id}")
        try:
            data = self._call(lambda: submission.download_data(session=self.session))
        except JudgeBlockedError as error:
            raise VerdictUnavailableError(
                f"{self.name} cannot report verdicts here: see {submission_id}"
            ) from error
        return verdict_from_text(data.status)
