"""Partner guide in AppTest: what a user sees after a search, the directory, the roles, and the CU
carried over to Savings."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.app.conftest import elements, open_page

C = default_content()
QUERY = "pg.query"


def texts(at: AppTest) -> str:
    """Everything written on the page, as one string (markdown, captions, alerts, headings)."""
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [
        e.value
        for kind in ("subheader", "header", "title", "info", "warning", "error")
        for e in elements(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def search(at: AppTest, words: str) -> AppTest:
    at.text_input(key=QUERY).input(words).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def pick(at: AppTest, code: str) -> AppTest:
    """Choose one CU among those a search found, as the employer does: from the list, or with the
    one button a single match gets."""
    if any(box.key == "pg.pick" for box in at.selectbox):
        at.selectbox(key="pg.pick").set_value(code).run()
    else:
        assert any(code in m.value for m in at.markdown if "1 CU in our list matches" in m.value)
        at.button(key="pg.confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def cu_headings(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader if s.value.startswith("CU ")]


def test_searching_long_term_care_shows_bcmsa_naturally_aligned_and_the_health_care_path(
    app: AppTest,
) -> None:
    at = search(open_page(app, "partners"), "long-term care")
    assert "No certifying partner is contracted for health care" in texts(at)  # the path, by its words
    at = pick(at, "766011")
    page = texts(at)
    assert "CU 766011: Long Term Care" in [s.value for s in at.subheader]
    assert "Naturally aligned" in page
    assert "BC Municipal Safety Association" in page
    assert "No certifying partner is contracted for health care" in page
    assert "Tailored Outreach Program" in page and "info@safecarebc.ca" in page
    assert any("self-assessment" in link.proto.label for link in at.get("page_link"))


def test_the_result_gives_this_weeks_checklist(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "766011")
    assert "This week" in [s.value for s in at.subheader]
    checklist = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "BCMSA" in checklist and "766011" in checklist and "readiness" in checklist


def test_the_directory_lists_every_bc_partner(app: AppTest) -> None:
    at = open_page(app, "partners")
    page = texts(at)
    for p in C.partners:
        if p.jurisdiction == "BC":
            assert p.name in page, p.name
    assert "Certifying partners in British Columbia" in [h.value for h in at.header]


def test_choosing_alberta_lists_alberta_partners_and_roles(app: AppTest) -> None:
    at = open_page(app, "partners")
    at.radio(key="pg.jurisdiction").set_value("AB").run()
    page = texts(at)
    assert "Certifying partners in Alberta" in [h.value for h in at.header]
    for p in C.partners:
        if p.jurisdiction == "AB":
            assert p.name in page, p.name
    assert "BC Construction Safety Alliance" not in page
    assert "Government of Alberta (Partnerships)" in page
    search(at, "long-term care")
    assert "Continuing Care Safety Association" in texts(at)


def test_an_alberta_search_gives_the_partner_and_this_weeks_checklist(app: AppTest) -> None:
    at = open_page(app, "partners")
    at.radio(key="pg.jurisdiction").set_value("AB").run()
    search(at, "trucking")
    assert "Partners for this industry" in [s.value for s in at.subheader]
    checklist = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "AMTA" in checklist and C.jurisdiction("AB").partners_program.phone in checklist
    at.button(key="pg.to_savings").click().run()
    assert [t.value for t in at.title] == ["What would COR save you?"]
    assert at.session_state["jurisdiction"] == "AB"


def test_an_industry_without_cus_in_our_list_shows_its_bc_partner(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "logging")
    assert "Partners for this industry" in [s.value for s in at.subheader]
    assert "BC Forest Safety Council (BCFSC)" in texts(at)
    assert "This week" in [s.value for s in at.subheader]


def test_the_roles_include_the_small_employer_exception(app: AppTest) -> None:
    at = open_page(app, "partners")
    assert "Who does what in certification" in [h.value for h in at.header]
    assert any("fewer than 20 workers" in i.value for i in at.info)


def test_the_savings_button_carries_the_cu_over(app: AppTest) -> None:
    at = pick(search(open_page(app, "partners"), "long-term care"), "766011")
    at.button(key="pg.to_savings").click().run()
    assert not at.exception
    assert at.session_state["cu_code"] == "766011"
    assert [t.value for t in at.title] == ["What would COR save you?"]
    cu_box = next(b for b in at.selectbox if b.label.startswith("Classification unit"))
    assert cu_box.value == "766011"  # Savings opens on the CU the guide found


def test_the_readiness_button_carries_the_cu_over(app: AppTest) -> None:
    at = pick(search(open_page(app, "partners"), "trucking"), "732019")
    at.button(key="pg.to_readiness").click().run()
    assert not at.exception
    assert at.session_state["cu_code"] == "732019"


def test_a_cu_chosen_elsewhere_opens_the_guide_on_its_result(app: AppTest) -> None:
    app.session_state["cu_code"] = "732019"
    at = open_page(app, "partners")
    assert at.text_input(key=QUERY).value == "732019"
    assert "CU 732019: General Trucking" in [s.value for s in at.subheader]


def test_several_matches_show_a_table_and_let_the_user_pick_one(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "trucking")
    assert len(at.dataframe) >= 1
    box = at.selectbox(key="pg.pick")
    assert box.options[:2] == ["732019 General Trucking", "732030 Moving and Storage"]
    assert box.value is None and cu_headings(at) == []  # nothing chosen for the user
    box.set_value("732030").run()
    assert "CU 732030: Moving and Storage" in [s.value for s in at.subheader]
    assert at.text_input(key=QUERY).value == "trucking"


def test_an_unknown_cu_points_to_the_partners_program_with_its_contact(app: AppTest) -> None:
    program = C.jurisdiction("BC").partners_program
    at = search(open_page(app, "partners"), "999999")
    page = texts(at)
    assert "CU 999999: not in COR Ready's list" in [s.value for s in at.subheader]
    assert program.phone in page and program.email in page


@pytest.mark.parametrize(("typed", "says"), [("12345678", "six digits"), ("dental clinic", "Nothing")])
def test_bad_or_empty_searches_get_a_message_at_the_field_and_keep_the_text(
    app: AppTest, typed: str, says: str
) -> None:
    at = search(open_page(app, "partners"), typed)
    assert any(says in w.value for w in at.warning)
    assert at.text_input(key=QUERY).value == typed
    assert not [b for b in at.button if b.key != "cor.reconnect"]  # no result, nothing to carry over


def test_a_cu_aligned_to_two_partners_shows_both_and_asks_the_employer_to_choose(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    partners = tuple(
        p.model_copy(update={"naturally_aligned": (*p.naturally_aligned, "766011")}) if p.id == "go2hr" else p
        for p in C.partners
    )
    two = C.model_copy(update={"partners": partners})
    monkeypatch.setattr("ui.state.default_content", lambda: two)
    at = search(open_page(app, "partners"), "766011")
    page = texts(at)
    assert "Aligned to several partners" in page
    assert "aligned to 2 partners: you choose" in page
    assert "BC Municipal Safety Association" in page and "go2HR" in page


@pytest.mark.parametrize("typed", ["construction", "721"])
def test_a_search_with_one_matching_cu_offers_it_to_choose_never_as_the_users_cu(
    app: AppTest, typed: str
) -> None:
    """ "construction" used to present CU 721024 as if it were the employer's; a single match is
    confirmed with one button, not picked from a dropdown of one."""
    at = search(open_page(app, "partners"), typed)
    assert cu_headings(at) == []
    assert not any(box.key == "pg.pick" for box in at.selectbox)
    assert any(
        "1 CU in our list matches: 721024 Framing or Residential Forming" in m.value for m in at.markdown
    )
    at = pick(at, "721024")
    assert cu_headings(at) == ["CU 721024: Framing or Residential Forming"]
    assert "BC Construction Safety Alliance" in texts(at)


@pytest.mark.parametrize("typed", ["７６６０１１", "٧٦٦٠١١", "７６６-０１１"])
def test_a_cu_code_typed_with_full_width_or_arabic_indic_digits_is_found(app: AppTest, typed: str) -> None:
    at = search(open_page(app, "partners"), typed)
    assert cu_headings(at) == ["CU 766011: Long Term Care"]
    assert "BC Municipal Safety Association" in texts(at)


def test_a_cu_with_no_partner_in_our_sources_is_not_called_un_served(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "763025")
    badges = [m.value for m in at.markdown if m.value.startswith(":") and "[" in m.value]
    assert any("No partner found in our sources" in b for b in badges), badges
    reason = next(m.value for m in at.markdown if m.value.startswith("Our sources name no"))
    assert "un-served" not in reason and "does not mean there is none" in reason
    assert C.jurisdiction("BC").partners_program.phone in texts(at)


def test_sources_sit_in_expanders_and_research_notes_stay_out_of_the_page_body(app: AppTest) -> None:
    at = pick(search(open_page(app, "partners"), "long-term care"), "766011")
    body = texts(at)
    assert "(source 00" not in body
    assert "https://" not in body.replace("](https://", "")  # no raw address outside a link
    labels = [e.label for e in at.expander]
    assert "Sources" in labels
