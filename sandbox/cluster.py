"""Judging spread over a Ray cluster: one warm sandbox pool per node that offers `sandbox`.

What is decided here, and nowhere else:

- **Which nodes judge**: every live node whose resources include the custom resource `sandbox`
  gets one actor (NodeSandbox) that owns the node's warm containers (a one-container DockerPool
  per worker, sharing their compiled programs), pinned to the node's cores as a local pool is.
  A node whose Docker engine or image does not answer is reported and gets no work. Nodes on
  one machine (one engine) take turns for the CPUs they pin to.
- **How a call's jobs are spread** (RayExecutor.run, the sandbox.tester Executor interface, so
  `solve` and `batch` judge through it unchanged): cut into chunks of at most CHUNK_JOBS jobs,
  each run by one container; a node gets one chunk per container and QUEUED_CHUNKS more, the
  next chunk going to whichever node answers first.
- **What crosses the network**: programs (once per chunk: pickling sends a program shared by
  many jobs once) and results (verdicts, times, outputs). Test inputs and a checker's files of
  INLINE_BYTES or more travel once per node: by their hash, cached on the node (BLOB_CACHE_BYTES
  at most, least recently used first out; a node that dropped one asks for it again).
- **Faults**: a node that dies (its actor, its raylet, its machine) loses only the chunks it had
  not answered; they go back to the front of the queue for the others. A job's result is
  delivered once, when its chunk's answer arrives, so nothing is lost or duplicated. An error
  the sandbox itself raised on a node (SandboxError: a runner that keeps dying on one job) is
  raised here, as a local pool would.
- **The end of a run** (ray_sandbox): each node's pool is closed (its containers removed), the
  actors are killed, every container labelled with this run's id that the driver's own engine
  still holds is removed (a killed node's, when nodes share the engine, as on one machine), and
  a local cluster this process started is shut down. Ctrl-C and SIGTERM unwind to the same.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import queue
import signal
import socket
import threading
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from sandbox.jobs import Job, RunResult, SandboxError, Verdict
from sandbox.pool import (
    LABEL,
    DockerPool,
    SandboxOptions,
    docker_client,
    held_signals,
    remove_labelled,
)

RESOURCE = "sandbox"  # the custom resource a node offers to judge (`ray start --resources`)
RUN_LABEL = LABEL + ".ray-run"  # every container of one cluster run carries its id
# Each actor holds this much of a node's `sandbox`: one per node per run, and many runs (users)
# may share a cluster.
ACTOR_SHARE = 0.01
CHUNK_JOBS = 32  # a chunk's size cap (one container runs it): fewer calls, coarser spread
QUEUED_CHUNKS = 1  # per node, beyond one per container: the node never waits for the driver
# A program not run yet, or whose last run took SLOW_S or more, has one job per chunk at most,
# and a chunk holds about CHUNK_SECONDS of its programs' last run times: slow jobs (a TLE
# streak) spread over the containers instead of queueing behind each other in one chunk. With
# early stop, a program not run yet has one job in flight at most (its next tests wait for its
# first verdict), and a node skips a program's later jobs in a chunk once one of its runs
# failed there (NodeSandbox.run): a TLE streak stops at its first TLE, as in a local pool.
SLOW_S = 0.1
CHUNK_SECONDS = 0.25
INLINE_BYTES = 1024  # smaller inputs go with their job: a hash and a lookup would cost more
BLOB_CACHE_BYTES = 512 * 1024 * 1024  # per node
CLOSE_WAIT_S = 20.0  # for the nodes' pools to remove their containers
START_WAIT_S = 180.0  # for a node's actor to be placed and its containers started
WAIT_SLICE_S = 0.5  # ray.wait in slices, so that Ctrl-C is seen while jobs run
MISSING_RAY = ("--ray needs the Ray package, which is not installed: "
               "pip install 'cpsolve[ray]' (or 'ray>=2.60')")


class RayMissingError(Exception):
    """Ray is not installed (a usage error: the optional extra cpsolve[ray] is missing)."""


def import_ray():
    """The ray module, or RayMissingError with the one line that says how to get it."""
    try:
        import ray
    except ImportError as error:
        raise RayMissingError(MISSING_RAY) from error
    return ray


# --- what travels -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Packed:
    """A job as sent to a node: an input or file of INLINE_BYTES or more replaced by its hash
    (its bytes then emptied in `job`); the interactor's job packed the same way."""

    job: Job
    input_ref: str | None = None
    file_refs: tuple[str | None, ...] = ()
    interactor: Packed | None = None


