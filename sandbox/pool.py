"""A pool of warm Docker containers, each with a runner process that executes many jobs.

`docker run` per test costs 0.2-0.6 s; a job sent to a warm runner costs a fraction of a
millisecond more than the program itself. One job at a time per container keeps the container's
cgroup limits a per-run limit.

C++ is compiled once per distinct source: `run()` first compiles every new source on some worker
(in parallel across workers), keeps the binary (or the compiler's message) on the host, and sends
the binary with the first job of that program each other worker gets (a Python program's source
likewise goes once per container).
"""

from __future__ import annotations

import atexit
import base64
import itertools
import json
import os
import queue
import random
import shutil
import socket
import struct
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.jobs import Job, Program, RunResult, SandboxError, Verdict

__all__ = ["DockerPool", "SandboxError", "SandboxOptions"]

RUNNER_SOURCE = (Path(__file__).parent / "runner.py").read_text(encoding="utf-8")
LABEL = "cpsolve.sandbox"
IO_MOUNT = "/sandbox-io"  # where the runner finds the host's socket
DEFAULT_IMAGE = "cpsolve-sandbox:1"  # bump when the image's contents change


@dataclass(frozen=True)
class SandboxOptions:
    """How the pool is set up. Per-run limits travel with each Job instead."""

    image: str = DEFAULT_IMAGE
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    container_memory_mb: int = 3072  # cgroup cap for runner + program (+ compiler)
    container_pids: int = 256  # cgroup cap on processes: stops fork bombs
    scratch_mb: int = 512  # tmpfs for the compile cache and the run's scratch dir
    cpus: float = 1.0  # one job at a time per container needs one core
    # Each container on a CPU of its own (worker i on CPU i modulo the engine's count): the
    # runner, `launch` and the program then wake each other on one CPU, which on a virtual
    # machine is much cheaper than across CPUs (a trivial run: 0.53 ms instead of 0.6-0.78).
    pin_cpus: bool = True
    compile_time_s: float = 30.0  # CPU seconds g++ may take on one source (wall: twice that)
    compile_memory_mb: int = 2048  # address space g++ may take (template bombs stop here)


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


# Jobs sent ahead of their answers: at most this many, this many bytes unanswered (so no pipe
# fills both ways: a big message goes alone), and about this many seconds of work.
PIPELINE_DEPTH = 16
PIPELINE_BYTES = 48 * 1024
PIPELINE_SECONDS = 0.05


