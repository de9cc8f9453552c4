"""Writes the scored problems' tests (deterministic): `python3 problems/scored/generate.py`.

Small tests are the statements' examples; medium and large ones go to data/secret (.ans: what
solutions/accepted.py prints, one valid output; the scorers never read it).
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def knapsack(rng: random.Random, n: int) -> str:
    items = [(rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(n)]
    capacity = max(1, sum(w for w, _ in items) // rng.choice((3, 4, 5)))
    return f"{n} {capacity}\n" + "".join(f"{w} {v}\n" for w, v in items)


def tour(rng: random.Random, n: int) -> str:
    return f"{n}\n" + "".join(f"{rng.randint(0, 10000)} {rng.randint(0, 10000)}\n"
                              for _ in range(n))


def machines(rng: random.Random, n: int) -> str:
    m = rng.randint(2, min(20, max(2, n // 3)))
    return f"{n} {m}\n" + " ".join(str(rng.randint(1, 1000)) for _ in range(n)) + "\n"


SIZES = [("medium", 60), ("medium", 100), ("medium", 150), ("medium", 200),
         ("large", 600), ("large", 800), ("large", 1000), ("large", 1000)]


def answer(folder: Path, text: str) -> str:
    done = subprocess.run([sys.executable, str(folder / "solutions" / "accepted.py")],
                          input=text, capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    for name, make, seed in (("knapsack", knapsack, 1), ("tour", tour, 2),
                             ("machines", machines, 3)):
        folder, rng = HERE / name, random.Random(seed)
        secret = folder / "data" / "secret"
        secret.mkdir(parents=True, exist_ok=True)
        for number, (size, n) in enumerate(SIZES, start=1):
            text = make(rng, n)
            (secret / f"{number:02d}-{size}.in").write_text(text)
            (secret / f"{number:02d}-{size}.ans").write_text(answer(folder, text))


if __name__ == "__main__":
    main()