def pack(job: Job, blobs: dict[str, bytes], digests: dict[int, str]) -> Packed:
    """The job with its big inputs and files moved into blobs (hash -> bytes). digests caches
    each bytes object's hash by id() for one call (its jobs share their tests' inputs)."""

    def ref(data: bytes) -> str | None:
        if len(data) < INLINE_BYTES:
            return None
        key = digests.get(id(data))
        if key is None:
            key = digests[id(data)] = hashlib.sha256(data).hexdigest()[:32]
        blobs[key] = data
        return key

    input_ref = ref(job.input)
    file_refs = tuple(ref(content) for _, content in job.files)
    interactor = pack(job.interactor, blobs, digests) if job.interactor is not None else None
    stripped = replace(
        job,
        input=b"" if input_ref else job.input,
        files=tuple((name, b"" if key else content)
                    for (name, content), key in zip(job.files, file_refs, strict=True)),
        interactor=None,
    )
    return Packed(stripped, input_ref, file_refs if any(file_refs) else (), interactor)


def unpack(packed: Packed, blobs: dict[str, bytes]) -> Job:
    """The job as it was packed (KeyError naming a blob this node does not hold)."""
    job = packed.job
    files = job.files
    if packed.file_refs:
        files = tuple((name, blobs[key] if key else content)
                      for (name, content), key in zip(job.files, packed.file_refs, strict=True))
    return replace(
        job,
        input=blobs[packed.input_ref] if packed.input_ref else job.input,
        files=files,
        interactor=unpack(packed.interactor, blobs) if packed.interactor is not None else None,
    )


@dataclass(frozen=True)
class Missing:
    """A node's answer to a chunk naming blobs it no longer (or never) held: send them."""

    keys: tuple[str, ...]


# --- on each node -------------------------------------------------------------------------------