class Worker:
    """One container and the runner process attached to it."""

    def __init__(self, client, options: SandboxOptions, cpu: int | None = None) -> None:
        self.client = client
        self.options = options
        self.cpu = cpu  # the engine's CPU this container is pinned to, if any
        self.container = None
        self.io_dir: Path | None = None  # holds the Unix socket the runner connects to
        self.stream: socket.socket | None = None  # `docker exec`'s stream to the runner
        self.sock: socket.socket | None = None  # where messages go: the socket, or the stream
        self.framed = True  # whether answers come in Docker's stream frames
        self.buffer = b""
        self.loaded: set[str] = set()  # keys of programs this container already holds
        # Moving average of its runs' wall time (sets the pipelining); None before the first.
        self.recent_wall_s: float | None = None
        self.restarts = 0
        # A uid of its own per container: RLIMIT_NPROC counts per uid across the whole machine,
        # and kill(-1) as that uid must reach only this container's programs.
        self.program_uid = random.randrange(200_000, 2_000_000_000)
        self.start()

    def start(self) -> None:
        """Start the container and its runner, and connect to it: directly over a Unix socket
        in a folder mounted into the container when the engine runs on this machine (no trip
        through dockerd and containerd for every message), else over `docker exec`'s stream."""
        listener = self.listen()
        try:
            self.container = self.run_container(mount=listener is not None)
            exec_id = self.client.api.exec_create(
                self.container.id,
                ["python3", "-I", "-c", RUNNER_SOURCE, str(self.program_uid),
                 f"{IO_MOUNT}/runner.sock"],
                stdin=True,
                stdout=True,
                stderr=False,
                user="0",
            )["Id"]
            self.stream = self.client.api.exec_start(exec_id, socket=True)._sock
            self.stream.settimeout(60)
            self.sock, self.framed, self.buffer = self.stream, True, b""
            transport = self.read_line()  # the runner says which way it answers
            if transport == b"socket" and listener is not None:
                listener.settimeout(60)
                self.sock, _ = listener.accept()
                self.framed, self.buffer = False, b""
            elif transport != b"stdio":
                raise SandboxError(f"sandbox runner said {transport[:200]!r}")
        except Exception as error:
            self.close()
            raise SandboxError(f"could not start a sandbox container: {error}") from error
        finally:
            if listener is not None:
                listener.close()
        self.loaded = set()
        try:
            answer = self.request({"op": "ping", "id": "ping"}, timeout=60)
        except (OSError, ValueError, SandboxError) as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        if not answer.get("pong"):
            self.close()
            raise SandboxError(f"sandbox runner did not answer a ping: {answer}")

    def listen(self) -> socket.socket | None:
        """A Unix socket for the runner to connect to, in a new 0700 folder (self.io_dir); None
        where that cannot be made (e.g. a temp dir too long for a socket's path)."""
        try:
            self.io_dir = Path(tempfile.mkdtemp(prefix="cpsolve-io-"))
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError:
            return None
        try:
            listener.bind(str(self.io_dir / "runner.sock"))
            listener.listen(1)
        except OSError:
            listener.close()
            return None
        return listener

    def run_container(self, mount: bool):
        options = self.options
        settings = dict(
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
            # The container's own IPC namespace: no SysV message queues, semaphore sets or
            # POSIX queues at all, and shared memory gone once nobody holds it, so no run
            # leaves data (or memory charged to the container) for a later one.
            sysctls={"kernel.shm_rmid_forced": "1", "kernel.msgmni": "0",
                     "kernel.sem": "0 0 0 0", "fs.mqueue.queues_max": "0"},
            labels={LABEL: "1", f"{LABEL}.owner": str(os.getpid())},
        )
        if mount:  # read-only is enough to connect; the program's uid cannot enter it (0700)
            settings["volumes"] = {str(self.io_dir): {"bind": IO_MOUNT, "mode": "ro"}}
        if self.cpu is not None:
            settings["cpuset_cpus"] = str(self.cpu)
        try:
            return self.client.containers.run(
                options.image, ["sleep", "infinity"],
                name=f"cpsolve-{uuid.uuid4().hex[:12]}", **settings)
        except Exception:
            if not mount and self.cpu is None:
                raise
            # An engine that cannot bind this folder, or may not use that CPU.
            self.cpu = None
            return self.run_container(mount=False)

    def close(self) -> None:
        for channel in (self.sock, self.stream):
            if channel is not None:
                try:
                    channel.close()
                except OSError:
                    pass
        self.sock = self.stream = None
        if self.container is not None:
            try:
                self.container.remove(force=True)
            except Exception:  # noqa: BLE001 - already gone is fine
                pass
            self.container = None
        if self.io_dir is not None:
            shutil.rmtree(self.io_dir, ignore_errors=True)
            self.io_dir = None

    def request(self, message: dict, timeout: float) -> dict:
        """Send one message and return its answer (SandboxError if the runner failed on it)."""
        assert self.sock is not None
        self.sock.settimeout(timeout)
        self.sock.sendall(json.dumps(message).encode() + b"\n")
        return self.receive(timeout)

    def read_line(self) -> bytes:
        """Read one line of the runner's output: from the socket as it comes, or from Docker's
        multiplexed stream (frames of an 8-byte header and a payload)."""
        while b"\n" not in self.buffer:
            if not self.framed:
                assert self.sock is not None
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    raise ConnectionError("sandbox runner closed its output")
                self.buffer += chunk
                continue
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

    def call(self, message: dict, timeout: float) -> dict:
        """Send one message and return the answer; if the runner or its container died under it,
        replace the container and retry once."""
        for attempt in (1, 2):
            try:
                return self.request(message, timeout=timeout)
            except (OSError, ConnectionError, ValueError, SandboxError) as error:
                self.close()
                if attempt == 2:
                    message = f"sandbox worker failed twice on one job: {error}"
                    raise SandboxError(message) from error
                self.restarts += 1
                self.start()
        raise AssertionError("unreachable")

    def compile(self, program: Program) -> bytes | str:
        """Compile a C++ program here: its binary, or the compiler's message (a CE)."""
        options = self.options
        message = {
            "op": "compile",
            "id": next(MESSAGE_IDS),
            "language": program.language,
            "key": program.key,
            "source": program.source,
            "headers": [list(pair) for pair in program.headers],
            "compile": {
                "time_s": options.compile_time_s,
                "wall_s": options.compile_time_s * 2,
                "memory_mb": options.compile_memory_mb,
            },
        }
        answer = self.call(message, timeout=options.compile_time_s * 2 + 90)
        if answer["ok"]:
            self.loaded.add(program.key)
            return base64.b64decode(answer["binary_b64"])
        return answer["compile_error"]

    def run(self, job: Job, binary: bytes | None = None) -> RunResult:
        """Run one job; `binary` is the compiled C++ program, sent if this worker lacks it."""
        results: list[RunResult] = []
        jobs = iter([0])
        self.run_jobs(lambda: next(jobs, None), [job], {job.program.key: binary} if binary
                      else {}, lambda _, result: results.append(result))
        return results[0]

    def encode(self, job: Job, binary: bytes | str | None) -> tuple[bytes, int]:
        """The job as one line, and its message id; the program (source, or the C++ binary)
        only if this container has not got it yet."""
        message = job_message(job)
        if job.program.key not in self.loaded:
            message.update(source=job.program.source,
                           headers=[list(pair) for pair in job.program.headers])
            if isinstance(binary, bytes):
                message["binary_b64"] = base64.b64encode(binary).decode("ascii")
        return json.dumps(message).encode() + b"\n", message["id"]

    def receive(self, timeout: float) -> dict:
        assert self.sock is not None
        self.sock.settimeout(timeout)
        answer = json.loads(self.read_line())
        if "error" in answer:
            raise SandboxError(f"sandbox runner failed: {answer['error']}")
        return answer

    def run_jobs(
        self,
        take: Callable[[], int | None],
        jobs: Sequence[Job],
        compiled: dict[str, bytes | str],
        deliver: Callable[[int, RunResult], None],
        share: Callable[[], int] = lambda: PIPELINE_DEPTH,
    ) -> None:
        """Run jobs[i] for every i that take() hands out, until it hands out None, and
        deliver(i, result) each as it ends.

        Quick jobs are pipelined: several go in one write, ahead of their answers, so that the
        trip to the container overlaps the runner's work (which still runs one at a time); never
        more than share() (this worker's fair share of the jobs left, so that workers end
        together). If the runner or its container dies, the container is replaced and the jobs
        in flight are sent again; the one it died on is retried once, then SandboxError.
        """
        unsent: deque[int] = deque()  # taken, not sent yet (or to send again)
        in_flight: deque[tuple[int, int, int]] = deque()  # (job index, message id, size)
        in_flight_s = 0.0  # their wall-time limits, summed
        retried: set[int] = set()
        exhausted = False
        while True:
            finished: tuple[int, RunResult] | None = None
            try:
                depth = min(self.depth(), max(1, share()))
                if len(in_flight) <= depth // 2:  # refill, in one write
                    batch: list[bytes] = []
                    size = sum(sent for _, _, sent in in_flight)
                    while len(in_flight) < depth:
                        if not unsent and not exhausted:
                            index = take()
                            exhausted = index is None
                            if index is not None:
                                unsent.append(index)
                        if not unsent:
                            break
                        job = jobs[unsent[0]]
                        built = compiled.get(job.program.key)
                        if isinstance(built, str):  # the compiler's message: nothing to run
                            finished = (unsent.popleft(), RunResult(Verdict.CE,
                                                                    stderr_tail=built))
                            break
                        data, message_id = self.encode(job, built)
                        if in_flight and size + len(data) > PIPELINE_BYTES:
                            break  # a big message goes alone, so no pipe fills both ways
                        batch.append(data)
                        size += len(data)
                        self.loaded.add(job.program.key)  # later messages find it there
                        in_flight.append((unsent.popleft(), message_id, len(data)))
                        in_flight_s += job.limits.wall_s
                    if batch:
                        assert self.sock is not None
                        self.sock.sendall(b"".join(batch))
                if finished is None:
                    if not in_flight:
                        return
                    # Answers may be held back while a few later jobs run: wait for them too.
                    answer = self.receive(timeout=in_flight_s + 90)
                    index, message_id, _ = in_flight[0]
                    if answer.get("id") != message_id:
                        raise SandboxError(f"answer {answer.get('id')} for job {message_id}")
                    in_flight.popleft()
                    in_flight_s -= jobs[index].limits.wall_s
                    finished = (index, result_from_answer(answer))
                    wall = finished[1].wall_s
                    self.recent_wall_s = wall if self.recent_wall_s is None else (
                        self.recent_wall_s + (wall - self.recent_wall_s) / 4)
            except (OSError, ConnectionError, ValueError, SandboxError) as error:
                if finished is not None:  # not delivered yet: keep it, in order
                    unsent.appendleft(finished[0])
                unsent.extendleft(reversed([index for index, _, _ in in_flight]))
                in_flight.clear()
                in_flight_s = 0.0
                head = unsent[0] if unsent else -1
                self.close()
                if head in retried:
                    message = f"sandbox worker failed twice on one job: {error}"
                    raise SandboxError(message) from error
                retried.add(head)
                self.restarts += 1
                self.start()
                continue
            deliver(*finished)

    def depth(self) -> int:
        """How many jobs to keep sent ahead: enough for about PIPELINE_SECONDS of recent work
        (two before any has ended), so that slow jobs (a TLE streak) are not queued here while
        another worker idles."""
        if self.recent_wall_s is None:
            return 2
        return max(1, min(PIPELINE_DEPTH, int(PIPELINE_SECONDS / max(self.recent_wall_s, 1e-4))))


