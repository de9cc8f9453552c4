"""A pool of warm Docker containers, each with a runner process that executes many jobs.

`docker run` per test costs 0.2-0.6 s; a job sent to a warm runner costs a fraction of a
millisecond more than the program itself. One job at a time per container keeps the container's
cgroup limits a per-run limit.

C++ and Java are compiled once per distinct source: `run()` first compiles every new source on some
worker (in parallel across workers), keeps the binary or jar (or the compiler's message) on the
host, and sends it with the first job of that program each other worker gets (a Python program's
source likewise goes once per container, whether CPython or PyPy runs it).

Containers are labelled with their owner (pid, the process's start time, host and boot) and
their pool. A pool removes its own when it closes (`with`, atexit; on SIGINT, and on SIGTERM and
SIGHUP once `raise_on_termination()` below turned those into an exception); once it
has begun closing, or was interrupted, it starts no container, and a thread in the middle of
starting one removes it. A new pool removes the containers and socket folders of owners that are
gone, or whose pid now belongs to another process.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import itertools
import json
import os
import queue
import random
import shutil
import signal
import socket
import struct
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.jobs import COMPILED_LANGUAGES, Job, Program, RunResult, SandboxError, Verdict

__all__ = ["DockerPool", "PoolClosedError", "SandboxError", "SandboxOptions", "Terminated",
           "raise_on_termination"]

RUNNER_SOURCE = (Path(__file__).parent / "runner.py").read_text(encoding="utf-8")
LABEL = "cpsolve.sandbox"
OWNER_LABEL = LABEL + ".owner"  # the owning process's pid
START_LABEL = LABEL + ".owner-start"  # its start time: a pid is reused, pid and start are not
HOST_LABEL = LABEL + ".host"  # where that pid means something: the host's name ...
BOOT_LABEL = LABEL + ".boot"  # ... and its boot
POOL_LABEL = LABEL + ".pool"  # which of the owner's pools (a process may hold several)
IO_PREFIX = "cpsolve-io-"  # the socket folders in the temp dir: cpsolve-io-PID-START-random
IO_LEGACY_AGE_S = 3600.0  # a folder named without its owner (older versions) is stale after this
CLOSE_WAIT_S = 15.0  # how long close() waits for threads still starting or running a job
IO_MOUNT = "/sandbox-io"  # where the runner finds the host's socket
DEFAULT_IMAGE = "cpsolve-sandbox:2"  # bump when the image's contents change (2: + Java 17, PyPy 3)


class PoolClosedError(SandboxError):
    """The pool is closing (closed, or interrupted): nothing new starts, no job is retried."""


# What a user or a supervisor sends to stop a command: Ctrl-C, `timeout`/`kill`, a closed terminal.
STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. Raised in the main thread, as KeyboardInterrupt is for SIGINT,
    so that `with` blocks and `finally` clauses run. A BaseException, like KeyboardInterrupt:
    `except Exception` does not swallow it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"terminated by {signal.Signals(signum).name}")


def raise_on_termination() -> None:
    """Make SIGTERM and SIGHUP raise Terminated in the main thread (call it from there, once).
    A signal that is ignored (SIGHUP under nohup) stays ignored."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _raise_terminated)


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the block runs (a clean-up that a second Ctrl-C
    must not leave half done), then hand the first that came to the handler it would have met.

    Only in the main thread, where Python runs signal handlers; elsewhere nothing is held.
    Handlers that are not Python's (set by C code) or that ignore the signal are left alone.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    saved: dict[int, object] = {}
    for signum in STOPPING_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is None or handler is signal.SIG_IGN:
            continue
        saved[signum] = signal.signal(signum, lambda number, _frame: came.append(number))
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
        if came:
            signal.raise_signal(came[0])


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
    # Worker i is pinned to CPU (first_cpu + i) modulo the engine's count. 0 for a pool alone on
    # its engine; pools that share one engine (Ray nodes on one machine, sandbox/cluster.py)
    # start where the previous one's workers end, so they do not all crowd onto CPU 0.
    first_cpu: int = 0
    compile_time_s: float = 30.0  # CPU seconds g++/javac may take on one source (wall: twice)
    # Address space g++ may take (template bombs stop here); javac gets a heap within it.
    compile_memory_mb: int = 2048


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
    """One container and the runner process attached to it. `start()` makes them (the pool
    calls it; a Worker is known to its pool before, so that closing can stop a start)."""

    def __init__(self, client, options: SandboxOptions, cpu: int | None = None,
                 closing: threading.Event | None = None,
                 labels: dict[str, str] | None = None) -> None:
        self.client = client
        self.options = options
        self.cpu = cpu  # the engine's CPU this container is pinned to, if any
        self.closing = closing or threading.Event()  # set: start nothing, retry nothing
        self.labels = labels if labels is not None else owner_labels()
        # Between close() (any thread) and start() or a job's thread: what close() takes away
        # is gone for them, and what they make after closing began they remove themselves.
        self.lock = threading.Lock()
        self.container = None
        self.io_dir: Path | None = None  # holds the Unix socket the runner connects to
        self.listener: socket.socket | None = None  # that socket, until the runner connects
        self.stream: socket.socket | None = None  # `docker exec`'s stream to the runner
        self.sock: socket.socket | None = None  # where messages go: the socket, or the stream
        self.framed = True  # whether answers come in Docker's stream frames
        # What has come from the runner and was not used yet: grown in place, taken from the
        # front, so a 64 MB answer costs its size, not its size times the number of chunks.
        self.buffer = bytearray()
        self.chunk = bytearray(1 << 20)  # one receive's worth, reused
        self.loaded: set[str] = set()  # keys of programs this container already holds
        # Moving average of its runs' wall time (sets the pipelining); None before the first.
        self.recent_wall_s: float | None = None
        self.restarts = 0
        # A uid of its own per container: RLIMIT_NPROC counts per uid across the whole machine,
        # and kill(-1) as that uid must reach only this container's programs.
        self.program_uid = random.randrange(200_000, 2_000_000_000)
        # And one for interactors, never the program's (its pair: the last bit flipped): the
        # program can then neither signal an interactor nor read its files (the secret input).
        self.interactor_uid = self.program_uid ^ 1

    def start(self) -> None:
        """Start the container and its runner, and connect to it: directly over a Unix socket
        in a folder mounted into the container when the engine runs on this machine (no trip
        through dockerd and containerd for every message), else over `docker exec`'s stream.
        PoolClosedError if the pool began closing before or during this (nothing is left behind)."""
        if self.closing.is_set():
            raise PoolClosedError("the sandbox pool is closing: no container is started")
        listener = self.listen()
        try:
            self.run_container(mount=listener is not None)
            exec_id = self.client.api.exec_create(
                self.container.id,
                ["python3", "-I", "-c", RUNNER_SOURCE, str(self.program_uid),
                 f"{IO_MOUNT}/runner.sock", str(self.interactor_uid)],
                stdin=True,
                stdout=True,
                stderr=False,
                user="0",
            )["Id"]
            stream = self.client.api.exec_start(exec_id, socket=True)._sock
            stream.settimeout(60)
            self.keep(stream=stream, sock=stream)
            self.framed, self.buffer = True, bytearray()
            transport = self.read_line()  # the runner says which way it answers
            if transport == b"socket" and listener is not None:
                listener.settimeout(60)
                connection, _ = listener.accept()
                self.keep(sock=connection)
                self.framed, self.buffer = False, bytearray()
            elif transport != b"stdio":
                raise SandboxError(f"sandbox runner said {transport[:200]!r}")
        except Exception as error:
            self.close()
            if isinstance(error, PoolClosedError) or self.closing.is_set():
                message = "the sandbox pool closed while a container started"
                raise PoolClosedError(message) from error
            raise SandboxError(f"could not start a sandbox container: {error}") from error
        finally:
            if listener is not None:
                with self.lock:
                    self.listener = None
                listener.close()
        self.loaded = set()
        try:
            answer = self.request({"op": "ping", "id": "ping"}, timeout=60)
        except (OSError, ValueError, SandboxError) as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        if not answer.get("pong"):
            self.close()
            if self.closing.is_set():
                raise PoolClosedError("the sandbox pool closed while a container started")
            raise SandboxError(f"sandbox runner did not answer a ping: {answer}")

    def keep(self, **channels: socket.socket) -> None:
        """Record a connection (stream=, sock=) where close() will find it; if closing began
        already, close it here instead, and stop the start."""
        with self.lock:
            if not self.closing.is_set():
                for name, channel in channels.items():
                    setattr(self, name, channel)
                return
        for channel in channels.values():
            channel.close()
        raise PoolClosedError("the sandbox pool is closing")

    def listen(self) -> socket.socket | None:
        """A Unix socket for the runner to connect to, in a new 0700 folder (self.io_dir, named
        after this process so that a later pool can tell when it is stale); None where that
        cannot be made (e.g. a temp dir too long for a socket's path)."""
        owner = f"{IO_PREFIX}{self.labels.get(OWNER_LABEL, os.getpid())}-" \
                f"{self.labels.get(START_LABEL, '')}-"
        try:
            io_dir = Path(tempfile.mkdtemp(prefix=owner))
        except OSError:
            return None
        with self.lock:
            self.io_dir = io_dir  # close() removes it, from now on
        try:
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError:
            return None
        try:
            listener.bind(str(io_dir / "runner.sock"))
            listener.listen(1)
        except OSError:
            listener.close()
            return None
        with self.lock:
            self.listener = listener  # close() shuts it, which wakes an accept() waiting on it
        return listener

    def run_container(self, mount: bool) -> None:
        """Create and start the container (self.container). It is recorded between the two, so
        that close() finds it; one created after closing began is removed here."""
        options = self.options
        settings = dict(
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
            labels=self.labels,
        )
        if mount:  # read-only is enough to connect; the program's uid cannot enter it (0700)
            settings["volumes"] = {str(self.io_dir): {"bind": IO_MOUNT, "mode": "ro"}}
        if self.cpu is not None:
            settings["cpuset_cpus"] = str(self.cpu)
        name = f"cpsolve-{uuid.uuid4().hex[:12]}"
        try:
            container = self.client.containers.create(
                options.image, ["sleep", "infinity"], name=name, **settings)
        except Exception:
            if not mount and self.cpu is None:
                raise
            # An engine that cannot bind this folder, or may not use that CPU.
            self.cpu = None
            return self.run_container(mount=False)
        with self.lock:
            closing = self.closing.is_set()
            if not closing:
                self.container = container
        if closing:
            remove_container(container)
            raise PoolClosedError("the sandbox pool is closing: the new container was removed")
        try:
            container.start()
        except Exception as error:
            with self.lock:
                self.container = None
            remove_container(container)
            if self.closing.is_set():
                message = "the sandbox pool closed while a container started"
                raise PoolClosedError(message) from error
            if not mount and self.cpu is None:
                raise
            self.cpu = None  # e.g. a remote engine, where this folder does not exist
            return self.run_container(mount=False)
        return None

    def close(self) -> None:
        """Remove the container and its folder and drop the connection. Safe from any thread,
        and more than once: a thread blocked reading from this worker wakes with an error."""
        with self.lock:
            channels = list({id(channel): channel for channel in
                             (self.listener, self.sock, self.stream) if channel is not None}
                            .values())
            container, io_dir = self.container, self.io_dir
            self.listener = self.sock = self.stream = self.container = self.io_dir = None
        for channel in channels:
            try:
                channel.shutdown(socket.SHUT_RDWR)  # close() alone would not wake a reader
            except OSError:
                pass
            try:
                channel.close()
            except OSError:
                pass
        if container is not None:
            remove_container(container)
        if io_dir is not None:
            shutil.rmtree(io_dir, ignore_errors=True)

    def channel(self) -> socket.socket:
        """Where messages go; ConnectionError once closed (by this thread or another)."""
        sock = self.sock
        if sock is None:
            raise ConnectionError("the sandbox worker is closed")
        return sock

    def request(self, message: dict, timeout: float) -> dict:
        """Send one message and return its answer (SandboxError if the runner failed on it)."""
        sock = self.channel()
        sock.settimeout(timeout)
        sock.sendall(json.dumps(message).encode() + b"\n")
        return self.receive(timeout)

    def fill(self) -> None:
        """Add what the runner sent next to self.buffer: what the socket has, or the next frame
        of Docker's multiplexed stream (an 8-byte header and a payload; stdout's only)."""
        if not self.framed:
            count = self.channel().recv_into(self.chunk)
            if not count:
                raise ConnectionError("sandbox runner closed its output")
            self.buffer += memoryview(self.chunk)[:count]
            return
        header = self.read_exactly(8)
        stream, size = header[0], struct.unpack(">I", header[4:])[0]
        payload = self.read_exactly(size)
        if stream == 1:
            self.buffer += payload

    def read_line(self) -> bytes:
        """One line of the runner's output. Each byte is searched for the newline once."""
        searched = 0
        while (newline := self.buffer.find(b"\n", searched)) < 0:
            searched = len(self.buffer)
            self.fill()
        line = bytes(self.buffer[:newline])
        del self.buffer[: newline + 1]  # from the front of a bytearray: no copy of the rest
        return line

    def read_bytes(self, size: int) -> bytes:
        """The next size bytes of the runner's output (a program's raw stdout)."""
        while len(self.buffer) < size:
            self.fill()
        with memoryview(self.buffer) as view:
            data = bytes(view[:size])
        del self.buffer[:size]
        return data

    def read_exactly(self, size: int) -> bytearray:
        """size bytes straight from the connection, into one buffer of that size."""
        sock = self.channel()
        data = bytearray(size)
        with memoryview(data) as view:
            got = 0
            while got < size:
                count = sock.recv_into(view[got:])
                if not count:
                    raise ConnectionError("sandbox runner closed its output")
                got += count
        return data

    def call(self, message: dict, timeout: float) -> dict:
        """Send one message and return the answer; if the runner or its container died under it,
        replace the container and retry once (see replace)."""
        for attempt in (1, 2):
            try:
                return self.request(message, timeout=timeout)
            except (OSError, ConnectionError, ValueError, SandboxError) as error:
                self.replace(error, failed_before=attempt == 2)
        raise AssertionError("unreachable")

    def replace(self, error: BaseException, failed_before: bool) -> None:
        """The one way a worker recovers from a runner or container that died under a job:
        a new container, unless the pool is closing (PoolClosedError: nothing is started after
        close or an interrupt) or the same job failed once already (SandboxError)."""
        self.close()
        if self.closing.is_set():
            raise PoolClosedError("the sandbox pool closed while jobs ran") from error
        if failed_before:
            raise SandboxError(f"sandbox worker failed twice on one job: {error}") from error
        self.restarts += 1
        self.start()

    def compile(self, program: Program) -> bytes | str:
        """Compile a C++ or Java program here: its binary (a Java program's: a jar of its
        classes), or the compiler's message (a CE)."""
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
        """Run one job; `binary` is the compiled program (C++, Java), sent if this worker
        lacks it."""
        results: list[RunResult] = []
        jobs = iter([0])
        self.run_jobs(lambda: next(jobs, None), [job], {job.program.key: binary} if binary
                      else {}, lambda _, result: results.append(result))
        return results[0]

    def encode(self, job: Job, compiled: dict[str, bytes | str]) -> tuple[bytes, int]:
        """The job as one line, and its message id; each of its programs (source, or the
        compiled C++ binary or Java jar) only if this container has not got it yet."""
        message = job_message(job)
        self.attach(message, job.program, compiled.get(job.program.key))
        if job.interactor is not None:
            program = job.interactor.program
            self.attach(message["interactor"], program, compiled.get(program.key))
        return json.dumps(message).encode() + b"\n", message["id"]

    def attach(self, message: dict, program: Program, binary: bytes | str | None) -> None:
        """Put the program itself into its message if this container lacks it."""
        if program.key not in self.loaded:
            message.update(source=program.source,
                           headers=[list(pair) for pair in program.headers])
            if isinstance(binary, bytes):
                message["binary_b64"] = base64.b64encode(binary).decode("ascii")

    def receive(self, timeout: float) -> dict:
        """The next answer; a run's stdout, which follows its line raw, as answer["stdout"]."""
        self.channel().settimeout(timeout)  # per receive call: a big stdout takes many
        answer = json.loads(self.read_line())
        if "error" in answer:
            raise SandboxError(f"sandbox runner failed: {answer['error']}")
        size = answer.get("stdout_bytes", 0)
        answer["stdout"] = self.read_bytes(size) if size else b""
        return answer

    def run_jobs(
        self,
        take: Callable[[], int | None],
        jobs: Sequence[Job],
        compiled: dict[str, bytes | str],
        deliver: Callable[[int, RunResult], None],
        share: Callable[[], int] = lambda: PIPELINE_DEPTH,
        program_wall_s: dict[str, float] | None = None,
    ) -> None:
        """Run jobs[i] for every i that take() hands out, until it hands out None, and
        deliver(i, result) each as it ends.

        Quick jobs are pipelined: several go in one write, ahead of their answers, so that the
        trip to the container overlaps the runner's work (which still runs one at a time); never
        more than share() (this worker's fair share of the jobs left, so that workers end
        together). A job goes behind others only when its program is known to be quick
        (program_wall_s: its last run's wall time, by Program.key, shared by the workers): an
        unmeasured or slow program waits for the answers ahead, so that a program that times
        out is not queued several times before its first failure cancels the rest. If the runner
        or its container dies, the container is replaced (replace()) and the jobs in flight are
        sent again; the one it died on is retried once, then SandboxError.
        """
        walls = program_wall_s if program_wall_s is not None else {}
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
                        not_built = compile_failure(job, compiled)
                        if not_built is not None:  # a compiler's message: nothing to run
                            finished = (unsent.popleft(), not_built)
                            break
                        known_s = walls.get(job.program.key)
                        if in_flight and (known_s is None
                                          or known_s * (len(in_flight) + 1) > PIPELINE_SECONDS):
                            break  # unmeasured or slow: not queued behind others
                        data, message_id = self.encode(job, compiled)
                        if in_flight and size + len(data) > PIPELINE_BYTES:
                            break  # a big message goes alone, so no pipe fills both ways
                        batch.append(data)
                        size += len(data)
                        # Later messages find them there.
                        self.loaded.update(program.key for program in programs_of(job))
                        in_flight.append((unsent.popleft(), message_id, len(data)))
                        in_flight_s += job.wall_s
                    if batch:
                        self.channel().sendall(b"".join(batch))
                if finished is None:
                    if not in_flight:
                        return
                    # Answers may be held back while a few later jobs run: wait for them too.
                    answer = self.receive(timeout=in_flight_s + 90)
                    index, message_id, _ = in_flight[0]
                    if answer.get("id") != message_id:
                        raise SandboxError(f"answer {answer.get('id')} for job {message_id}")
                    in_flight.popleft()
                    in_flight_s -= jobs[index].wall_s
                    finished = (index, result_from_answer(answer))
                    wall = finished[1].wall_s
                    walls[jobs[index].program.key] = wall
                    self.recent_wall_s = wall if self.recent_wall_s is None else (
                        self.recent_wall_s + (wall - self.recent_wall_s) / 4)
            except (OSError, ConnectionError, ValueError, SandboxError) as error:
                if finished is not None:  # not delivered yet: keep it, in order
                    unsent.appendleft(finished[0])
                unsent.extendleft(reversed([index for index, _, _ in in_flight]))
                in_flight.clear()
                in_flight_s = 0.0
                head = unsent[0] if unsent else -1
                self.replace(error, failed_before=head in retried)
                retried.add(head)
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