class NodeSandbox:
    """The actor on one node: one single-container DockerPool per worker, and the node's blob
    cache.

    A chunk runs on one free container, and the actor runs as many chunks at once as it has
    containers: a chunk held up by a slow job (a TLE) then holds up only its own container,
    where one pool of several would keep its other containers idle until the chunk's last job
    ended. The containers share their compiled programs (a C++ source is compiled once per
    node, as in one pool) and their programs' run times. close() runs in a concurrency group
    of its own, so that it can stop chunks that are running (DockerPool.close is safe from any
    thread)."""

    def __init__(self, run_id: str) -> None:
        self.run_id = run_id
        self.pools: list[DockerPool] = []
        self.free: queue.Queue[DockerPool] = queue.Queue()
        self.lock = threading.Lock()  # the blob cache, between chunks running at once
        self.blobs: OrderedDict[str, bytes] = OrderedDict()
        self.blob_bytes = 0

    def open(self, options: SandboxOptions) -> str | None:
        """Start options.workers containers, pinned from options.first_cpu on; None, or why
        they could not start (no engine, no image)."""
        labels = {RUN_LABEL: self.run_id}
        slots = [replace(options, workers=1, first_cpu=options.first_cpu + index)
                 for index in range(max(1, options.workers))]
        with ThreadPoolExecutor(max_workers=len(slots)) as starting:  # each about a second
            started = [starting.submit(DockerPool, slot, labels=labels) for slot in slots]
        problems = []
        for future in started:
            try:
                self.pools.append(future.result())
            except SandboxError as error:
                problems.append(str(error))
        if problems:
            self.close()
            return problems[0]
        for pool in self.pools:
            pool.compiled = self.pools[0].compiled  # shared: compiled once per node
            pool.program_wall_s = self.pools[0].program_wall_s
            self.free.put(pool)
        return None

    def run(self, blobs: dict[str, bytes], packed: list[Packed],
            order: list[int] | None = None) -> list[RunResult] | Missing:
        """Run a chunk on a free container; its results in order, or the blobs it lacks.

        order: the jobs' indices in the driver's call when it stops programs at their first
        failure (judge's early stop): a job whose program's run failed at a lower index here is
        SKIPPED, as the driver would have skipped it had the failure been back in time. Run
        failures only (a WA is the driver's checker's to find); not with interactors, whose
        verdict the driver decides."""
        with self.lock:
            for key, data in blobs.items():
                self.keep(key, data)
            missing = sorted({key for item in packed for key in refs_of(item)
                              if key not in self.blobs})
            if missing:
                return Missing(tuple(missing))
            for item in packed:
                for key in refs_of(item):
                    self.blobs.move_to_end(key)
            jobs = [unpack(item, self.blobs) for item in packed]
            # After unpacking: a chunk bigger than the cache still runs.
            while self.blob_bytes > BLOB_CACHE_BYTES and self.blobs:
                _, dropped = self.blobs.popitem(last=False)
                self.blob_bytes -= len(dropped)
        if not self.pools:
            raise SandboxError("this node's sandbox pool is not open")
        failed: dict[str, int] = {}  # program key -> lowest index of a failed run
        arrived = skip = None
        if order is not None:
            def arrived(position: int, result: RunResult) -> None:
                job = jobs[position]
                if (job.interactor is None
                        and result.verdict not in (Verdict.OK, Verdict.SKIPPED)):
                    key = job.program.key
                    failed[key] = min(failed.get(key, order[position]), order[position])

            def skip(position: int) -> bool:
                job = jobs[position]
                return (job.interactor is None
                        and failed.get(job.program.key, order[position]) < order[position])
        pool = self.free.get()
        try:
            return pool.run(jobs, arrived, skip)
        finally:
            self.free.put(pool)

    def keep(self, key: str, data: bytes) -> None:
        if key in self.blobs:
            self.blobs.move_to_end(key)
            return
        self.blobs[key] = data
        self.blob_bytes += len(data)

    def close(self) -> None:
        for pool in self.pools:
            pool.close()


def refs_of(packed: Packed) -> list[str]:
    keys = [key for key in (packed.input_ref, *packed.file_refs) if key]
    return keys + (refs_of(packed.interactor) if packed.interactor is not None else [])


# --- on the driver ------------------------------------------------------------------------------


@dataclass
class Node:
    """One judging node as the driver sees it."""

    node_id: str
    address: str  # the node's IP, as Ray names it
    workers: int
    handle: Any = None  # the NodeSandbox actor
    alive: bool = True
    known: set[str] = field(default_factory=set)  # blob keys sent to it
    in_flight: int = 0  # chunks sent, not answered
    jobs_done: int = 0
    opening: Any = None  # the ref of its pool's start, until it answered

    @property
    def name(self) -> str:
        return f"{self.address} ({self.node_id[:8]})"


@dataclass
class ClusterStats:
    """What a run did on the cluster (the bench's jobs/s, the tests' proof of a retry)."""

    nodes: int = 0  # nodes judging when the run started
    nodes_refused: int = 0  # nodes offering `sandbox` whose engine or image did not answer
    nodes_lost: int = 0  # nodes that died during the run
    jobs: int = 0  # jobs whose results came back (each counted once)
    chunks: int = 0  # chunks answered
    retried_jobs: int = 0  # jobs sent again because their node died before answering
    blob_bytes_sent: int = 0  # test inputs and files sent to nodes (once per node each)


