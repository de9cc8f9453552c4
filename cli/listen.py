"""`cpsolve listen`: receive problems from the competitive-companion browser extension.

The extension POSTs one JSON object per problem to http://localhost:PORT/ for each port in its
list; 10043 is in its built-in list, so no set-up is needed there. Each problem is solved like
`cpsolve solve` does, or saved as a Markdown problem folder (`--save-to DIR`) to solve later.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import queue
import re
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import (
    CONFIG_HELP,
    EXIT_INFRA,
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    err,
    guarded,
    load_defaults,
    out,
    quiet_libraries,
)
from cli.flows import solve_and_report

if TYPE_CHECKING:
    from solver.problem import Problem

DEFAULT_PORT = 10043  # in competitive-companion's built-in port list
REQUEST_TIMEOUT_S = 5.0  # the extension sends a problem at once; a stalled request is cut off


def listen(
    port: Annotated[int, typer.Option(help="port to listen on (0: any free port)")] = DEFAULT_PORT,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    save_to: Annotated[
        Path | None, typer.Option("--save-to", help="save problems here instead of solving")
    ] = None,
    once: Annotated[bool, typer.Option(help="stop after the first problem")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="print JSON objects")] = False,
    config_path: Annotated[Path | None, typer.Option("--config", help=CONFIG_HELP)] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Wait for competitive-companion to send problems; solve each (or save it). Ctrl-C stops."""
    if save_to is None:
        quiet_libraries()  # the engine's own logs stay off stdout, where results go
    settings = None if save_to is not None else load_defaults(config_path)

    def run() -> int:
        try:
            server = CompanionServer(host, port)
        except OSError as error:
            raise CliError(f"cannot listen on {host}:{port}: {error.strerror or error}",
                           EXIT_INFRA) from error
        with server:
            err.print(f"listening on {host}:{server.port} for competitive-companion "
                      "(Ctrl-C stops)")
            code = EXIT_OK
            try:
                while True:
                    problem = server.problems.get()
                    code = receive(problem, save_to=save_to, settings=settings,
                                   json_output=json_output, debug=debug)
                    if once:
                        return code
            except KeyboardInterrupt:
                err.print("stopped")
                return code

    raise typer.Exit(guarded(debug, run))


def receive(problem: Problem, *, save_to: Path | None, settings: dict | None,
            json_output: bool, debug: bool) -> int:
    """Save the problem as problems/-style Markdown, or solve it as `cpsolve solve` does.

    save_to: the folder to save under (a new DIR/<id>/ per problem); None: solve it now.
    settings: the merged configuration for solving (unused when saving).
    json_output, debug: as `cpsolve solve --json --debug`.
    """
    if save_to is not None:
        from solver.problem.formats.markdown import save_markdown

        try:
            folder = save_markdown(problem, new_folder(save_to, problem.id))
        except OSError as error:
            raise CliError(f"{save_to}: cannot save the problem: {error.strerror or error}",
                           EXIT_INPUT) from error
        err.print(f"saved {problem.title!r} to {folder}/", markup=False, soft_wrap=True)
        # One line per problem on stdout (a path, or a JSON object), for scripts to follow.
        record = {"title": problem.title, "saved_to": str(folder)}
        out.file.write((json.dumps(record) if json_output else str(folder)) + "\n")
        out.file.flush()
        return EXIT_OK
    err.print(f"received {problem.title!r} ({len(problem.examples)} examples; "
              "competitive-companion sends no statement, so the model sees only those)",
              markup=False)
    return solve_and_report(problem, settings or {}, json_output=json_output, debug=debug)


def new_folder(parent: Path, name: str) -> Path:
    """Make and return parent/name, or parent/name-2, -3, ... when it is taken: two problems
    whose names make the same folder name ("A. Sum", "B. Sum!") must not overwrite each other."""
    parent.mkdir(parents=True, exist_ok=True)
    for number in itertools.count(1):
        folder = parent / (name if number == 1 else f"{name}-{number}")
        try:
            folder.mkdir()  # atomic: exactly one caller gets each name
        except FileExistsError:
            continue
        return folder
    raise AssertionError("unreachable")


