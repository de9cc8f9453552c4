"""The runner: one long-lived process inside each sandbox container.

It reads jobs as JSON lines on stdin and answers each with one JSON line on stdout. For every job
it forks the program as an unprivileged user, in its own session and scratch directory, under
rlimits; enforces the wall clock; measures with wait4 rusage; caps output; and afterwards kills
every process the program left behind and wipes the scratch directory.

Standard library only: this file is executed by the container's python3 (`python3 -c SOURCE`), and
must not import anything from cpsolve.

Job:    {"id", "language", "key", "source", "input_b64", "time_s", "wall_s", "memory_mb",
         "output_bytes", "processes"}   or {"op": "ping"}
Answer: {"id", "verdict", "cpu_s", "wall_s", "memory_kb", "exit_code", "signal",
         "stdout_b64", "stderr_tail"}   or {"error": "..."} when the runner itself failed.
"""

import base64
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import sys
import time

ROOT = "/sandbox"  # a tmpfs, writable and executable; everything else is read-only
CACHE = ROOT + "/cache"  # compiled programs by key, root-owned so programs cannot tamper
SCRATCH = ROOT + "/run"  # the program's working directory, wiped after every run
SHARED_MEMORY = "/dev/shm"  # Docker mounts a writable tmpfs here; wiped too
NOBODY = 65534
STDERR_TAIL = 4096
COMPILE_TIME_S = 30.0
COMPILE_MEMORY_MB = 2048
MEMORY_MESSAGES = (b"MemoryError", b"std::bad_alloc", b"Cannot allocate memory")

ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "HOME": SCRATCH,
    "TMPDIR": SCRATCH,
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",  # set/dict-of-str order stable across runs, so outputs cluster
}