# Errors that mean the node (its actor, raylet or machine) is gone, not that a job failed.
def node_lost_errors(ray) -> tuple[type[BaseException], ...]:
    exceptions = ray.exceptions
    names = ("RayActorError", "NodeDiedError", "ObjectLostError", "WorkerCrashedError",
             "LocalRayletDiedError")
    return tuple(getattr(exceptions, name) for name in names if hasattr(exceptions, name))


class RayExecutor:
    """Executor (sandbox.tester) over one NodeSandbox actor per node that offers `sandbox`.

    Keyword-only options:
    workers: sandbox containers per node; None takes each node's CPU count as Ray reports it
        (its cores, or its `--num-cpus`). More than its cores only queues jobs on that node.
    node_ids: judge on these nodes only (Ray's hex node ids; None: every node offering
        `sandbox`), e.g. to measure one part of a cluster against another (bench scale).
    report: called with one line for each thing worth telling (nodes found, refused, lost).
    """

    def __init__(self, ray, options: SandboxOptions, run_id: str, *, workers: int | None = None,
                 node_ids: Collection[str] | None = None,
                 report: Callable[[str], None] = lambda _line: None) -> None:
        self.ray = ray
        self.options = options
        self.run_id = run_id
        self.report = report
        self.stats = ClusterStats()
        self.lock = threading.Lock()  # calls take turns, as a DockerPool's do
        self.program_wall_s: dict[str, float] = {}  # Program.key -> its last run's wall time
        self.lost = node_lost_errors(ray)
        self.nodes = self.start_nodes(workers, node_ids)

    def start_nodes(self, workers: int | None, node_ids: Collection[str] | None) -> list[Node]:
        """One actor per live node offering `sandbox`; the nodes whose pool opened."""
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        ray = self.ray
        found = [info for info in ray.nodes()
                 if info.get("Alive") and info.get("Resources", {}).get(RESOURCE, 0) > 0
                 and (node_ids is None or info["NodeID"] in node_ids)]
        if not found:
            raise SandboxError(
                f"no node of the Ray cluster offers the resource `{RESOURCE}`: start each "
                f"judging node with `ray start ... --resources='{{\"{RESOURCE}\": 1}}'`")
        actor_class = ray.remote(concurrency_groups={"control": 1})(NodeSandbox)
        nodes: list[Node] = []
        next_cpu: dict[str, int] = {}  # per machine: nodes on one engine take turns for CPUs
        for info in sorted(found, key=lambda info: info["NodeID"]):
            count = workers or max(1, int(info.get("Resources", {}).get("CPU", 1)))
            node = Node(info["NodeID"], info.get("NodeManagerAddress", "?"), count)
            first_cpu = next_cpu.get(node.address, 0)
            next_cpu[node.address] = first_cpu + count
            node.handle = actor_class.options(
                num_cpus=0, resources={RESOURCE: ACTOR_SHARE}, max_restarts=0,
                max_concurrency=count,  # one chunk per container at once
                scheduling_strategy=NodeAffinitySchedulingStrategy(node.node_id, soft=False),
            ).remote(self.run_id)
            node.opening = node.handle.open.remote(
                replace(self.options, workers=count, first_cpu=first_cpu))
            nodes.append(node)
        ready: list[Node] = []
        for node in nodes:
            try:
                problem = self.ray.get(node.opening, timeout=START_WAIT_S)
            except self.lost as error:
                problem = f"its actor died while starting ({type(error).__name__})"
            except Exception as error:  # noqa: BLE001 - that node is reported and left out
                problem = " ".join(f"{type(error).__name__}: {error}".split())[:300]
            if problem is None:
                ready.append(node)
                self.report(f"ray: node {node.name}: {node.workers} sandbox workers")
            else:
                self.stats.nodes_refused += 1
                node.alive = False
                self.report(f"ray: node {node.name} gets no work: {problem}")
                self.kill(node)
        self.stats.nodes = len(ready)
        if not ready:
            raise SandboxError("no node of the Ray cluster can judge: each one's Docker engine "
                               "or sandbox image failed (see above)")
        return nodes

    def live(self) -> list[Node]:
        return [node for node in self.nodes if node.alive]

    def run(
        self,
        jobs: Sequence[Job],
        on_result: Callable[[int, RunResult], None] | None = None,
        should_skip: Callable[[int], bool] | None = None,
    ) -> list[RunResult]:
        """One result per job, in order; on_result(index, result) as each chunk comes back.

        should_skip(index) is asked as a job's chunk is made (True: SKIPPED, reported too): the
        chunks go out in the order of `jobs`, so a failure that came back stops later tests of
        that program, as in a local pool; jobs already sent still run."""
        with self.lock:
            return self.run_now(jobs, on_result, should_skip)

    def run_now(self, jobs: Sequence[Job], on_result, should_skip) -> list[RunResult]:
        ray = self.ray
        results: list[RunResult | None] = [None] * len(jobs)
        pending: deque[int] = deque(range(len(jobs)))
        in_flight: dict[Any, tuple[Node, list[int]]] = {}
        digests: dict[int, str] = {}
        # With early stop: programs not run yet that have a job in flight.
        flying: set[str] = set()

        def deliver(index: int, result: RunResult) -> None:
            results[index] = result
            if result.verdict is not Verdict.SKIPPED:
                self.program_wall_s[jobs[index].program.key] = result.wall_s
            if on_result is not None:
                on_result(index, result)

        def take(count: int) -> list[int]:
            """The next chunk: pending jobs in order, skipped ones delivered, until `count`
            jobs or CHUNK_SECONDS of their programs' last run times. A program not run yet or
            slow (SLOW_S) has one job in it at most; with early stop, a program not run yet has
            one in flight at most. Jobs passed over stay pending, in order."""
            chunk: list[int] = []
            held: list[int] = []
            careful_keys: set[str] = set()
            seconds = 0.0
            while pending and len(chunk) < count and seconds < CHUNK_SECONDS:
                index = pending.popleft()
                if should_skip is not None and should_skip(index):
                    deliver(index, RunResult(Verdict.SKIPPED))
                    continue
                key = jobs[index].program.key
                wall = self.program_wall_s.get(key)
                careful = wall is None or wall >= SLOW_S
                if careful and (key in careful_keys or (
                        should_skip is not None and wall is None and key in flying)):
                    held.append(index)
                    continue
                if careful:
                    careful_keys.add(key)
                    if should_skip is not None and wall is None:
                        flying.add(key)
                chunk.append(index)
                seconds += wall or 0.0
            pending.extendleft(reversed(held))
            return chunk

        while pending or in_flight:
            live = self.live()
            if not live:
                raise SandboxError("every Ray node judging this run was lost")
            total_workers = sum(node.workers for node in live)
            while pending:  # each chunk to the least busy node with room
                room = [node for node in live if node.in_flight < node.workers + QUEUED_CHUNKS]
                if not room:
                    break
                node = min(room, key=lambda node: node.in_flight / node.workers)
                chunk = take(max(1, min(CHUNK_JOBS, math.ceil(len(pending) / total_workers))))
                if not chunk:
                    break
                stops = getattr(should_skip, "stops_at_program_failure", False)
                in_flight[self.send(node, jobs, chunk, digests, stops)] = (node, chunk)
            if not in_flight:
                continue  # the rest were skipped
            ready, _ = ray.wait(list(in_flight), num_returns=1, timeout=WAIT_SLICE_S)
            for ref in ready:
                node, chunk = in_flight.pop(ref)
                node.in_flight -= 1
                flying.difference_update(jobs[index].program.key for index in chunk)
                try:
                    answer = ray.get(ref)
                except self.lost as error:
                    self.node_lost(node, error, chunk)
                    pending.extendleft(reversed(chunk))
                    continue
                except SandboxError as error:  # raised by the node's pool (a RayTaskError)
                    raise SandboxError(f"ray node {node.name}: {sandbox_cause(error)}") from error
                if isinstance(answer, Missing):  # it dropped them: send them, then the chunk
                    node.known -= set(answer.keys)
                    pending.extendleft(reversed(chunk))
                    continue
                self.stats.chunks += 1
                self.stats.jobs += len(chunk)
                node.jobs_done += len(chunk)
                for index, result in zip(chunk, answer, strict=True):
                    deliver(index, result)
        missing = [index for index, result in enumerate(results) if result is None]
        if missing:
            raise SandboxError(f"the Ray cluster returned no result for job {missing[0]}")
        return [result for result in results if result is not None]

    def send(self, node: Node, jobs: Sequence[Job], chunk: list[int], digests: dict[int, str],
             stops: bool):
        """Send one chunk to a node; its object ref. Blobs the node was not sent yet go along;
        with `stops` (judge's early stop), the jobs' indices, for the node to stop a program at
        its first failed run (NodeSandbox.run)."""
        blobs: dict[str, bytes] = {}
        packed = [pack(jobs[index], blobs, digests) for index in chunk]
        new = {key: data for key, data in blobs.items() if key not in node.known}
        node.known |= set(new)
        self.stats.blob_bytes_sent += sum(len(data) for data in new.values())
        node.in_flight += 1
        return node.handle.run.remote(new, packed, list(chunk) if stops else None)

    def node_lost(self, node: Node, error: BaseException, chunk: list[int]) -> None:
        self.stats.retried_jobs += len(chunk)
        if node.alive:
            node.alive = False
            self.stats.nodes_lost += 1
            others = len(self.live())
            self.report(f"ray: node {node.name} lost ({type(error).__name__}); its unfinished "
                        f"jobs go to the {others} other node{'s' if others != 1 else ''}")
            self.kill(node)

    def kill(self, node: Node) -> None:
        with contextlib.suppress(Exception):  # an actor already gone
            self.ray.kill(node.handle, no_restart=True)

    def close(self) -> None:
        """Close every live node's pool (its containers removed there), then kill the actors.
        Idempotent; never raises (it runs while unwinding)."""
        ray = self.ray
        closing = []
        for node in self.live():
            with contextlib.suppress(Exception):
                closing.append(node.handle.close.options(concurrency_group="control").remote())
        if closing:
            with contextlib.suppress(Exception):
                ray.wait(closing, num_returns=len(closing), timeout=CLOSE_WAIT_S)
        for node in self.nodes:
            node.alive = False
            self.kill(node)


