"""Model-written input generators: small programs that print one random valid input.

The model sees the statement's input section and limits (never hidden tests) and a size hint; each
generator runs in the sandbox once per seed, the seed given on stdin (the sandbox feeds programs
stdin only). What they print becomes extra clustering inputs; select() then keeps those on which
most survivors run without crash or timeout.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.checkers import ValidatorFlags
from sandbox.jobs import Limits, Program, Verdict
from sandbox.tester import Executor, Test, judge
from solver.problem import Problem
from solver.problem.sections import input_section
from solver.sampling.dedupe import new_programs
from solver.sampling.extract import extract_program
from solver.sampling.profiles import ModelProfile
from solver.sampling.types import GenerationParams, Sampler

GENERATOR_PROFILE = ModelProfile(
    name="input-generator",
    system_prompt=(
        "You write test-input generators for competitive-programming problems. Reply with one "
        "complete Python 3 program in a single ```python code block and nothing else. The program "
        "reads an integer seed from standard input (seed = int(input())), calls "
        "random.seed(seed), and prints exactly one valid input for the problem, in the exact "
        "format the problem describes, respecting every constraint."
    ),
    user_template="{statement}",
    max_tokens=400,
    stop=["\n```"],
    assistant_prefix="```python\n",
)

SIZE_HINTS = {
    "small": "Make the input small: sizes and values between 1 and 10, good for edge cases.",
    "medium": "Make the input medium-sized: sizes up to about 100, values spread over the range.",
    "large": "Make the input large: sizes and values near the maximum the constraints allow.",
}

@dataclass(frozen=True)
class GeneratorOptions:
    """How many generators to ask for and how to run them."""

    programs_per_hint: int = 2  # completions per size hint
    # The request: as the programs were sampled (the run's first chat profile and options).
    temperature: float = 0.5
    top_p: float = 0.95
    max_tokens: int = 400
    stop: tuple[str, ...] = ("\n```",)  # the reply opens with a fence: its end ends the program
    seeds_per_program: int = 3  # runs per generator, seeds seed..seed+n-1
    seed: int = 0
    time_s: float = 5.0  # CPU time per generator run
    memory_mb: int = 512
    max_input_bytes: int = 1_000_000  # longer outputs are dropped


def generator_messages(problem: Problem, hint: str) -> list[dict[str, str]]:
    """The chat asking for one generator: input section, an example input, the size hint."""
    example = problem.examples[0].input.decode("utf-8", "replace") if problem.examples else ""
    user = (
        f"# {problem.title}\n\n## Input\n\n{input_section(problem.statement)}\n\n"
        f"Example input:\n```\n{example.rstrip()}\n```\n\n{SIZE_HINTS[hint]}\n"
        "Write the generator."
    )
    return [
        {"role": "system", "content": GENERATOR_PROFILE.system_prompt},
        {"role": "user", "content": user},
        {"role": "assistant", "content": GENERATOR_PROFILE.assistant_prefix},
    ]


def draw_generators(
    problem: Problem, sampler: Sampler, options: GeneratorOptions
) -> list[Program]:
    """Distinct generator programs from the model, over every size hint."""
    params = GenerationParams(n=options.programs_per_hint, temperature=options.temperature,
                              top_p=options.top_p, max_tokens=options.max_tokens,
                              stop=options.stop)
    programs: list[Program] = []
    seen: set[str] = set()
    for hint in SIZE_HINTS:
        for text, finished, _tokens in sampler.complete(generator_messages(problem, hint), params):
            if not finished:
                continue  # cut off: likely not a whole program
            program = extract_program(GENERATOR_PROFILE.assistant_prefix + text + "\n```")
            if program is not None:
                programs += new_programs([program], seen)
    return programs


def run_generators(
    generators: list[Program], executor: Executor, options: GeneratorOptions
) -> list[bytes]:
    """What the generators print, one input per (generator, seed) that ran OK; deduplicated."""
    if not generators or options.seeds_per_program <= 0:
        return []
    seeds = [
        Test(f"seed/{seed}", f"{seed}\n".encode())
        for seed in range(options.seed, options.seed + options.seeds_per_program)
    ]
    limits = Limits(time_s=options.time_s, memory_mb=options.memory_mb)
    results = judge(executor, generators, seeds, limits, ValidatorFlags())
    inputs: dict[bytes, None] = {}  # ordered set
    for program in generators:
        for run in results.get(program.key, []):
            data = run.stdout
            if run.verdict is Verdict.OK and data.strip() and len(data) <= options.max_input_bytes:
                inputs.setdefault(data, None)
    return list(inputs)


def model_written_inputs(
    problem: Problem, sampler: Sampler, executor: Executor, options: GeneratorOptions
) -> list[bytes]:
    """Inputs printed by model-written generators for `problem` (a stage of select's input)."""
    if options.programs_per_hint <= 0:
        return []
    return run_generators(draw_generators(problem, sampler, options), executor, options)
