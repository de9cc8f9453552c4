"""The runner: one long-lived process inside each sandbox container.

It reads jobs as JSON lines and answers each with one JSON line (in order; answers to jobs that
arrived together may be written together): over the Unix socket named by argv[2] if it can
connect to it, else on stdin and stdout. The first line on stdout says which ("socket"/"stdio").
For every job it starts the program as an unprivileged user (the uid given as argv[1], distinct
per container so that per-user limits and kill(-1) never reach another container's programs), in
its own session and scratch directory, under rlimits; enforces the wall clock; measures with
wait4 rusage; caps output; and afterwards kills every process the program left behind and wipes
the scratch dir. Its stdout goes to a file capped by RLIMIT_FSIZE (so a flood stops where it is
written); its stderr to a pipe the runner drains during the run, keeping only the tail.

Programs are started by two resident helpers, each reading one request line per run:
- `launch`, a tiny C helper compiled when the runner starts, for compiled programs and tools: a
  child forked from this Python process would carry the runner's ~9 MB into its peak RSS (the
  kernel keeps the pre-exec high-water mark); one vforked from `launch` carries well under 1 MB.
- the zygote, a warm Python interpreter that forks per run, for Python programs: no run pays the
  interpreter's ~10 ms start-up.

Standard library only: this file is executed by the container's python3 (`python3 -c SOURCE`), and
must not import anything from cpsolve.

Run:     {"id", "language", "key", "source"?, "headers"?, "binary_b64"?, "input_b64", "args",
          "files_b64", "feedback_dir", "time_s", "wall_s", "memory_mb", "output_bytes",
          "file_bytes", "open_files", "processes", "compile": {limits}, "interactor"?: {a run
          of its own, but for input_b64}}; the program (source, or binary) comes with the first
          job that needs it, then stays cached by key. With an interactor, the two run at once,
          wired by pipes (see execute_interactive)
Compile: {"op": "compile", "id", "language", "key", "source", "headers", "compile": {limits}}
Ping:    {"op": "ping", "id"}
Answer:  {"id", "verdict", "cpu_s", "wall_s", "memory_kb", "exit_code", "signal",
          "stdout_bytes", "stderr_tail", "feedback", "score"? (feedback/score.txt, when
          written)}, then stdout_bytes raw bytes of stdout
          (not base64, nor inside the JSON: up to the 64 MB limit travel as they are; all of
          it within the output limit, only its head for OLE; with an interactor, the
          transcript of what the program printed to it, and the interactor's own answer, but
          for its stdout, as "interactor" with "first": whether it ended before the program);
          for compile {"id", "ok",
          "binary_b64" or "compile_error"}; {"error": "..."} when the runner itself failed.
"""

import base64
import ctypes
import fcntl
import gc
import json
import os
import select
import signal
import socket
import sys
import time

ROOT = "/sandbox"  # a tmpfs, writable and executable; everything else is read-only
CACHE = ROOT + "/cache"  # compiled programs by key, root-owned so programs cannot tamper
SCRATCH = ROOT + "/run"  # the program's working directory, wiped after every run
LAUNCH = ROOT + "/bin/launch"
ZYGOTE = ROOT + "/bin/zygote.py"
HELPER_LOG = ROOT + "/bin/helpers.log"  # what launch or the zygote said before dying
REQUEST_BYTES, REQUEST_FIELDS = 1 << 16, 255  # what one request line to a helper may hold
PYTHON = "/usr/bin/python3"
PYPY = "/usr/bin/pypy3"
JAVA = "/usr/bin/java"
JAVAC = "/usr/bin/javac"
# How the JVM runs a contest program, as Kattis and Codeforces run it: the heap may grow to the
# memory limit (-Xmx, so a program that needs more gets OutOfMemoryError, an MLE), a 64 MB stack
# for deep recursion, the serial collector (one core; no GC threads eating the CPU limit), and
# no perf-data file (the root filesystem is read-only). The rest caps what the JVM reserves
# besides the heap (by default a 1 GB class space and a 240 MB code cache), all of which the
# address-space limit counts; JVM_RESERVE_MB is what it is given on top of the heap for that.
JVM_FLAGS = ("-XX:+UseSerialGC", "-Xss64m", "-XX:-UsePerfData", "-XX:CompressedClassSpaceSize=64m",
             "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xshare:auto",
             "-Dfile.encoding=UTF-8")
JVM_RESERVE_MB = 2048
JAVAC_HEAP_MB = 768  # javac's own heap (plenty for one contest source)
RUN_FILES = (".stdin", ".stdout", ".stderr")  # kept between runs (root's, in a sticky dir)
SHARED_MEMORY = "/dev/shm"  # Docker mounts a writable tmpfs here; wiped too
PROGRAM_UID = 65534  # replaced by argv[1] in main()
# An interactor's uid (argv[3]; the program's + 1 if not given): not the program's, so that the
# program can neither signal it nor read its files, nor it take from the program's rlimits.
INTERACTOR_UID = 65533
INTERACTOR_DIR = ROOT + "/interactor"  # its working dir: its uid's, 0700 (holds the secret input)
PIPES = ROOT + "/pipes"  # root's, 0700: the FIFOs between a program and its interactor
STDERR_TAIL = 4096
FEEDBACK_TAIL = 4096
SCORE_TAIL = 256  # score.txt holds one number
OLE_STDOUT_HEAD = 64 * 1024  # what an OLE run's answer carries of its stdout: enough to see it
FLUSH_EVERY = 8  # answers written at once at most: half the host's pipeline (see main)
FLUSH_AFTER_S = 0.02  # nor is the first of them held longer than this
FLUSH_BYTES = 1 << 20  # nor more than this held (a big stdout goes at once, not 8 of them)
DEFAULT_COMPILE = {"time_s": 30.0, "wall_s": 60.0, "memory_mb": 2048}

# `launch UID`, resident: for each request line on stdin (tab-separated: WORKDIR CPU_S
# MEMORY_BYTES FILE_BYTES OPEN_FILES PROCESSES STDIN STDOUT STDERR PROGRAM ARGS...) fork PROGRAM in
# WORKDIR as UID (gid too, no groups), in a new session, under those rlimits, with those files as
# fds 0-2 and nothing else open; wait4 it; kill what it left running; answer "status utime_us
# stime_us maxrss_kb clean" on stdout. It stays root and unlimited, so the program can neither
# signal nor trace it, and its own few pages are all the child inherits. Resident, because
# starting it per run cost half a millisecond.
LAUNCH_SOURCE = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
enum { WORKDIR, CPU, MEMORY, FILE_SIZE, FILES, PROCESSES, IN, OUT, ERR, PROGRAM, FIELDS };
static void fail(const char *what) { dprintf(2, "launch: %s: %m\n", what); _exit(124); }
static void limit(int resource, rlim_t value) {
    struct rlimit both = {value, resource == RLIMIT_CPU ? value + 1 : value};
    if (setrlimit(resource, &both)) fail("setrlimit");
}
/* Opened without blocking, then made blocking: a FIFO (an interactive run's) whose other end
   is already gone must not hold the run in open(), as root, where no kill reaches it. */
