"""Judging on a Ray cluster (sandbox/cluster.py): what travels, and a real multi-node cluster.

The cluster tests start a real cluster on this one machine with Ray's own tools (a head and
three worker nodes, ray.cluster_utils.Cluster through sandbox.cluster.local_cluster), each worker
node with its own `sandbox` resource and its own actor and pool. All nodes share this machine's
one Docker engine: what is removed "on a node" is removed from that one engine. The third node's
raylet is given a DOCKER_HOST where no engine answers: a node without Docker.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.common import bare_ray_flag
from cli.main import app
from sandbox.checkers import ValidatorFlags
from sandbox.cluster import (
    INLINE_BYTES,
    RUN_LABEL,
    ClusterOptions,
    Missing,
    NodeSandbox,
    local_cluster,
    pack,
    ray_sandbox,
    unpack,
)
from sandbox.jobs import Job, Limits, Program, Verdict
from sandbox.pool import SandboxOptions, docker_client
from sandbox.tester import Test, judge, overall
from solver.batch import BatchOptions, find_problems, run_batch
from solver.bench.scale import choices
from solver.solve import SolveOptions
from tests.conftest import REPO

BENCH = REPO.parent / "shared" / "bench"
PROGRAMS = REPO / "tests" / "programs"
NO_ENGINE = {"DOCKER_HOST": "unix:///nonexistent/docker.sock"}
# Problems whose programs run well under their limits (no verdict near a time limit, which a
# busy machine could flip between two runs) and whose rank 1 is its cluster's one C++ program,
# the fastest by far (a cluster's representative is its fastest member: where members are
# close, as on stopwatch, rank 1 can change between two local runs too). In batch order.
BATCH = ["kth-challenge-2013/peragrams", "na-rocky-mountain-2018-public/qaly"]


# --- what travels (no cluster) -----------------------------------------------------------------


def test_big_inputs_and_files_travel_by_hash_once() -> None:
    big, small = b"7\n" * INLINE_BYTES, b"3\n"
    program = Program("python3", "print(input())")
    interactor = Job(Program("python3", "pass"), b"", files=(("secret.in", big),))
    jobs = [Job(program, big, files=(("answer", big), ("tiny", small))),
            Job(program, small, interactor=interactor)]
    blobs: dict[str, bytes] = {}
    packed = [pack(job, blobs, {}) for job in jobs]
    assert len(blobs) == 1  # one big text, whichever job or file carries it
    assert packed[0].job.input == b"" and packed[0].job.files[1] == ("tiny", small)
    assert packed[1].job.input == small and packed[1].interactor is not None
    assert [unpack(item, blobs) for item in packed] == jobs

    node = NodeSandbox("test")  # no pool: a chunk naming an unknown blob is answered first
    assert node.run({}, packed) == Missing(tuple(blobs))
    with pytest.raises(Exception, match="not open"):  # with it, the chunk would run
        node.run(blobs, packed)
    assert node.blob_bytes == len(big)


def test_a_bare_ray_flag_starts_a_local_cluster() -> None:
    assert bare_ray_flag(["batch", "dir", "--ray"]) == ["batch", "dir", "--ray", "local"]
    assert bare_ray_flag(["batch", "--ray", "--json", "d"]) == [
        "batch", "--ray", "local", "--json", "d"]
    assert bare_ray_flag(["solve", "p", "--ray", "auto"]) == ["solve", "p", "--ray", "auto"]


def test_without_ray_the_flag_fails_in_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when not installed
    empty = tmp_path / "programs"
    empty.mkdir()
    for args in (["batch", str(REPO / "problems"), "--samples-from", str(empty)],
                 ["solve", str(REPO / "problems" / "sum-of-two"), "--samples-from", str(empty)]):
        result = CliRunner().invoke(app, [*args, "--ray", "local", "--out", str(tmp_path)])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "cpsolve[ray]" in lines[0], result.output


# --- a real cluster on this machine -------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    with local_cluster([1, 1, 1], node_env=[None, None, NO_ENGINE]) as started:
        yield started


def run_labelled(run_id: str) -> list:
    return docker_client().containers.list(all=True, filters={"label": f"{RUN_LABEL}={run_id}"})


@pytest.mark.integration
def test_judging_on_the_cluster_gives_the_local_verdicts(cluster, pool) -> None:
    programs = [
        Program("python3", "print(sum(map(int, input().split())))"),
        Program("python3", "print(1)"),  # WA on all but one test
        Program("python3", "import sys\nsys.exit(3)"),  # RE
        Program("cpp17", "#include <cstdio>\nint main(){long a,b;scanf(\"%ld %ld\",&a,&b);"
                         "printf(\"%ld\\n\",a+b);}"),
        Program("cpp17", "int main(){ syntax error }"),  # CE
    ]
    tests = [Test(f"t{i}", f"{i} {i * i}\n".encode(), f"{i + i * i}\n".encode())
             for i in range(6)]
    big = " ".join(["1"] * 2000)  # over INLINE_BYTES: sent by hash, once per node
    tests.append(Test("big", f"{big}\n".encode(), b"1\n"))
    lines: list[str] = []
    with ray_sandbox(ClusterOptions(cluster.address), SandboxOptions(), report=lines.append
                     ) as executor:
        for stop in (False, True):
            remote = judge(executor, programs, tests, Limits(time_s=2), ValidatorFlags(),
                           stop_at_first_failure=stop)
            local = judge(pool, programs, tests, Limits(time_s=2), ValidatorFlags(),
                          stop_at_first_failure=stop)
            for program in programs:
                assert overall(remote[program.key]) == overall(local[program.key])
                if not stop:
                    assert [r.verdict for r in remote[program.key]] == [
                        r.verdict for r in local[program.key]]
                    assert [r.stdout for r in remote[program.key]] == [
                        r.stdout for r in local[program.key]]
        assert remote[programs[4].key][0].verdict is Verdict.CE
        stats = executor.stats
        assert stats.nodes == 2 and stats.nodes_refused == 1
        assert 0 < stats.blob_bytes_sent <= 2 * len(tests[-1].input)  # at most once per node
        assert [node.jobs_done > 0 for node in executor.live()] == [True, True]
        run_id = executor.run_id
        assert len(run_labelled(run_id)) == 2  # one warm container per node
    refused = [line for line in lines if "gets no work" in line]
    assert len(refused) == 1 and "no Docker engine answers" in refused[0], lines
    assert run_labelled(run_id) == []


def batch_root(tmp_path: Path) -> Path:
    if not BENCH.is_dir():
        pytest.skip(f"{BENCH} is not here (the shared benchmark sits beside the repository)")
    root = tmp_path / "bench"
    for key in BATCH:
        # The problem as it is, but a 10 s time limit: its programs run in milliseconds, and a
        # machine busy with other work must not turn a slow start into a TLE in one run only.
        (root / key).mkdir(parents=True)
        for part in (BENCH / key).iterdir():
            if part.name != ".timelimit":
                (root / key / part.name).symlink_to(part)
        (root / key / ".timelimit").write_text("10\n", encoding="utf-8")
    return root


@pytest.mark.integration
def test_a_node_killed_mid_batch_loses_nothing(cluster, pool, tmp_path: Path) -> None:
    problems = find_problems(batch_root(tmp_path))
    local = run_batch(problems, pool, SolveOptions(), BatchOptions(out_dir=tmp_path / "local"),
                      programs_root=PROGRAMS)
    assert [outcome.status for outcome in local] == ["done"] * len(BATCH)

    victim = cluster.nodes[1]
    killed: list[str] = []
    started: list[str] = []
    lines: list[str] = []
    with ray_sandbox(ClusterOptions(cluster.address), SandboxOptions(), report=lines.append
                     ) as executor:

        def progress(stage: str, done: int, total: int) -> None:
            # Mid-batch and mid-call: the second problem's clustering, a third of the way in.
            if (len(started) == 2 and stage == "clustering" and not killed
                    and done >= total // 3):
                killed.append(victim.node_id)
                cluster.cluster.remove_node(victim, allow_graceful=False)
                wait_until_gone(executor, victim.node_id)

        out_dir = tmp_path / "ray"
        remote = run_batch(problems, executor, SolveOptions(), BatchOptions(out_dir=out_dir),
                           programs_root=PROGRAMS, on_start=started.append, progress=progress)
        assert killed, "the kill never happened"
        stats = executor.stats
        assert stats.nodes_lost == 1 and stats.retried_jobs > 0, stats
        assert len(executor.live()) == 1
        run_id = executor.run_id
        # Resumable as a local batch: a rerun keeps every outcome and judges nothing.
        jobs_before = stats.jobs
        resumed: list[bool] = []
        again = run_batch(problems, executor, SolveOptions(), BatchOptions(out_dir=out_dir),
                          programs_root=PROGRAMS,
                          on_outcome=lambda _outcome, kept: resumed.append(kept))
        assert resumed == [True] * len(BATCH) and stats.jobs == jobs_before
        assert [outcome.candidates for outcome in again] == [
            outcome.candidates for outcome in remote]
    assert any("lost" in line for line in lines), lines
    assert choices(remote) == choices(local)  # the same verdicts and choices
    for outcome in remote:
        stored = json.loads((out_dir / outcome.id / "outcome.json").read_text(encoding="utf-8"))
        assert stored["candidates"] == outcome.candidates
        assert (out_dir / outcome.id / "result.json").is_file()
    # The killed node's pool could not remove its container: the driver did, by the run's label.
    assert run_labelled(run_id) == []


def wait_until_gone(executor, node_id: str, timeout_s: float = 60.0) -> None:
    """Return once the actor on the removed node stops answering. Its worker process outlives
    the killed raylet for a moment and keeps answering direct calls: on an idle machine the
    rest of the batch could finish inside that moment, and the kill would test nothing."""
    import ray

    node = next(node for node in executor.nodes if node.node_id == node_id)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            ray.get(node.handle.run.remote({}, []), timeout=5)
        except executor.lost:
            return
        except ray.exceptions.GetTimeoutError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the actor on node {node_id[:8]} still answers {timeout_s} s on")


def ray_processes() -> set[int]:
    """Pids of Ray's own processes (raylets, GCS servers, actors and workers) on this machine."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if any(name in command for name in (b"raylet", b"gcs_server", b"ray::",
                                            b"default_worker.py")):
            found.add(int(entry.name))
    return found


