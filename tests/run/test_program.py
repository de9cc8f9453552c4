"""A program file's language, as `cpsolve test`, `bench judge` and `--samples-from` read it."""

from __future__ import annotations

import pytest

from solver.run.program import ProgramFileError, read_program
from solver.sampling.folder import samples_from_folder
from solver.submit.loop import load_candidates


def test_files_are_read_in_their_language(tmp_path):
    files = {
        "a.py": "print(1)\n",
        "b.py": "#!/usr/bin/env pypy3\nprint(1)\n",
        "Main.java": "public class Main { public static void main(String[] a) {} }\n",
        "c.cc": "int main() {}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    languages = {name: read_program(tmp_path / name).language for name in files}
    assert languages == {"a.py": "python3", "b.py": "pypy3", "Main.java": "java",
                         "c.cc": "cpp17"}
    assert [s.program.language for s in samples_from_folder(tmp_path)] == [
        "java", "python3", "pypy3", "cpp17"]  # sorted by path: Main.java, a.py, b.py, c.cc
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ProgramFileError, match=r"expected \.py, \.cpp, \.cc, \.cxx or \.java"):
        read_program(tmp_path / "notes.txt")


def test_ranked_files_without_result_json_keep_their_language(tmp_path):
    (tmp_path / "rank01.py").write_text("#!/usr/bin/env pypy3\nprint(1)\n", encoding="utf-8")
    (tmp_path / "rank02.java").write_text("class Main {}\n", encoding="utf-8")
    (tmp_path / "rank03.py").write_text("print(1)\n", encoding="utf-8")
    candidates, _ = load_candidates(tmp_path)
    assert [(c.rank, c.language) for c in candidates] == [(1, "pypy3"), (2, "java"),
                                                          (3, "python3")]
