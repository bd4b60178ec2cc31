"""The fitted growth exponent the scaling and adversarial benchmarks print (one definition)."""
from __future__ import annotations

import math


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
