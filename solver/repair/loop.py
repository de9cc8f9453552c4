"""Sampling that learns from failures, at a fixed budget.

After each chunk of fresh samples is judged on the examples, failed programs are repaired with
the judge's feedback (feedback.py), closest to passing first and one per distinct failure
(choose.py); failed repairs are repaired again, `rounds` deep. Allowance the repairs leave goes to
fresh samples whose prompt notes the commonest failure. The budget (budget.py) caps what feedback
takes. Repairs and notes enter the same example filter as fresh samples, then the same selection.

Chunk by chunk, not streamed (solver/run/stream.py): a repair needs its parent's verdict first.
Every completion is cached (fresh ones in the stream's sample cache, repairs and notes under a key
that holds their prompt, hence the feedback), so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sandbox.jobs import RunResult
from sandbox.tester import Executor
from solver.problem import Problem
from solver.repair.budget import Budget, RepairOptions
from solver.repair.choose import choose_repairs, commonest_failure
from solver.repair.feedback import Failure, failure_of, feedback_text
from solver.repair.prompts import can_repair, note_prompt, repair_prompt
from solver.run.examples import run_examples
from solver.run.stream import Streamed, StreamProgress
from solver.sampling.cache import CachedCompletion, SampleCache, cache_key
from solver.sampling.dedupe import new_programs, normalised_hash
from solver.sampling.draw import draw_chunk
from solver.sampling.extract import to_sample
from solver.sampling.mix import SamplingStream
from solver.sampling.samplers import complete_many
from solver.sampling.types import Prompt, Sample, Sampler, split_evenly


@dataclass
class FeedbackState:
    """One problem's run across its streams: the example filter's results and the counts."""

    executor: Executor
    problem: Problem
    results: dict[str, list[RunResult]] = field(default_factory=dict)  # by Program.key
    seen: set[str] = field(default_factory=set)  # programs already judged (normalised hashes)
    judged_as: dict[str, str] = field(default_factory=dict)  # normalised hash -> judged key
    progress: StreamProgress = field(default_factory=StreamProgress)
    on_progress: Callable[[StreamProgress], None] | None = None
    # How many completions of each repair/note cache key this run has used: a note repeated in
    # a later chunk takes the next cached completions, not the same ones again.
    used: dict[str, int] = field(default_factory=dict)

    @contextmanager
    def drawing(self, *, feedback: bool) -> Iterator[None]:
        """Time the model's work: fresh samples, or repairs and notes (feedback)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - started
            self.progress.sampling_s += spent
            if feedback:
                self.progress.feedback_s += spent

    def judge(self, drawn: Sequence[Sample]) -> list[Failure]:
        """Run the new programs on the examples; the failures among `drawn`."""
        programs = new_programs((s.program for s in drawn if s.program is not None), self.seen)
        for program in programs:
            self.judged_as[normalised_hash(program)] = program.key
        self.progress.sampled += len(drawn)
        self.progress.unique += len(programs)
        if programs:
            started = time.perf_counter()
            judged = run_examples(self.executor, programs, self.problem)
            self.progress.add_judged(judged, time.perf_counter() - started)
            self.results.update(judged)
        if self.on_progress is not None:
            self.on_progress(self.progress)
        failures = []
        for sample in drawn:
            if sample.program is not None:
                # A program the same but for comments or spacing was judged in its first form.
                key = self.judged_as.get(normalised_hash(sample.program), sample.program.key)
                failure = failure_of(sample, self.results.get(key, []))
                if failure is not None:
                    failures.append(failure)
        return failures


def sample_and_repair(
    problem: Problem,
    sampler: Sampler,
    executor: Executor,
    *,
    streams: list[SamplingStream],
    samples: int,
    tokens: int | None = None,
    options: RepairOptions | None = None,
    chunk_size: int = 64,
    on_progress: Callable[[StreamProgress], None] | None = None,
) -> Streamed:
    """Samples, repairs and notes within the budget, filtered on the examples as they come.

    samples: completions in all (fresh, repairs, notes), split evenly over the streams.
    tokens: generated tokens in all, split likewise (None: no token cap). A fresh chunk is cut
        to the tokens left at the mean cost so far, so a run overshoots by about one completion.
    options: RepairOptions (None: off). With rounds = 0 this is plain sampling, chunk by chunk:
        what the repair arm is measured against.
    chunk_size: fresh completions per request, as in solver/run/stream.py.
    """
    options = options or RepairOptions()
    state = FeedbackState(executor, problem, on_progress=on_progress)
    out: list[Sample] = []
    token_shares = split_evenly(tokens, len(streams)) if tokens is not None else None
    for number, (stream, share) in enumerate(
            zip(streams, split_evenly(samples, len(streams)), strict=True)):
        repairing = options.rounds > 0 and can_repair(stream.profile)
        budget = Budget(samples=share, tokens=token_shares[number] if token_shares else None,
                        share=options.share if repairing else 0.0,
                        max_tokens=stream.profile.params(stream.options, 1).max_tokens)
        drawn = run_stream(problem, sampler, stream, budget, options if repairing else None,
                           state, chunk_size)
        offset = len(out)
        out += [replace(s, index=offset + s.index,
                        parent=None if s.parent is None else offset + s.parent) for s in drawn]
    return Streamed(samples=out, example_results=state.results, progress=state.progress)


