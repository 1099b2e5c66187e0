"""The bench's arithmetic: percentiles, ratios of medians, and the A B A B order of its timings."""

from __future__ import annotations

import pytest

from bench.stats import interleave, percentile, ratio, spread


def test_percentiles_interpolate_between_neighbours() -> None:
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.0) == 1.0
    assert percentile(values, 1.0) == 5.0
    assert percentile([10.0, 20.0], 0.25) == pytest.approx(12.5)


def test_a_percentile_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_the_ratio_is_of_medians_and_its_spread_of_pairs() -> None:
    result = ratio([2.0, 2.0, 4.0], [1.0, 2.0, 2.0])
    assert result.ratio == pytest.approx(1.0)  # median 2 over median 2
    # pairs 2/1, 2/2, 4/2: the spread is of those, not of the medians
    assert (result.pair_p10, result.pair_p90) == (pytest.approx(1.2), pytest.approx(2.0))
    assert spread([1.0, 2.0, 3.0]).median == 2.0


def test_measurements_alternate_a_b_b_a_and_keep_their_sides() -> None:
    calls: list[str] = []

    def measured(turn: int) -> float:
        calls.append(f"A{turn}")
        return 2.0

    def baseline(turn: int) -> float:
        calls.append(f"B{turn}")
        return 1.0

    result = interleave(measured, baseline, 4)
    assert calls == ["A0", "B0", "B1", "A1", "A2", "B2", "B3", "A3"]
    assert result.ratio == 2.0 and result.measured.count == 4


def test_a_wait_that_timed_out_stays_infinite_in_the_percentiles() -> None:
    waits = [0.1] * 18 + [float("inf")] * 2
    assert percentile(waits, 0.95) == float("inf")
    assert percentile(waits, 0.5) == 0.1
