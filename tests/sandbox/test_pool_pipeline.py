"""Unit tests of the pool's pipelining (Worker.run_jobs) against a fake runner: no Docker."""

from __future__ import annotations

import base64
import json
import threading
from collections import deque

import pytest

from sandbox.jobs import Job, Program, SandboxError, Verdict
from sandbox.pool import PoolClosedError, Worker


class FakeRunner(Worker):
    """A Worker whose container is a queue: it echoes each job's input as the program's output.
    `fail_sends` sends raise OSError first, as a dead container's pipe would."""

    def __init__(self, fail_sends: int = 0) -> None:  # no container: skip Worker.__init__
        self.loaded: set[str] = set()
        self.closing = threading.Event()
        self.recent_wall_s = None
        self.restarts = 0
        self.fail_sends = fail_sends
        self.queued: deque[dict] = deque()
        self.sent_ids: list[int] = []
        self.sock = self

    def start(self) -> None:
        self.sock = self

    def close(self) -> None:
        self.queued.clear()  # what was in flight is lost with the container
        self.loaded = set()

    def sendall(self, data: bytes) -> None:
        if self.fail_sends:
            self.fail_sends -= 1
            raise OSError("broken pipe")
        for line in data.splitlines():
            message = json.loads(line)
            self.sent_ids.append(message["id"])
            self.queued.append(message)

    def receive(self, timeout: float) -> dict:
        message = self.queued.popleft()
        return {"id": message["id"], "verdict": "OK", "cpu_s": 0.0, "wall_s": 0.001,
                "memory_kb": 100, "exit_code": 0, "signal": None,
                "stdout": base64.b64decode(message["input_b64"]), "stderr_tail": ""}


def run_all(worker: FakeRunner, jobs: list[Job], compiled: dict) -> dict[int, object]:
    pending = deque(range(len(jobs)))
    results: dict[int, object] = {}
    worker.run_jobs(lambda: pending.popleft() if pending else None, jobs, compiled,
                    results.__setitem__)
    return results


ECHO = Program("python3", "print(input())\n")
BROKEN = Program("cpp17", "int main( {")


def test_every_job_is_delivered_once_in_order_of_its_index():
    jobs = [Job(ECHO, f"{i}\n".encode()) for i in range(50)]
    worker = FakeRunner()
    results = run_all(worker, jobs, {})
    assert [results[i].stdout for i in range(50)] == [f"{i}\n".encode() for i in range(50)]
    assert len(worker.sent_ids) == 50
    assert worker.depth() > 2  # quick answers: later jobs went ahead of earlier answers


def test_a_compile_error_is_kept_when_the_send_beside_it_fails():
    jobs = [Job(ECHO, b"a\n"), Job(BROKEN, b""), Job(ECHO, b"b\n")]
    worker = FakeRunner(fail_sends=1)
    results = run_all(worker, jobs, {BROKEN.key: "prog.cpp:1: error"})
    assert sorted(results) == [0, 1, 2]
    assert results[1].verdict is Verdict.CE and results[1].stderr_tail == "prog.cpp:1: error"
    assert (results[0].stdout, results[2].stdout) == (b"a\n", b"b\n")
    assert worker.restarts == 1


def test_the_program_is_sent_again_after_a_restart():
    jobs = [Job(ECHO, f"{i}\n".encode()) for i in range(3)]
    worker = FakeRunner()
    run_all(worker, jobs, {})
    worker.close()  # as a replaced container: it holds no program
    sent: list[dict] = []
    original = worker.sendall

    def record(data: bytes) -> None:
        sent.extend(json.loads(line) for line in data.splitlines())
        original(data)

    worker.sendall = record
    run_all(worker, jobs, {})
    assert "source" in sent[0] and all("source" not in message for message in sent[1:])
    assert base64.b64decode(sent[0]["input_b64"]) == b"0\n"


def test_a_closing_pool_replaces_no_container_and_retries_nothing():
    jobs = [Job(ECHO, f"{i}\n".encode()) for i in range(3)]
    worker = FakeRunner(fail_sends=1)
    worker.closing.set()  # as when the pool began closing, or was interrupted, meanwhile
    started: list[bool] = []
    worker.start = lambda: started.append(True)
    with pytest.raises(PoolClosedError):
        run_all(worker, jobs, {})
    assert started == [] and worker.restarts == 0


def test_a_job_that_fails_twice_is_a_sandbox_error_after_one_replacement():
    worker = FakeRunner(fail_sends=2)
    with pytest.raises(SandboxError, match="failed twice"):
        run_all(worker, [Job(ECHO, b"1\n")], {})
    assert worker.restarts == 1
