"""The runner: one long-lived process inside each sandbox container.

It reads jobs as JSON lines on stdin and answers each with one JSON line on stdout. For every job
it starts the program as an unprivileged user (the uid given as argv[1], distinct per container
so that per-user limits and kill(-1) never reach another container's programs), in its own session
and scratch directory, under rlimits; enforces the wall clock; measures with wait4 rusage; caps
output; and afterwards kills every process the program left behind and wipes the scratch dir.

The program is forked by `launch`, a tiny C helper compiled when the runner starts: a child
forked from this Python process would carry the runner's ~9 MB into its peak RSS (the kernel
keeps the pre-exec high-water mark), a child forked from `launch` carries well under 1 MB.

Standard library only: this file is executed by the container's python3 (`python3 -c SOURCE`), and
must not import anything from cpsolve.

Run:     {"id", "language", "key", "source", "headers", "binary_b64"?, "input_b64", "args",
          "files_b64", "feedback_dir", "time_s", "wall_s", "memory_mb", "output_bytes",
          "file_bytes", "open_files", "processes", "compile": {limits}}
Compile: {"op": "compile", "id", "language", "key", "source", "headers", "compile": {limits}}
Ping:    {"op": "ping", "id"}
Answer:  {"id", "verdict", "cpu_s", "wall_s", "memory_kb", "exit_code", "signal",
          "stdout_b64", "stderr_tail", "feedback"}; for compile {"id", "ok", "binary_b64" or
          "compile_error"}; {"error": "..."} when the runner itself failed.
"""

import base64
import ctypes
import json
import os
import select
import shutil
import signal
import sys
import time

ROOT = "/sandbox"  # a tmpfs, writable and executable; everything else is read-only
CACHE = ROOT + "/cache"  # compiled programs by key, root-owned so programs cannot tamper
SCRATCH = ROOT + "/run"  # the program's working directory, wiped after every run
LAUNCH = ROOT + "/bin/launch"
SHARED_MEMORY = "/dev/shm"  # Docker mounts a writable tmpfs here; wiped too
PROGRAM_UID = 65534  # replaced by argv[1] in main()
STDERR_TAIL = 4096
FEEDBACK_TAIL = 4096
DEFAULT_COMPILE = {"time_s": 30.0, "wall_s": 60.0, "memory_mb": 2048}

# launch UID WORKDIR CPU_S MEMORY_BYTES FILE_BYTES OPEN_FILES PROCESSES PROGRAM ARGS...:
# fork PROGRAM in WORKDIR as UID (gid too, no groups), in a new session, under those rlimits;
# wait4 it; write "status utime_us stime_us maxrss_kb" to fd 3. It stays root and unlimited, so
# the program can neither signal nor trace it, and its own few pages are all the child inherits.
LAUNCH_SOURCE = r"""
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
static void limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit value = {soft, hard};
    if (setrlimit(resource, &value)) { perror("launch: setrlimit"); _exit(124); }
}
int main(int argc, char **argv) {
    if (argc < 9) return 120;
    uid_t uid = (uid_t)atol(argv[1]);
    rlim_t cpu = strtoull(argv[3], 0, 10), memory = strtoull(argv[4], 0, 10);
    rlim_t file = strtoull(argv[5], 0, 10), files = strtoull(argv[6], 0, 10);
    rlim_t processes = strtoull(argv[7], 0, 10);
    if (chdir(argv[2])) { perror("launch: chdir"); return 125; }
    pid_t pid = fork();
    if (pid < 0) { perror("launch: fork"); return 121; }
    if (pid == 0) {
        close(3);
        setsid();
        limit(RLIMIT_CPU, cpu, cpu + 1);
        limit(RLIMIT_AS, memory, memory);
        limit(RLIMIT_STACK, memory, memory);
        limit(RLIMIT_FSIZE, file, file);
        limit(RLIMIT_NOFILE, files, files);
        limit(RLIMIT_CORE, 0, 0);
        limit(RLIMIT_NPROC, processes, processes); /* per uid: root (launch) is exempt */
        if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) { perror("launch"); _exit(122); }
        execve(argv[8], argv + 8, environ);
        perror("launch: exec");
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("launch: wait4"); return 123; }
    dprintf(3, "%d %ld %ld %ld\n", status,
            (long)(usage.ru_utime.tv_sec * 1000000L + usage.ru_utime.tv_usec),
            (long)(usage.ru_stime.tv_sec * 1000000L + usage.ru_stime.tv_usec),
            (long)usage.ru_maxrss);
    return 0;
}
"""
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
        kill_program_user()
        reap_all()
        if not any_user_process(PROGRAM_UID):
            return


