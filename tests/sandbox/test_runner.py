"""The runner's languages: which Java class runs (read from the source, no container), and Java
and PyPy programs run for real in the sandbox image (compile cache, limits, verdicts)."""

from __future__ import annotations

import pytest

from sandbox.jobs import Job, Limits, Program, Verdict
from sandbox.runner import java_file_name, java_main_class

SUM_JAVA = """import java.util.Scanner;
public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        System.out.println(in.nextLong() + in.nextLong());
    }
}
"""


@pytest.mark.parametrize(("source", "main_class", "file_name"), [
    (SUM_JAVA, "Main", "Main.java"),
    # The public class, whatever its name; comments, strings and nested classes do not count.
    ("// public class Fake {\nimport java.io.*;\n/* class Main { */\nclass Helper { int x; }\n"
     "public final class Solution {\n  static class Node {}\n  public static void main(String[] a)"
     " { String s = \"class X {\"; char c = '{'; }\n}\n", "Solution", "Solution.java"),
    # No public class: Main, else the only class that declares main.
    ("class A {}\nclass Main { public static void main(String[] a) {} }\n", "Main", "Main.java"),
    ("class A {}\nclass B { public static void main(String[] a) {} }\n", "B", "Main.java"),
    ("package contest;\n@SuppressWarnings(\"unused\")\npublic class P<T extends Comparable<T>> {"
     " public static void main(String[] a) {} }\n", "contest.P", "P.java"),
    ("record Pair(int a, int b) {}\nclass Main { public static void main(String[] a) {} }\n",
     "Main", "Main.java"),
    ("class A {}\nclass B {}\n", None, "Main.java"),
])
def test_the_class_that_runs_is_main_or_the_public_class(source, main_class, file_name):
    assert java_main_class(source) == main_class
    assert java_file_name(source) == file_name


OOM_JAVA = """import java.util.*;
public class Main {
    public static void main(String[] args) {
        List<long[]> kept = new ArrayList<>();
        while (true) kept.add(new long[1 << 20]);
    }
}
"""
# Deep recursion on the main thread (64 MB stack, as judges give) and a thread with a stack of
# its own, the contestants' trick for deeper recursion: both fit in the address-space limit.
DEEP_JAVA = """public class Deep {
    static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
    public static void main(String[] args) throws Exception {
        int[] out = new int[1];
        Thread thread = new Thread(null, () -> out[0] = depth(2_000_000), "deep", 1L << 28);
        thread.start();
        thread.join();
        System.out.println(depth(200_000) + " " + out[0]);
    }
}
"""


@pytest.mark.integration
def test_java_programs_get_their_verdicts(pool):
    cases = [
        (SUM_JAVA, b"2 40\n", {}, Verdict.OK),
        (DEEP_JAVA, b"", {"time_s": 5}, Verdict.OK),
        ("public class Main { public static void main(String[] a) { int[] x = new int[1];"
         " x[2] = 1; } }", b"", {}, Verdict.RE),
        (OOM_JAVA, b"", {"memory_mb": 256}, Verdict.MLE),
        ("public class Main { public static void main(String[] a) { long x = 0;"
         " for (long i = 0; ; i++) x += i ^ (x >>> 3); } }", b"", {"time_s": 0.5}, Verdict.TLE),
        ("public class Main { public static void main(String[] a) { int x = \"s\"; } }", b"", {},
         Verdict.CE),
        ("class A {}\nclass B {}\n", b"", {}, Verdict.CE),
    ]
    results = pool.run([Job(Program("java", source), data, Limits(**limits))
                        for source, data, limits, _ in cases])
    assert [r.verdict for r in results] == [verdict for *_, verdict in cases], [
        r.stderr_tail[-300:] for r in results]
    assert results[0].stdout == b"42\n"
    assert results[1].stdout == b"200000 2000000\n"
    assert "ArrayIndexOutOfBoundsException" in results[2].stderr_tail
    assert "OutOfMemoryError" in results[3].stderr_tail
    assert "incompatible types" in results[5].stderr_tail
    assert "no class to run" in results[6].stderr_tail


@pytest.mark.integration
def test_java_compiles_once_and_the_jar_is_shipped_to_other_workers(pool):
    program = Program("java", SUM_JAVA.replace("nextLong() + in", "nextLong() * in"))
    before = pool.compilations
    results = pool.run([Job(program, b"6 7\n")] * 4)
    assert all(r.verdict is Verdict.OK and r.stdout == b"42\n" for r in results)
    assert pool.compilations == before + 1
    assert all(program.key in worker.loaded for worker in pool.workers)


@pytest.mark.integration
def test_pypy_runs_python_programs(pool):
    which = "import sys\nprint(sys.implementation.name, sum(map(int, input().split())))\n"
    results = pool.run([
        Job(Program("pypy3", which), b"2 3\n"),
        Job(Program("python3", which), b"2 3\n"),
        Job(Program("pypy3", "raise SystemExit(3)\n"), b""),
        Job(Program("pypy3", "while True: pass\n"), b"", Limits(time_s=0.5)),
        Job(Program("pypy3", "x = []\nwhile True: x.append([0] * 10**6)\n"), b"",
            Limits(memory_mb=256)),
    ])
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.OK, Verdict.RE, Verdict.TLE,
                                            Verdict.MLE], [r.stderr_tail[-300:] for r in results]
    assert results[0].stdout == b"pypy 5\n" and results[1].stdout == b"cpython 5\n"
    assert results[2].exit_code == 3