def programs_of(job: Job) -> list[Program]:
    """The programs a job runs: its own, and its interactor's if it has one."""
    return [job.program] + ([job.interactor.program] if job.interactor is not None else [])


def compile_failure(job: Job, compiled: dict[str, bytes | str]) -> RunResult | None:
    """The job's result when one of its programs did not compile (None when both did, or are
    not compiled): the program's CE, or an interactor's CE in the result's `interactor` (a judge
    error, sandbox.checkers.interaction_verdict), the program then never run (SKIPPED)."""
    built = compiled.get(job.program.key)
    if isinstance(built, str):
        return RunResult(Verdict.CE, stderr_tail=built)
    if job.interactor is not None:
        built = compiled.get(job.interactor.program.key)
        if isinstance(built, str):
            return RunResult(Verdict.SKIPPED, interactor=RunResult(Verdict.CE, stderr_tail=built))
    return None


def job_message(job: Job) -> dict:
    limits = job.limits
    message = {
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
    if job.interactor is not None:
        message["interactor"] = job_message(job.interactor)
    return message


def result_from_answer(answer: dict) -> RunResult:
    """A RunResult from a run's answer (its stdout already read, by receive()); an interactor's
    answer comes inside, without stdout."""
    interactor = answer.get("interactor")
    return RunResult(
        verdict=Verdict(answer["verdict"]),
        cpu_s=answer["cpu_s"],
        wall_s=answer["wall_s"],
        memory_mb=round(answer["memory_kb"] / 1024, 1),
        exit_code=answer["exit_code"],
        signal=answer["signal"],
        stdout=answer.get("stdout", b""),
        stderr_tail=answer["stderr_tail"],
        checker_message=answer.get("feedback", ""),
        score_text=answer.get("score"),
        interactor=result_from_answer(interactor) if interactor is not None else None,
        interactor_first=bool(interactor and interactor.get("first")),
    )


class DockerPool:
    """Executor over warm containers: `run(jobs)` returns one RunResult per job, in order.

    Use as a context manager; containers are removed on exit, on errors, on Ctrl-C (and on
    SIGTERM/SIGHUP with raise_on_termination). A pool whose run() was
    interrupted (KeyboardInterrupt, Terminated) closes itself: its workers were mid-job.
    """

    def __init__(self, options: SandboxOptions | None = None, *,
                 labels: dict[str, str] | None = None) -> None:
        """labels: more labels on every container (e.g. a cluster run's id, by which the run's
        driver removes what a killed node's pool left: sandbox/cluster.py)."""
        self.options = options or SandboxOptions()
        self.closing = threading.Event()  # set once close() begins: nothing starts after
        self.workers: list[Worker] = []
        self.threads: list[threading.Thread] = []  # this pool's threads, for close() to await
        self.client = docker_client()
        self.labels = owner_labels() | (labels or {}) | {POOL_LABEL: uuid.uuid4().hex[:12]}
        remove_orphans(self.client)
        remove_stale_io_dirs()
        try:
            self.client.images.get(self.options.image)
        except Exception as error:
            raise SandboxError(
                f"sandbox image {self.options.image} is missing; run `cpsolve sandbox build`"
            ) from error
        # C++/Java key -> binary or jar, or the compiler's message
        self.compiled: dict[str, bytes | str] = {}
        self.program_wall_s: dict[str, float] = {}  # Program.key -> its last run's wall time
        self.compilations = 0  # g++/javac runs so far: one per distinct compiled source
        self.run_lock = threading.Lock()
        atexit.register(self.close)  # also on unhandled errors
        count = max(1, self.options.workers)
        cpus = engine_cpus(self.client) if self.options.pin_cpus else 0
        # Known to the pool before they start, so that closing (an interrupt) can stop a start.
        first = self.options.first_cpu
        self.workers = [Worker(self.client, self.options,
                               (first + index) % cpus if cpus else None,
                               self.closing, self.labels) for index in range(count)]
        # In parallel: each start is a container plus a small compile, about half a second.
        errors = self.in_threads([worker.start for worker in self.workers])
        if errors:
            self.close()
            raise errors[0]

    def __enter__(self) -> DockerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Remove every container and socket folder of this pool; idempotent.

        From the moment it begins nothing is started or retried; threads still starting a
        container or running a job (after an interrupt) are woken, remove what they made, and
        are waited for (CLOSE_WAIT_S at most); then anything still carrying this pool's label is
        removed. A second Ctrl-C or SIGTERM meanwhile is held until this is done.
        """
        with held_signals():
            first = not self.closing.is_set()
            self.closing.set()
            workers, self.workers = self.workers, []
            # In parallel: a forced removal takes a few tenths of a second per container.
            removals = [threading.Thread(target=worker.close, daemon=True) for worker in workers]
            for thread in removals:
                thread.start()
            deadline = time.monotonic() + CLOSE_WAIT_S
            for thread in removals + self.threads:
                # An interrupt can land between (or inside) two starts in in_threads: a
                # thread never started has nothing to wait for, and join() raises on it.
                if thread is not threading.current_thread():
                    with contextlib.suppress(RuntimeError):
                        thread.join(max(0.0, deadline - time.monotonic()))
            self.threads = []
            if first and workers:
                remove_labelled(self.client, {POOL_LABEL: self.labels[POOL_LABEL]})
            atexit.unregister(self.close)

    def run(
        self,
        jobs: Sequence[Job],
        on_result: Callable[[int, RunResult], None] | None = None,
        should_skip: Callable[[int], bool] | None = None,
    ) -> list[RunResult]:
        """Run every job on the first free worker. `on_result(index, result)` reports progress.

        should_skip(index) is asked when a worker is about to take job `index`: True cancels it,
        and its result is RunResult(Verdict.SKIPPED) (reported through on_result too, so that
        every index is reported once). A job already taken is not cancelled: a worker sends a
        few quick jobs ahead of their answers (one or two slow ones).

        Safe to call from several threads: calls take turns (a worker's pipe carries one job).
        """
        with self.run_lock:
            return self.run_now(jobs, on_result, should_skip)

    def run_now(
        self,
        jobs: Sequence[Job],
        on_result: Callable[[int, RunResult], None] | None,
        should_skip: Callable[[int], bool] | None = None,
    ) -> list[RunResult]:
        if not self.workers or self.closing.is_set():
            raise SandboxError("the sandbox pool is closed")
        to_compile = list({
            program.key: program
            for job in jobs for program in programs_of(job)
            if program.language in COMPILED_LANGUAGES and program.key not in self.compiled
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

        def take() -> int | None:
            while (index := take_next(pending)) is not None:
                if should_skip is None or not should_skip(index):
                    return index
                deliver(index, RunResult(Verdict.SKIPPED))
            return None

        workers = min(len(self.workers), len(jobs))

        def share() -> int:  # jobs waiting per worker, rounded up, plus one in hand
            return -(-pending.qsize() // max(1, workers)) + 1

        self.on_each_worker(pending, lambda worker: worker.run_jobs(
            take, jobs, self.compiled, deliver, share, self.program_wall_s))
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

        def emptying(worker: Worker) -> Callable[[], None]:
            def call() -> None:
                try:
                    work(worker)
                except BaseException:
                    while not pending.empty():  # the other workers stop too
                        pending.get_nowait()
                    raise
            return call

        busy = self.workers[: max(1, min(len(self.workers), count))]
        errors = self.in_threads([emptying(worker) for worker in busy])
        if errors:
            raise errors[0]

    def in_threads(self, calls: list[Callable[[], None]]) -> list[BaseException]:
        """Run the calls in parallel threads and wait for them; what they raised, in order.

        If this (the caller's) thread is interrupted while it waits (KeyboardInterrupt,
        Terminated), the pool closes before the interrupt goes on: the threads are mid-start or
        mid-job, and closing is what stops them starting or retrying anything.
        """
        errors: list[BaseException] = []

        def guarded(call: Callable[[], None]) -> None:
            try:
                call()
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                errors.append(error)

        threads = [threading.Thread(target=guarded, args=(call,), daemon=True) for call in calls]
        self.threads = threads
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        except BaseException as interrupt:
            if not isinstance(interrupt, Exception):  # KeyboardInterrupt, Terminated, exit
                self.close()
            raise
        return errors


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


def remove_container(container) -> None:
    try:
        container.remove(force=True)
    except Exception:  # noqa: BLE001 - already gone is fine
        pass


def remove_labelled(client, labels: dict[str, str]) -> None:
    """Remove every container carrying these labels (a safety net: a create still in flight
    when its thread was given up on)."""
    try:
        found = client.containers.list(
            all=True, filters={"label": [f"{key}={value}" for key, value in labels.items()]})
    except Exception:  # noqa: BLE001 - an engine gone away: nothing more to do
        return
    for container in found:
        remove_container(container)


def process_start(pid: int) -> str:
    """When process pid started (clock ticks after boot: /proc/PID/stat's 22nd field); "" when
    unknown (no such process, no /proc). A pid is reused; a pid and its start time are not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat[stat.rfind(")") + 2:].split()  # after the command name, which may hold spaces
    return fields[19] if len(fields) > 19 else ""


def boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def owner_labels() -> dict[str, str]:
    """Labels naming this process: who owns a container, and where that name is meaningful."""
    pid = os.getpid()
    return {LABEL: "1", OWNER_LABEL: str(pid), START_LABEL: process_start(pid),
            HOST_LABEL: socket.gethostname(), BOOT_LABEL: boot_id()}


def owner_alive(pid: int, start: str) -> bool:
    """Whether process pid still runs and is the one that started at `start` ("": not known,
    then any process with that pid counts)."""
    if not pid_alive(pid):
        return False
    now = process_start(pid)
    return not start or not now or now == start


def orphaned(labels: dict[str, str]) -> bool:
    """Whether a sandbox container's owner is gone: its pid no longer runs, or now belongs to
    a process started at another time, or the machine rebooted since. A container made on
    another host (an engine shared over the network) is not judged: its pid means nothing here.
    Containers of older versions (no start, host or boot) are judged by their pid alone."""
    owner = labels.get(OWNER_LABEL, "")
    if not owner.isdigit():
        return True
    host = labels.get(HOST_LABEL)
    if host is not None and host != socket.gethostname():
        return False
    boot = labels.get(BOOT_LABEL)
    if boot and boot_id() and boot != boot_id():
        return True
    return not owner_alive(int(owner), labels.get(START_LABEL, ""))


def remove_orphans(client) -> None:
    """Remove sandbox containers left by cpsolve processes that no longer exist.

    Listed sparse (one request, labels included): a full listing inspects each container
    afterwards, and one that another cpsolve removes in between made that fail ("No such
    container") where nothing was wrong."""
    for container in client.containers.list(all=True, filters={"label": LABEL}, sparse=True):
        if orphaned(container.attrs.get("Labels") or {}):
            remove_container(container)


def remove_stale_io_dirs() -> None:
    """Remove the socket folders (IO_PREFIX + PID-START-random, in the temp dir) whose owner is
    gone; those named without an owner (older versions) once IO_LEGACY_AGE_S old. Removing one
    that a live container mounts would not break it: its runner is connected already."""
    try:
        folders = list(Path(tempfile.gettempdir()).glob(IO_PREFIX + "*"))
    except OSError:
        return
    for folder in folders:
        parts = folder.name[len(IO_PREFIX):].split("-")
        try:
            if folder.stat().st_uid != os.getuid():
                continue  # another user's: not ours to judge (nor to remove)
            if len(parts) == 3 and parts[0].isdigit():
                if owner_alive(int(parts[0]), parts[1]):
                    continue
            elif time.time() - folder.stat().st_mtime < IO_LEGACY_AGE_S:
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
