"""A pool of warm Docker containers, each with a runner process that executes many jobs.

`docker run` per test costs 0.2-0.6 s; a job sent to a warm runner costs about a millisecond more
than the program itself. One job at a time per container keeps the container's cgroup limits a
per-run limit.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import socket
import struct
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.jobs import Job, RunResult, Verdict

RUNNER_SOURCE = (Path(__file__).parent / "runner.py").read_text(encoding="utf-8")
LABEL = "cpsolve.sandbox"
DEFAULT_IMAGE = "cpsolve-sandbox:1"  # bump when the image's contents change


class SandboxError(Exception):
    """The sandbox could not evaluate at all (no engine, no image, a runner that keeps dying).

    Distinct from a program failing, which is a RunResult verdict.
    """


@dataclass(frozen=True)
class SandboxOptions:
    """How the pool is set up. Per-run limits travel with each Job instead."""

    image: str = DEFAULT_IMAGE
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    container_memory_mb: int = 3072  # cgroup cap for runner + program (+ compiler)
    container_pids: int = 256  # cgroup cap on processes: stops fork bombs
    scratch_mb: int = 512  # tmpfs for the compile cache and the run's scratch dir
    cpus: float = 1.0  # one job at a time per container needs one core


def docker_client():
    """A docker-py client that answers, or SandboxError with what to do."""
    import docker  # imported here so `cpsolve --help` stays fast

    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as error:
        raise SandboxError(
            f"no Docker engine answers ({type(error).__name__}); start one (e.g. `dockerd &` as "
            "root) or run `make demo`, which sets it up"
        ) from error
    return client


class Worker:
    """One container and the runner process attached to it."""

    def __init__(self, client, options: SandboxOptions) -> None:
        self.client = client
        self.options = options
        self.container = None
        self.sock: socket.socket | None = None
        self.buffer = b""
        self.start()

    def start(self) -> None:
        options = self.options
        try:
            self.container = self.client.containers.run(
                options.image,
                ["sleep", "infinity"],
                detach=True,
                init=True,  # reaps zombies, forwards signals
                network_mode="none",
                read_only=True,
                tmpfs={"/sandbox": f"rw,exec,nosuid,size={options.scratch_mb}m,mode=755"},
                mem_limit=f"{options.container_memory_mb}m",
                memswap_limit=f"{options.container_memory_mb}m",
                pids_limit=options.container_pids,
                nano_cpus=int(options.cpus * 1e9),
                cap_drop=["ALL"],
                # The runner (root in the container) needs these to drop to nobody, kill what the
                # program leaves behind, and wipe what it wrote; the program itself has none.
                cap_add=["SETUID", "SETGID", "KILL", "DAC_OVERRIDE", "FOWNER", "CHOWN"],
                security_opt=["no-new-privileges"],
                labels={LABEL: "1", f"{LABEL}.owner": str(os.getpid())},
                name=f"cpsolve-{uuid.uuid4().hex[:12]}",
            )
            exec_id = self.client.api.exec_create(
                self.container.id,
                ["python3", "-I", "-c", RUNNER_SOURCE],
                stdin=True,
                stdout=True,
                stderr=False,
                user="0",
            )["Id"]
            raw = self.client.api.exec_start(exec_id, socket=True)
        except Exception as error:
            self.close()
            raise SandboxError(f"could not start a sandbox container: {error}") from error
        self.sock = raw._sock
        self.buffer = b""
        answer = self.request({"op": "ping", "id": "ping"}, timeout=60)
        if not answer.get("pong"):
            raise SandboxError(f"sandbox runner did not answer a ping: {answer}")

    def close(self) -> None:
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        if self.container is not None:
            try:
                self.container.remove(force=True)
            except Exception:  # noqa: BLE001 - already gone is fine
                pass
            self.container = None

    def request(self, message: dict, timeout: float) -> dict:
        assert self.sock is not None
        self.sock.settimeout(timeout)
        self.sock.sendall(json.dumps(message).encode() + b"\n")
        return json.loads(self.read_line())

    def read_line(self) -> bytes:
        """Read one line of the runner's stdout from Docker's multiplexed stream."""
        while b"\n" not in self.buffer:
            header = self.read_exactly(8)
            stream, size = header[0], struct.unpack(">I", header[4:])[0]
            payload = self.read_exactly(size)
            if stream == 1:
                self.buffer += payload
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def read_exactly(self, size: int) -> bytes:
        assert self.sock is not None
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("sandbox runner closed its output")
            data += chunk
        return data

    def run(self, job: Job) -> RunResult:
        """Run one job; replace the container and retry once if the runner died under it."""
        for attempt in (1, 2):
            try:
                answer = self.request(job_message(job), timeout=job.limits.wall_s + 90)
                if "error" in answer:
                    raise SandboxError(f"sandbox runner failed: {answer['error']}")
                return result_from_answer(answer)
            except (OSError, ConnectionError, ValueError, SandboxError) as error:
                self.close()
                if attempt == 2:
                    message = f"sandbox worker failed twice on one job: {error}"
                    raise SandboxError(message) from error
                self.start()
        raise AssertionError("unreachable")


def job_message(job: Job) -> dict:
    limits = job.limits
    return {
        "id": job.program.key,
        "language": job.program.language,
        "key": job.program.key,
        "source": job.program.source,
        "input_b64": base64.b64encode(job.input).decode("ascii"),
        "time_s": limits.time_s,
        "wall_s": limits.wall_s,
        "memory_mb": limits.memory_mb,
        "output_bytes": limits.output_mb * 1024 * 1024,
        "processes": limits.processes,
    }


def result_from_answer(answer: dict) -> RunResult:
    return RunResult(
        verdict=Verdict(answer["verdict"]),
        cpu_s=answer["cpu_s"],
        wall_s=answer["wall_s"],
        memory_mb=round(answer["memory_kb"] / 1024, 1),
        exit_code=answer["exit_code"],
        signal=answer["signal"],
        stdout=base64.b64decode(answer["stdout_b64"]),
        stderr_tail=answer["stderr_tail"],
    )


class DockerPool:
    """Executor over warm containers: `run(jobs)` returns one RunResult per job, in order.

    Use as a context manager; containers are removed on exit, on errors and on Ctrl-C.
    """

    def __init__(self, options: SandboxOptions | None = None) -> None:
        self.options = options or SandboxOptions()
        self.client = docker_client()
        remove_orphans(self.client)
        try:
            self.client.images.get(self.options.image)
        except Exception as error:
            raise SandboxError(
                f"sandbox image {self.options.image} is missing; run `cpsolve sandbox build`"
            ) from error
        self.workers: list[Worker] = []
        try:
            for _ in range(max(1, self.options.workers)):
                self.workers.append(Worker(self.client, self.options))
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> DockerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        self.workers = []

    def run(
        self, jobs: Sequence[Job], on_result: Callable[[int, RunResult], None] | None = None
    ) -> list[RunResult]:
        """Run every job on the first free worker. `on_result(index, result)` reports progress."""
        results: list[RunResult | None] = [None] * len(jobs)
        pending: queue.Queue[int] = queue.Queue()
        for index in range(len(jobs)):
            pending.put(index)
        errors: list[BaseException] = []
        lock = threading.Lock()

        def work(worker: Worker) -> None:
            while not errors:
                try:
                    index = pending.get_nowait()
                except queue.Empty:
                    return
                try:
                    result = worker.run(jobs[index])
                except BaseException as error:  # noqa: BLE001 - re-raised in the caller
                    errors.append(error)
                    return
                results[index] = result
                if on_result is not None:
                    with lock:
                        on_result(index, result)

        threads = [threading.Thread(target=work, args=(w,), daemon=True) for w in self.workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return [result for result in results if result is not None]


def remove_orphans(client) -> None:
    """Remove sandbox containers left by cpsolve processes that no longer exist."""
    for container in client.containers.list(all=True, filters={"label": LABEL}):
        owner = container.labels.get(f"{LABEL}.owner", "")
        if owner.isdigit() and pid_alive(int(owner)) and int(owner) != os.getpid():
            continue
        if owner.isdigit() and int(owner) == os.getpid():
            continue
        try:
            container.remove(force=True)
        except Exception:  # noqa: BLE001
            pass


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
