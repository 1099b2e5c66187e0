"""Content files: every one loads and validates, and a broken one names file, record and field."""

from __future__ import annotations

import csv
import shutil
import tomllib
from pathlib import Path

import pytest

from cor.content import CONTENT_DIR, ContentError, load_content

ALL_DATA_FILES = sorted(p for p in CONTENT_DIR.rglob("*") if p.suffix in {".toml", ".csv"})


def test_the_project_content_loads() -> None:
    c = load_content()
    assert {j.code for j in c.jurisdictions} == {"BC", "AB"}
    assert c.bank.questions


@pytest.mark.parametrize("path", ALL_DATA_FILES, ids=lambda p: str(p.relative_to(CONTENT_DIR)))
def test_every_content_file_parses(path: Path) -> None:
    if path.suffix == ".toml":
        assert tomllib.loads(path.read_text("utf-8"))
    else:
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        assert rows
        assert all(None not in row for row in rows), "a row has more values than headings"


def test_every_guide_text_is_non_empty_utf8() -> None:
    guides = sorted(CONTENT_DIR.rglob("*.md"))
    assert guides, "the Home page reads content/guide/what-is-cor.md"
    for path in guides:
        assert path.read_text("utf-8").strip(), path


def test_every_fact_record_has_a_source_and_a_date() -> None:
    c = load_content()
    sourced = [*c.jurisdictions, *c.programs, *c.partners, *c.associations, *c.roles, *c.errata]
    sourced += [r for u in c.units for r in u.rates]
    sourced += [c.incentives.bc, c.incentives.ab, c.cycle, *c.cycle.partner_rules]
    for record in sourced:
        assert str(record.source_url).startswith("http"), record
        assert record.effective[:4].isdigit(), record


def test_question_sets_match_the_programs_they_serve() -> None:
    c = load_content()
    for program in c.programs:
        qs = c.bank.question_set(program.question_set)
        assert qs, program.id
        # each set scores several elements, so the 50% floor means something
        assert len({q.element for q in qs}) >= 5, program.id
    assert 60 <= len(c.bank.question_set("large")) <= 100
    assert len(c.bank.question_set("quick")) == 12


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_bad_field_names_file_record_and_field(content_copy: Path) -> None:
    _replace(content_copy / "programs.toml", "min_workers = 20", 'min_workers = "twenty"')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    message = str(err.value)
    assert "programs.toml" in message
    assert "bc-large" in message
    assert "min_workers" in message


def test_a_toml_syntax_error_names_the_file(content_copy: Path) -> None:
    (content_copy / "cycle.toml").write_text("certificate_years = = 3\n", "utf-8")
    with pytest.raises(ContentError, match=r"cycle\.toml: not valid TOML"):
        load_content(content_copy)


def test_a_bad_csv_value_names_the_row_and_column(content_copy: Path) -> None:
    _replace(content_copy / "classification_units.csv", ",4.54,", ",four,")
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert "classification_units.csv" in str(err.value)
    assert "766011" in str(err.value)
    assert err.value.field == "base_rate"


def test_a_question_pointing_to_an_unknown_element_is_caught(content_copy: Path) -> None:
    path = next((content_copy / "questions").glob("05-*.toml"))
    _replace(path, 'element = "inspections"', 'element = "inspection"')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert path.name in str(err.value)
    assert err.value.field == "element"


def test_an_unknown_field_is_reported_as_a_typo(content_copy: Path) -> None:
    _replace(content_copy / "incentives.toml", "rate_pct = 10", "rate_pct = 10\nrate_pcnt = 10")
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert "incentives.toml" in str(err.value)
    assert "rate_pcnt" in str(err.value)


def test_a_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "roles.toml").unlink()
    with pytest.raises(ContentError, match=r"roles\.toml: the file is missing"):
        load_content(content_copy)


def test_a_partner_listing_an_unknown_cu_is_caught(content_copy: Path) -> None:
    _replace(content_copy / "partners.toml", 'contracted = ["753004"]', 'contracted = ["753004", "123456"]')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert "123456" in str(err.value)
    assert err.value.field == "contracted"


def test_a_day_that_no_year_has_is_caught_at_load_time(content_copy: Path) -> None:
    _replace(content_copy / "cycle.toml", 'maintenance_due = "12-31"', 'maintenance_due = "02-30"')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert "cycle.toml" in str(err.value)
    assert err.value.field == "maintenance_due"
    assert "02-30" in str(err.value)


def test_month_day_dates_are_read_once_into_month_and_day() -> None:
    due = load_content().cycle.maintenance_due
    assert (due.month, due.day) == (12, 31)
    assert due == "12-31"  # still reads as written


def test_a_lookup_of_an_unknown_id_says_what_is_missing_and_what_exists() -> None:
    content = load_content()
    with pytest.raises(KeyError) as err:
        content.partner("nobody")
    assert "partner 'nobody'" in str(err.value) and "bcmsa" in str(err.value)
    with pytest.raises(KeyError, match="jurisdiction 'QC'"):
        content.jurisdiction("QC")
    with pytest.raises(KeyError, match="answer scale 'stars'"):
        content.bank.scale("stars")
    assert content.unit("999999") is None  # an unlisted CU is a normal answer, not an error


def test_a_question_id_used_twice_names_both_files(content_copy: Path) -> None:
    first = sorted((content_copy / "questions").glob("0[1-9]-*.toml"))
    text = first[0].read_text("utf-8")
    taken = tomllib.loads(text)["question"][0]["id"]
    other = tomllib.loads(first[1].read_text("utf-8"))["question"][0]["id"]
    _replace(first[1], f'id = "{other}"', f'id = "{taken}"')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert first[1].name in str(err.value) and first[0].name in str(err.value)
    assert err.value.field == "id"


def test_an_effective_date_that_is_not_on_the_calendar_is_caught(content_copy: Path) -> None:
    _replace(content_copy / "jurisdictions.toml", 'effective = "2019-10-01"', 'effective = "2019-13-01"')
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert "jurisdictions.toml" in str(err.value)
    assert "effective" in (err.value.field or "")
    assert "2019-13-01" in str(err.value)
