"""Input validator of find-peak (testlib convention: exit 0 valid, 1 not): `n` (1..10^6), then
either n distinct integers (|a_i| <= 2 * 10^6) on one line, or `gen SHAPE SEED` (SHAPE: random,
up, down or mountain; 0 <= SEED < 2^63). Generated inputs it rejects never reach the
interactor."""

import re
import sys


def valid(text: str) -> bool:
    lines = text.split("\n")
    if len(lines) != 3 or lines[2] or not re.fullmatch(r"[1-9][0-9]{0,6}", lines[0]):
        return False
    n = int(lines[0])
    if not 1 <= n <= 10**6:
        return False
    generated = re.fullmatch(r"gen (random|up|down|mountain) (0|[1-9][0-9]{0,18})", lines[1])
    if generated:
        return int(generated[2]) < 2**63
    words = lines[1].split(" ")
    if len(words) != n or not all(re.fullmatch(r"-?(0|[1-9][0-9]{0,6})", w) for w in words):
        return False
    values = [int(w) for w in words]
    return len(set(values)) == n and all(abs(v) <= 2 * 10**6 for v in values)


sys.exit(0 if valid(sys.stdin.read()) else 1)