static void open_as(const char *path, int flags, int target) {
    int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK, 0666);
    if (fd < 0 || fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0
        || dup2(fd, target) < 0) fail(path);
    if (fd != target) close(fd);
}
/* Runs in a vfork child (it shares launch's memory until execve): system calls only. */
static void child(uid_t uid, char **field, const rlim_t *limits) {
    open_as(field[IN], O_RDONLY, 0);
    open_as(field[OUT], O_WRONLY | O_CREAT | O_TRUNC, 1);
    open_as(field[ERR], O_WRONLY | O_CREAT | O_TRUNC, 2);
    closefrom(3);
    if (chdir(field[WORKDIR])) fail("chdir");
    setsid();
    static const int resources[] = {RLIMIT_CPU, RLIMIT_AS, RLIMIT_STACK, RLIMIT_FSIZE,
                                    RLIMIT_NOFILE, RLIMIT_CORE,
                                    RLIMIT_NPROC /* per uid: root (launch) is exempt */};
    for (int i = 0; i < 7; i++) limit(resources[i], limits[i]);
    if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) fail("setuid");
    execve(field[PROGRAM], field + PROGRAM, environ);
    dprintf(2, "launch: exec %s: %m\n", field[PROGRAM]);
    _exit(127);
}
/* Whatever the program left running is ours: orphans reparent to launch, a subreaper. Reap the
   dead; while any lives, SIGKILL every process of the uid from a child running as that uid.
   Returns 1 when none is left (0 after a second of trying: the runner looks again). */
static int clean_up(uid_t uid) {
    for (int attempt = 0; attempt < 1000; attempt++) {
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {}
        if (pid < 0) return 1; /* no child at all */
        pid_t killer = vfork();
        if (killer == 0) {
            if (!setgroups(0, NULL) && !setgid(uid) && !setuid(uid)) kill(-1, SIGKILL);
            _exit(0);
        }
        if (killer > 0) waitpid(killer, &status, 0);
        usleep(1000);
    }
    return 0;
}
int main(int argc, char **argv) {
    if (argc != 2) return 120;
    uid_t uid = (uid_t)atol(argv[1]);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    static char line[1 << 16];
    char *field[256];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        int count = 0;
        for (char *next = line, *end; next && count < 255; next = end) {
            end = strchr(next, '\t');
            if (end) *end++ = 0;
            field[count++] = next;
        }
        field[count] = NULL;
        if (count <= PROGRAM) { printf("error malformed request\n"); fflush(stdout); continue; }
        /* The stack is unlimited (the address-space limit bounds it): recursion may use all the
           memory, as judges allow, and glibc then gives threads its default stack instead of
           one as large as the stack limit, which the address-space limit would not allow. */
        rlim_t limits[7] = {strtoull(field[CPU], 0, 10), strtoull(field[MEMORY], 0, 10),
                            RLIM_INFINITY, strtoull(field[FILE_SIZE], 0, 10),
                            strtoull(field[FILES], 0, 10), 0, strtoull(field[PROCESSES], 0, 10)};
        /* vfork: no page tables to copy, a fifth of a millisecond less per run than fork. */
        pid_t pid = vfork();
        if (pid < 0) { printf("error fork\n"); fflush(stdout); continue; }
        if (pid == 0) child(uid, field, limits);
        int status;
        struct rusage usage;
        if (wait4(pid, &status, 0, &usage) < 0) {
            printf("error wait4\n");
            fflush(stdout);
            continue;
        }
        int clean = clean_up(uid);
        printf("%d %ld %ld %ld %d\n", status,
               (long)(usage.ru_utime.tv_sec * 1000000L + usage.ru_utime.tv_usec),
               (long)(usage.ru_stime.tv_sec * 1000000L + usage.ru_stime.tv_usec),
               (long)usage.ru_maxrss, clean);
        fflush(stdout);
    }
    return 0;
}
"""
# The same protocol in Python, for Python programs: a warm interpreter (a "zygote") that forks per
# run, so no run pays the interpreter's ~10 ms start-up. The child drops to the program's uid and
# limits exactly as `launch` does, then runs the program as __main__ and lets the interpreter exit
# the usual way (uncaught exception: traceback and status 1; SystemExit; atexit; thread joins;
# flushing). It imports nothing a fresh interpreter would not have loaded but `resource`, never
# runs a program itself, and every run starts from its pristine state. Requests on fd 3, answers
# on fd 4, argv[1] is the uid; its stdio are /dev/null until a child takes the run's files.
ZYGOTE_SOURCE = r"""
import os, sys, resource
def serve(uid):
    # Fork first, then the child reads its own request: no request (a program's path, its
    # cache key) ever sits in this process's memory, which every later child inherits.
    while True:
        pid = os.fork()
        if pid == 0:
            try:
                return become_program(uid, read_request())
            except BaseException as error:
                os.write(2, ("zygote: %s\n" % error).encode())
                os._exit(124)
        _, status, usage = os.wait4(pid, 0)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 125 and closed(3):
            os._exit(0)  # no more requests: the runner closed the pipe
        os.write(4, b"%d %d %d %d 0\n" % (status, int(usage.ru_utime * 1e6),
                                         int(usage.ru_stime * 1e6), usage.ru_maxrss))
def closed(fd):
    import select
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return any(event & select.POLLHUP and not event & select.POLLIN
               for _, event in poller.poll(0))
def read_request():
    line = b""
    while not line.endswith(b"\n"):  # one request at a time: nothing follows its newline
        chunk = os.read(3, 65536)
        if not chunk:
            os._exit(125)
        line += chunk
    return line[:-1].decode("utf-8", "surrogateescape").split("\t")
def become_program(uid, field):
    workdir, cpu, memory, file_size, files, processes, stdin, stdout, stderr = field[:9]
    for path, flags, target in ((stdin, os.O_RDONLY, 0),
                                (stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 1),
                                (stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 2)):
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK, 0o666)  # as `launch` does
        os.set_blocking(fd, True)
        os.dup2(fd, target)
        os.close(fd)
    os.closerange(3, 65536)
    os.chdir(workdir)
    os.setsid()
    cpu, memory, files = int(cpu), int(memory), int(files)
    for resource_id, soft, hard in ((resource.RLIMIT_CPU, cpu, cpu + 1),
                                    (resource.RLIMIT_AS, memory, memory),
                                    (resource.RLIMIT_STACK, resource.RLIM_INFINITY,
                                     resource.RLIM_INFINITY),  # as in launch
                                    (resource.RLIMIT_FSIZE, int(file_size), int(file_size)),
                                    (resource.RLIMIT_NOFILE, files, files),
                                    (resource.RLIMIT_CORE, 0, 0),
                                    (resource.RLIMIT_NPROC, int(processes), int(processes))):
        resource.setrlimit(resource_id, (soft, hard))
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    return field[9:]
def excepthook(kind, value, traceback, original=sys.excepthook):
    # Hide this file's frame: the traceback starts in the program, as it would.
    if traceback is not None and traceback.tb_frame.f_code.co_filename == __file__:
        traceback = value.__traceback__ = traceback.tb_next  # the display reads the latter
    original(kind, value, traceback)