def kill_program_user() -> None:
    """SIGKILL every process of the program's uid, from a helper running as that uid."""
    helper = os.fork()
    if helper == 0:
        try:
            os.setgroups([])
            os.setgid(PROGRAM_UID)
            os.setuid(PROGRAM_UID)
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        os._exit(0)
    os.waitpid(helper, 0)


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


def build_launcher() -> None:
    """Compile `launch` (static, so its few pages are all it has) into the root-owned tmpfs."""
    make_dir(os.path.dirname(LAUNCH), 0o755)
    source = LAUNCH + ".c"
    with open(source, "w") as handle:
        handle.write(LAUNCH_SOURCE)
    environment = dict(ENV, TMPDIR=os.path.dirname(LAUNCH))  # the root filesystem is read-only
    for flags in (["-static"], []):  # static needs libc.a; dynamic works everywhere
        argv = ["gcc", "-O2", *flags, "-o", LAUNCH, source]
        if os.spawnve(os.P_WAIT, "/usr/bin/gcc", argv, environment) == 0:
            break
    else:
        raise RuntimeError("cannot compile the launch helper with gcc")
    os.chmod(LAUNCH, 0o500)
    os.unlink(source)


def execute(argv, stdin_path, limits, workdir):
    """Start argv as the unprivileged user under limits; return measurements (no verdict)."""
    stdout_path = os.path.join(workdir, ".stdout")
    stderr_path = os.path.join(workdir, ".stderr")
    cpu_limit = max(1, int(limits["time_s"] + 0.999))
    memory = int(limits["memory_mb"]) * 1024 * 1024
    # Every file, stdout included: an endless writer stops at the smaller of the two limits.
    file_bytes = min(limits.get("file_bytes", limits["output_bytes"]), limits["output_bytes"])
    report_read, report_write = os.pipe()
    launch_argv = [LAUNCH, str(PROGRAM_UID), workdir, str(cpu_limit), str(memory),
                   str(file_bytes + 1), str(int(limits.get("open_files", 64))),
                   str(int(limits.get("processes", 64))), *argv]
    start = time.monotonic()
    # posix_spawn (vfork underneath) is much cheaper than forking this Python process.
    pid = os.posix_spawn(
        LAUNCH,
        launch_argv,
        ENV,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, stdin_path, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666),
            (os.POSIX_SPAWN_OPEN, 2, stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666),
            (os.POSIX_SPAWN_DUP2, report_write, 3),
        ],
        setsid=True,
        # Python ignores these, and an ignored signal stays ignored across exec: a program
        # writing past its file limit or into a closed pipe must die as it would elsewhere.
        setsigdef=(signal.SIGPIPE, signal.SIGXFSZ),
    )

    os.close(report_write)
    timed_out = False
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], limits["wall_s"])
        if not ready:
            timed_out = True
            kill_program_user()  # the program and its children; `launch` then reports and exits
        _, launch_status, _ = os.wait4(pid, 0)
    finally:
        os.close(pidfd)
    wall = time.monotonic() - start
    with os.fdopen(report_read, "rb") as report:
        fields = report.read().split()
    if any_user_process(PROGRAM_UID):  # rare: most programs leave nothing behind
        kill_leftovers()
    reap_all()
    if len(fields) != 4:
        raise RuntimeError("launch failed (status %d): %s" % (
            launch_status, tail(stderr_path, 400).decode("utf-8", "replace")))
    status, utime_us, stime_us, maxrss_kb = (int(field) for field in fields)
    return {
        "status": status,
        "cpu_s": (utime_us + stime_us) / 1e6,
        "wall_s": wall,
        "memory_kb": maxrss_kb,  # the program's own peak RSS (it was forked from launch)
        "timed_out": timed_out,
        "file_bytes": file_bytes,
        "stdout_path": stdout_path,
        "stderr_path": stderr_path,
    }


def largest_file(directory):
    """Size of the largest file under directory. Python ignores SIGXFSZ, so a file cut at the
    limit (RLIMIT_FSIZE is the limit + 1 byte) is how an over-long write shows."""
    largest = 0
    for folder, _, names in os.walk(directory):
        for name in names:
            try:
                largest = max(largest, os.lstat(os.path.join(folder, name)).st_size)
            except OSError:
                pass
    return largest


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
    elif (stdout_size > limits["output_bytes"] or sig == signal.SIGXFSZ
          or largest_file(os.path.dirname(measured["stdout_path"])) > measured["file_bytes"]):
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
    """Put the program in the cache: Python as source; C++ from the binary the host sent, or
    compiled here once per key. Returns (argv, compile error or None)."""
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
        if job.get("binary_b64"):
            install_binary(directory, base64.b64decode(job["binary_b64"]))
        failed = os.path.join(directory, "compile-error")
        if os.path.exists(failed):
            with open(failed, "rb") as handle:
                return None, handle.read()
        if not os.path.exists(binary):
            _, error = compile_cpp(job, directory)
            if error is not None:
                return None, error
        return [binary], None
    return None, ("unknown language %r" % job["language"]).encode()


