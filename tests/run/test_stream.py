"""Streaming and mixing: samples go to the sandbox while sampling goes on, over several streams."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sandbox.jobs import Verdict
from solver.problem import load_problem
from solver.run.stream import sample_mix
from solver.sampling.cache import SampleCache
from solver.sampling.mix import SamplingStream
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import Completion, SamplingOptions

pytestmark = pytest.mark.integration

PYTHON = "```python\na, b = map(int, input().split())\nprint(a + b)\n```"
CPP = "```cpp\n#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b;}\n```"


class ByLanguage:
    """Stands in for the model: answers in the language the prompt asks for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, int]] = []

    def complete(self, prompt, params):
        language = "cpp17" if "C++17" in str(prompt) else "python3"
        self.calls.append((language, params.temperature, params.n))
        text = CPP if language == "cpp17" else PYTHON
        return [Completion(text, True, len(text.split()))] * params.n


def test_mix_splits_over_languages_and_temperatures(pool, problems_dir, tmp_path):
    problem = load_problem(problems_dir / "sum-of-two")
    base = SamplingOptions()
    streams = [
        SamplingStream(ModelProfile.load(name), replace(base, profile=name, temperature=t),
                       SampleCache(tmp_path, f"{name}-{t}".ljust(24, "x")))
        for name in ("default", "cpp") for t in (0.3, 0.9)
    ]
    sampler = ByLanguage()
    seen = []
    mixed = sample_mix(problem, sampler, pool, streams=streams, count=10, chunk_size=2,
                       on_progress=lambda p: seen.append(p.sampled))
    assert [s.index for s in mixed.samples] == list(range(10))
    assert {language for language, _, _ in sampler.calls} == {"python3", "cpp17"}
    assert {t for _, t, _ in sampler.calls} == {0.3, 0.9}
    assert sum(n for _, _, n in sampler.calls) == 10
    languages = {s.program.language for s in mixed.samples}
    assert languages == {"python3", "cpp17"}
    assert len(mixed.example_results) == 2  # one distinct program per language
    assert all(runs[0].verdict is Verdict.OK for runs in mixed.example_results.values())
    assert seen[-1] == 10 and seen == sorted(seen)  # progress counts across streams
    # Each stream has its own cache: a rerun draws nothing.
    again = ByLanguage()
    rerun = sample_mix(problem, again, pool, streams=streams, count=10, chunk_size=2)
    assert again.calls == [] and all(s.from_cache for s in rerun.samples)