import gc
gc.freeze()  # the children share these pages instead of copying them on the first collection
argv = serve(int(sys.argv[1]))
del serve, become_program, gc
sys.argv = argv
sys.path[0] = os.path.dirname(argv[0])
sys.excepthook = excepthook
__main__ = type(sys)("__main__")
__main__.__file__ = argv[0]
__main__.__builtins__ = __builtins__
sys.modules["__main__"] = __main__
with open(argv[0], "rb") as source:
    code = compile(source.read(), argv[0], "exec")
del source, excepthook, resource
exec(code, __main__.__dict__)
"""
# PyPy's garbage collector, refused a new nursery by the address-space limit, stops with an
# RPython traceback ("cannot allocate nursery") instead of raising MemoryError: seen on an
# Intel Xeon, where the same program raised MemoryError on an AMD EPYC (the nursery's size
# follows the CPU's cache).
MEMORY_MESSAGES = (b"MemoryError", b"std::bad_alloc", b"Cannot allocate memory",
                   b"java.lang.OutOfMemoryError", b"cannot allocate nursery")

ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "HOME": SCRATCH,
    "TMPDIR": SCRATCH,
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",  # set/dict-of-str order stable across runs, so outputs cluster
    # glibc gives each thread an arena of 64 MB address space; a JVM's dozen threads would spend
    # the address-space limit on them.
    "MALLOC_ARENA_MAX": "2",
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


def kill_leftovers(uid=None) -> None:
    """Kill every process of the unprivileged user (the program's, or `uid`): whatever the
    program (or an interactor) left behind.

    kill(-1) from a process running as that user reaches exactly that user's processes, however
    they detached (new session, double fork). Repeat until none is left, then reap the zombies.
    """
    uid = PROGRAM_UID if uid is None else uid
    for _ in range(50):
        kill_user(uid)
        reap_all()
        if not any_user_process(uid):
            return


def kill_user(uid=None) -> None:
    """SIGKILL every process of the program's uid (or `uid`), from a helper running as it."""
    uid = PROGRAM_UID if uid is None else uid
    helper = os.fork()
    if helper == 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
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
        for helper in HELPERS.values():
            if helper.pid == pid:  # died: its pid is no longer its to kill
                helper.stop(reaped=True)


def tail(path, size):
    """The last size bytes of a file (b"" if there is none)."""
    return read_file(path, size, from_end=True)


def read_file(path, limit, from_end=False):
    """Up to limit bytes of a file, from its start (or its end), as a bytearray. Asks for no
    more than the file holds (read(n) would first allocate n bytes, and n is often the 64 MB
    output limit), read straight into one buffer of that size: no parts to join."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return bytearray()
    data = bytearray()
    try:
        length = os.fstat(handle).st_size
        if from_end and length > limit:
            os.lseek(handle, length - limit, os.SEEK_SET)
        data = bytearray(min(length, limit))
        view, got = memoryview(data), 0
        while got < len(data):
            count = os.readv(handle, [view[got:]])
            if not count:
                break
            got += count
        view.release()
        del data[got:]
    except OSError:  # a directory or a FIFO where a file was expected: nothing to read
        pass
    finally:
        os.close(handle)
    return data


def file_size(path):
    try:
        return os.stat(path, follow_symlinks=False).st_size
    except OSError:
        return 0


class StderrPipe:
    """Where every program's stderr goes: a FIFO in the scratch dir (root's, 0600; the helper
    opens it as root before it drops to the program's uid) that the runner drains while the
    program runs, keeping only the last STDERR_TAIL bytes. A pipe, not a file: stderr is not
    held to the file-size limit and fills no scratch space; a program that floods it only
    spends its time (it ends as TLE, or exits), and its stdout is judged as ever."""

    def __init__(self, path):
        self.path = path
        self.reader = self.writer = None
        self.tail = bytearray()
        self.inode = None

    def ready(self):
        """Make sure the FIFO is at its path (a compile sweeps the scratch dir) and open; drop
        anything left in it."""
        try:
            inode = os.stat(self.path, follow_symlinks=False).st_ino
        except OSError:
            inode = None
        if inode is None or inode != self.inode:
            self.close()
            if inode is not None:
                os.unlink(self.path)
            os.mkfifo(self.path, 0o600)
            self.reader = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            # Ours too: the reader never sees end-of-file (before the program opens it, or
            # between runs), so select only wakes us when there is something to read.
            self.writer = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            self.inode = os.fstat(self.reader).st_ino
        self.drain()
        self.tail.clear()

    def drain(self):
        """Read whatever is in the pipe now, keeping the tail (amortised: no copy per chunk)."""
        while True:
            try:
                chunk = os.read(self.reader, 1 << 16)
            except BlockingIOError:
                return
            if not chunk:
                return
            self.tail += chunk
            if len(self.tail) > 8 * STDERR_TAIL:
                del self.tail[:-STDERR_TAIL]

    def take(self):
        """The run's stderr tail; the pipe is empty afterwards."""
        self.drain()
        tail = bytes(self.tail[-STDERR_TAIL:])
        self.tail.clear()
        return tail

    def close(self):
        for fd in (self.reader, self.writer):
            if fd is not None:
                os.close(fd)
        self.reader = self.writer = self.inode = None


def build_launcher() -> None:
    """Compile `launch` (static, so its few pages are all it has) and write the zygote, both into
    the root-owned tmpfs."""
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
    with open(ZYGOTE, "w") as handle:
        handle.write(ZYGOTE_SOURCE)
    os.chmod(ZYGOTE, 0o400)


class Resident:
    """A long-lived helper (`launch` or the zygote) that runs one program per request line and
    answers one line when it has ended. Started on first use, restarted if it died."""

    def __init__(self, argv, request_fd, answer_fd, environment=None):
        self.argv = argv
        self.environment = environment or ENV  # what its programs get
        self.request_fd = request_fd  # where the helper reads requests (0 or 3)
        self.answer_fd = answer_fd  # where it writes answers (1 or 4)
        self.pid = None
        self.requests = self.answers = None  # our ends of its pipes
        self.pending = b""

    def start(self):
        request_read, self.requests = os.pipe()
        self.answers, answer_write = os.pipe()
        # Above 10, so that moving them to 0/1 or 3/4 cannot overwrite one another.
        moved = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (request_read, answer_write)]
        os.close(request_read)
        os.close(answer_write)
        self.pid = os.posix_spawn(
            self.argv[0], self.argv, self.environment,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
                (os.POSIX_SPAWN_OPEN, 2, HELPER_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                 0o600),
                (os.POSIX_SPAWN_DUP2, moved[0], self.request_fd),
                (os.POSIX_SPAWN_DUP2, moved[1], self.answer_fd),
            ],
            setsid=True,
            # Python ignores these, and an ignored signal stays ignored across exec: a program
            # writing past its file limit or into a closed pipe must die as it would elsewhere.
            setsigdef=(signal.SIGPIPE, signal.SIGXFSZ),
        )
        for fd in moved:
            os.close(fd)
        self.pending = b""

    def stop(self, reaped=False):
        """Kill the helper (unless it died and was reaped already) and close its pipes."""
        if self.pid is not None and not reaped:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.pid = None
        for fd in (self.requests, self.answers):
            if fd is not None:
                os.close(fd)
        self.requests = self.answers = None

    def send(self, fields):
        if self.pid is None:
            self.start()
        if any("\t" in field or "\n" in field for field in fields):
            raise ValueError("a path or argument holds a tab or newline")
        line = "\t".join(fields).encode("utf-8", "surrogateescape") + b"\n"
        if len(line) >= REQUEST_BYTES or len(fields) >= REQUEST_FIELDS:
            raise ValueError("a request too long for the helper")
        write_all(self.requests, line)

    def receive(self, timeout, stderr=None):
        """The answer's fields, or None if none came within timeout seconds. Meanwhile drain
        the program's stderr pipe, if given, so that the program never blocks writing it."""
        deadline = time.monotonic() + timeout
        watched = [self.answers] if stderr is None else [self.answers, stderr.reader]
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            ready = select.select(watched, [], [], left)[0] if left > 0 else []
            if not ready:
                return None
            if stderr is not None and stderr.reader in ready:
                stderr.drain()
            if self.answers in ready:
                self.read_more()
        return self.take_answer()

    def read_more(self):
        """Read what the helper wrote (self.answers is readable); RuntimeError if it died."""
        chunk = os.read(self.answers, 4096)
        if not chunk:
            self.stop()
            raise RuntimeError("the %s helper died: %s" % (
                os.path.basename(self.argv[0]), tail(HELPER_LOG, 400).decode("utf-8",
                                                                              "replace")))
        self.pending += chunk

    def take_answer(self):
        """The answer's fields once a whole line has come, else None."""
        if b"\n" not in self.pending:
            return None
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode().split()


