"""Certifying-partner lookup, search and guide: the rules of natural alignment as the sources state
them (contracted / naturally aligned / several partners / un-served), and the content behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from cor.content import ContentError, default_content
from cor.models import SITUATIONS, Content, Partner, UnservedUnit
from cor.partners import (
    associations_for,
    directory,
    find,
    load_guide,
    lookup,
    next_steps,
    partner_guide,
    partner_next_steps,
    path_for,
    path_points,
    roles_for,
    search,
    search_partners,
    situation,
)

C = default_content()
BC_PROGRAM = C.jurisdiction("BC").partners_program
PARTNERS_PROGRAM = BC_PROGRAM.name  # the name comes from content (jurisdictions.toml), not code


def with_partner_codes(partner_id: str, **codes: tuple[str, ...]) -> Content:
    """The real content with one partner's CU lists changed: how the tests build cases our sources
    do not name (a CU aligned to two partners), without putting invented facts in content/."""
    partners = tuple(
        p.model_copy(update={k: getattr(p, k) + v for k, v in codes.items()}) if p.id == partner_id else p
        for p in C.partners
    )
    return C.model_copy(update={"partners": partners})


# --- find: the three alignments ------------------------------------------------------------


def test_a_contracted_cu_leads_to_its_one_partner() -> None:
    matches = find("732019")
    assert [(m.partner_name, m.alignment) for m in matches] == [
        ("SafetyDriven - Trucking Safety Council of BC", "contracted")
    ]
    assert matches[0].cu_name == "General Trucking"
    assert situation(matches) == "contracted"


def test_every_cu_in_a_contracted_range_goes_to_that_partner_even_when_not_in_our_list() -> None:
    listed = find("721024")
    unlisted = find("721999")
    assert [(m.partner_id, m.alignment, m.known_cu) for m in listed] == [("bccsa", "contracted", True)]
    assert [(m.partner_id, m.alignment, m.known_cu) for m in unlisted] == [("bccsa", "contracted", False)]
    assert "721" in unlisted[0].reason


def test_long_term_care_has_no_partner_of_its_own_and_is_naturally_aligned_to_bcmsa() -> None:
    matches = find("766011")
    assert [(m.partner_id, m.alignment) for m in matches] == [("bcmsa", "naturally aligned")]
    assert situation(matches) == "naturally aligned"
    assert "approve" in matches[0].reason  # naturally aligned employers may need WorkSafeBC's approval


def test_community_health_support_is_naturally_aligned_to_bcmsa_too() -> None:
    assert [(m.partner_id, m.alignment) for m in find("766006")] == [("bcmsa", "naturally aligned")]


def test_a_cu_aligned_to_two_partners_returns_both_and_the_employer_chooses() -> None:
    content = with_partner_codes("go2hr", naturally_aligned=("766011",))
    matches = find("766011", content)
    assert {m.partner_id for m in matches} == {"bcmsa", "go2hr"}
    assert all(m.alignment == "naturally aligned" for m in matches)
    assert situation(matches) == "multiply aligned"
    assert all("choose" in m.reason for m in matches)
    steps = next_steps("766011", matches, partner_guide(), content)
    assert any("Choose your partner" in s and "BCMSA" in s and "go2HR" in s for s in steps)


def test_a_contracted_partner_comes_before_an_aligned_one() -> None:
    content = with_partner_codes("bcmsa", naturally_aligned=("732019",))
    matches = find("732019", content)
    assert [m.alignment for m in matches] == ["contracted", "naturally aligned"]
    assert situation(matches) == "contracted"


def test_a_known_cu_with_no_partner_in_our_sources_is_not_called_un_served() -> None:
    """ "un-served" only where a source says no partner serves the CU."""
    matches = find("763025")  # film production: our sources name no partner, and none says un-served
    assert len(matches) == 1
    m = matches[0]
    assert (m.partner_name, m.alignment, m.known_cu, m.partner_id) == (
        PARTNERS_PROGRAM,
        "no partner found",
        True,
        None,
    )
    assert "un-served" not in m.reason and "does not mean there is none" in m.reason
    assert m.url == str(BC_PROGRAM.url)
    assert BC_PROGRAM.phone in m.contact and BC_PROGRAM.email in m.contact
    assert situation(matches) == "no partner found"


def test_a_cu_a_source_says_is_un_served_is_called_un_served() -> None:
    source = {"source_url": "https://example.org/addendum", "effective": "2024"}
    content = C.model_copy(
        update={"unserved": (UnservedUnit.model_validate({"cu_code": "763025", **source}),)}
    )
    matches = find("763025", content)
    assert [m.alignment for m in matches] == ["un-served"]
    assert situation(matches) == "un-served"


def test_an_unknown_cu_points_to_the_partners_program_and_says_we_do_not_know_it() -> None:
    matches = find("999999")
    assert [(m.partner_name, m.alignment, m.known_cu) for m in matches] == [
        (PARTNERS_PROGRAM, "no partner found", False)
    ]
    assert matches[0].cu_name is None
    assert "not in COR Ready's list" in matches[0].reason
    assert situation(matches) == "unknown"


@pytest.mark.parametrize("typed", ["766-011", " 766011 ", "766 011", "CU 766011", "cu766011", "766.011"])
def test_codes_typed_with_spaces_hyphens_or_cu_in_front_are_the_same_code(typed: str) -> None:
    assert find(typed) == find("766011")


@pytest.mark.parametrize("typed", ["12345", "1234567", "abcdef", ""])
def test_find_refuses_what_is_not_a_six_digit_code_with_a_message(typed: str) -> None:
    with pytest.raises(ValueError, match="six digits"):
        find(typed)


def test_partners_whose_cus_are_listed_without_an_alignment_type_say_so() -> None:
    (m,) = find("701025")  # AgSafe: the source does not say contracted or aligned
    assert m.partner_id == "agsafe"
    assert m.alignment == "alignment unconfirmed"
    assert situation([m]) == "alignment unconfirmed"
    assert "does not say whether" in m.reason
    assert m.caveat


# --- search and lookup -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "first"),
    [
        ("long-term care", "766011"),
        ("Long Term Care", "766011"),
        ("LONG-TERM CARE homes", "766011"),
        ("home care", "766006"),
        ("trucking", "732019"),
        ("trucking company", "732019"),
        ("municipal", "753004"),
        ("construction", "721024"),
        ("hotel", "761056"),
        ("hotels", "761056"),
    ],
)
def test_industry_words_find_the_cu_people_mean_first(words: str, first: str) -> None:
    found = search(words)
    assert found, words
    assert found[0].code == first


def test_a_word_search_returns_every_cu_that_has_the_word() -> None:
    expected = {u.code for u in C.units if "trucking" in u.keywords.lower()}
    assert len(expected) >= 2
    assert {u.code for u in search("trucking")} == expected


def test_a_code_prefix_lists_the_cus_starting_with_it() -> None:
    found = search("7660")
    assert found and all(u.code.startswith("7660") for u in found)
    assert {u.code for u in found} == {u.code for u in C.units if u.code.startswith("7660")}


def test_words_nobody_uses_find_nothing() -> None:
    assert search("dental clinic") == []
    assert search("   ") == []


def test_partners_are_found_by_their_industry_words_per_province() -> None:
    assert [p.id for p in search_partners("logging")] == ["bcfsc"]
    assert [p.id for p in search_partners("long-term care", "AB")] == ["ab-ccsa"]
    assert [p.id for p in search_partners("BCMSA")] == ["bcmsa"]


def test_lookup_of_a_six_digit_code_offers_it_even_when_we_do_not_know_it() -> None:
    found = lookup("999-999")
    assert (found.kind, found.code, found.codes) == ("code", "999999", ["999999"])


def test_lookup_explains_a_code_with_too_many_digits() -> None:
    found = lookup("12345678")
    assert found.kind == "invalid"
    assert "six digits" in found.message and "8" in found.message


def test_lookup_explains_that_cu_codes_are_for_bc_only() -> None:
    found = lookup("766011", "AB")
    assert found.kind == "invalid"
    assert "British Columbia" in found.message


def test_lookup_of_an_industry_without_cus_in_our_list_names_the_partner() -> None:
    found = lookup("logging")
    assert found.units == ()
    assert [p.id for p in found.partners] == ["bcfsc"]


def test_lookup_does_not_repeat_a_partner_the_cus_found_already_lead_to() -> None:
    found = lookup("trucking")
    assert found.units and all(p.id != "safetydriven" for p in found.partners)


def test_lookup_falls_back_to_closest_matches_and_says_so() -> None:
    found = lookup("trucking sawdust")
    assert found.closest
    assert found.units[0].code == "732019"
    assert "some of them" in found.message


def test_lookup_with_nothing_matching_says_so() -> None:
    found = lookup("dental clinic")
    assert found.codes == [] and found.partners == ()
    assert "dental clinic" in found.message


# --- next steps and the health care path ---------------------------------------------------


def test_next_steps_for_an_un_served_cu_call_the_partners_program_with_its_contact() -> None:
    steps = next_steps("999999", find("999999"), partner_guide())
    assert BC_PROGRAM.phone in steps[0] and BC_PROGRAM.email in steps[0]
    assert any("readiness" in s for s in steps)
    assert any("save" in s and "999999" in s for s in steps)


def test_next_steps_state_the_pass_rule_from_content() -> None:
    rule = C.jurisdiction("BC").pass_rule
    steps = next_steps("732019", find("732019"), partner_guide())
    readiness = next(s for s in steps if "readiness" in s)
    assert f"{rule.overall_min_pct:.0f}% overall" in readiness
    assert f"{rule.element_min_pct:.0f}% on every" in readiness


def test_next_steps_for_long_term_care_include_the_association_stepping_stone() -> None:
    (safecare,) = associations_for("766011")
    steps = next_steps("766011", find("766011"), partner_guide())
    assert "BCMSA" in steps[0]
    assert any(safecare.contact in s and safecare.program in s for s in steps)


def test_next_steps_for_a_contracted_cu_do_not_mention_an_association() -> None:
    steps = next_steps("732019", find("732019"), partner_guide())
    assert "SafetyDriven" in steps[0]
    assert not any("SafeCare" in s for s in steps)


def test_next_steps_for_an_alberta_industry_name_its_partner_and_alberta_contact() -> None:
    ab = C.jurisdiction("AB").partners_program
    steps = partner_next_steps(search_partners("long-term care", "AB"), partner_guide())
    assert "CCSA" in steps[0]
    assert any(ab.phone in s and ab.email in s for s in steps)
    assert not any("{" in s or "WorkSafeBC" in s for s in steps)


def test_the_directory_opens_with_a_sourced_note_for_each_province() -> None:
    guide = partner_guide()
    for j in ("BC", "AB"):
        note = guide.directory_note(j)
        assert note is not None and note.text and note.source_url, j
    ab_note = guide.directory_note("AB")
    assert ab_note is not None and "13" in ab_note.text  # the count sources give


def test_the_health_care_path_applies_to_health_care_cus_and_words_only() -> None:
    guide = partner_guide()
    for code, words in (("766011", ""), (None, "Long-term care"), (None, "home care")):
        path = path_for(code, words, guide)
        assert path is not None and path.id == "health-care", (code, words)
    assert path_for("732019", "trucking", guide) is None
    assert path_for(None, "careful", guide) is None


def test_every_cu_on_the_health_care_path_has_no_contracted_partner_and_is_aligned_to_bcmsa() -> None:
    (gp,) = partner_guide().paths
    for code in gp.applies_to:
        assert [(m.partner_id, m.alignment) for m in find(code)] == [("bcmsa", "naturally aligned")], code


def test_the_health_care_path_tells_source_004s_case() -> None:
    (gp,) = partner_guide().paths
    text = " ".join(path_points(gp))
    assert "No certifying partner" in text
    assert "BC Municipal Safety Association (BCMSA)" in text
    for offer in ("free", "gap analysis", "action plan", "three years"):
        assert offer in text, offer
    assert "{" not in text


# --- directory, roles and content -------------------------------------------------------------


def test_the_directory_lists_every_partner_of_the_province_and_only_those() -> None:
    for j in ("BC", "AB"):
        assert [e.partner.id for e in directory(j)] == [p.id for p in C.partners if p.jurisdiction == j]


def test_the_directory_names_programs_as_content_does() -> None:
    bccsa = next(e for e in directory("BC") if e.partner.id == "bccsa")
    names = {p.size: p.name for p in C.programs if p.jurisdiction == "BC"}
    assert bccsa.programs == (names["large"], names["small"])
    assert bccsa.ranges == ("721xxx", "722xxx", "723xxx")
    secor = next(p.name for p in C.programs if p.id == "ab-secor")
    assert secor in directory("AB")[0].programs


def test_every_bc_partner_has_industries_programs_a_link_and_a_dated_source() -> None:
    bc = [p for p in C.partners if p.jurisdiction == "BC"]
    assert len(bc) >= 8
    for p in bc:
        assert p.industries and p.programs and p.url and p.source_url and p.effective, p.id
        assert p.keywords, f"{p.id} cannot be found by industry words"


def test_uncertain_partner_facts_carry_a_caveat() -> None:
    by_id = {p.id: p for p in C.partners}
    assert "not confirmed" in by_id["bcmea"].status_note
    assert not by_id["agsafe"].alignment_confirmed and by_id["agsafe"].status_note
    assert not by_id["go2hr"].alignment_confirmed and by_id["go2hr"].status_note


def test_the_safecare_bc_record_states_the_outreach_program_of_source_004() -> None:
    (safecare,) = associations_for("766011")
    assert safecare.program and safecare.contact == "info@safecarebc.ca"
    for offer in ("free", "gap analysis", "action plan", "three years"):
        assert offer in safecare.offers, offer
    assert all(C.unit(code) for code in safecare.cu_codes)


def test_bc_roles_cover_every_party_source_004_names_with_the_small_employer_exception() -> None:
    ids = [r.id for r in roles_for("BC")]
    assert ids == [
        "employer",
        "workers",
        "certifying-partner",
        "external-auditor",
        "internal-auditor",
        "association",
        "worksafebc",
    ]
    external = next(r for r in roles_for("BC") if r.id == "external-auditor")
    assert "fewer than 20" in external.note and "internal auditor" in external.note
    assert roles_for("AB") and all(r.jurisdiction == "AB" for r in roles_for("AB"))


def test_a_partner_range_must_be_digits() -> None:
    data = C.partners[0].model_dump() | {"contracted_prefixes": ("72x",)}
    with pytest.raises(ValueError, match="one to five digits"):
        Partner.model_validate(data)


# --- the guide file ------------------------------------------------------------------------------

GUIDE = (Path(__file__).resolve().parents[2] / "content" / "guide" / "partner_guide.toml").read_text()


def write_guide(tmp_path: Path, text: str) -> Path:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "partner_guide.toml").write_text(text)
    return tmp_path


def test_the_guide_explains_every_situation() -> None:
    guide = load_guide()
    for sit in SITUATIONS:
        assert guide.kind(sit).meaning


def test_a_guide_step_with_an_unknown_placeholder_is_reported_by_file_record_and_field(
    tmp_path: Path,
) -> None:
    root = write_guide(tmp_path, GUIDE.replace("in CU {cu}.", "in CU {cu_number}.", 1))
    with pytest.raises(ContentError) as err:
        load_guide(root, C)
    assert "partner_guide.toml" in str(err.value)
    assert "step (savings)" in str(err.value) and "text" in str(err.value)
    assert "cu_number" in str(err.value)


def test_a_guide_path_naming_an_unknown_partner_is_reported(tmp_path: Path) -> None:
    root = write_guide(tmp_path, GUIDE.replace('partner = "bcmsa"', 'partner = "bcmsaa"'))
    with pytest.raises(ContentError, match="unknown partner 'bcmsaa'"):
        load_guide(root, C)


def test_a_missing_guide_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="missing"):
        load_guide(tmp_path, C)


@pytest.mark.parametrize("typed", ["", "766011", "7660", "construction", "continuing care", "municipal"])
def test_an_alberta_search_never_offers_cu_codes(typed: str) -> None:
    """CU codes are WorkSafeBC's: in Alberta the finder offers partners by industry, never a CU
    to pick (the Partner guide shows a CU result only from these codes)."""
    assert lookup(typed, "AB", C).codes == []


def test_the_directory_does_not_call_cus_contracted_when_the_source_does_not_say_so() -> None:
    """Go2HR's (and AgSafe's) CUs are listed by a source that does not say contracted."""
    entries = {e.partner.id: e for e in directory("BC", C)}
    assert entries["go2hr"].contracted == () and "761009 Campground" in entries["go2hr"].unconfirmed
    assert entries["agsafe"].contracted == () and entries["agsafe"].unconfirmed
    assert "732019 General Trucking" in entries["safetydriven"].contracted


@pytest.mark.parametrize("typed", ["７６６０１１", "٧٦٦٠١١", "۷۶۶۰۱۱", "CU ７６６-０１１"])
def test_codes_typed_with_full_width_or_arabic_indic_digits_are_the_same_code(typed: str) -> None:
    assert find(typed) == find("766011")
    found = lookup(typed, "BC", C)
    assert (found.kind, found.codes) == ("code", ["766011"])


def test_a_full_width_code_prefix_lists_the_cus_starting_with_it() -> None:
    assert lookup("７３２", "BC", C).codes == lookup("732", "BC", C).codes != []
