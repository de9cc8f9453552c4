"""`cpsolve listen`: receive problems from the competitive-companion browser extension.

The extension POSTs one JSON object per problem to http://localhost:PORT/ for each port in its
list; 10043 is in its built-in list, so no set-up is needed there. Each problem is solved like
`cpsolve solve` does, or saved as a Markdown problem folder (`--save-to DIR`) to solve later.
"""

from __future__ import annotations

import json
import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
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
)
from cli.render import solve_and_report

if TYPE_CHECKING:
    from solver.problem import Problem

DEFAULT_PORT = 10043  # in competitive-companion's built-in port list


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
                    code = receive(problem, save_to, settings, json_output, debug)
                    if once:
                        return code
            except KeyboardInterrupt:
                err.print("stopped")
                return code

    raise typer.Exit(guarded(debug, run))


def receive(problem: Problem, save_to: Path | None, settings: dict | None, json_output: bool,
            debug: bool) -> int:
    """Save the problem as problems/-style Markdown, or solve it as `cpsolve solve` does."""
    if save_to is not None:
        from solver.problem.formats.markdown import save_markdown

        try:
            folder = save_markdown(problem, save_to / problem.id)
        except OSError as error:
            raise CliError(f"{save_to}: cannot save the problem: {error.strerror or error}",
                           EXIT_INPUT) from error
        err.print(f"saved {problem.title!r} to {folder}/", markup=False)
        # One line per problem on stdout (a path, or a JSON object), for scripts to follow.
        record = {"title": problem.title, "saved_to": str(folder)}
        out.file.write((json.dumps(record) if json_output else str(folder)) + "\n")
        out.file.flush()
        return EXIT_OK
    err.print(f"received {problem.title!r} ({len(problem.examples)} examples; "
              "competitive-companion sends no statement, so the model sees only those)",
              markup=False)
    return solve_and_report(problem, settings or {}, json_output=json_output, debug=debug)


class CompanionServer:
    """An HTTP server on its own thread; parsed problems arrive on `problems`."""

    def __init__(self, host: str, port: int) -> None:
        self.problems: queue.Queue = queue.Queue()
        self.httpd = HTTPServer((host, port), _handler_for(self.problems))
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> CompanionServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler_for(problems: queue.Queue) -> type[BaseHTTPRequestHandler]:
    from rich.markup import escape

    from solver.problem import ProblemError
    from solver.problem.formats.common import MAX_FILE_BYTES
    from solver.problem.formats.companion import from_companion

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # the name http.server calls
            length = int(self.headers.get("Content-Length") or 0)
            where = f"competitive-companion request from {self.client_address[0]}"
            try:
                if length > MAX_FILE_BYTES:  # as for problem files
                    raise ProblemError(f"{where}: {length:,} bytes is too large")
                try:
                    data = json.loads(self.rfile.read(length).decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as error:
                    raise ProblemError(f"{where}: not JSON: {error}") from error
                problem = from_companion(data, where)
            except ProblemError as error:
                err.print(f"[red]error:[/red] {escape(str(error))}", soft_wrap=True)
                self._reply(400, str(error))
                return
            self._reply(200, "ok")
            problems.put(problem)

        def _reply(self, status: int, text: str) -> None:
            body = (text + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # http.server logs every request to stderr; ours says what matters

    return Handler
