"""Interactor of guess-number, Kattis-style: `interactor.py input answer feedback_dir`, talking
to the program on stdin/stdout; exit 42 accepted, 43 wrong answer (the reason goes to
feedback_dir/judgemessage.txt); anything else (a malformed input file) is a judge error.

The input file holds `n x`; the answer file is not read (a generated input comes with none)."""

import sys


def finish(accepted: bool, message: str) -> None:
    with open(sys.argv[3] + "judgemessage.txt", "w") as feedback:
        feedback.write(message + "\n")
    sys.exit(42 if accepted else 43)


def main() -> None:
    with open(sys.argv[1]) as handle:
        n, x = map(int, handle.read().split())
    assert 1 <= x <= n, "malformed input file"
    limit = n.bit_length()  # floor(log2 n) + 1 questions: what binary search needs
    sys.stdout.write(f"{n}\n")
    sys.stdout.flush()
    asked = 0
    while True:
        line = sys.stdin.readline()
        if not line:
            finish(False, f"the program ended without answering (after {asked} questions)")
        words = line.split()
        if len(words) != 2 or words[0] not in ("?", "!") or not words[1].lstrip("-").isdigit():
            finish(False, f"expected '? y' or '! x', got {line.strip()[:40]!r}")
        guess = int(words[1])
        if words[0] == "!":
            if guess == x:
                finish(True, f"found x = {x} with {asked} questions")
            finish(False, f"answered {guess}, but x = {x}")
        asked += 1
        if asked > limit:
            finish(False, f"more than {limit} questions")
        if not 1 <= guess <= n:
            finish(False, f"guess {guess} is outside 1..{n}")
        sys.stdout.write("<\n" if x < guess else ">\n" if x > guess else "=\n")
        sys.stdout.flush()


main()