HELPERS = {}  # "launch", "zygote", and the interactors' "interactor-launch" and -zygote
STDERR = StderrPipe(SCRATCH + "/.stderr")


def file_limit(limits):
    """The largest file a run may write. Every file, stdout included: an endless writer stops
    at the smaller of the two limits."""
    return min(limits.get("file_bytes", limits["output_bytes"]), limits["output_bytes"])


def request(argv, limits, workdir, stdin_path, stdout_path, stderr_path, helper):
    """The request line's fields that start argv under limits from helper (a zygote takes a
    Python program's path and arguments, `launch` the whole argv)."""
    memory_mb = int(limits["memory_mb"]) + (JVM_RESERVE_MB if is_jvm(argv) else 0)
    return [workdir, str(max(1, int(limits["time_s"] + 0.999))),
            str(memory_mb * 1024 * 1024), str(file_limit(limits) + 1),
            str(int(limits.get("open_files", 64))), str(int(limits.get("processes", 64))),
            stdin_path, stdout_path, stderr_path,
            *(argv[1:] if helper.endswith("zygote") else argv)]


def is_jvm(argv):
    """Whether argv starts a JVM (a Java program, or javac): its heap is bounded by -Xmx, and its
    address space gets JVM_RESERVE_MB more than the memory limit for what it reserves besides."""
    return argv[0] in (JAVA, JAVAC)


def with_heap(argv, limits):
    """A Java program's argv with the JVM's flags: the heap may use the run's memory limit."""
    if argv[0] != JAVA:
        return argv
    return [JAVA, *JVM_FLAGS, "-Xmx%dm" % int(limits["memory_mb"]), *argv[1:]]


def program_helper(argv):
    """Python programs are forked from the zygote, everything else from `launch`."""
    return "zygote" if argv[0] == PYTHON else "launch"


def execute(argv, stdin_path, limits, workdir):
    """Start argv as the unprivileged user under limits; return measurements (no verdict).
    Python programs are forked from the zygote, everything else from `launch`."""
    stdout_path = os.path.join(workdir, ".stdout")
    stderr_path = STDERR.path  # a pipe the runner drains (StderrPipe), whatever the workdir
    file_bytes = file_limit(limits)
    name = program_helper(argv)
    helper = HELPERS[name]
    STDERR.ready()
    start = time.monotonic()
    helper.send(request(argv, limits, workdir, stdin_path, stdout_path, stderr_path, name))
    timed_out = False
    fields = helper.receive(limits["wall_s"], STDERR)
    if fields is None:
        timed_out = True
        kill_user()  # the program and its children; the helper then answers
        fields = helper.receive(30, STDERR)
        if fields is None:
            helper.stop()
            raise RuntimeError("a program outlived SIGKILL for 30 s")
    wall = time.monotonic() - start
    status, cpu_s, maxrss_kb = ended(helper, fields, PROGRAM_UID)
    stderr = STDERR.take()  # after the leftovers died: nothing writes there any more
    return {
        "status": status,
        "cpu_s": cpu_s,
        "wall_s": wall,
        "memory_kb": maxrss_kb,  # the program's own peak RSS (forked from launch or the zygote)
        "timed_out": timed_out,
        "file_bytes": file_bytes,
        "stdout_path": stdout_path,
        "stderr": stderr,  # its last STDERR_TAIL bytes
    }


def ended(helper, fields, uid):
    """A helper's answer read: (wait status, CPU seconds, peak RSS in KB). What the run left
    running is killed here when the helper did not (the zygote never does; `launch` gives up
    after a second)."""
    if len(fields) != 5 or not all(field.lstrip("-").isdigit() for field in fields):
        helper.stop()
        raise RuntimeError("launch failed: %s" % " ".join(fields))
    status, utime_us, stime_us, maxrss_kb, clean = (int(field) for field in fields)
    if not clean:
        reap_all()
        if any_user_process(uid):  # rare: most programs leave nothing behind
            kill_leftovers(uid)
    return status, (utime_us + stime_us) / 1e6, maxrss_kb


# --- interactive runs: a program and its interactor at once ----------------------------------
#
#   interactor --(FIFO to-program)--> program --(FIFO from-program)--> runner (Relay)
#        ^                                                                  |
#        +------------------------(FIFO to-interactor)----------------------+
#
# The runner holds both ends of every FIFO (O_RDWR never blocks on a FIFO), so no open by a
# helper's child ever waits for its partner, in whatever order the two start. Each hold ends
# when it must: to-program's when the interactor has ended (the program then reads
# end-of-file; until then an interactor writing to a program that has gone fills a buffer
# instead of dying of SIGPIPE), to-interactor's once the program has ended and all it printed
# was passed on (the interactor then reads end-of-file), from-program's once the program and
# all it left behind are dead (what is left in the pipe is read first: nothing is lost).


