"""Jurisdictions are data: what differs between provinces is a field of the province's record in
content/jurisdictions.toml, so a made-up third one (tests/third_jurisdiction.py) gets its own rules
from content alone, and a record that contradicts the rest is refused naming file and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import cor.cycle
from cor.content import CONTENT_DIR, ContentError, load_content, load_guide
from cor.figures import figures
from cor.formatting import workers
from cor.models import Content
from cor.partners import lookup, partner_next_steps, search_partners
from cor.programs import recommend
from tests.conftest import ROOT
from tests.third_jurisdiction import CODE, NAME, PROGRAM, with_third_jurisdiction

C = load_content()


@pytest.fixture(scope="module")
def northreach_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_third_jurisdiction(tmp_path_factory.mktemp("northreach"))


@pytest.fixture(scope="module")
def northreach(northreach_root: Path) -> Content:
    return load_content(northreach_root)


def test_the_shipped_content_names_bc_as_default_cu_and_planner_province() -> None:
    assert C.default_jurisdiction().code == "BC"
    assert C.cu_jurisdiction().code == "BC"
    assert C.planner_jurisdiction().code == "BC"
    assert [j.code for j in C.jurisdictions if j.cu_codes or j.cycle_planner or j.default] == ["BC"]


def test_a_province_added_as_content_gets_its_program_by_the_general_rule(northreach: Content) -> None:
    recommended = recommend(CODE, 12, northreach, cu_code="766011")  # a BC CU says nothing in Northreach
    assert (recommended.name, recommended.rule_owner) == (PROGRAM, "General rule")


def test_a_province_without_cu_codes_is_searched_by_industry_words(northreach: Content) -> None:
    assert [p.id for p in search_partners("forestry", CODE, northreach)] == ["nr-nsp"]
    found = lookup("766011", CODE, northreach)
    assert found.kind == "invalid" and f"For {NAME}, search by industry words" in found.message
    assert "WorkSafeBC's" in found.message and "British Columbia only" in found.message
    assert lookup("forestry", CODE, northreach).codes == []


def test_its_checklist_gives_its_own_partners_program_and_pass_rule(
    northreach_root: Path, northreach: Content
) -> None:
    guide = load_guide(northreach_root, northreach)
    steps = " ".join(partner_next_steps(search_partners("fishing", CODE, northreach), guide, northreach))
    assert "555-0100" in steps and "Northreach COR Office" in steps


def test_the_planner_tells_its_users_whose_rules_it_follows(northreach: Content) -> None:
    note = cor.cycle.jurisdiction_summary(CODE, northreach)
    assert note is not None and note.startswith(f"This planner follows British Columbia's rules. In {NAME}: ")
    assert "55% overall, lower than the 75% for certification" in note
    assert cor.cycle.jurisdiction_sources(CODE, northreach)[0].startswith(f"- {NAME} COR: [{PROGRAM}, 2026]")
    assert cor.cycle.jurisdiction_note("BC", northreach) is None


def test_about_the_numbers_lists_its_pass_rule_and_program(northreach: Content) -> None:
    shown = {(f.topic, f.figure, f.value) for f in figures(northreach)}
    assert (f"Pass rule ({CODE})", "Overall score needed / minimum per element", "75% / 40%") in shown
    assert (f"Programs ({CODE})", PROGRAM, workers(1, None)) in shown


def test_without_a_jurisdiction_named_the_default_one_applies() -> None:
    assert lookup("logging").partners == lookup("logging", "BC").partners
    assert search_partners("logging") == search_partners("logging", "BC")
    assert cor.cycle.pass_mark_text(C) == cor.cycle.pass_mark_text(C, "BC")


#: Branch corsplit turns these modules' province branches into the jurisdiction's incentive_model:
#: once merged, this set empties.
_INCENTIVE_MODULES: tuple[str, ...] = ()  # every province difference is content now


def test_no_code_names_a_province_outside_the_incentive_modules() -> None:
    """A branch on a province's code (``== "BC"``) or a default of one is a difference kept in code."""
    codes = "|".join(info.code for info in C.jurisdictions)
    quoted = re.compile(rf"""["']({codes})["']""")
    modules = [
        *ROOT.glob("cor/**/*.py"),
        *ROOT.glob("ui/**/*.py"),
        *ROOT.glob("app_pages/*.py"),
        ROOT / "app.py",
    ]
    found = []
    for path in modules:
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(_INCENTIVE_MODULES):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if quoted.search(line.split("#")[0]):
                found.append(f"{name}:{number}: {line.strip()}")
    assert not found, found


# --- a record that contradicts the rest is refused, naming file, record and field --------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _refused(root: Path) -> ContentError:
    with pytest.raises(ContentError) as err:
        load_content(root)
    return err.value


def test_two_default_provinces_are_refused(content_copy: Path) -> None:
    _replace(content_copy / "jurisdictions.toml", 'code = "AB"\n', 'code = "AB"\ndefault = true\n')
    error = _refused(content_copy)
    assert error.file.endswith("jurisdictions.toml") and error.field == "default"
    assert "exactly one jurisdiction must have default = true" in str(error) and "2 have" in str(error)


def test_no_province_for_the_cycle_rules_is_refused(content_copy: Path) -> None:
    _replace(content_copy / "jurisdictions.toml", "cycle_planner = true\n", "")
    error = _refused(content_copy)
    assert error.field == "cycle_planner" and "0 have" in str(error)


def test_a_partner_of_an_unknown_province_is_refused(content_copy: Path) -> None:
    _replace(
        content_copy / "partners.toml",
        'id = "ab-aasp"\njurisdiction = "AB"',
        'id = "ab-aasp"\njurisdiction = "ZZ"',
    )
    error = _refused(content_copy)
    assert error.file.endswith("partners.toml") and error.record == "partner (ab-aasp)"
    assert error.field == "jurisdiction" and "unknown jurisdiction 'ZZ'" in str(error)


def test_a_province_without_a_program_is_refused(content_copy: Path) -> None:
    text = (content_copy / "programs.toml").read_text("utf-8")
    (content_copy / "programs.toml").write_text(
        text.replace('jurisdiction = "AB"', 'jurisdiction = "BC"'), "utf-8"
    )
    error = _refused(content_copy)
    assert error.file.endswith("programs.toml") and "no [[program]] for the jurisdiction AB" in str(error)


def test_a_rate_of_a_province_without_cu_codes_is_refused(content_copy: Path) -> None:
    path = content_copy / "classification_units.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join([lines[0], "AB" + lines[1][2:], *lines[2:]]), "utf-8")
    error = _refused(content_copy)
    assert error.file.endswith("classification_units.csv") and error.field == "jurisdiction"
    assert "'AB' has no CU codes" in str(error)


def test_a_code_that_is_not_two_capital_letters_is_refused(content_copy: Path) -> None:
    _replace(content_copy / "jurisdictions.toml", 'code = "AB"', 'code = "Alberta"')
    error = _refused(content_copy)
    assert error.file.endswith("jurisdictions.toml") and error.field == "code"
