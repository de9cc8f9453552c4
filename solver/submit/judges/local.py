"""The "local" judge: a small HTTP protocol of our own, spoken by the test stand-in judge
(tests/fixtures/judge/server.py) and usable by any self-hosted judge that implements it.

    GET  /api/languages            -> 200 [{"id": "...", "name": "..."}]
    GET  /api/me                   -> 200 {"user": "..."} when the session cookie is valid, else 401
    POST /login                    (form: username, password) -> 302, sets the session cookie
    POST /problems/<id>/submit     (form: language, source) -> 302 Location: /submissions/<n>;
                                   without a session -> 302 to /login; bot check -> 403 page
    GET  /submissions/<n>          -> 200 {"id": "<n>", "status": "Running" | "Accepted" | ...}

Problem URLs look like http://HOST:PORT/problems/<id>.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import requests

from solver.submit.judges.base import (
    JudgeBlockedError,
    JudgeError,
    JudgeLanguage,
    JudgeVerdict,
    block_reason,
    verdict_from_text,
)

TIMEOUT_S = 30.0


class LocalJudge:
    name = "local"

    def __init__(self, problem_url: str, session: requests.Session) -> None:
        parts = urlsplit(problem_url)
        if parts.scheme not in ("http", "https") or not parts.path.startswith("/problems/"):
            raise ValueError(f"{problem_url}: not a local-judge problem URL (.../problems/<id>)")
        self.base_url = f"{parts.scheme}://{parts.netloc}/"
        self.session = session

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        url = urljoin(self.base_url, path)
        try:
            response = self.session.request(method, url, timeout=TIMEOUT_S, **kwargs)
        except requests.RequestException as error:
            message = f"{self.name} judge at {self.base_url} unreachable: {error}"
            raise JudgeError(message) from error
        reason = block_reason(response.status_code, response.url, response.text)
        if reason:
            raise JudgeBlockedError(reason)
        if response.status_code == 429:
            raise JudgeError("rate limited by the judge (HTTP 429): raise --min-interval")
        if response.status_code >= 400:
            raise JudgeError(f"{method} {url}: HTTP {response.status_code}")
        return response

    def is_logged_in(self) -> bool:
        try:
            self._request("GET", "api/me")
        except JudgeBlockedError:
            return False
        return True

    def login(self, username: str, password: str) -> None:
        self._request("POST", "login", data={"username": username, "password": password})
        if not self.is_logged_in():
            raise JudgeBlockedError("login failed")

    def languages(self, problem_url: str) -> list[JudgeLanguage]:
        entries = self._request("GET", "api/languages").json()
        return [JudgeLanguage(id=str(entry["id"]), name=entry["name"]) for entry in entries]

    def submit(self, problem_url: str, language: JudgeLanguage, source: str) -> str:
        path = urlsplit(problem_url).path.rstrip("/") + "/submit"
        response = self._request("POST", path, data={"language": language.id, "source": source})
        # The judge redirects to the new submission's page; its last path part is the id.
        landed = urlsplit(response.url).path
        if "/submissions/" not in landed:
            raise JudgeError(f"submission not confirmed by the judge (landed on {response.url})")
        return landed.rstrip("/").rsplit("/", 1)[-1]

    def poll(self, submission_id: str) -> JudgeVerdict:
        data = self._request("GET", f"submissions/{submission_id}").json()
        return verdict_from_text(str(data.get("status", "")))
