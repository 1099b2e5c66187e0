"""SafetyDriven's own sampling table: its predecessor, the Trucking Safety Council of
BC, published a large-employer table in 2011 (50-64 workers: 19 interviews; at least 10% of sites).
A trucking employer gets that table, by its partner's name; other partners still get Energy Safety
Canada's examples, flagged as a guide."""

from __future__ import annotations

import pytest

from cor.audit_day import prepare, sampling_figures
from cor.content import default_content

C = default_content()


@pytest.mark.parametrize(
    ("workers", "interviews"), [(50, 19), (57, 19), (64, 19), (65, 20), (5, 4), (549, 63)]
)
def test_safetydriven_employers_get_tscbcs_2011_interview_numbers(workers: int, interviews: int) -> None:
    plan = prepare(C, workers, 1, partner_id="safetydriven")
    assert plan.own_table and plan.table_effective == "2011-06-24"
    assert (plan.interviews.low, plan.interviews.high) == (interviews, interviews)


@pytest.mark.parametrize(("sites", "visited"), [(1, 1), (10, 1), (15, 2), (40, 4)])
def test_safetydriven_auditors_tour_at_least_a_tenth_of_the_sites(sites: int, visited: int) -> None:
    plan = prepare(C, 50, sites, partner_id="safetydriven")
    assert plan.sites_visited.low == visited
    assert "at least 10% visited" in plan.sites_visited.basis


def test_a_partner_without_a_table_still_gets_energy_safety_canadas_as_a_guide() -> None:
    plan = prepare(C, 50, 5, partner_id="bccsa")
    assert not plan.own_table and plan.table_publisher == "Energy Safety Canada"


def test_about_sums_up_the_long_table_in_one_line_with_its_date() -> None:
    rows = [f for f in sampling_figures(C) if f.topic == "Audit sampling (SafetyDriven)"]
    interviews = [f for f in rows if f.figure.startswith("Interviews")]
    assert len(interviews) == 1 and "50-64" not in interviews[0].value and interviews[0].year == "2011-06-24"
