"""The adversarial suite: hostile programs get the right verdict, and the worker they ran on
is unaffected: the next program on it runs normally, sees no leftover process or file."""

from __future__ import annotations

import pytest

from sandbox.jobs import Job, Limits, Program, Verdict

pytestmark = pytest.mark.integration

# Runs after every attack on the same (single) worker: it must be a clean slate.
PROBE = Program("python3", (
    "import os\n"
    "a, b = map(int, input().split())\n"
    "mine = [p for p in os.listdir('/proc') if p.isdigit()\n"
    "        and os.stat('/proc/' + p).st_uid == os.getuid() and int(p) != os.getpid()]\n"
    "left = sorted(set(os.listdir('.')) - {'.stdin', '.stdout', '.stderr'})\n"
    "ipc = sum(len(open('/proc/sysvipc/' + kind).readlines()) - 1\n"
    "          for kind in ('shm', 'msg', 'sem'))\n"
    "queues = os.listdir('/dev/mqueue') if os.path.isdir('/dev/mqueue') else []\n"
    "print(a + b, len(mine), left, os.listdir('/dev/shm'), ipc, queues)\n"
))
CLEAN = b"3 0 [] [] 0 []\n"

FORK_BOMB_PY = (
    "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
)
FORK_BOMB_CPP = "#include <unistd.h>\nint main(){ while (true) fork(); }\n"
MEMORY_BOMB_PY = "chunks = []\nwhile True:\n    chunks.append(bytearray(16 << 20))\n"
MEMORY_BOMB_CPP = (
    "#include <cstring>\n#include <vector>\n"
    "int main(){ std::vector<char*> v; while (true) { char *p = new char[16 << 20];"
    " std::memset(p, 1, 16 << 20); v.push_back(p); } }\n"
)
INFINITE_LOOP_CPP = "int main(){ volatile long i = 0; while (true) i++; }\n"
SLEEP_PY = "import time\ntime.sleep(3600)\n"
ENDLESS_OUTPUT_CPP = "#include <cstdio>\nint main(){ while (true) std::puts(\"spam spam\"); }\n"
DISK_FILL_PY = (
    "import itertools\n"
    "block = b'x' * (1 << 20)\n"
    "for i in itertools.count():\n"
    "    with open('fill%d' % i, 'wb') as f:\n"
    "        for _ in range(32):\n"
    "            f.write(block)\n"
)
SOCKET_PY = (
    "import socket\n"
    "targets = ((socket.AF_INET, ('1.1.1.1', 53)), (socket.AF_INET, ('172.17.0.1', 2375)),\n"
    "           (socket.AF_INET6, ('2606:4700:4700::1111', 53)))\n"
    "for family, address in targets:\n"
    "    try:\n"
    "        s = socket.socket(family)\n"
    "        s.settimeout(1)\n"
    "        s.connect(address)\n"
    "        print('connected', address)\n"
    "    except OSError:\n"
    "        pass\n"
    "try:\n"
    "    socket.getaddrinfo('example.com', 80)\n"
    "    print('resolved')\n"
    "except OSError:\n"
    "    pass\n"
    "print('isolated')\n"
)
SNOOP_PY = (
    "import os\n"
    "for path in ('/etc/shadow', '/proc/1/environ', '/proc/1/root/etc/shadow', '/sandbox/cache',\n"
    "             '/var/run/docker.sock', '/proc/kcore', '/sandbox-io'):\n"
    "    try:\n"
    "        if os.path.isdir(path):\n"
    "            os.listdir(path)\n"
    "        else:\n"
    "            open(path, 'rb').read(1)\n"
    "        print('read', path)\n"
    "    except OSError:\n"
    "        pass\n"
    "# Other containers' processes are invisible (own pid namespace): one container's worth.\n"
    "commands = [open('/proc/%s/cmdline' % p, 'rb').read().split(b'\\0')[0]\n"
    "            for p in os.listdir('/proc') if p.isdigit()]\n"
    "print('alone' if commands.count(b'sleep') == 1 and b'dockerd' not in commands\n"
    "      else 'sees %s' % commands)\n"
)
WRITE_OUTSIDE_PY = (
    "import os\n"
    "for path in ('/etc/passwd', '/x', '/tmp/x', '/var/tmp/x', '/sandbox/x', '/sandbox/cache/x',\n"
    "             '/sandbox/bin/launch', '/usr/bin/python3', '/proc/sys/kernel/hostname'):\n"
    "    try:\n"
    "        with open(path, 'ab') as f:\n"
    "            f.write(b'x')\n"
    "        print('wrote', path)\n"
    "    except OSError:\n"
    "        pass\n"
    "print('contained')\n"
)
KILL_PARENT_PY = (
    "import os, signal\n"
    "for target in (os.getppid(), 1, -1):\n"
    "    try:\n"
    "        os.kill(target, signal.SIGKILL)\n"
    "        print('killed', target)\n"
    "    except OSError:\n"
    "        pass\n"
)
BACKGROUND_CHILD_PY = (
    "import os, time\n"
    "if os.fork() == 0:\n"
    "    os.setsid()\n"
    "    if os.fork() == 0:\n"
    "        while True:\n"
    "            open('/dev/shm/beacon', 'w').write('alive')\n"
    "            time.sleep(0.05)\n"
    "    os._exit(0)\n"
    "time.sleep(0.2)\n"
    "print('bye')\n"
)
DEEP_FOLDERS_PY = (  # deeper than Python's recursion limit, and than PATH_MAX
    "import os\n"
    "for _ in range(3000):\n"
    "    os.mkdir('abcd')\n"
    "    os.chdir('abcd')\n"
    "open('big', 'wb').write(b'x' * 1000)\n"
    "print('deep')\n"
)
REPLACE_FILES_PY = (
    "import os\n"
    "for name in ('.stdin', '.stdout', '.stderr'):\n"
    "    try:\n"
    "        os.rename(name, name + '.moved')\n"
    "        print('moved', name)\n"
    "    except OSError:\n"
    "        pass\n"
    "    try:\n"
    "        os.unlink(name)\n"
    "        os.mkfifo(name)\n"
    "        print('replaced', name)\n"
    "    except OSError:\n"
    "        pass\n"
    "print('kept')\n"
)
IPC_LEFT_BEHIND_CPP = (
    "#include <cstdio>\n#include <cstring>\n#include <fcntl.h>\n#include <mqueue.h>\n"
    "#include <sys/msg.h>\n#include <sys/sem.h>\n#include <sys/shm.h>\n"
    "int main(){\n"
    "  int id = shmget(0x1234, 4096, IPC_CREAT | 0666);\n"
    "  if (id >= 0) { char *p = (char *)shmat(id, 0, 0);\n"
    "    if (p != (char *)-1) { std::strcpy(p, \"for later\"); shmdt(p); } }\n"
    "  msgget(0x1235, IPC_CREAT | 0666);\n"
    "  semget(0x1236, 1, IPC_CREAT | 0666);\n"
    "  mq_open(\"/for-later\", O_CREAT | O_RDWR, 0666, nullptr);\n"
    "  std::puts(\"done\");\n"
    "}\n"
)
TEMPLATE_BOMB_CPP = (
    "template <int N> struct F { static const long v = F<N - 1>::v + F<N - 2>::v; };\n"
    "template <> struct F<0> { static const long v = 0; };\n"
    "template <> struct F<1> { static const long v = 1; };\n"
    "int main() { return F<100000>::v; }\n"
)
INCLUDE_BOMB_CPP = '#include "/dev/zero"\nint main() {}\n'

