"""Audit-day preparation: interviews and site visits from a partner's published
sampling examples, never an invented number, and the points split by kind of evidence."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from cor.audit_day import estimate_interviews, estimate_sites, points_by_evidence, prepare, rows
from cor.content import CONTENT_DIR, ContentError, default_content, load_content

C = default_content()
ESC = C.sampling[0]


@pytest.mark.parametrize(("workers", "interviews"), [(5, 4), (50, 19), (500, 60)])
def test_energy_safety_canadas_published_examples_are_reproduced(workers: int, interviews: int) -> None:
    estimate = estimate_interviews(workers, ESC.interviews)
    assert (estimate.low, estimate.high) == (interviews, interviews)


def test_between_two_examples_the_range_they_bound_is_given_not_a_made_up_number() -> None:
    estimate = estimate_interviews(120, ESC.interviews)
    assert (estimate.low, estimate.high) == (19, 60)
    assert estimate.text("interview") == "19 to 60 interviews"


def test_the_range_never_exceeds_the_people_there_are() -> None:
    assert estimate_interviews(12, ESC.interviews).high == 12
    assert estimate_interviews(3, ESC.interviews).text("interview") == "3 interviews"


def test_beyond_the_largest_example_it_says_at_least() -> None:
    estimate = estimate_interviews(5_000, ESC.interviews)
    assert estimate.high is None and estimate.text("interview") == "at least 60 interviews"


@pytest.mark.parametrize(
    ("sites", "text"), [(1, "1 site"), (2, "2 sites"), (5, "3 sites"), (9, "3 sites"), (30, "10 sites")]
)
def test_site_visits_follow_the_published_examples(sites: int, text: str) -> None:
    """2 worksites: all; 5: 3; 9-30: a third (33%)."""
    assert estimate_sites(sites, ESC.sites).text("site") == text


def test_site_counts_between_examples_give_a_range_and_past_the_last_at_least() -> None:
    assert estimate_sites(3, ESC.sites).text("site") == "2 to 3 sites"
    past = estimate_sites(40, ESC.sites)
    assert past.text("site") == "at least 10 sites" and "stop at 30 sites" in past.basis


def test_points_by_evidence_add_up_and_people_and_places_is_the_rest_of_paper() -> None:
    questions = C.bank.question_set("large")
    split = points_by_evidence(questions)
    assert sum(p.points for p in split) == sum(q.points for q in questions)
    assert sum(p.share_pct for p in split) == pytest.approx(Decimal(100))
    plan = prepare(C, 50, 5, question_ids=[q.id for q in questions])
    documents = next(p.share_pct for p in split if p.kind == "documentation")
    assert plan.people_and_places_pct == pytest.approx(100 - documents)


def test_the_published_split_says_about_half_the_points_come_from_people_and_places() -> None:
    plan = prepare(C, 50, 5)
    assert plan.published_people_pct == Decimal("51.5")  # AuditSoft: 1,000 points -> 485 on paper


def test_a_partner_without_its_own_table_gets_esc_examples_with_a_caveat_naming_it() -> None:
    plan = prepare(C, 12, 2, partner_id="bccsa")
    assert plan.table_publisher == "Energy Safety Canada" and not plan.own_table
    assert "BCCSA's own sampling rules are not in our sources" in plan.caveat
    own = prepare(C, 12, 2, partner_id="esc")
    assert own.own_table and "its audit standard sets the real numbers" in own.caveat


@pytest.mark.parametrize(
    ("workers", "sites", "says"), [(0, 1, "workers"), (5, 0, "sites"), (2_000_000, 1, "workers")]
)
def test_counts_out_of_range_are_refused_with_a_message(workers: int, sites: int, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        prepare(C, workers, sites)


def test_plain_rows_for_the_report_name_the_table_and_its_source() -> None:
    table = dict(rows(prepare(C, 50, 5, partner_id="bccsa")))
    assert table["Interviews to expect"].startswith("19 interviews")
    assert table["Sites the auditor visits"].startswith("3 of your 5 sites")
    assert (
        "Energy Safety Canada" in table["Sampling table"] and str(ESC.source_url) in table["Sampling table"]
    )
    assert table["Points lost on paper alone, in a published audit"].startswith("51.5%")


def test_about_the_numbers_lists_the_sampling_examples_and_the_points_split() -> None:
    from cor.audit_day import sampling_figures

    shown = {(f.figure, f.value) for f in sampling_figures(C)}
    assert ("Interviews for 50 employees", "at least 19") in shown
    assert ("Sites visited", "9-30 sites: 33% visited") in shown
    assert any(value == "485 of 1,000" for _, value in shown)


def _content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def test_a_sampling_table_naming_an_unknown_partner_is_reported_by_file_record_and_field(
    tmp_path: Path,
) -> None:
    root = _content_copy(tmp_path)
    path = root / "sampling.toml"
    path.write_text(
        path.read_text("utf-8").replace('partners = ["esc", "ab-esc"]', 'partners = ["esk"]'), "utf-8"
    )
    with pytest.raises(ContentError) as err:
        load_content(root)
    message = str(err.value)
    assert "sampling.toml" in message and "esc-standard-audit" in message and "partners" in message
    assert "unknown partner 'esk'" in message


def test_a_site_row_with_two_rules_is_refused(tmp_path: Path) -> None:
    root = _content_copy(tmp_path)
    path = root / "sampling.toml"
    path.write_text(
        path.read_text("utf-8").replace("visited = 3\n", "visited = 3\nall_sites = true\n"), "utf-8"
    )
    with pytest.raises(ContentError, match="exactly one of all_sites, visited or visited_share_pct"):
        load_content(root)
