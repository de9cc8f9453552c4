"""Which language a program file is, and how a program is saved so that it stays that."""

from __future__ import annotations

from sandbox.jobs import Program, language_of, marked


def test_language_comes_from_the_extension_and_a_pypy_shebang():
    assert language_of("a.py") == "python3"
    assert language_of("A.java") == "java"
    assert language_of("a.CC") == "cpp17"
    assert language_of("notes.txt") is None and language_of("Makefile") is None
    assert language_of("a.py", "print(1)\n") == "python3"
    assert language_of("a.py", "#!/usr/bin/env pypy3\nprint(1)\n") == "pypy3"
    assert language_of("a.py", "#!/usr/bin/pypy3\n") == "pypy3"
    assert language_of("a.py", "#!/usr/bin/env python3\n") == "python3"
    assert language_of("a.py", "print(1)  # pypy3\n") == "python3"  # only a first-line shebang


def test_a_pypy_program_is_saved_with_its_shebang_once():
    program = Program("pypy3", "print(1)\n")
    assert language_of("rank01.py", marked(program)) == "pypy3"
    assert marked(Program("pypy3", marked(program))) == marked(program)
    assert marked(Program("python3", "print(1)\n")) == "print(1)\n"
