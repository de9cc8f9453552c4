"""Signals and leftover containers: every way a command can be stopped removes its containers
and socket folders, a pool never starts one once it is closing, and the next pool removes what
an owner that is gone left behind. Real Docker, real `cpsolve` processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sandbox.jobs import Job, Limits, Program
from sandbox.pool import (
    BOOT_LABEL,
    HOST_LABEL,
    IO_PREFIX,
    LABEL,
    OWNER_LABEL,
    POOL_LABEL,
    START_LABEL,
    DockerPool,
    PoolClosedError,
    SandboxOptions,
    Worker,
    owner_labels,
    process_start,
)

pytestmark = pytest.mark.integration

SLEEPER = "import time\ntime.sleep(30)\n"  # each test of sum-of-two then takes its 2.5 s wall
CPSOLVE = Path(sys.executable).with_name("cpsolve")


@pytest.fixture(scope="module")
def client():
    from sandbox.pool import docker_client

    return docker_client()


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def owned(client, pid: int) -> list:
    # Sparse, as the pool lists orphans: a full listing inspects each container afterwards and
    # fails with "No such container" when one goes away in between.
    return client.containers.list(all=True, filters={"label": f"{OWNER_LABEL}={pid}"},
                                  sparse=True)


def io_dirs(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{IO_PREFIX}{pid}-*"))


def running_programs(client, pid: int) -> int:
    """Programs running in this owner's containers: a zygote's child beside the zygote."""
    count = 0
    for container in owned(client, pid):
        try:
            processes = container.top()["Processes"] or []
        except Exception:  # noqa: BLE001 - a container going away
            continue
        count += max(0, sum("zygote.py" in " ".join(row) for row in processes) - 1)
    return count


def start_cpsolve(tmp_path: Path, problems_dir: Path) -> subprocess.Popen:
    program = tmp_path / "sleep.py"
    program.write_text(SLEEPER)
    return subprocess.Popen(
        [str(CPSOLVE), "test", str(program), str(problems_dir / "sum-of-two"), "--all",
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell that starts the test run in the background ignores SIGINT, and `nohup`
        # ignores SIGHUP; ignoring is inherited: give the command the default dispositions a
        # terminal would.
        preexec_fn=default_dispositions)


def default_dispositions() -> None:
    for signum in (signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


@pytest.fixture(autouse=True)
def sigint_raises_keyboard_interrupt():
    """SIGINT raises KeyboardInterrupt in this process too, however the test run was started
    (Python keeps ignoring SIGINT when it started ignored)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


MESSAGES = {signal.SIGINT: "error: interrupted", signal.SIGTERM: "error: terminated by SIGTERM",
            signal.SIGHUP: "error: terminated by SIGHUP"}


