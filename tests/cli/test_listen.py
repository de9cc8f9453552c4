"""`cpsolve listen`: competitive-companion's requests, well-formed and hostile."""

from __future__ import annotations

import dataclasses
import http.server
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.listen import CompanionServer, receive
from cli.main import EXIT_INFRA, app
from solver.problem import load_problem
from solver.problem.formats.companion import from_companion
from tests.conftest import REPO

runner = CliRunner()
COMPANION = REPO / "tests" / "fixtures" / "formats" / "sum-of-two" / "companion.json"


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def post(port: int, body: bytes, timeout: float = 10) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def companion_json(**changes: object) -> dict:
    data = json.loads(COMPANION.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def raw_exchange(port: int, request: bytes, *, end_body: bool = False) -> tuple[int, str]:
    """Send bytes as they are (headers a client library would not send); the reply's status
    and body. end_body: close our side after sending, as a client that gave up would."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(request)
        if end_body:
            client.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := client.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head, "no reply at all"
    return int(head.split()[1]), body.decode("utf-8")


def with_body(body: bytes) -> bytes:
    """A POST request of `body` with its length, as sent by a client library."""
    return post_head(str(len(body))) + body


def post_head(length: str | bytes | None) -> bytes:
    head = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    if length is not None:
        head += b"Content-Length: " + (length.encode() if isinstance(length, str) else length)
        head += b"\r\n"
    return head + b"\r\n"


@pytest.fixture
def server():
    with CompanionServer("127.0.0.1", 0, request_timeout_s=1.0) as running:
        yield running


# --- the ordinary path -----------------------------------------------------------------------


def test_listen_saves_a_posted_problem_as_markdown(tmp_path):
    """A real `cpsolve listen` process, sent what competitive-companion sends."""
    command = [sys.executable, "-m", "cli.main", "listen", "--port", "0", "--once",
               "--save-to", str(tmp_path)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        banner = process.stderr.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)", banner).group(1))
        assert post(port, b'{"name": "broken"') == 400  # refused, and the server keeps going
        assert post(port, COMPANION.read_bytes()) == 200
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "malformed JSON" in stderr
    folder = Path(stdout.strip())
    assert folder == tmp_path / "sum-of-two"
    saved = load_problem(folder)
    original = load_problem(COMPANION)
    assert (saved.title, saved.examples, saved.time_limit_s, saved.memory_limit_mb, saved.url) == (
        original.title, original.examples, original.time_limit_s, original.memory_limit_mb,
        original.url,
    )


def test_listen_hands_the_parsed_problem_to_the_solve_path(monkeypatch, tmp_path):
    received = []

    def fake_solve(problem, settings, seed=None, json_output=False, debug=False):
        received.append((problem, settings))
        return 0

    monkeypatch.setattr("cli.listen.solve_and_report", fake_solve)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CPSOLVE_SAMPLES", "5")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.setdefault(
        "result", runner.invoke(app, ["listen", "--port", str(port), "--once"])))
    worker.start()
    deadline = time.monotonic() + 20
    while True:
        try:
            status = post(port, COMPANION.read_bytes())
            break
        except urllib.error.URLError:
            assert time.monotonic() < deadline, "listen never answered"
            time.sleep(0.05)
    worker.join(timeout=20)
    assert status == 200
    assert outcome["result"].exit_code == 0, outcome["result"].output
    [(problem, settings)] = received
    from_file = load_problem(COMPANION)
    assert problem == dataclasses.replace(from_file, path=None)  # the same, but from the network
    assert settings["samples"] == 5


def test_listen_port_in_use_is_an_infrastructure_error():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = runner.invoke(app, ["listen", "--port", str(busy.getsockname()[1]),
                                     "--save-to", "unused"])
    assert result.exit_code == EXIT_INFRA
    assert "cannot listen" in one_line_error(result)


# --- clients that stall, vanish or send nonsense -----------------------------------------------


def test_a_stalled_client_blocks_no_one():
    with CompanionServer("127.0.0.1", 0, request_timeout_s=4.0) as server:
        half_body = socket.create_connection(("127.0.0.1", server.port))
        half_body.sendall(post_head("500") + b'{"name": ')
        half_headers = socket.create_connection(("127.0.0.1", server.port))
        half_headers.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-")
        try:
            # Answered while the stalled requests still wait, not after they time out.
            assert post(server.port, COMPANION.read_bytes(), timeout=3) == 200
            assert server.problems.get(timeout=5).title == "Sum of Two"
            for stalled, needle in ((half_body, "body not received within 4 s (9 of 500 bytes)"),
                                    (half_headers, "headers not received within 4 s")):
                stalled.settimeout(10)
                reply = b""
                while chunk := stalled.recv(65536):
                    reply += chunk
                assert reply.startswith(b"HTTP/1.0 400 "), reply
                assert needle in reply.decode()
        finally:
            half_body.close()
            half_headers.close()


def test_the_problem_is_queued_before_the_reply(server, monkeypatch):
    def vanished_client(self, *args):
        raise ConnectionResetError("the client has gone")

    monkeypatch.setattr(http.server.BaseHTTPRequestHandler, "send_response", vanished_client)
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        post(server.port, COMPANION.read_bytes(), timeout=5)
    assert server.problems.get(timeout=5).title == "Sum of Two"


BAD_REQUESTS = {
    "input as a string": (with_body(json.dumps(companion_json(input="stdin")).encode()),
                          "'input' must be an object"),
    "non-numeric length": (post_head("abc") + b"{}", "Content-Length 'abc' is not a number"),
    "negative length": (post_head("-5") + b"{}", "Content-Length '-5' is not a number"),
    "unicode digit as length": (post_head(b"\xb2") + b"{}", "is not a number of bytes"),
    "two lengths": (post_head("2")[:-2] + b"Content-Length: 3\r\n\r\n{}", "given twice"),
    "no length, no body": (post_head(None), "no body (no Content-Length header)"),
    "zero length": (post_head("0"), "no body (Content-Length is 0)"),
    "too large": (post_head(str(2**40)), "is too large"),
    "nested too deeply": (with_body(b"[" * 100_000), "nested too deeply"),
    "not UTF-8": (with_body(b'"\xff"\n'), "not UTF-8"),
    "a JSON list": (with_body(b"[]"), "must be a JSON object"),
    "a lone surrogate": (with_body(b'{"name": "\\ud800", "tests": []}'), "lone surrogate"),
}


@pytest.mark.parametrize("case", list(BAD_REQUESTS))
def test_bad_requests_get_400_in_one_line_and_serving_goes_on(server, capsys, case):
    request, needle = BAD_REQUESTS[case]
    status, body = raw_exchange(server.port, request)
    assert status == 400
    assert needle in body and body.endswith("\n") and body.count("\n") == 1, body
    assert post(server.port, COMPANION.read_bytes(), timeout=5) == 200
    assert server.problems.get(timeout=5).title == "Sum of Two"
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr and needle in stderr


def test_a_body_cut_short_gets_400(server):
    status, body = raw_exchange(server.port, post_head("10") + b'{"na', end_body=True)
    assert (status, body.strip()) == (
        400, "competitive-companion request from 127.0.0.1: body ended after 4 of 10 bytes",
    )


# --- saving with --save-to -----------------------------------------------------------------


def saved_folders(capsys) -> list[Path]:
    return [Path(line) for line in capsys.readouterr().out.splitlines()]


def test_names_that_make_the_same_folder_do_not_overwrite(tmp_path, capsys):
    first = from_companion(companion_json(name="A. Sum of Two"), "first")
    second = from_companion(companion_json(name="B. Sum of two!", tests=[
        {"input": "1 1\n", "output": "2\n"}]), "second")
    for problem in (first, second, first):
        receive(problem, save_to=tmp_path, settings=None, json_output=False, debug=False)
    folders = saved_folders(capsys)
    assert folders == [tmp_path / "sum-of-two", tmp_path / "sum-of-two-2",
                       tmp_path / "sum-of-two-3"]
    assert [load_problem(folder).examples for folder in folders] == [
        first.examples, second.examples, first.examples,
    ]


HOSTILE_NAMES = [
    "A. Sum\n---\ntitle: evil\n---", "key: value # comment", "'quoted' \"twice\"",
    "B. " + "very long name " * 700, "C. ---", "D. line\u2028next\x85line\rthird\r\nfourth",
    "E. {[&*!|>%@`]}",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_save_a_problem_that_loads_back(tmp_path, capsys, name):
    problem = from_companion(companion_json(name=name, timeLimit=2500, memoryLimit=512),
                             "hostile")
    assert receive(problem, save_to=tmp_path, settings=None, json_output=False,
                   debug=False) == 0
    [folder] = saved_folders(capsys)
    assert folder.parent == tmp_path and len(folder.name) <= 64
    again = load_problem(folder)
    assert (again.title, again.examples, again.time_limit_s, again.memory_limit_mb, again.url) == (
        problem.title, problem.examples, 2.5, 512, problem.url,
    )