class Relay:
    """What the program prints, on its way to the interactor through the runner: kept (the
    transcript, up to one byte past the output limit: enough to tell OLE) and passed on as it
    comes. Only what is kept is passed on: an over-long output is cut where the limit is."""

    def __init__(self, source, sink, limit):
        self.source = source  # from-program, non-blocking; None once the program has ended
        self.sink = sink  # to-interactor, non-blocking; None once closed
        self.limit = limit
        self.transcript = bytearray()
        self.outgoing = bytearray()  # kept, not yet written to the interactor
        self.ended = False  # the program has ended: close the sink once outgoing is empty

    @property
    def over_limit(self):
        return len(self.transcript) > self.limit

    def pull(self):
        """Read what the program printed (its FIFO is readable); False when nothing was."""
        try:
            chunk = os.read(self.source, 1 << 16)
        except BlockingIOError:
            return False
        kept = chunk[:max(0, self.limit + 1 - len(self.transcript))]
        self.transcript += kept
        if self.sink is not None:
            self.outgoing += kept
        return bool(chunk)

    def push(self):
        """Write what is waiting to the interactor (its FIFO is writable)."""
        try:
            with memoryview(self.outgoing) as view:
                written = os.write(self.sink, view[:1 << 16])
        except BlockingIOError:
            return
        del self.outgoing[:written]
        if self.ended and not self.outgoing:
            self.close_sink()

    def program_ended(self):
        """Read what is left in the pipe (its writers are all dead), then stop reading; the
        interactor's input ends once all of it is passed on."""
        while self.pull():
            pass
        os.close(self.source)
        self.source = None
        self.ended = True
        if not self.outgoing:
            self.close_sink()

    def close_sink(self):
        """Nothing more goes to the interactor (it ended, or all was passed on)."""
        self.outgoing.clear()
        if self.sink is not None:
            os.close(self.sink)
            self.sink = None

    def close(self):
        if self.source is not None:
            os.close(self.source)
            self.source = None
        self.close_sink()


def interactor_dir_ready():
    """The interactor's working folder, empty, owned by its uid and closed to every other: the
    program (another uid) cannot read the secret input written there."""
    make_dir(INTERACTOR_DIR, 0o700)
    os.chown(INTERACTOR_DIR, INTERACTOR_UID, INTERACTOR_UID)
    sweep(INTERACTOR_DIR, ())


def make_fifos():
    """The three FIFOs (paths by name) and our hold on each (both ends, non-blocking)."""
    make_dir(PIPES, 0o700)
    paths, holds = {}, {}
    for name in ("to-program", "from-program", "to-interactor"):
        path = os.path.join(PIPES, name)
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        os.mkfifo(path, 0o600)
        paths[name] = path
        holds[name] = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    return paths, holds


def execute_interactive(argv, limits, interactor_argv, interactor_limits):
    """Start the program (as execute does) and its interactor (as its own uid, from a helper
    of its own, in INTERACTOR_DIR), wired together (see the drawing above); relay and record
    what the program prints; return both runs' measurements (no verdicts) and whether the
    interactor ended first.

    The program's limits are its own; its output limit is kept by the relay (its stdout is a
    pipe, which RLIMIT_FSIZE does not bound): past it the program is killed, as a file limit
    would stop it. The interactor has its own limits; its wall clock runs from the start and
    gets the program's whole wall time on top (it may wait for the program all along)."""
    paths, holds = make_fifos()
    relay = Relay(holds.pop("from-program"), holds.pop("to-interactor"),
                  limits["output_bytes"])
    name, other = program_helper(argv), "interactor-" + program_helper(interactor_argv)
    helpers = {"program": HELPERS[name], "interactor": HELPERS[other]}
    uids = {"program": PROGRAM_UID, "interactor": INTERACTOR_UID}
    answers = {}  # who -> the helper's answer fields, once it has ended
    walls = {}  # who -> its wall time
    timed_out = {"program": False, "interactor": False}
    interactor_stderr = os.path.join(INTERACTOR_DIR, ".stderr")
    interactor_first = False
    cut = False  # the program was killed for printing past the output limit
    STDERR.ready()
    start = time.monotonic()
    deadlines = {"program": start + limits["wall_s"],
                 "interactor": start + limits["wall_s"] + interactor_limits["wall_s"]}
    try:
        helpers["interactor"].send(request(
            interactor_argv, interactor_limits, INTERACTOR_DIR, paths["to-interactor"],
            paths["to-program"], interactor_stderr, other))
        helpers["program"].send(request(argv, limits, SCRATCH, paths["to-program"],
                                        paths["from-program"], STDERR.path, name))
        while len(answers) < 2:
            now = time.monotonic()
            for who in ("program", "interactor"):
                if who in answers or now < deadlines[who]:
                    continue
                if timed_out[who]:
                    helpers[who].stop()
                    raise RuntimeError("the %s outlived SIGKILL for 30 s" % who)
                timed_out[who] = True
                kill_user(uids[who])  # its helper then answers
                deadlines[who] = now + 30
            if relay.over_limit and not cut and "program" not in answers:
                cut = True  # OLE: stopped where its output went over, as a file limit stops it
                kill_user()
            readers = [STDERR.reader] + [helpers[who].answers for who in helpers
                                         if who not in answers]
            if relay.source is not None:
                readers.append(relay.source)
            writers = [relay.sink] if relay.outgoing and relay.sink is not None else []
            wake = min(deadlines[who] for who in helpers if who not in answers)
            readable, writable, _ = select.select(readers, writers, [], max(0.0, wake - now))
            if STDERR.reader in readable:
                STDERR.drain()
            if relay.source is not None and relay.source in readable:
                relay.pull()
            if writable:
                relay.push()
            # The program first: on a tie it did not end because the interactor had (it reads
            # end-of-file only after the interactor's end is noted below).
            for who in ("program", "interactor"):
                if who in answers or helpers[who].answers not in readable:
                    continue
                helpers[who].read_more()
                fields = helpers[who].take_answer()
                if fields is None:
                    continue
                walls[who] = time.monotonic() - start
                answers[who] = ended(helpers[who], fields, uids[who])
                if who == "program":
                    relay.program_ended()
                else:
                    interactor_first = "program" not in answers
                    os.close(holds.pop("to-program"))  # the program's input ends here
                    relay.close_sink()  # nobody reads what the program still prints
    finally:
        relay.close()
        for hold in holds.values():
            os.close(hold)
        for path in paths.values():
            os.unlink(path)
    stderr = STDERR.take()
    runs = {}
    for who, (status, cpu_s, maxrss_kb) in answers.items():
        runs[who] = {"status": status, "cpu_s": cpu_s, "wall_s": walls[who],
                     "memory_kb": maxrss_kb, "timed_out": timed_out[who],
                     "file_bytes": file_limit(limits if who == "program" else interactor_limits)}
    runs["program"].update(stderr=stderr, stdout=relay.transcript)
    runs["interactor"].update(stderr=tail(interactor_stderr, STDERR_TAIL))
    return runs["program"], runs["interactor"], interactor_first