def sandbox_cause(error: BaseException) -> str:
    """The node's own message of a SandboxError that came back wrapped in a RayTaskError."""
    cause = getattr(error, "cause", None)
    return str(cause if cause is not None else error).strip().splitlines()[-1]


# --- the cluster --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterOptions:
    """Where the cluster is. address: "auto" joins the cluster `ray start` runs on this machine;
    "HOST:PORT" (or "ray://HOST:PORT") one elsewhere; None starts a local one-node cluster for
    this command, offering `sandbox`, shut down when the command ends."""

    address: str | None = None


@contextlib.contextmanager
def ray_sandbox(
    cluster: ClusterOptions,
    options: SandboxOptions,
    *,
    workers: int | None = None,
    node_ids: Collection[str] | None = None,
    report: Callable[[str], None] = lambda _line: None,
) -> Iterator[RayExecutor]:
    """A RayExecutor over the cluster, torn down when the block ends, however it ends.

    workers, node_ids: as RayExecutor takes them. options: the pools' settings
    (image, limits of the containers); each node's `workers` and `first_cpu` are set here.
    RayMissingError without Ray; SandboxError when no cluster answers or no node can judge.
    """
    run_id = uuid.uuid4().hex[:12]
    with connected(cluster) as ray:
        executor: RayExecutor | None = None
        try:
            executor = RayExecutor(ray, options, run_id, workers=workers, node_ids=node_ids,
                                   report=report)
            yield executor
        finally:
            with held_signals():  # a second Ctrl-C must not leave containers behind
                if executor is not None:
                    executor.close()
                remove_run_containers(run_id)