class CompanionServer:
    """An HTTP server on its own thread, a thread per request; parsed problems arrive on
    `problems`.

    request_timeout_s: how long a request may stall (each read, and the whole body) before
        it gets a 400 and is closed, so a client holding a half-sent request blocks no one.
    """

    def __init__(self, host: str, port: int, *,
                 request_timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        self.httpd = _CompanionHTTPServer((host, port), request_timeout_s)
        self.problems = self.httpd.problems
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> CompanionServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.httpd.shutdown()
        # A problem is queued before its 200 goes out: let that reply finish before exiting.
        self.httpd.wait_for_replies(self.httpd.request_timeout_s)
        self.httpd.server_close()


class _CompanionHTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a stalled client never keeps the process alive

    def __init__(self, address: tuple[str, int], request_timeout_s: float) -> None:
        self.problems: queue.Queue[Problem] = queue.Queue()
        self.request_timeout_s = request_timeout_s
        self._replies_pending = 0
        self._replies_done = threading.Condition()
        super().__init__(address, _CompanionHandler)

    @contextlib.contextmanager
    def replying(self) -> Iterator[None]:
        """Mark a reply in progress for wait_for_replies."""
        with self._replies_done:
            self._replies_pending += 1
        try:
            yield
        finally:
            with self._replies_done:
                self._replies_pending -= 1
                self._replies_done.notify_all()

    def wait_for_replies(self, timeout_s: float) -> None:
        with self._replies_done:
            self._replies_done.wait_for(lambda: self._replies_pending == 0, timeout_s)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # socketserver prints a traceback here; one line is enough, and serving goes on.
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a client gone mid-reply is not worth a line
            _log_refusal(f"competitive-companion request from {client_address[0]}: "
                         f"{_one_line(error)}")


class _CompanionHandler(BaseHTTPRequestHandler):
    server: _CompanionHTTPServer

    def setup(self) -> None:
        self.timeout = self.server.request_timeout_s  # set on the socket by setup()
        super().setup()

    @property
    def where(self) -> str:
        return f"competitive-companion request from {self.client_address[0]}"

    def parse_request(self) -> bool:
        try:
            return super().parse_request()
        except TimeoutError:  # headers half-sent: answered here, not dropped silently
            self.close_connection = True
            self._refuse(f"{self.where}: headers not received within "
                         f"{self.timeout:g} s")
            return False

    def do_POST(self) -> None:  # the name http.server calls
        from solver.problem import ProblemError
        from solver.problem.formats.common import parse_json
        from solver.problem.formats.companion import from_companion

        try:
            body = self._read_body()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ProblemError(f"{self.where}: body is not UTF-8 text "
                                   f"(byte 0x{body[error.start]:02x})") from error
            problem = from_companion(parse_json(self.where, text), self.where)
        except ProblemError as error:
            self._refuse(str(error))
            return
        except Exception as error:  # noqa: BLE001 - whatever a client sends is its bad request
            self._refuse(f"{self.where}: cannot read the problem: {_one_line(error)}")
            return
        # Queued first: a reply that fails (the client gone) must not lose the problem.
        with self.server.replying():
            self.server.problems.put(problem)
            self._reply(200, "ok")

    def _read_body(self) -> bytes:
        """The request body, all Content-Length bytes of it within the request timeout."""
        from solver.problem import ProblemError
        from solver.problem.formats.common import MAX_FILE_BYTES

        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            raise ProblemError(f"{self.where}: no body (no Content-Length header)")
        if len(set(lengths)) > 1:
            raise ProblemError(f"{self.where}: Content-Length given twice: {lengths!r:.80}")
        if not re.fullmatch(r"[0-9]{1,20}", lengths[0].strip()):
            raise ProblemError(f"{self.where}: Content-Length {lengths[0]!r:.40} is not a "
                               "number of bytes")
        length = int(lengths[0])
        if length == 0:
            raise ProblemError(f"{self.where}: no body (Content-Length is 0)")
        if length > MAX_FILE_BYTES:  # as for problem files
            raise ProblemError(f"{self.where}: {length:,} bytes is too large")
        # Each read waits at most the socket timeout; the deadline bounds a slow trickle too.
        deadline = time.monotonic() + self.timeout
        chunks: list[bytes] = []
        received = 0
        while received < length:
            try:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = self.rfile.read1(min(length - received, 1 << 16))
            except TimeoutError:
                raise ProblemError(f"{self.where}: body not received within {self.timeout:g} s "
                                   f"({received:,} of {length:,} bytes)") from None
            if not chunk:
                raise ProblemError(f"{self.where}: body ended after {received:,} of "
                                   f"{length:,} bytes")
            chunks.append(chunk)
            received += len(chunk)
        return b"".join(chunks)

    def _refuse(self, message: str) -> None:
        _log_refusal(message)
        self._reply(400, message)

    def _reply(self, status: int, text: str) -> None:
        body = (text + "\n").encode("utf-8", errors="replace")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            self.close_connection = True  # the client has gone: nothing to tell it

    def log_message(self, format: str, *args: object) -> None:
        pass  # http.server logs every request to stderr; ours says what matters


def _log_refusal(message: str) -> None:
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)


def _one_line(error: BaseException) -> str:
    return " ".join(f"{type(error).__name__}: {error}".split())