def sweep(directory, ours):
    """Remove what the program wrote under directory (ours: names we put there, kept); return
    the size of its largest file. Python ignores SIGXFSZ, so a file cut at the limit
    (RLIMIT_FSIZE is the limit + 1 byte) is how an over-long write shows."""
    largest = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    folders = []
    for entry in entries:
        if entry.name in ours:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                largest = max(largest, largest_in(entry.path))
                folders.append(entry.path)
            else:
                largest = max(largest, entry.stat(follow_symlinks=False).st_size)
                os.unlink(entry.path)
        except OSError:
            pass
    if folders:  # rare; rm, unlike shutil.rmtree, does not recurse on the stack: any depth
        rm = os.posix_spawn("/bin/rm", ["rm", "-rf", "--one-file-system", "--", *folders], ENV)
        os.waitpid(rm, 0)
    return largest


def largest_in(folder):
    """The largest file's size anywhere under folder, walked without recursion (a program may
    nest folders deeper than Python's stack), by descriptors (deeper than PATH_MAX too)."""
    largest = 0
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        stack = [os.open(folder, flags)]
    except OSError:
        return 0
    while stack:
        handle = stack.pop()
        try:
            for entry in os.scandir(handle):
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(os.open(entry.name, flags, dir_fd=handle))
                    else:
                        largest = max(largest, entry.stat(follow_symlinks=False).st_size)
                except OSError:
                    pass
        except OSError:
            pass
        finally:
            os.close(handle)
    return largest


def classify(measured, limits, stdout_size, written):
    """Turn measurements into a verdict: OK / TLE / MLE / OLE / RE. stdout_size: how much the
    program printed (its file is cut one byte past the limit); written: the size of the largest
    other file it wrote. Stderr counts for neither: it is a pipe, and only its tail is kept."""
    status = measured["status"]
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    stderr = measured["stderr"]
    memory_limit_kb = limits["memory_mb"] * 1024
    if measured["timed_out"] or measured["cpu_s"] > limits["time_s"] or sig == signal.SIGXCPU:
        verdict = "TLE"
    elif (stdout_size > limits["output_bytes"] or sig == signal.SIGXFSZ
          or stdout_size > measured["file_bytes"] or written > measured["file_bytes"]):
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


PREPARED = {}  # key -> (argv, compile error): programs already in the cache
# What a compiled language's cache folder holds (and the host ships): a binary, or a jar.
COMPILED = {"cpp17": "prog", "java": "prog.jar"}


def prepare_program(job):
    """Put the program in the cache: Python (CPython or PyPy) as source; C++ and Java from what
    the host sent (a binary, a jar), or compiled here once per key. Returns (argv, compile error
    or None); a Java program's argv gets the JVM's flags per run (with_heap)."""
    key = job["key"]
    if "source" not in job and key not in PREPARED and not os.path.isdir(
            os.path.join(CACHE, key)):
        raise RuntimeError("program %s was never sent" % key)
    if job.get("binary_b64"):
        install_binary(os.path.join(CACHE, key), base64.b64decode(job["binary_b64"]),
                       COMPILED.get(job["language"], "prog"))
        PREPARED.pop(key, None)
    if key not in PREPARED:
        PREPARED[key] = find_or_make_program(job, os.path.join(CACHE, key))
    return PREPARED[key]


def find_or_make_program(job, directory):
    language = job["language"]
    if language in ("python3", "pypy3"):
        path = os.path.join(directory, "prog.py")
        if not os.path.exists(path):
            make_dir(directory, 0o755)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(job["source"])
            os.chmod(path, 0o444)
        return [PYTHON if language == "python3" else PYPY, path], None
    if language in COMPILED:
        failed = os.path.join(directory, "compile-error")
        if os.path.exists(failed):
            with open(failed, "rb") as handle:
                return None, handle.read()
        built = os.path.join(directory, COMPILED[language])
        if not os.path.exists(built):
            _, error = compile_program(job, directory)
            if error is not None:
                return None, error
        return ([JAVA, "-jar", built] if language == "java" else [built]), None
    return None, ("unknown language %r" % language).encode()


def install_binary(directory, data, name="prog"):
    make_dir(directory, 0o755)
    target = os.path.join(directory, name)
    with open(target + ".part", "wb") as handle:
        handle.write(data)
    os.chmod(target + ".part", 0o555)
    os.replace(target + ".part", target)