@pytest.mark.parametrize("moment", ["start-up", "running"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
                         ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_stops_cpsolve_test_and_leaves_nothing(client, tmp_path, problems_dir,
                                                        signum, moment):
    process = start_cpsolve(tmp_path, problems_dir)
    try:
        if moment == "start-up":  # the first container exists, the pool is still starting
            assert wait_until(lambda: owned(client, process.pid), 30)
        else:
            assert wait_until(lambda: running_programs(client, process.pid) >= 2, 30, 0.1)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    expected = 130 if signum == signal.SIGINT else 128 + signum
    assert process.returncode == expected, stderr
    assert stderr.strip().splitlines() == [MESSAGES[signum]]
    # The process has exited: nothing of its own may start any more, and nothing is left.
    assert wait_until(lambda: not owned(client, process.pid), 2)
    assert not io_dirs(process.pid)


def test_a_second_signal_does_not_cut_the_clean_up_short(client, tmp_path, problems_dir):
    process = start_cpsolve(tmp_path, problems_dir)
    try:
        assert wait_until(lambda: running_programs(client, process.pid) >= 2, 30, 0.1)
        process.send_signal(signal.SIGTERM)
        time.sleep(0.05)  # while it removes the containers
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signal.SIGTERM
    assert wait_until(lambda: not owned(client, process.pid), 2)
    assert not io_dirs(process.pid)


def test_what_a_killed_owner_left_is_removed_by_the_next_pool(client, tmp_path, problems_dir):
    process = start_cpsolve(tmp_path, problems_dir)
    try:
        assert wait_until(lambda: running_programs(client, process.pid) >= 2, 30, 0.1)
        left = owned(client, process.pid)
        assert len(left) == 2 and io_dirs(process.pid)
        process.kill()  # SIGKILL: no clean-up at all
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    # (Another pool on this engine, a test run beside this one, may be first to remove them.)
    with DockerPool(SandboxOptions(workers=1)):
        remaining = {c.id for c in client.containers.list(all=True, filters={"label": LABEL})}
        assert not remaining & {c.id for c in left}
        assert not io_dirs(process.pid)


def test_containers_of_gone_or_replaced_owners_are_removed_and_live_ones_kept(client):
    from sandbox.pool import DEFAULT_IMAGE

    gone = subprocess.Popen(["true"])
    gone.wait()
    mine = owner_labels()
    parent = subprocess.Popen(["sleep", "30"])  # alive, but not the process that made it
    try:
        wait_until(lambda: process_start(parent.pid) != "", 2)
        cases = {
            "dead owner": mine | {OWNER_LABEL: str(gone.pid), START_LABEL: "1"},
            "pid reused": mine | {OWNER_LABEL: str(parent.pid), START_LABEL: "1"},
            "live owner": mine | {POOL_LABEL: "another-pool-of-this-process"},
            "other host": mine | {OWNER_LABEL: str(gone.pid), HOST_LABEL: "elsewhere"},
            "older version, dead owner": {LABEL: "1", OWNER_LABEL: str(gone.pid)},
            "previous boot": mine | {BOOT_LABEL: "another-boot"},
        }
        made = {name: client.containers.create(DEFAULT_IMAGE, ["sleep", "infinity"],
                                               labels=labels, network_mode="none")
                for name, labels in cases.items()}
        stale = Path(tempfile.mkdtemp(prefix=f"{IO_PREFIX}{gone.pid}-1-"))
        try:
            with DockerPool(SandboxOptions(workers=1)):
                left = {c.id for c in client.containers.list(all=True, filters={"label": LABEL})}
            kept = {name for name, container in made.items() if container.id in left}
            assert kept == {"live owner", "other host"}
            assert not stale.exists()
        finally:
            for container in made.values():
                try:
                    container.remove(force=True)
                except Exception:  # noqa: BLE001 - removed by the pool
                    pass
    finally:
        parent.kill()
        parent.wait()


def pool_containers(client, pool: DockerPool) -> list:
    return client.containers.list(
        all=True, filters={"label": f"{POOL_LABEL}={pool.labels[POOL_LABEL]}"})


def test_an_interrupted_run_closes_the_pool_and_starts_nothing(client):
    pool = DockerPool(SandboxOptions(workers=2))
    sleeper = Program("python3", SLEEPER)
    # A real SIGINT (the main thread is blocked joining the workers' threads, as under Ctrl-C).
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        pool.run([Job(sleeper, b"", Limits(time_s=2))] * 6)
    timer.join()
    assert pool.closing.is_set() and not pool.workers
    assert not pool_containers(client, pool)
    time.sleep(1.5)  # worker threads that lost their container must not replace it
    assert not pool_containers(client, pool)
    with pytest.raises(PoolClosedError):
        Worker(client, pool.options, None, pool.closing, pool.labels).start()
    assert not pool_containers(client, pool)


def test_an_interrupt_during_start_up_leaves_no_container(client, monkeypatch):
    """Ctrl-C while the start-up threads' container creates are in flight: each thread finishes
    its create, sees the pool closing and removes what it made; close() waits for them."""
    created: list[str] = []
    interrupted = threading.Event()
    original = Worker.run_container

    def slow_run_container(self, mount: bool) -> None:
        if not interrupted.is_set():
            interrupted.set()
            os.kill(os.getpid(), signal.SIGINT)  # to the main thread, waiting for this one
        time.sleep(0.5)
        original(self, mount)
        if self.container is not None:
            created.append(self.container.id)

    monkeypatch.setattr(Worker, "run_container", slow_run_container)
    before = {c.id for c in owned(client, os.getpid())}
    with pytest.raises(KeyboardInterrupt):
        DockerPool(SandboxOptions(workers=2))
    assert interrupted.is_set()
    assert created == []  # each thread removed its container instead of keeping it
    assert not {c.id for c in owned(client, os.getpid())} - before
    time.sleep(1.0)  # nor does one appear later
    assert not {c.id for c in owned(client, os.getpid())} - before