@contextlib.contextmanager
def connected(cluster: ClusterOptions) -> Iterator[Any]:
    """This process connected to the cluster (the ray module); disconnected when the block
    ends, which shuts down a local cluster it started. A process connected already (a caller
    running several executors on one cluster) stays connected."""
    ray = import_ray()
    owns = connect(ray, cluster)
    try:
        yield ray
    finally:
        if owns:
            with held_signals(), contextlib.suppress(Exception):
                ray.shutdown()


def remove_run_containers(run_id: str) -> None:
    """Remove what the driver's own engine still holds of this run (a killed node's pool, when
    the nodes share the engine). Nodes elsewhere removed their own when their pool closed; a
    node that died with its machine took its containers with it, and a pool started there later
    removes any a killed actor left (their owner is gone: sandbox.pool.remove_orphans)."""
    try:
        client = docker_client()
    except SandboxError:
        return
    remove_labelled(client, {RUN_LABEL: run_id})


def connect(ray, cluster: ClusterOptions) -> bool:
    """Connect this process to the cluster; whether it owns the connection (False when it was
    connected already, e.g. by a caller that runs several batches on one cluster).

    ray.init replaces the SIGTERM handler (with one that exits at once): cpsolve's own
    (sandbox.pool.raise_on_termination, which unwinds so that containers are removed) is put
    back."""
    if ray.is_initialized():
        return False
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    common = dict(include_dashboard=False, log_to_driver=False, logging_level="ERROR",
                  configure_logging=True)
    try:
        if cluster.address is None:
            ray.init(address="local", resources={RESOURCE: 1}, **common)  # never an old one
        else:
            ray.init(address=cluster.address, **common)
    except (ConnectionError, RuntimeError, ValueError, TimeoutError) as error:
        where = cluster.address or "a local cluster"
        reason = " ".join(str(error).split())[:300]
        raise SandboxError(f"no Ray cluster at {where}: {reason}") from error
    finally:
        for signum, handler in saved.items():
            if handler is not None:
                signal.signal(signum, handler)
    return True