def compile_program(job, directory):
    """Compile in the scratch dir as the unprivileged user under the job's compile limits, then
    cache what was built (or the error). Returns (what was built, as bytes, or None; error bytes
    or None)."""
    language = job["language"]
    sources = [(java_file_name(job["source"]) if language == "java" else "prog.cpp",
                job["source"]), *job.get("headers", [])]
    for name, text in sources:
        path = os.path.join(SCRATCH, os.path.basename(name))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(path, 0o444)
    stdin_path = os.path.join(SCRATCH, ".empty")
    open(stdin_path, "wb").close()
    limits = dict(DEFAULT_COMPILE, **job.get("compile", {}))
    limits.update(output_bytes=256 * 1024 * 1024, file_bytes=256 * 1024 * 1024,
                  open_files=256, processes=64)  # the binary is a file the compiler writes
    if language == "java":
        # javac is a JVM too: its heap within the compile memory limit (the rest is reserved).
        heap = max(64, min(JAVAC_HEAP_MB, int(limits["memory_mb"]) - JVM_RESERVE_MB // 2))
        argv = [JAVAC, *("-J" + flag for flag in JVM_FLAGS if flag != "-Xss64m"),
                "-J-Xmx%dm" % heap, "-J-XX:TieredStopAtLevel=1", "-encoding", "UTF-8",
                "-nowarn", "-d", "classes", os.path.basename(sources[0][0])]
    else:
        argv = ["/usr/bin/g++", "-std=gnu++17", "-O2", "-static", "-pipe", "-o", "prog",
                "prog.cpp"]
    built = error = None
    try:
        measured = execute(argv, stdin_path, limits, SCRATCH)
        verdict, _, _, stderr = classify(measured, limits, 0, 0)
        if verdict == "OK" and language == "java":
            built, error = java_jar(job["source"])
        elif verdict == "OK" and os.path.exists(os.path.join(SCRATCH, "prog")):
            with open(os.path.join(SCRATCH, "prog"), "rb") as handle:
                built = handle.read()
        else:
            reason = {"TLE": "compilation took too long", "MLE": "compiler ran out of memory",
                      "OLE": "compiler output too large"}.get(verdict, "compilation failed")
            error = (stderr or b"") + ("\ncompiler: %s (%s)" % (reason, verdict)).encode()
        if built is not None:
            install_binary(directory, built, COMPILED[language])
        else:
            make_dir(directory, 0o755)
            with open(os.path.join(directory, "compile-error"), "wb") as handle:
                handle.write(error)
    finally:
        sweep(SCRATCH, RUN_FILES)
    return built, error


def compile_job(job):
    """The host compiles each C++ or Java source once, on one worker, and ships what was built
    (a binary, a jar) to the others."""
    directory = os.path.join(CACHE, job["key"])
    built, error = compile_program(job, directory)
    if error is not None:
        return {"id": job.get("id"), "ok": False,
                "compile_error": error[-STDERR_TAIL:].decode("utf-8", "replace")}
    return {"id": job.get("id"), "ok": True, "binary_b64": base64.b64encode(built).decode()}


# --- Java: which class runs ----------------------------------------------------------------------
#
# Judges run the class named Main, or the file's public class (javac insists that a public class
# sits in a file of its name). Both are read from the source: its top-level type declarations,
# comments, strings and character literals skipped.

JAVA_TOKENS = None  # compiled on first use: the runner starts without `re` work


def java_top_level_types(source):
    """(package or "", [(name, is_public, declares_main)]) of the source's top-level types."""
    global JAVA_TOKENS
    import re
    if JAVA_TOKENS is None:
        JAVA_TOKENS = re.compile(
            r'//[^\n]*|/\*.*?\*/|"""(?:\\.|[^\\])*?"""|"(?:\\.|[^"\\\n])*"'
            r"|'(?:\\.|[^'\\\n])*'|[{}]|[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*"
            r"|\(|;", re.S)
    package, types, depth, words = "", [], 0, []
    current = None  # the top-level type whose body we are in
    for match in JAVA_TOKENS.finditer(source):
        token = match.group()
        if token.startswith(("//", "/*", '"', "'")):
            continue
        if token == "{":
            if depth == 0:
                for kind in ("class", "interface", "enum", "record"):
                    if kind in words[:-1]:
                        name = words[words.index(kind) + 1]
                        current = [name, "public" in words[:words.index(kind)], False]
                        types.append(current)
                        break
            depth += 1
            words = []
        elif token == "}":
            depth = max(0, depth - 1)
            words = []
        elif token == ";":
            if depth == 0 and len(words) == 2 and words[0] == "package":
                package = re.sub(r"\s+", "", words[1])
            words = []
        elif token == "(" and depth >= 1:  # at the top level: a record's or annotation's
            if current is not None and words[-3:] == ["static", "void", "main"]:
                current[2] = True
            words = []
        else:
            words.append(token)
    return package, [tuple(entry) for entry in types]


def java_main_class(source):
    """The class that runs: the public top-level class, else `Main`, else the only top-level
    class that declares main (with its package); None if there is none."""
    package, types = java_top_level_types(source)
    public = [name for name, is_public, _ in types if is_public]
    named_main = [name for name, _, _ in types if name == "Main"]
    with_main = [name for name, _, has_main in types if has_main]
    for choice in (public, named_main, with_main if len(with_main) == 1 else []):
        if choice:
            return (package + "." if package else "") + choice[0]
    return None


def java_file_name(source):
    """What javac needs the source to be called: after its public class, else Main.java."""
    _, types = java_top_level_types(source)
    public = [name for name, is_public, _ in types if is_public]
    return (public[0] if public else "Main") + ".java"


def java_jar(source):
    """The classes javac wrote under the scratch dir's classes/, as a jar naming the main class
    (what the cache keeps and the host ships). Returns (jar bytes or None, error or None)."""
    import io
    import zipfile
    main_class = java_main_class(source)
    classes = os.path.join(SCRATCH, "classes")
    if main_class is None:
        return None, b"no class to run: name it Main, or make it the file's public class"
    if not os.path.isfile(os.path.join(classes, *main_class.split(".")) + ".class"):
        return None, ("javac wrote no class %s" % main_class).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as jar:  # stored: nothing to inflate
        jar.writestr("META-INF/MANIFEST.MF",
                     "Manifest-Version: 1.0\r\nMain-Class: %s\r\n\r\n" % main_class)
        for folder, _, files in os.walk(classes):
            for name in sorted(files):
                path = os.path.join(folder, name)
                if name.endswith(".class") and not os.path.islink(path):
                    jar.write(path, os.path.relpath(path, classes))
    return buffer.getvalue(), None


def write_file(path, data):
    """Root's file, read-only to the program (the scratch dir is sticky: it cannot replace it)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o444)
    try:
        write_all(handle, data)
    finally:
        os.close(handle)


def not_run(job, verdict, stderr=b""):
    """The answer to a job that did not run (CE: its compiler's message)."""
    return {"id": job.get("id"), "cpu_s": 0.0, "wall_s": 0.0, "memory_kb": 0, "feedback": "",
            "verdict": verdict, "stderr_tail": stderr[-STDERR_TAIL:].decode("utf-8", "replace"),
            "exit_code": None, "signal": None, "stdout_bytes": 0}


def run_job(job):
    """The answer, and the stdout that follows it (raw)."""
    answer = {"id": job.get("id"), "cpu_s": 0.0, "wall_s": 0.0, "memory_kb": 0, "feedback": ""}
    argv, compile_error = prepare_program(job)
    if argv is None:
        return not_run(job, "CE", compile_error), b""
    if job.get("interactor"):
        return run_interactive(job, argv)
    stdin_path = os.path.join(SCRATCH, ".stdin")
    write_file(stdin_path, base64.b64decode(job["input_b64"]))
    ours = RUN_FILES
    for path, data in job.get("files_b64", []):  # a checker's input, output and answer
        name = os.path.basename(path)
        ours = {*ours, name}
        write_file(os.path.join(SCRATCH, name), base64.b64decode(data))
    feedback = os.path.join(SCRATCH, "feedback")
    if job.get("feedback_dir"):
        make_dir(feedback, 0o777)
    written = None
    try:
        measured = execute(with_heap(argv, job) + list(job.get("args", [])), stdin_path, job,
                           SCRATCH)
        message = (tail(os.path.join(feedback, "judgemessage.txt"), FEEDBACK_TAIL)
                   if job.get("feedback_dir") else b"")
        # A Kattis scoring validator's score (score.txt); None when it wrote none.
        score = (tail(os.path.join(feedback, "score.txt"), SCORE_TAIL)
                 if job.get("feedback_dir") and os.path.isfile(os.path.join(feedback, "score.txt"))
                 else None)
        written = sweep(SCRATCH, ours)
        verdict, exit_code, sig, stderr = classify(
            measured, job, file_size(measured["stdout_path"]), written)
        # All of it within the limit (the host may check it against a big answer); of an
        # over-long one, only the head: it is never read, let alone sent, whole.
        stdout = read_file(measured["stdout_path"],
                           OLE_STDOUT_HEAD if verdict == "OLE" else job["output_bytes"])
    finally:
        if written is None or ours is not RUN_FILES:  # the run failed half-way, or a checker's
            sweep(SCRATCH, RUN_FILES)                 # files are left
        sweep(SHARED_MEMORY, ())
    answer.update(
        verdict=verdict,
        cpu_s=round(measured["cpu_s"], 4),
        wall_s=round(measured["wall_s"], 4),
        memory_kb=measured["memory_kb"],
        exit_code=exit_code,
        signal=sig,
        stdout_bytes=len(stdout),
        stderr_tail=stderr.decode("utf-8", "replace"),
        feedback=message.decode("utf-8", "replace"),
    )
    if score is not None:
        answer["score"] = score.decode("utf-8", "replace")
    return answer, stdout


def run_interactive(job, argv):
    """A program and its interactor (job["interactor"], a job of its own: program, files, args,
    feedback_dir, limits) run together: the program's answer, with the interactor's inside
    (verdicts as classify gives them; what they mean is the host's to say, by the interactor's
    exit code convention), and the transcript of what the program printed as its stdout."""
    interactor = job["interactor"]
    interactor_argv, compile_error = prepare_program(interactor)
    if interactor_argv is None:  # a judge error, for the host to raise: the program never ran
        answer = not_run(job, "SKIPPED")
        answer["interactor"] = not_run(interactor, "CE", compile_error)
        return answer, b""
    interactor_dir_ready()
    for path, data in interactor.get("files_b64", []):  # its input and answer files
        write_file(os.path.join(INTERACTOR_DIR, os.path.basename(path)), base64.b64decode(data))
    feedback = os.path.join(INTERACTOR_DIR, "feedback")
    if interactor.get("feedback_dir"):
        make_dir(feedback, 0o777)
    written = None
    try:
        program, other, first = execute_interactive(
            with_heap(argv, job), job,
            with_heap(interactor_argv, interactor) + list(interactor.get("args", [])), interactor)
        message = (tail(os.path.join(feedback, "judgemessage.txt"), FEEDBACK_TAIL)
                   if interactor.get("feedback_dir") else b"")
        written = sweep(SCRATCH, RUN_FILES)
        verdict, exit_code, sig, stderr = classify(program, job, len(program["stdout"]), written)
        other_verdict, other_code, other_sig, other_stderr = classify(
            other, interactor, 0, sweep(INTERACTOR_DIR, ()))
    finally:
        if written is None:  # the run failed half-way
            sweep(SCRATCH, RUN_FILES)
            sweep(INTERACTOR_DIR, ())
        sweep(SHARED_MEMORY, ())
    stdout = program["stdout"][:OLE_STDOUT_HEAD] if verdict == "OLE" else program["stdout"]
    answer = {
        "id": job.get("id"), "verdict": verdict, "cpu_s": round(program["cpu_s"], 4),
        "wall_s": round(program["wall_s"], 4), "memory_kb": program["memory_kb"],
        "exit_code": exit_code, "signal": sig, "stdout_bytes": len(stdout),
        "stderr_tail": stderr.decode("utf-8", "replace"), "feedback": "",
        "interactor": {
            "id": interactor.get("id"), "verdict": other_verdict,
            "cpu_s": round(other["cpu_s"], 4), "wall_s": round(other["wall_s"], 4),
            "memory_kb": other["memory_kb"], "exit_code": other_code, "signal": other_sig,
            "stdout_bytes": 0, "stderr_tail": other_stderr.decode("utf-8", "replace"),
            "feedback": message.decode("utf-8", "replace"), "first": first,
        },
    }
    return answer, stdout


def main() -> None:
    global PROGRAM_UID, INTERACTOR_UID
    if len(sys.argv) > 1:
        PROGRAM_UID = int(sys.argv[1])
    INTERACTOR_UID = int(sys.argv[3]) if len(sys.argv) > 3 else PROGRAM_UID + 1
    become_subreaper()
    # Few of our objects form cycles: collect rarely (a full pass cost ~30 us per job).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    make_dir(CACHE, 0o711)  # programs may enter their own key's folder but not list the others
    make_dir(SCRATCH, 0o1777)  # sticky: a program cannot replace the files we put there
    build_launcher()
    HELPERS["launch"] = Resident([LAUNCH, str(PROGRAM_UID)], 0, 1)
    HELPERS["zygote"] = Resident([PYTHON, ZYGOTE, str(PROGRAM_UID)], 3, 4)
    # A `launch` and a zygote of their own for interactors, which run while the program's
    # helper (one run at a time) waits for the program; each started on first use. A warm
    # zygote matters here too: on a busy machine a cold interpreter's start took up to a second
    # of the program's wall time. Their HOME and TMPDIR are the interactor's own folder.
    interactor_env = dict(ENV, HOME=INTERACTOR_DIR, TMPDIR=INTERACTOR_DIR)
    HELPERS["interactor-launch"] = Resident([LAUNCH, str(INTERACTOR_UID)], 0, 1, interactor_env)
    HELPERS["interactor-zygote"] = Resident([PYTHON, ZYGOTE, str(INTERACTOR_UID)], 3, 4,
                                            interactor_env)
    channel = connect(sys.argv[2]) if len(sys.argv) > 2 else None
    write_all(1, b"socket\n" if channel else b"stdio\n")  # the host reads this first
    source, sink = (channel.fileno(), channel.fileno()) if channel else (0, 1)
    # What has come in: grown in place, and searched for a newline only where it has not been
    # searched yet, so that a job of many megabytes costs its size, not its size squared.
    pending = bytearray()
    searched = 0
    answers = []  # answer lines, each followed by its raw stdout if any
    held = held_bytes = 0
    held_since = 0.0
    while True:
        newline = pending.find(b"\n", searched)
        searched = len(pending) if newline < 0 else 0
        # Answers go out together while more jobs wait (one write through Docker instead of
        # several), but never more than a few, nor any held for long, so the host can keep the
        # queue full and its timeouts hold.
        if answers and (held >= FLUSH_EVERY or held_bytes >= FLUSH_BYTES
                        or time.monotonic() - held_since > FLUSH_AFTER_S
                        or (newline < 0 and not select.select([source], [], [], 0)[0])):
            write_pieces(sink, answers)
            answers = []
            held = held_bytes = 0
        if newline < 0:
            chunk = os.read(source, 1 << 20)
            if not chunk:
                return
            pending += chunk
            continue
        line = pending[:newline]
        del pending[:newline + 1]  # from the front of a bytearray: no copy of the rest
        if line.strip():
            if not held:
                held_since = time.monotonic()
            answer, stdout = answer_to(line)
            answers.append(json.dumps(answer).encode() + b"\n")
            if stdout:
                answers.append(stdout)
            held += 1
            held_bytes += len(stdout)


def connect(path):
    """The host's Unix socket, if its folder is mounted here (an engine on the same machine),
    else None: then jobs come on stdin and answers go to stdout."""
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        channel.settimeout(10)
        channel.connect(path)
        channel.settimeout(None)
        return channel
    except OSError:
        channel.close()
        return None


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_pieces(fd, pieces):
    """Write pieces in order: the small ones joined (one write through Docker), a big stdout
    on its own (never copied into a joined buffer)."""
    small = []
    for piece in pieces:
        if len(piece) < 1 << 16:
            small.append(piece)
            continue
        if small:
            write_all(fd, b"".join(small))
            small = []
        write_all(fd, piece)
    if small:
        write_all(fd, b"".join(small))


def answer_to(line):
    """The answer to one message, and the raw stdout that follows it (b"" if none)."""
    try:
        job = json.loads(line)
        if job.get("op") == "ping":
            return {"id": job.get("id"), "pong": True}, b""
        if job.get("op") == "compile":
            return compile_job(job), b""
        return run_job(job)
    except Exception as error:  # noqa: BLE001 - the host decides what an error means
        return {"error": "%s: %s" % (type(error).__name__, error)}, b""

if __name__ == "__main__":
    main()