ATTACKS = [
    # name, language, source, limits, verdicts accepted, stdout expected (None: any)
    ("fork bomb (python)", "python3", FORK_BOMB_PY, {"time_s": 1}, {Verdict.TLE}, None),
    ("fork bomb (c++)", "cpp17", FORK_BOMB_CPP, {"time_s": 1}, {Verdict.TLE}, None),
    ("memory bomb (python)", "python3", MEMORY_BOMB_PY, {"memory_mb": 256}, {Verdict.MLE}, None),
    ("memory bomb (c++)", "cpp17", MEMORY_BOMB_CPP, {"memory_mb": 256}, {Verdict.MLE}, None),
    ("infinite loop", "cpp17", INFINITE_LOOP_CPP, {"time_s": 0.5}, {Verdict.TLE}, None),
    ("sleep", "python3", SLEEP_PY, {"time_s": 0.5}, {Verdict.TLE}, None),
    ("endless output", "cpp17", ENDLESS_OUTPUT_CPP, {"output_mb": 4}, {Verdict.OLE}, None),
    ("disk fill", "python3", DISK_FILL_PY, {"time_s": 2}, {Verdict.RE, Verdict.OLE}, None),
    ("socket connect", "python3", SOCKET_PY, {}, {Verdict.OK}, b"isolated\n"),
    ("reading secrets", "python3", SNOOP_PY, {}, {Verdict.OK}, b"alone\n"),
    ("writing outside scratch", "python3", WRITE_OUTSIDE_PY, {}, {Verdict.OK}, b"contained\n"),
    # kill(-1) reaches only its own uid's processes, and never the caller itself.
    ("killing its parent", "python3", KILL_PARENT_PY, {}, {Verdict.OK}, b"killed -1\n"),
    ("background child", "python3", BACKGROUND_CHILD_PY, {}, {Verdict.OK}, b"bye\n"),
    # Its input and output files are root's, in a sticky dir: it can neither move nor replace
    # them (a FIFO there would hang the runner reading the output).
    ("replacing its files", "python3", REPLACE_FILES_PY, {}, {Verdict.OK}, b"kept\n"),
    # Shared memory, message queues, semaphores: nothing survives for a later run.
    ("IPC left behind", "cpp17", IPC_LEFT_BEHIND_CPP, {}, {Verdict.OK}, b"done\n"),
    ("deep folders", "python3", DEEP_FOLDERS_PY, {}, {Verdict.OK}, b"deep\n"),
    ("template bomb", "cpp17", TEMPLATE_BOMB_CPP, {}, {Verdict.CE}, None),
    ("include bomb", "cpp17", INCLUDE_BOMB_CPP, {}, {Verdict.CE}, None),
]


