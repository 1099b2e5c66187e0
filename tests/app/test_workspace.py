"""The consultants' workspace in AppTest: clients, assessments over time, progress, actions,
the cohort view, and who may see what."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cor.assessment import Assessment
from cor.content import default_content
from cor.exports.assessment_file import dump
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT
from tests.staff_accounts import PASSWORD, use_staff_file


@pytest.fixture(autouse=True)
def password_configured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def quick_file(best: int) -> bytes:
    """A quick-check assessment file: the first ``best`` questions answered yes, the rest no."""
    bank = default_content().bank
    answers = {}
    for n, question in enumerate(bank.question_set("quick")):
        options = [o for o in bank.scale(question.scale).options if o.credit is not None]
        top, bottom = max(options, key=lambda o: o.credit or 0), min(options, key=lambda o: o.credit or 0)
        answers[question.id] = (top if n < best else bottom).id
    assessment = Assessment(jurisdiction="BC", program_id="bc-large", quick=True, answers=answers)
    return dump(assessment, saved_at=datetime(2026, 11, 1, 12, 0))


def signed_in(user: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    open_page(at, "workspace")
    at.text_input(key="auth.user").input(user)
    at.text_input(key="auth.password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    return at


def add_client(at: AppTest, organisation: str, cus: str = "721027") -> AppTest:
    at.selectbox(key="ws.client").select("").run()
    at.text_input(key="ws.f.org").input(organisation)
    at.text_input(key="ws.f.contact").input("Sam Lee")
    at.text_input(key="ws.f.cus").input(cus)
    at.text_input(key="ws.f.workers").input("24")
    at.button(key="FormSubmitter:ws.client_form-Add the client").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def import_visit(at: AppTest, data: bytes, on: date, label: str) -> AppTest:
    at.date_input(key="ws.visit_date").set_value(on)
    at.text_input(key="ws.visit_label").input(label)
    at.file_uploader(key="ws.upload").set_value(("assessment.json", data, "application/json")).run()
    next(b for b in at.button if b.label == "Add the file's assessment").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def seen(value: object) -> str:
    """A message as the reader sees it: its Markdown escapes (and autolink breakers) taken out."""
    return str(value).replace("\\", "").replace("\u200b", "")


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with a column of that name."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def test_a_new_client_is_saved_and_chosen(password_configured: None) -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    assert seen(at.success[0].value) == "Saved Harbour Builders Ltd."
    chosen = at.selectbox(key="ws.client")
    assert chosen.format_func(chosen.value) == "Harbour Builders Ltd"
    assert at.text_input(key="ws.f.cus").value == "721027"


def test_a_bad_cu_code_is_named_at_its_field_and_nothing_typed_is_lost() -> None:
    at = signed_in("dana")
    at.text_input(key="ws.f.org").input("Harbour Builders Ltd")
    at.text_input(key="ws.f.cus").input("72102X")
    at.text_input(key="ws.f.workers").input("many")
    at.button(key="FormSubmitter:ws.client_form-Add the client").click().run()
    errors = [e.value.replace("\\", "") for e in at.error]
    assert "'72102X' is not a 6-digit CU code (for example 721027)." in errors
    assert any("whole number" in e for e in errors)
    assert at.text_input(key="ws.f.org").value == "Harbour Builders Ltd"
    assert at.text_input(key="ws.f.cus").value == "72102X"


def test_full_width_cu_digits_are_read_as_the_cu_code() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd", cus="７２１０２７")
    assert at.text_input(key="ws.f.cus").value == "721027"


def test_two_imported_visits_are_compared_per_element_with_a_trend() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, quick_file(best=3), date(2026, 3, 2), "First visit")
    assert "Recorded the assessment of 2 Mar 2026." in seen(at.success[0].value)
    import_visit(at, quick_file(best=12), date(2026, 9, 14), "Follow-up")
    visits = at.dataframe[0].value
    assert list(visits["Date"]) == ["2026-03-02", "2026-09-14"]
    assert list(visits["Readiness"]) == ["blocked by an element", "would pass"]
    comparison = frame_with(at, "Change (percentage points)")
    assert "Change (percentage points)" in comparison.columns
    assert all(
        change.startswith("+") or change == "0.0" for change in comparison["Change (percentage points)"]
    )
    assert at.metric[0].value == "100%"
    assert "since 2 Mar 2026" in at.metric[0].delta
    trend = frame_with(at, "Would pass")
    assert list(trend["Would pass"]) == ["No", "Yes"]


def test_an_imported_visit_brings_its_action_plan_with_statuses() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, quick_file(best=9), date(2026, 3, 2), "First visit")
    assert len(frame_with(at, "Readiness")) == 1  # the visits table
    plan = frame_with(at, "Status")
    assert len(plan) == 3  # three questions answered "no"
    assert set(plan["Status"]) == {"Open"}


def test_a_file_that_is_not_an_assessment_is_refused_where_the_user_looks() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, b'{"hello": 1}', date(2026, 3, 2), "Oops")
    assert at.error, "the uploader shows why the file was refused"
    assert at.text_input(key="ws.visit_label").value == "Oops"
    assert at.info[0].value == "No assessment recorded yet for this client."


def test_a_consultant_sees_only_their_own_clients_and_an_admin_sees_all() -> None:
    add_client(signed_in("dana"), "Harbour Builders Ltd")
    other = signed_in("lee")
    assert other.selectbox(key="ws.client").options == ["+ New client"]
    admin = signed_in("boss")
    options = admin.selectbox(key="ws.client").options
    assert "Harbour Builders Ltd (shared by dana)" in options


def test_an_anonymous_visitor_sees_no_client_data() -> None:
    add_client(signed_in("dana"), "Harbour Builders Ltd")
    anonymous = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    open_page(anonymous, "workspace")
    shown = " ".join(str(e.value) for e in [*anonymous.markdown, *anonymous.text, *anonymous.caption])
    assert "Harbour" not in shown
    with pytest.raises(KeyError):
        anonymous.selectbox(key="ws.client")


def test_the_cohort_view_counts_readiness_and_lists_the_clients_for_export() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, quick_file(best=12), date(2026, 9, 14), "Follow-up")
    add_client(at, "=HYPERLINK Co")
    at.segmented_control(key="ws.view").set_value("All clients").run()
    assert not at.exception
    distribution = frame_with(at, "Clients")
    counts = dict(zip(distribution["Readiness"], distribution["Clients"], strict=True))
    assert counts == {
        "would pass": 1,
        "blocked by an element": 0,
        "below the overall bar": 0,
        "not scored": 1,
    }
    labels = [b.label for b in elements(at, "download_button")]
    assert labels == ["Download clients (CSV)", "Download clients (XLSX)"]


def test_sign_out_forgets_the_clients_on_screen() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    at.button(key="auth.sign_out").click().run()
    assert "Staff sign-in" in [s.value for s in at.subheader]
    with pytest.raises(KeyError):
        at.selectbox(key="ws.client")


def test_an_admin_shares_a_client_and_the_other_consultant_then_sees_it() -> None:
    add_client(signed_in("dana"), "Harbour Builders Ltd")
    admin = signed_in("boss")
    admin.text_input(key="ws.share_with").input("Lee").run()
    admin.button(key="ws.share").click().run()
    assert "Shared with lee." in seen(admin.success[0].value)
    lee = signed_in("lee")
    assert "Harbour Builders Ltd (shared by dana)" in lee.selectbox(key="ws.client").options


def test_two_staff_saving_the_same_client_the_second_is_told_and_loses_nothing() -> None:
    dana = add_client(signed_in("dana"), "Harbour Builders Ltd")
    admin = signed_in("boss")  # opens the same client
    dana.text_input(key="ws.f.contact").input("Sam Lee, 604-555-0100")
    dana.button(key="FormSubmitter:ws.client_form-Save the client's details").click().run()
    admin.text_area(key="ws.f.notes").input("Policy binder is in the site trailer")
    admin.button(key="FormSubmitter:ws.client_form-Save the client's details").click().run()
    assert "Someone else saved this client" in admin.warning[0].value
    assert admin.text_area(key="ws.f.notes").value == "Policy binder is in the site trailer"
    admin.button(key="ws.conflict.mine").click().run()
    assert "Saved your changes with theirs" in seen(admin.success[0].value)
    fresh = signed_in("dana")
    assert fresh.text_area(key="ws.f.notes").value == "Policy binder is in the site trailer"
    assert fresh.text_input(key="ws.f.contact").value == "Sam Lee, 604-555-0100"  # dana's change kept too


def test_an_actions_status_owner_and_due_date_are_updated_and_kept() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, quick_file(best=9), date(2026, 3, 2), "First visit")
    first = at.selectbox(key="ws.edit.pick").value
    at.radio(key="ws.edit.status").set_value("in_progress")
    at.text_input(key="ws.edit.owner").input("Site lead")
    at.date_input(key="ws.edit.due").set_value(date(2026, 6, 30))
    at.button(key="FormSubmitter:ws.edit_action-Save this action").click().run()
    assert "Saved the action." in [seen(s.value) for s in at.success]
    plan = frame_with(at, "Status")
    row = plan[plan["Status"] == "In progress"]
    assert list(row["Owner"]) == ["Site lead"]
    assert at.selectbox(key="ws.edit.pick").value == first
    fresh = signed_in("dana")  # another visit: what was saved is what is shown
    plan = frame_with(fresh, "Status")
    assert sorted(plan["Status"]) == ["In progress", "Open", "Open"]


def test_the_timeline_shows_visits_actions_and_the_audits_of_a_certified_client() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    at.session_state["today"] = date(2026, 1, 10)
    at.date_input(key="ws.f.certified").set_value(date(2025, 4, 1))
    at.button(key="FormSubmitter:ws.client_form-Save the client's details").click().run()
    import_visit(at, quick_file(best=9), date(2026, 1, 5), "Follow-up")
    timeline = frame_with(at, "Detail")
    assert "Certification audit" in list(timeline["Detail"])
    assert "Year 2 maintenance audit due" in list(timeline["Detail"])
    assert {"Assessment", "Action due", "Audit"} <= set(timeline["What"])


def test_a_consultant_starts_an_assessment_for_a_client_and_records_it_from_the_readiness_page() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    next(b for b in at.button if b.label.startswith("Start a new assessment")).click().run()
    assert at.title[0].value == "Would you pass a COR audit today?"
    bank = default_content().bank
    first = bank.question_set("quick")[0]
    at.session_state["answers"] = {first.id: "yes"}  # as answering on the page does
    open_page(at, "workspace")
    record = next(
        b for b in at.button if b.label.startswith("Record the assessment open on the Readiness page")
    )
    assert record.label.endswith("(1 answer)")
    record.click().run()
    assert "Recorded the Readiness page's assessment (1 answer)." in [seen(s.value) for s in at.success]
    assert len(frame_with(at, "Readiness")) == 1
