"""The audit-day section as a user sees it (AppTest.from_function: the lead calls it from the
Readiness results view; this tests the section on its own)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def section(workers: int | None, partner_id: str | None) -> None:
    from cor.content import default_content
    from ui.readiness.audit_day import audit_day_section

    audit_day_section(default_content(), workers, partner_id)


def run(workers: int | None = 50, partner_id: str | None = "bccsa") -> AppTest:
    at = AppTest.from_function(
        section, kwargs={"workers": workers, "partner_id": partner_id}, default_timeout=30
    )
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_it_asks_for_sites_before_it_shows_numbers() -> None:
    at = run()
    assert not at.metric
    assert any("Enter your number of sites" in c.value for c in at.caption)


def test_fifty_workers_at_five_sites_expect_19_interviews_and_3_site_visits() -> None:
    at = run()
    at.number_input(key="audit_day.sites").set_value(5).run()
    shown = metrics(at)
    assert shown["Interviews to expect"] == "19"
    assert shown["Sites the auditor visits"] == "3 of 5"
    assert shown["Points from people and places"].endswith("%")
    said = " ".join(m.value for m in at.markdown)
    assert "Interviews: 19 interviews." in said and "Sites: 3 of your 5 sites." in said
    assert any("51.5%" in i.value and "interviews and observation" in i.value for i in at.info)
    assert any("BCCSA's own sampling rules are not in our sources" in c.value for c in at.caption)
    assert "Sources" in [e.label for e in at.expander]
    assert len(at.table) == 1


def test_without_workers_from_the_page_it_asks_for_them_too() -> None:
    at = run(workers=None, partner_id=None)
    at.number_input(key="audit_day.workers").set_value(500).run()
    at.number_input(key="audit_day.sites").set_value(30).run()
    assert metrics(at)["Interviews to expect"] == "60"
    assert metrics(at)["Sites the auditor visits"] == "10 of 30"
    assert at.number_input(key="audit_day.workers").value == 500  # nothing entered is lost


def test_past_the_published_examples_it_says_at_least() -> None:
    at = run(workers=5_000, partner_id=None)
    at.number_input(key="audit_day.sites").set_value(40).run()
    assert metrics(at)["Interviews to expect"] == "60+"
    said = " ".join(m.value for m in at.markdown)
    assert "at least 60 interviews" in said and "at least 10 of your 40 sites" in said
