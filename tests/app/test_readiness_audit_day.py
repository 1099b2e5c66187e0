"""The Readiness page's audit-day section and whose size rule recommended the program, as a user
drives them: workers typed, an industry (CU) picked or not, sites entered on the Results view.

Expected figures come from content/sampling.toml's published examples (Energy Safety Canada's
table: 50 employees -> at least 19 interviews; 5 sites -> 3 visited) and content/partners.toml's
BCCSA entry, never copied from the page's output.
"""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.app.conftest import elements
from tests.app.test_readiness import all_best, readiness, show, workers

C = default_content()
ESC = next(table for table in C.sampling if "esc" in table.partners)
BCCSA = C.partner("bccsa")
FRAMING = "721024"  # Framing or Residential Forming: a BCCSA CU (classification_units.csv)
SMALL_BAND = next(band for band in C.partner_programs if band.partner == "bccsa" and band.max_workers)


def interviews_for(employees: int) -> int:
    return next(example.interviews for example in ESC.interviews if example.workers == employees)


def visited_at(sites: int) -> int:
    row = next(row for row in ESC.sites if row.min_sites == sites == row.max_sites)
    assert row.visited is not None
    return row.visited


def as_seen(markdown: str) -> str:
    """Markdown source as the reader sees it: the escapes ``ui.state.plain`` adds are not shown."""
    return re.sub(r"\\(.)", r"\1", markdown)


def caption_list(at: AppTest) -> list[str]:
    return [as_seen(caption.value) for caption in at.caption]


def captions(at: AppTest) -> str:
    return " ".join(caption_list(at))


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def results_with_sites(at: AppTest, sites: int) -> AppTest:
    show(at, "Results")
    at.number_input(key="rd.audit_day.sites").set_value(sites).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def fifty_workers(app: AppTest, cu: str | None) -> AppTest:
    at = readiness(app, all_best())
    if cu:
        at.selectbox(key="rd.cu").set_value(cu).run()
    return workers(at, 50)


def test_results_ask_for_sites_then_show_interviews_and_site_visits_to_expect(app: AppTest) -> None:
    at = show(fifty_workers(app, None), "Results")
    assert "Audit day: who the auditor talks to, and where" in [s.value for s in at.subheader]
    assert any("Enter your number of sites" in c.value for c in at.caption)
    assert "Interviews to expect" not in metrics(at)
    assert at.session_state["rd.audit_day_rows"] == []  # nothing for the report yet
    results_with_sites(at, 5)
    shown = metrics(at)
    assert shown["Interviews to expect"] == str(interviews_for(50))
    assert shown["Sites the auditor visits"] == f"{visited_at(5)} of 5"
    said = " ".join(m.value for m in at.markdown)
    assert f"Interviews: {interviews_for(50)} interviews." in said
    assert f"Sites: {visited_at(5)} of your 5 sites." in said
    assert at.number_input(key="rd.audit_day.sites").value == 5  # kept across reruns


def test_without_an_industry_the_table_is_energy_safety_canadas_and_says_so(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, None), 5)
    shown = captions(at)
    assert (
        f"Your partner's own sampling rules are not in our sources. These are {ESC.publisher}'s "
        "published examples" in shown
    )
    assert ESC.publisher == "Energy Safety Canada"


def test_with_a_bccsa_industry_the_section_names_bccsa_as_the_partner(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, FRAMING), 5)
    shown = captions(at)
    assert (
        f"{BCCSA.short_name}'s own sampling rules are not in our sources. These are "
        f"{ESC.publisher}'s published examples" in shown
    )
    assert "Your partner's own sampling rules" not in shown
    assert metrics(at)["Interviews to expect"] == str(interviews_for(50))  # ESC's table, as a guide


def test_the_rows_for_the_pdf_report_are_kept_once_sites_are_entered(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, FRAMING), 5)
    rows = dict(at.session_state["rd.audit_day_rows"])
    assert rows["Interviews to expect"].startswith(f"{interviews_for(50)} interviews (")
    assert rows["Sites the auditor visits"].startswith(f"{visited_at(5)} of your 5 sites (")
    assert rows["Sampling table"].startswith(f"{ESC.publisher} ({ESC.effective})")
    assert rows["Note"].startswith(f"{BCCSA.short_name}'s own sampling rules are not in our sources.")
    save = show(at, "Save and reports")
    assert "Download PDF report" in [b.label for b in elements(save, "download_button")]


def test_two_workers_in_a_bccsa_industry_get_bccsas_small_program_by_its_rule(app: AppTest) -> None:
    at = readiness(app)
    at.selectbox(key="rd.cu").set_value(FRAMING).run()
    workers(at, 2)
    shown = caption_list(at)
    assert any(
        c.startswith(f"Recommended by {BCCSA.short_name}'s size rule ({SMALL_BAND.name}).") for c in shown
    ), shown
    assert SMALL_BAND.name == "BCCSA Small COR"
    assert at.selectbox(key="rd.program").value == SMALL_BAND.program == "bc-small"
    assert not any("general size rule" in c for c in shown)


def test_the_industry_picked_after_the_workers_changes_whose_rule_it_is(app: AppTest) -> None:
    at = workers(readiness(app), 2)
    assert any(c.startswith("Recommended by the general size rule.") for c in caption_list(at))
    at.selectbox(key="rd.cu").set_value(FRAMING).run()
    shown = caption_list(at)
    assert any(
        c.startswith(f"Recommended by {BCCSA.short_name}'s size rule ({SMALL_BAND.name}).") for c in shown
    )


def test_without_an_industry_the_general_size_rule_recommends(app: AppTest) -> None:
    at = workers(readiness(app), 2)
    shown = caption_list(at)
    assert any(c.startswith("Recommended by the general size rule.") for c in shown), shown
    assert not any("BCCSA's size rule" in c for c in shown)
    assert at.selectbox(key="rd.program").value == "bc-small"


def test_the_sites_entered_are_kept_when_the_user_visits_another_view_and_comes_back(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, None), 5)
    show(at, "Action plan")
    show(at, "Results")
    assert at.number_input(key="rd.audit_day.sites").value == 5
    assert metrics(at)["Sites the auditor visits"] == f"{visited_at(5)} of 5"
    show(at, "Save and reports")
    rows = dict(at.session_state["rd.audit_day_rows"])
    assert rows["Interviews to expect"].startswith(
        f"{interviews_for(50)} interviews ("
    )  # still in the report


def test_the_report_follows_a_worker_count_changed_after_the_results_were_seen(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, None), 5)
    show(at, "Save and reports")
    workers(at, 500)  # the workers field is in the program box, above every view
    rows = dict(at.session_state["rd.audit_day_rows"])
    assert rows["Interviews to expect"].startswith(f"{interviews_for(500)} interviews (")


def test_the_report_follows_an_industry_chosen_after_the_results_were_seen(app: AppTest) -> None:
    at = results_with_sites(fifty_workers(app, None), 5)
    show(at, "Save and reports")
    at.selectbox(key="rd.cu").set_value(FRAMING).run()
    rows = dict(at.session_state["rd.audit_day_rows"])
    assert rows["Note"].startswith(f"{BCCSA.short_name}'s own sampling rules are not in our sources.")
