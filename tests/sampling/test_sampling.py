"""Unit tests for prompts, code extraction and dedupe (no model needed)."""

from __future__ import annotations

from sandbox.jobs import Program
from solver.problem import load_problem
from solver.sampling.dedupe import normalised_hash, programs_from
from solver.sampling.draw import draw_samples
from solver.sampling.extract import extract_program
from solver.sampling.profiles import ModelProfile
from solver.sampling.prompts import build_messages
from solver.sampling.types import Completion, Sample, SamplingOptions


def test_extract_prefers_first_python_block():
    text = "Here:\n```python\nprint(1)\n```\nor\n```python\nprint(2)\nprint(3)\n```\n"
    assert extract_program(text).source == "print(1)\n"


def test_extract_untagged_block_and_bare_code():
    assert extract_program("```\nx = int(input())\nprint(x)\n```").source.startswith("x = int")
    assert extract_program("n = int(input())\nprint(n * 2)\n").source.startswith("n = int")


def test_extract_unclosed_fence_keeps_code():
    assert extract_program("```python\nprint(input())\n").source == "print(input())\n"


def test_extract_nothing_from_prose():
    assert extract_program("I cannot solve this problem, sorry.") is None


def test_extract_cpp_block():
    program = extract_program("```cpp\nint main(){}\n```", language="cpp17")
    assert program == Program("cpp17", "int main(){}\n")


def test_normalised_hash_ignores_comments_and_blank_lines():
    a = Program("python3", "# read\nx = int(input())\n\nprint(x)   \n")
    b = Program("python3", "x = int(input())\nprint(x)\n")
    c = Program("python3", "x = int(input())\nprint(x + 1)\n")
    assert normalised_hash(a) == normalised_hash(b) != normalised_hash(c)


def test_programs_from_dedupes_and_keeps_sample_ids():
    same = Program("python3", "print(1)\n")
    other = Program("python3", "print(2)\n")
    samples = [
        Sample(0, "", True, same),
        Sample(1, "", True, None),
        Sample(2, "", True, Program("python3", "# c\nprint(1)\n")),
        Sample(3, "", True, other),
    ]
    unique = programs_from(samples)
    assert [(p.source, ids) for p, ids in unique] == [("print(1)\n", [0, 2]), ("print(2)\n", [3])]


def test_prompt_shows_examples_never_hidden_tests(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    assert problem.hidden
    prompt = "\n".join(m["content"] for m in build_messages(problem, ModelProfile.load("default")))
    for example in problem.examples:
        assert example.input.decode().strip() in prompt
    for hidden in problem.hidden:
        assert hidden.input.decode().strip() not in prompt


def draw(problem, sampler, profile, count, **keywords):
    return draw_samples(problem, sampler, profile=profile, options=SamplingOptions(), count=count,
                        **keywords)


class ScriptedSampler:
    """Stands in for a model in unit tests: returns fixed completions."""

    def __init__(self, completions):
        self.completions = completions
        self.seen = None

    def complete(self, messages, params):
        self.seen = messages
        return [Completion(text, finished, len(text.split()))
                for text, finished in self.completions[:params.n]]


def test_draw_samples_drops_truncated_and_restores_prefix(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("default")
    sampler = ScriptedSampler([("print(1)\n", True), ("print(2", False)])
    samples = draw(problem, sampler, profile, 2)
    assert samples[0].program is not None and samples[0].program.source == "print(1)\n"
    assert samples[1].program is None and not samples[1].finished
    if profile.assistant_prefix:
        assert sampler.seen[-1] == {"role": "assistant", "content": profile.assistant_prefix}


def test_completion_profile_prompt_and_program(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("completion-python")
    sampler = ScriptedSampler([("a, b = map(int, input().split())\nprint(a + b)\n", True)])
    samples = draw(problem, sampler, profile, 1)
    assert isinstance(sampler.seen, str) and sampler.seen.endswith(profile.assistant_prefix)
    assert "Sum of Two" in sampler.seen
    assert samples[0].program.source.startswith(profile.assistant_prefix)
    assert samples[0].program.source.endswith("print(a + b)\n")


def test_metadata_varies_by_chunk_but_is_repeatable(problems_dir):
    from solver.sampling.prompts import choose_metadata

    profile = ModelProfile.load("completion-python")
    lines = {choose_metadata(profile, draw) for draw in range(0, 320, 32)}
    assert len(lines) > 1
    assert choose_metadata(profile, 64) == choose_metadata(profile, 64)
    assert all(line.startswith("DIFFICULTY: ") for line in lines)


def test_cpp_profile_extracts_cpp(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("cpp")
    completion = "```cpp\n#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;}"
    samples = draw(problem, ScriptedSampler([(completion, True)]), profile, 1)
    assert samples[0].program.language == "cpp17"
    assert samples[0].program.source.startswith("#include <iostream>")


def test_java_and_pypy_profiles_extract_their_language(problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    java = "```java\npublic class Main { public static void main(String[] a) {} }"
    samples = draw(problem, ScriptedSampler([(java, True)]), ModelProfile.load("java"), 1)
    assert samples[0].program.language == "java"
    assert samples[0].program.source.startswith("public class Main")
    python = "```python\nprint(sum(map(int, input().split())))"
    samples = draw(problem, ScriptedSampler([(python, True)]), ModelProfile.load("pypy"), 1)
    assert samples[0].program.language == "pypy3"
    assert samples[0].program.source == "print(sum(map(int, input().split())))\n"


def test_sample_cache_resumes_and_extends(problems_dir, tmp_path):
    from solver.sampling.cache import SampleCache

    problem = load_problem(problems_dir / "sum-of-two")
    profile = ModelProfile.load("default")
    cache = SampleCache(tmp_path, "k" * 24)
    first = ScriptedSampler([(f"```python\nprint({i})\n```", True) for i in range(8)])
    draw(problem, first, profile, 4, cache=cache, chunk_size=2)
    # A torn line (a kill mid-write) is ignored.
    with open(cache.path, "a", encoding="utf-8") as handle:
        handle.write('{"index": 4, "te')
    calls = []

    class Counting(ScriptedSampler):
        def complete(self, messages, params):
            calls.append(params.n)
            return super().complete(messages, params)

    again = draw(problem, Counting([("```python\nprint(9)\n```", True)] * 8), profile, 6,
                 cache=cache, chunk_size=4)
    assert calls == [2]  # only the two samples the cache did not have
    assert [s.from_cache for s in again] == [True] * 4 + [False] * 2
    assert [s.index for s in again] == list(range(6))
    assert again[0].program.source == "print(0)\n"
    assert [c.index for c in cache.load()] == list(range(6))  # nothing lost after the torn line