@pytest.fixture(scope="module")
def single_worker():
    """One worker, so every probe runs in the container the attack just ran in. Tight compile
    limits keep the compile bombs short."""
    from sandbox.pool import DockerPool, SandboxOptions

    options = SandboxOptions(workers=1, compile_time_s=5, compile_memory_mb=768)
    with DockerPool(options) as pool:
        yield pool


@pytest.mark.parametrize(
    ("language", "source", "limits", "verdicts", "stdout"),
    [attack[1:] for attack in ATTACKS],
    ids=[attack[0] for attack in ATTACKS],
)
def test_attack_is_contained(single_worker, language, source, limits, verdicts, stdout):
    attack, probe = single_worker.run(
        [Job(Program(language, source), b"", Limits(**limits)), Job(PROBE, b"1 2\n")]
    )
    assert attack.verdict in verdicts, (attack.verdict, attack.stderr_tail[-300:])
    if stdout is not None:
        assert attack.stdout == stdout
    assert probe.verdict is Verdict.OK, probe.stderr_tail
    assert probe.stdout == CLEAN
    assert single_worker.workers[0].restarts == 0  # contained: the runner never died


def test_every_doctor_limit_check_passes(single_worker):
    from sandbox.selfcheck import run_limit_checks

    failed = [check.name for check, _, passed in run_limit_checks(single_worker) if not passed]
    assert failed == []
