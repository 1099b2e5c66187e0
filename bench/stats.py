"""Medians, spread and ratios of timings taken side by side (A B A B ...)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Spread:
    """A sample summarised: median with the 10th and 90th percentiles."""

    median: float
    p10: float
    p90: float
    count: int

    def show(self, unit: str = "ms", scale: float = 1000.0) -> str:
        if unit == "s":
            return f"{self.median * scale:.2f} s ({self.p10 * scale:.2f}-{self.p90 * scale:.2f})"
        return f"{self.median * scale:.1f} {unit} ({self.p10 * scale:.1f}-{self.p90 * scale:.1f})"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value at ``fraction`` (0-1) of the sorted sample, interpolated between neighbours."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    if ordered[low] == ordered[high] or position == low:  # also keeps an infinite wait infinite
        return ordered[low]
    if math.isinf(ordered[high]):
        return ordered[high]
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def spread(values: Sequence[float]) -> Spread:
    return Spread(statistics.median(values), percentile(values, 0.1), percentile(values, 0.9), len(values))


@dataclass(frozen=True)
class Ratio:
    """Measured against its baseline: the ratio of medians and the spread of pairwise ratios."""

    measured: Spread
    baseline: Spread
    ratio: float
    pair_p10: float
    pair_p90: float

    def show(self) -> str:
        return f"{self.ratio:.2f}x ({self.pair_p10:.2f}-{self.pair_p90:.2f})"


def ratio(measured: Sequence[float], baseline: Sequence[float]) -> Ratio:
    """Ratio of medians; the spread comes from the ratio of each interleaved pair."""
    pairs = [m / b for m, b in zip(measured, baseline, strict=False) if b > 0]
    a, b = spread(measured), spread(baseline)
    return Ratio(a, b, a.median / b.median, percentile(pairs, 0.1), percentile(pairs, 0.9))


def interleave(measured: Callable[[int], float], baseline: Callable[[int], float], runs: int) -> Ratio:
    """Run ``measured`` and ``baseline`` alternately (A B A B), so load from other processes on the
    machine hits both alike; each gets the turn number and returns seconds."""
    a_times: list[float] = []
    b_times: list[float] = []
    for turn in range(runs):
        first, second = (measured, baseline) if turn % 2 == 0 else (baseline, measured)
        first_time, second_time = first(turn), second(turn)
        if turn % 2 == 0:
            a_times.append(first_time)
            b_times.append(second_time)
        else:
            a_times.append(second_time)
            b_times.append(first_time)
    return ratio(a_times, b_times)