MESSAGE_IDS = itertools.count()


def job_message(job: Job) -> dict:
    limits = job.limits
    return {
        "id": next(MESSAGE_IDS),
        "language": job.program.language,
        "key": job.program.key,
        "input_b64": base64.b64encode(job.input).decode("ascii"),
        "args": list(job.args),
        "files_b64": [[name, base64.b64encode(data).decode("ascii")] for name, data in job.files],
        "feedback_dir": job.feedback_dir,
        "time_s": limits.time_s,
        "wall_s": limits.wall_s,
        "memory_mb": limits.memory_mb,
        "output_bytes": limits.output_mb * 1024 * 1024,
        "file_bytes": limits.file_mb * 1024 * 1024,
        "open_files": limits.open_files,
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
        checker_message=answer.get("feedback", ""),
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
        self.compiled: dict[str, bytes | str] = {}  # C++ key -> binary, or compiler message
        self.compilations = 0  # g++ runs so far: one per distinct C++ source
        self.run_lock = threading.Lock()
        atexit.register(self.close)  # also on unhandled errors; Ctrl-C arrives as one of those
        count = max(1, self.options.workers)
        cpus = engine_cpus(self.client) if self.options.pin_cpus else 0
        started: list[Worker | BaseException] = []

        def start_one(index: int) -> None:
            try:
                started.append(Worker(self.client, self.options, index % cpus if cpus else None))
            except BaseException as error:  # noqa: BLE001 - re-raised below
                started.append(error)

        # In parallel: each start is a container plus a small compile, about half a second.
        threads = [threading.Thread(target=start_one, args=(index,), daemon=True)
                   for index in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.workers = [worker for worker in started if isinstance(worker, Worker)]
        errors = [error for error in started if not isinstance(error, Worker)]
        if errors or len(self.workers) != count:
            self.close()
            raise errors[0] if errors else SandboxError("sandbox workers did not start")

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
        """Run every job on the first free worker. `on_result(index, result)` reports progress.

        Safe to call from several threads: calls take turns (a worker's pipe carries one job).
        """
        with self.run_lock:
            return self.run_now(jobs, on_result)

    def run_now(
        self, jobs: Sequence[Job], on_result: Callable[[int, RunResult], None] | None
    ) -> list[RunResult]:
        if not self.workers:
            raise SandboxError("the sandbox pool is closed")
        to_compile = list({
            job.program.key: job.program
            for job in jobs
            if job.program.language == "cpp17" and job.program.key not in self.compiled
        }.values())
        lock = threading.Lock()

        def compile_one(worker: Worker, index: int) -> None:
            program = to_compile[index]
            built = worker.compile(program)
            with lock:
                self.compiled[program.key] = built
                self.compilations += 1

        self.spread(len(to_compile), compile_one)
        results: list[RunResult | None] = [None] * len(jobs)
        pending = numbered(len(jobs))

        def deliver(index: int, result: RunResult) -> None:
            results[index] = result
            if on_result is not None:
                with lock:
                    on_result(index, result)

        workers = min(len(self.workers), len(jobs))

        def share() -> int:  # jobs waiting per worker, rounded up, plus one in hand
            return -(-pending.qsize() // max(1, workers)) + 1

        self.on_each_worker(pending, lambda worker: worker.run_jobs(
            lambda: take_next(pending), jobs, self.compiled, deliver, share))
        missing = [index for index, result in enumerate(results) if result is None]
        if missing:
            raise SandboxError(f"the sandbox returned no result for job {missing[0]}")
        return [result for result in results if result is not None]

    def spread(self, count: int, task: Callable[[Worker, int], None]) -> None:
        """Call task(worker, i) for i in range(count), each on the first free worker."""
        pending = numbered(count)

        def work(worker: Worker) -> None:
            while (index := take_next(pending)) is not None:
                task(worker, index)

        self.on_each_worker(pending, work)

    def on_each_worker(self, pending: queue.Queue[int], work: Callable[[Worker], None]) -> None:
        """work(worker) in parallel on as many workers as the pending jobs need; work takes jobs
        from pending. Re-raise the first error (pending is emptied, so the others stop)."""
        count = pending.qsize()
        if count == 0:
            return
        errors: list[BaseException] = []

        def guarded(worker: Worker) -> None:
            try:
                work(worker)
            except BaseException as error:  # noqa: BLE001 - re-raised in the caller
                errors.append(error)
                while not pending.empty():
                    pending.get_nowait()

        busy = self.workers[: max(1, min(len(self.workers), count))]
        threads = [threading.Thread(target=guarded, args=(w,), daemon=True) for w in busy]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]


def numbered(count: int) -> queue.Queue[int]:
    """A queue of the job indices 0..count-1, for workers to take from."""
    pending: queue.Queue[int] = queue.Queue()
    for index in range(count):
        pending.put(index)
    return pending


def take_next(pending: queue.Queue[int]) -> int | None:
    """The next index, or None when none is left."""
    try:
        return pending.get_nowait()
    except queue.Empty:
        return None


def engine_cpus(client) -> int:
    """How many CPUs the Docker engine's machine has (0 if it does not say)."""
    try:
        return int(client.info().get("NCPU") or 0)
    except Exception:  # noqa: BLE001 - then nothing is pinned
        return 0


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