def describe_cluster(executor: RayExecutor) -> str:
    """One line: the nodes judging and their workers."""
    live = executor.live()
    workers = sum(node.workers for node in live)
    return (f"ray: {len(live)} node{'s' if len(live) != 1 else ''} judging with {workers} "
            f"sandbox workers (driver on {socket.gethostname()})")


@dataclass
class LocalCluster:
    """A cluster local_cluster started: where to connect, and its worker nodes in the order
    asked for (ray._private.node.Node: `node_id`; Cluster.remove_node(node) kills one)."""

    cluster: Any  # ray.cluster_utils.Cluster
    nodes: list[Any]

    @property
    def address(self) -> str:
        return self.cluster.address


@contextlib.contextmanager
def local_cluster(cpus_per_node: Sequence[int], *,
                  node_env: Sequence[dict[str, str] | None] = ()) -> Iterator[LocalCluster]:
    """A multi-node Ray cluster on this one machine, started with Ray's own tools
    (ray.cluster_utils.Cluster): a head that offers no `sandbox` (the driver's node, as on a real
    cluster where the driver has the GPU) and one worker node per entry of cpus_per_node, each
    with that many CPUs and `sandbox` 1. node_env[i]: environment variables of node i's raylet
    and so of its actor (e.g. a DOCKER_HOST where no engine answers). Every node shares this
    machine's Docker engine. Shut down when the block ends."""
    import_ray()
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0})
    try:
        nodes = []
        for index, cpus in enumerate(cpus_per_node):
            env = node_env[index] if index < len(node_env) else None
            nodes.append(cluster.add_node(num_cpus=cpus, resources={RESOURCE: 1},
                                          **({"env_vars": dict(env)} if env else {})))
        yield LocalCluster(cluster, nodes)
    finally:
        with held_signals():
            cluster.shutdown()
