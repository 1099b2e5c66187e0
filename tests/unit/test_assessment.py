"""The rules about what a user enters: merging two tabs' saves, notes over the limit, worker
counts and target dates."""

from __future__ import annotations

from datetime import date

import pytest

from cor.assessment import (
    NOTE_MAX_CHARS,
    Assessment,
    PlanEdit,
    WorkersError,
    characters,
    clip_note,
    merge,
    parse_workers,
    target_warning,
)


def test_two_tabs_answering_different_questions_keep_both_answers() -> None:
    base = Assessment(answers={"q1": "yes"})
    tab_two_saved = Assessment(answers={"q1": "yes", "q2": "no"})
    tab_one_now = Assessment(answers={"q1": "yes", "q3": "partly"})
    merged = merge(base, tab_one_now, tab_two_saved)
    assert merged.answers == {"q1": "yes", "q2": "no", "q3": "partly"}


def test_what_this_tab_changed_wins_and_the_rest_comes_from_the_store() -> None:
    base = Assessment(answers={"q1": "yes", "q2": "yes"}, notes={"q1": "old"}, workers=5)
    stored = Assessment(answers={"q1": "no", "q2": "yes"}, notes={"q1": "old", "q2": "other tab"}, workers=5)
    mine = Assessment(answers={"q1": "yes", "q2": "partly"}, notes={"q1": "old"}, workers=25)
    merged = merge(base, mine, stored)
    assert merged.answers == {"q1": "no", "q2": "partly"}
    assert merged.notes == {"q1": "old", "q2": "other tab"}
    assert merged.workers == 25


def test_a_question_cleared_in_this_tab_stays_cleared() -> None:
    base = Assessment(answers={"q1": "yes"}, plan_edits={"q1": PlanEdit(owner="Sam")})
    mine = Assessment()
    merged = merge(base, mine, base)
    assert merged.answers == {} and merged.plan_edits == {}


def test_with_nothing_stored_this_tab_is_kept_as_it_is() -> None:
    mine = Assessment(answers={"q1": "yes"})
    assert merge(Assessment(answers={"q1": "yes", "q2": "no"}), mine, None) == mine


def test_characters_are_counted_as_a_person_counts_them() -> None:
    assert characters("👍🏽") == 1
    assert characters("e\u0301") == 1
    assert characters("🇨🇦 ok") == 4


def test_a_note_over_the_limit_keeps_what_fits_and_says_it_was_cut() -> None:
    text, cut = clip_note("😀" * (NOTE_MAX_CHARS + 5))
    assert cut and text == "😀" * NOTE_MAX_CHARS
    assert clip_note("😀" * NOTE_MAX_CHARS) == ("😀" * NOTE_MAX_CHARS, False)


@pytest.mark.parametrize(
    ("typed", "workers"), [("", None), (" 12 ", 12), ("1,200", 1200), ("1 000 000", 1_000_000)]
)
def test_a_worker_count_is_read_as_a_person_types_it(typed: str, workers: int | None) -> None:
    assert parse_workers(typed) == workers


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "at least 1"),
        ("-5", "whole number"),
        ("12,000,000", "at most 1,000,000"),
        ("1e3", "whole number"),
    ],
)
def test_an_impossible_worker_count_says_why(typed: str, message: str) -> None:
    with pytest.raises(WorkersError, match=message):
        parse_workers(typed)


def test_a_target_date_years_away_gets_a_check_the_year_warning() -> None:
    today = date(2026, 6, 1)
    assert target_warning(date(2026, 9, 1), today) is None
    assert "ago: check the year" in str(target_warning(date(1926, 9, 1), today))
    assert "away: check the year" in str(target_warning(date(2126, 9, 1), today))