@pytest.mark.integration
def test_ctrl_c_stops_a_local_cluster_run_and_leaves_nothing(tmp_path: Path) -> None:
    root = batch_root(tmp_path)
    before = ray_processes()
    labelled_before = {c.id for c in docker_client().containers.list(
        all=True, filters={"label": RUN_LABEL})}
    command = [str(Path(sys.executable).parent / "cpsolve"), "batch", str(root),
               "--samples-from", str(PROGRAMS), "--out", str(tmp_path / "out"), "--ray"]
    env = {**os.environ, "CPSOLVE_WORKERS": "1"}
    child = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             env=env, text=True)
    seen = []
    deadline = time.monotonic() + 180
    assert child.stderr is not None
    for line in child.stderr:  # until the first problem's judging is under way
        seen.append(line)
        if "ray: 1 node judging" in line or time.monotonic() > deadline:
            break
    # Soon: on an idle machine the whole batch (two small problems) ends in about 2.5 s.
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    _, rest = child.communicate(timeout=120)
    assert child.returncode == 130, "".join(seen) + rest
    assert "interrupted" in rest
    time.sleep(1)
    assert ray_processes() - before == set()  # no raylet, GCS or actor left
    left = {c.id for c in docker_client().containers.list(all=True,
                                                          filters={"label": RUN_LABEL})}
    assert left - labelled_before == set()