def install_binary(directory, data):
    make_dir(directory, 0o755)
    target = os.path.join(directory, "prog")
    with open(target + ".part", "wb") as handle:
        handle.write(data)
    os.chmod(target + ".part", 0o555)
    os.replace(target + ".part", target)


def compile_cpp(job, directory):
    """Compile in the scratch dir as the unprivileged user under the job's compile limits, then
    cache the binary (or the error). Returns (binary bytes or None, error bytes or None)."""
    make_dir(SCRATCH, 0o777)
    for name, text in [("prog.cpp", job["source"]), *job.get("headers", [])]:
        path = os.path.join(SCRATCH, os.path.basename(name))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(path, 0o444)
    stdin_path = os.path.join(SCRATCH, ".empty")
    open(stdin_path, "wb").close()
    limits = dict(DEFAULT_COMPILE, **job.get("compile", {}))
    limits.update(output_bytes=256 * 1024 * 1024, file_bytes=256 * 1024 * 1024,
                  open_files=256, processes=64)  # the binary is a file the compiler writes
    argv = ["/usr/bin/g++", "-std=gnu++17", "-O2", "-static", "-pipe", "-o", "prog", "prog.cpp"]
    binary = error = None
    try:
        measured = execute(argv, stdin_path, limits, SCRATCH)
        verdict, _, _, stderr = classify(measured, limits)
        produced = os.path.join(SCRATCH, "prog")
        if verdict == "OK" and os.path.exists(produced):
            with open(produced, "rb") as handle:
                binary = handle.read()
            install_binary(directory, binary)
        else:
            reason = {"TLE": "compilation took too long", "MLE": "compiler ran out of memory",
                      "OLE": "compiler output too large"}.get(verdict, "compilation failed")
            error = (stderr or b"") + ("\ncompiler: %s (%s)" % (reason, verdict)).encode()
            make_dir(directory, 0o755)
            with open(os.path.join(directory, "compile-error"), "wb") as handle:
                handle.write(error)
    finally:
        wipe(SCRATCH, keep_dir=False)
    return binary, error


def compile_job(job):
    """The host compiles each C++ source once, on one worker, and ships the binary to others."""
    directory = os.path.join(CACHE, job["key"])
    binary, error = compile_cpp(job, directory)
    if error is not None:
        return {"id": job.get("id"), "ok": False,
                "compile_error": error[-STDERR_TAIL:].decode("utf-8", "replace")}
    return {"id": job.get("id"), "ok": True, "binary_b64": base64.b64encode(binary).decode()}


def run_job(job):
    answer = {"id": job.get("id"), "cpu_s": 0.0, "wall_s": 0.0, "memory_kb": 0, "feedback": ""}
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
    for name, data in job.get("files_b64", []):  # a checker's input, output and answer
        path = os.path.join(SCRATCH, os.path.basename(name))
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        os.chmod(path, 0o444)
    feedback = os.path.join(SCRATCH, "feedback")
    if job.get("feedback_dir"):
        make_dir(feedback, 0o777)
    try:
        measured = execute(argv + list(job.get("args", [])), stdin_path, job, SCRATCH)
        verdict, exit_code, sig, stderr = classify(measured, job)
        with open(measured["stdout_path"], "rb") as handle:
            stdout = handle.read(job["output_bytes"])
        message = tail(os.path.join(feedback, "judgemessage.txt"), FEEDBACK_TAIL)
    finally:
        wipe(SCRATCH, keep_dir=True)  # root-owned, so the program cannot have changed it
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
        feedback=message.decode("utf-8", "replace"),
    )
    return answer


def main() -> None:
    global PROGRAM_UID
    if len(sys.argv) > 1:
        PROGRAM_UID = int(sys.argv[1])
    become_subreaper()
    make_dir(CACHE, 0o711)  # programs may enter their own key's folder but not list the others
    build_launcher()
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            job = json.loads(line)
            if job.get("op") == "ping":
                answer = {"id": job.get("id"), "pong": True}
            elif job.get("op") == "compile":
                answer = compile_job(job)
            else:
                answer = run_job(job)
        except Exception as error:  # noqa: BLE001 - the host decides what an error means
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