def become_subreaper() -> None:
    """Orphans of a program reparent to us (not to PID 1), so we can reap them."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except OSError:
        pass


def make_dir(path: str, mode: int) -> None:
    os.makedirs(path, exist_ok=True)
    os.chmod(path, mode)


def wipe(path: str, keep_dir: bool) -> None:
    if not os.path.isdir(path):
        return
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            shutil.rmtree(full, ignore_errors=True)
        else:
            try:
                os.unlink(full)
            except OSError:
                pass
    if not keep_dir:
        shutil.rmtree(path, ignore_errors=True)


def kill_leftovers() -> None:
    """Kill every process of the unprivileged user: whatever the program left behind.

    kill(-1) from a process running as that user reaches exactly that user's processes, however
    they detached (new session, double fork). Repeat until none is left, then reap the zombies.
    """
    for _ in range(50):
        helper = os.fork()
        if helper == 0:
            try:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                os.kill(-1, signal.SIGKILL)
            except OSError:
                pass
            os._exit(0)
        os.waitpid(helper, 0)
        reap_all()
        if not any_user_process(NOBODY):
            return


def any_user_process(uid: int) -> bool:
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.stat("/proc/" + entry).st_uid == uid:
                return True
        except OSError:
            continue
    return False


def reap_all() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def tail(path: str, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            length = handle.tell()
            handle.seek(max(0, length - size))
            return handle.read()
    except OSError:
        return b""


def execute(argv, stdin_path, limits, workdir):
    """Fork argv as the unprivileged user under limits; return measurements (no verdict)."""
    stdout_path = os.path.join(workdir, ".stdout")
    stderr_path = os.path.join(workdir, ".stderr")
    cpu_limit = max(1, int(limits["time_s"] + 0.999))
    memory = int(limits["memory_mb"]) * 1024 * 1024
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.setsid()
            os.chdir(workdir)
            stdin_fd = os.open(stdin_path, os.O_RDONLY)
            stdout_fd = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            stderr_fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            os.dup2(stdin_fd, 0)
            os.dup2(stdout_fd, 1)
            os.dup2(stderr_fd, 2)
            os.closerange(3, 65536)
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 1))
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            resource.setrlimit(resource.RLIMIT_STACK, (memory, memory))
            resource.setrlimit(resource.RLIMIT_FSIZE, (limits["output_bytes"] + 1,) * 2)
            resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.execve(argv[0], argv, ENV)
        except BaseException as error:  # noqa: BLE001 - report anything, then die
            os.write(2, ("runner: could not start program: %s\n" % error).encode())
        os._exit(127)

    timed_out = False
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], limits["wall_s"])
        if not ready:
            timed_out = True
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        _, status, usage = os.wait4(pid, 0)
    finally:
        os.close(pidfd)
    wall = time.monotonic() - start
    kill_leftovers()
    # Peak memory of the program itself (ru_maxrss of the waited child, in KB).
    return {
        "status": status,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": wall,
        "memory_kb": usage.ru_maxrss,
        "timed_out": timed_out,
        "stdout_path": stdout_path,
        "stderr_path": stderr_path,
    }


def classify(measured, limits):
    """Turn measurements into a verdict: OK / TLE / MLE / OLE / RE."""
    status = measured["status"]
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    stdout_size = os.path.getsize(measured["stdout_path"])
    stderr = tail(measured["stderr_path"], STDERR_TAIL)
    memory_limit_kb = limits["memory_mb"] * 1024
    if measured["timed_out"] or measured["cpu_s"] > limits["time_s"] or sig == signal.SIGXCPU:
        verdict = "TLE"
    elif stdout_size > limits["output_bytes"] or sig == signal.SIGXFSZ:
        verdict = "OLE"
    elif exit_code == 0:
        verdict = "OK"
    elif measured["memory_kb"] >= 0.9 * memory_limit_kb or any(
        message in stderr for message in MEMORY_MESSAGES
    ):
        verdict = "MLE"
    else:
        verdict = "RE"
    return verdict, exit_code, sig, stderr


def prepare_program(job):
    """Put the program in the cache (compiling C++ once per key). Returns (argv, error or None)."""
    directory = os.path.join(CACHE, job["key"])
    if job["language"] == "python3":
        path = os.path.join(directory, "prog.py")
        if not os.path.exists(path):
            make_dir(directory, 0o755)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(job["source"])
            os.chmod(path, 0o444)
        return ["/usr/bin/python3", path], None
    if job["language"] == "cpp17":
        binary = os.path.join(directory, "prog")
        failed = os.path.join(directory, "compile-error")
        if os.path.exists(failed):
            with open(failed, "rb") as handle:
                return None, handle.read()
        if not os.path.exists(binary):
            error = compile_cpp(job, directory)
            if error is not None:
                return None, error
        return [binary], None
    return None, ("unknown language %r" % job["language"]).encode()


def compile_cpp(job, directory):
    """Compile in the scratch dir as the unprivileged user, then move the binary to the cache."""
    make_dir(SCRATCH, 0o777)
    source = os.path.join(SCRATCH, "prog.cpp")
    with open(source, "w", encoding="utf-8") as handle:
        handle.write(job["source"])
    os.chmod(source, 0o444)
    stdin_path = os.path.join(SCRATCH, ".empty")
    open(stdin_path, "wb").close()
    limits = {
        "time_s": COMPILE_TIME_S,
        "wall_s": COMPILE_TIME_S * 2,
        "memory_mb": COMPILE_MEMORY_MB,
        "output_bytes": 256 * 1024 * 1024,  # the binary is a file the compiler writes
    }
    argv = ["/usr/bin/g++", "-std=gnu++17", "-O2", "-pipe", "-o", "prog", "prog.cpp"]
    measured = execute(argv, stdin_path, limits, SCRATCH)
    verdict, _, _, stderr = classify(measured, limits)
    make_dir(directory, 0o755)
    produced = os.path.join(SCRATCH, "prog")
    if verdict == "OK" and os.path.exists(produced):
        target = os.path.join(directory, "prog")
        shutil.copyfile(produced, target)
        os.chmod(target, 0o555)
        error = None
    else:
        error = stderr or ("compiler: %s" % verdict).encode()
        with open(os.path.join(directory, "compile-error"), "wb") as handle:
            handle.write(error)
    wipe(SCRATCH, keep_dir=False)
    return error


def run_job(job):
    answer = {"id": job.get("id"), "cpu_s": 0.0, "wall_s": 0.0, "memory_kb": 0}
    argv, compile_error = prepare_program(job)
    if argv is None:
        answer.update(verdict="CE", stderr_tail=compile_error[-STDERR_TAIL:].decode(
            "utf-8", "replace"), exit_code=None, signal=None, stdout_b64="")
        return answer
    make_dir(SCRATCH, 0o777)
    stdin_path = os.path.join(SCRATCH, ".stdin")
    with open(stdin_path, "wb") as handle:
        handle.write(base64.b64decode(job["input_b64"]))
    os.chmod(stdin_path, 0o444)
    try:
        measured = execute(argv, stdin_path, job, SCRATCH)
        verdict, exit_code, sig, stderr = classify(measured, job)
        with open(measured["stdout_path"], "rb") as handle:
            stdout = handle.read(job["output_bytes"])
    finally:
        wipe(SCRATCH, keep_dir=False)
        wipe(SHARED_MEMORY, keep_dir=True)
    answer.update(
        verdict=verdict,
        cpu_s=round(measured["cpu_s"], 4),
        wall_s=round(measured["wall_s"], 4),
        memory_kb=measured["memory_kb"],
        exit_code=exit_code,
        signal=sig,
        stdout_b64=base64.b64encode(stdout).decode("ascii"),
        stderr_tail=stderr.decode("utf-8", "replace"),
    )
    return answer


def main() -> None:
    become_subreaper()
    make_dir(CACHE, 0o755)
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            job = json.loads(line)
            if job.get("op") == "ping":
                answer = {"id": job.get("id"), "pong": True}
            else:
                answer = run_job(job)
        except Exception as error:  # noqa: BLE001 - the host decides what an error means
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