def run_stream(
    problem: Problem,
    sampler: Sampler,
    stream: SamplingStream,
    budget: Budget,
    options: RepairOptions | None,
    state: FeedbackState,
    chunk_size: int,
) -> list[Sample]:
    """One stream's samples, repairs and notes (indices from 0, in the order drawn)."""
    profile = stream.profile
    out: list[Sample] = []
    cached = stream.cache.load() if stream.cache is not None else []
    fresh_drawn = 0
    fresh_failures: list[Failure] = []  # the notes warn of the commonest of these
    repaired: set[tuple] = set()

    def add(drawn: list[Sample], *, feedback: bool) -> list[Failure]:
        drawn = [replace(sample, index=len(out) + i) for i, sample in enumerate(drawn)]
        out.extend(drawn)
        budget.spend(len(drawn), sum(s.tokens for s in drawn), feedback=feedback)
        return state.judge(drawn)

    while (want := budget.fresh_chunk(chunk_size)) > 0:
        chunk = [to_sample(c.index, c.text, c.finished, profile, True, tokens=c.tokens)
                 for c in cached[fresh_drawn:fresh_drawn + want]]
        if len(chunk) < want:
            with state.drawing(feedback=False):
                chunk += draw_chunk(problem, sampler, profile=profile, options=stream.options,
                                    start=fresh_drawn + len(chunk), count=want - len(chunk),
                                    cache=stream.cache)
        fresh_drawn += len(chunk)
        kept = within_tokens(chunk, budget.tokens_left(), keep_first=budget.spent == 0)
        if len(kept) < len(chunk):  # the budget is spent: this was the last chunk
            budget.samples = budget.spent + len(kept)
        chunk = kept
        if not chunk:
            break
        pending = add(chunk, feedback=False)
        fresh_failures += pending
        if options is None:
            continue
        for depth in range(1, options.rounds + 1):
            chosen = choose_repairs(pending, budget.feedback_allowance(), repaired=repaired)
            if not chosen:
                break
            prompts = [repair_prompt(problem, profile, failure.sample,
                                     feedback_text(failure, problem)) for failure in chosen]
            with state.drawing(feedback=True):
                answers = feedback_completions(sampler, stream, prompts, 1, state, budget)
            repairs = [replace(to_sample(0, c.text, c.finished, profile, hit, tokens=c.tokens),
                               origin="repair", parent=failure.sample.index, round=depth)
                       for failure, answer in zip(chosen, answers, strict=True)
                       for c, hit in answer[:1]]  # a sampler may return none
            pending = add(repairs, feedback=True)
        common = commonest_failure(fresh_failures)
        allowance = budget.feedback_allowance()
        if options.notes and common is not None and allowance > 0:
            prompt = note_prompt(problem, profile, feedback_text(common, problem))
            count = min(allowance, chunk_size)
            with state.drawing(feedback=True):
                [answers] = feedback_completions(sampler, stream, [prompt], count, state,
                                                 budget)
            add([replace(to_sample(0, c.text, c.finished, profile, hit, tokens=c.tokens),
                         origin="resample", round=1) for c, hit in answers], feedback=True)
    return out


def within_tokens(chunk: list[Sample], tokens_left: int | None, *, keep_first: bool = False
                  ) -> list[Sample]:
    """The chunk's first samples that fit in the tokens left (all without a token budget). A
    completion's length is known only once drawn: the one that ends past the budget is kept when
    at least half of it fits, else dropped, so that runs end as often above their budget as
    below (by half a completion at most on average); what follows it is dropped.

    keep_first: the first sample is kept whatever it cost (a run's first: a budget below one
        completion still gets a program)."""
    if tokens_left is None:
        return chunk
    kept = []
    for sample in chunk:
        first = keep_first and not kept
        if not first and (tokens_left <= 0 or sample.tokens > 2 * tokens_left):
            break
        kept.append(sample)
        tokens_left -= sample.tokens
    return kept


def feedback_completions(
    sampler: Sampler,
    stream: SamplingStream,
    prompts: list[Prompt],
    count: int,
    state: FeedbackState,
    budget: Budget,
) -> list[list[tuple[CachedCompletion, bool]]]:
    """`count` completions of each prompt, each (completion, from the cache): cached ones first
    (under a key holding the prompt, hence the feedback), the rest drawn in one batch, their
    max_tokens cut to what the token budget has left."""
    params = stream.profile.params(stream.options, count)
    params = replace(params, max_tokens=budget.request_max_tokens(count * len(prompts),
                                                                  params.max_tokens))
    caches: list[SampleCache | None] = []
    found: list[list[tuple[CachedCompletion, bool]]] = []
    cached_counts: list[int] = []  # completions each prompt's cache held: new ones go after
    for prompt in prompts:
        key = cache_key({"prompt": prompt, "model": stream.options.model,
                         "temperature": params.temperature, "top_p": params.top_p,
                         "max_tokens": params.max_tokens, "stop": list(params.stop)})
        start = state.used.get(key, 0)
        state.used[key] = start + count
        # Next to the stream's sample cache (base/samples): base/repairs.
        cache = (SampleCache(stream.cache.root.parent / "repairs", key)
                 if stream.cache is not None else None)
        cached = cache.load() if cache is not None else []
        caches.append(cache)
        cached_counts.append(len(cached))
        found.append([(hit, True) for hit in cached[start:start + count]])
    shortfalls: dict[int, list[int]] = {}  # completions still wanted -> prompts wanting them
    for i, hits in enumerate(found):
        if len(hits) < count:
            shortfalls.setdefault(count - len(hits), []).append(i)
    for need, wanting in shortfalls.items():  # complete_many asks the same n of every prompt
        drawn = complete_many(sampler, [prompts[i] for i in wanting], replace(params, n=need))
        for i, completions in zip(wanting, drawn, strict=True):
            cache = caches[i]
            fresh = [CachedCompletion(cached_counts[i] + j, *completion)
                     for j, completion in enumerate(completions)]
            if cache is not None:
                cache.append(fresh)
            found[i] += [(completion, False) for completion in fresh]
    return found
