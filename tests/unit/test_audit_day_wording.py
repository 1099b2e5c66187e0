"""The audit-day figures in words a person understands: "all 2 of your sites"
rather than "2 sites of your 2", and no "the page does not say how many of each"."""

from __future__ import annotations

import pytest

from cor.audit_day import Estimate, prepare, rows, sites_short, sites_text
from cor.content import default_content

C = default_content()


def with_sites(visited: Estimate, sites: int):
    return prepare(C, 50, sites).model_copy(update={"sites_visited": visited})


@pytest.mark.parametrize(
    ("low", "high", "sites", "said", "short"),
    [
        (1, 1, 1, "your one site", "Your one site"),
        (2, 2, 2, "both of your sites", "All 2"),
        (4, 4, 4, "all 4 of your sites", "All 4"),
        (3, 3, 5, "3 of your 5 sites", "3 of 5"),
        (2, 4, 9, "2 to 4 of your 9 sites", "2-4 of 9"),
        (10, None, 40, "at least 10 of your 40 sites", "10+ of 40"),
    ],
)
def test_sites_are_said_as_a_person_says_them(
    low: int, high: int | None, sites: int, said: str, short: str
) -> None:
    plan = with_sites(Estimate(low=low, high=high, basis="example"), sites)
    assert sites_text(plan) == said
    assert sites_short(plan) == short


def test_every_site_visited_never_reads_n_sites_of_your_n() -> None:
    plan = prepare(C, 50, 2)
    table = dict(rows(plan))
    assert "of your 2" not in table["Sites the auditor visits"]
    assert table["Sites the auditor visits"].startswith("Both of your sites")


def test_who_is_interviewed_names_who_does_not_publish_the_split() -> None:
    for table in C.sampling:
        assert "the page does not say" not in table.interview_mix.lower()
