"""The curve people look at: best score against samples, as a PNG (matplotlib, Agg backend:
no display needed). One line per run (an `evolve` run, or each arm of `bench evolve`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path


def plot_history(curves: Mapping[str, Sequence[dict]], path: Path, *, title: str,
                 ylabel: str = "best score") -> Path:
    """Write a step plot of each curve's {samples, best_score} points (points without a score
    yet are left out) to `path`; the path."""
    import matplotlib

    matplotlib.use("Agg")  # before pyplot: files only, never a window
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    try:
        for label, history in curves.items():
            points = [(p["samples"], p["best_score"]) for p in history
                      if p.get("best_score") is not None]
            if points:
                xs, ys = zip(*points, strict=True)
                axes.step(xs, ys, where="post", marker="o", markersize=3, label=label)
        axes.set_xlabel("samples")
        axes.set_ylabel(ylabel)
        axes.set_title(title)
        axes.grid(True, alpha=0.3)
        if len(curves) > 1:
            axes.legend()
        figure.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path)
    finally:
        plt.close(figure)
    return path
