#!/usr/bin/env python3
"""The scipy side of the buddy-matching benchmark (bench/match).

Usage: bench/match_scipy.py SCORES.f64 SCORES.json [RUNS]

Reads the feasible score matrix written by the `match-scores` bin of
crates/hugops-bench: SCORES.f64 is a raw little-endian float64 matrix,
joiners x possible buddies in row-major order, NaN where a pair is
infeasible (same team, a repeat of the history, the same person), with the
scores rounded to 4 decimals exactly as `hugops match` optimises them;
SCORES.json has its shape, the joiner and buddy emails and each buddy's
capacity.

Each buddy's capacity is expanded as that many identical columns, and
`scipy.optimize.linear_sum_assignment(maximize=True)` is run on the expanded
matrix with every infeasible cell set to -M, where M (2 x joiners + 1) is
more than any total score can reach (and, when there are fewer places than
joiners, padded with columns at -M that stand for "no buddy"). scipy assigns
every joiner a column, so its optimum first uses as few infeasible cells as
possible, then maximises the score: once the
assignments on infeasible cells are dropped, that is the same objective as
`hugops match` (as many joiners matched as possible, then the highest
total). The script reports how many joiners are matched and their total, so
the two totals are compared only when both match the same number.

Only the solve is timed (not reading the files nor the expansion), RUNS
times (default 3); prints the median as `solve_seconds=`, then `matched=`
and `total_score=` lines (total rounded to 4 decimals, as hugops prints it).
"""

import json
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def load(matrix_path, meta_path):
    with open(meta_path, encoding="utf-8") as f:
        meta = json.load(f)
    rows, cols = meta["shape"]
    scores = np.fromfile(matrix_path, dtype="<f8")
    if scores.size != rows * cols:
        sys.exit(f"{matrix_path}: {scores.size} values, expected {rows} x {cols}")
    return scores.reshape(rows, cols), np.asarray(meta["capacities"], dtype=np.int64)


def expanded(scores, capacities):
    """One column per unit of capacity, infeasible cells at -M, and enough
    columns for every joiner."""
    big = 2.0 * scores.shape[0] + 1.0
    wide = np.repeat(scores, capacities, axis=1)
    missing = scores.shape[0] - wide.shape[1]
    if missing > 0:
        wide = np.hstack([wide, np.full((scores.shape[0], missing), np.nan)])
    feasible = ~np.isnan(wide)
    wide[~feasible] = -big
    return wide, feasible


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    runs = int(argv[2]) if len(argv) == 3 else 3
    scores, capacities = load(argv[0], argv[1])
    wide, feasible = expanded(scores, capacities)
    times = []
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        rows, cols = linear_sum_assignment(wide, maximize=True)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    kept = feasible[rows, cols]
    total = float(wide[rows[kept], cols[kept]].sum())
    print(f"solve_seconds={seconds:.4f}")
    print(f"matched={int(kept.sum())}")
    print(f"total_score={round(total, 4)}")


if __name__ == "__main__":
    main(sys.argv[1:])
