"""What the scaling and adversarial benchmarks share: one measurement in a child process (so
its peak memory and time are its own), and the fitted growth exponent they print."""
from __future__ import annotations

import json
import math
import subprocess


def run_child(cmd: list[str], budget: float) -> dict | None:
    """Run one measurement `cmd`, which prints its result as JSON on its last line of output:
    that result, {"error": its last line of stderr} when it failed, or None past `budget` s."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def slope(points: list[tuple[float, float]], floor: float = 0.005) -> float | None:
    """Least-squares slope of log(y) on log(x) (1 is linear, 2 quadratic), leaving out times
    at or below `floor` seconds, which are timer noise; None with fewer than two points."""
    pts = [(math.log(x), math.log(y)) for x, y in points if y > floor]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None
