"""The client-ready PDF (cor.exports.client_report): what a consultant hands the employer."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from cor.assessment import Assessment
from cor.content import default_content
from cor.exports.client_report import build_client_report
from cor.workspace.models import Client, ClientAction, ClientAssessment

CONTENT = default_content()
QUICK = CONTENT.bank.question_set("quick")


def quick(best: int) -> Assessment:
    answers = {}
    for n, question in enumerate(QUICK):
        options = [o for o in CONTENT.bank.scale(question.scale).options if o.credit is not None]
        pick = max if n < best else min
        answers[question.id] = pick(options, key=lambda o: o.credit or 0).id
    return Assessment(
        jurisdiction="BC",
        program_id="bc-large",
        quick=True,
        answers=answers,
        notes={QUICK[0].id: "Binder in the office 😀"},
    )


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def report() -> str:
    client = Client(
        owner="dana",
        organisation="Zoë's Harbour Builders",
        contact="Sam Lee",
        cu_codes=("721024",),
        partner_id="bccsa",
        workers=24,
    )
    first = ClientAssessment(client_id=client.id, taken_on=date(2026, 3, 2), assessment=quick(3))
    second = ClientAssessment(client_id=client.id, taken_on=date(2026, 9, 14), assessment=quick(9))
    last_question = QUICK[-1]
    tracked = ClientAction(
        client_id=client.id, question_id=last_question.id, title="x", status="in_progress", owner="Site lead"
    )
    pdf = build_client_report(
        content=CONTENT,
        client=client,
        visits=[second, first],
        actions=[tracked],
        consultant="dana",
        generated_on=date(2026, 9, 15),
    )
    return text_of(pdf)


def test_the_cover_names_the_organisation_industry_partner_and_program(report: str) -> None:
    unit = CONTENT.unit("721024")
    assert unit is not None
    assert "Zoë's Harbour Builders" in report
    assert f"721024 {unit.name}" in report
    assert CONTENT.partner("bccsa").name in report
    assert CONTENT.program("bc-large").name in report
    assert "Prepared on 15 Sep 2026" in report


def test_it_shows_the_change_since_the_last_visit(report: str) -> None:
    assert "Change since the last visit (2 Mar 2026 to 14 Sep 2026)" in report
    assert "percentage points" in report


def test_the_action_plan_gives_evidence_why_and_the_workspace_status(report: str) -> None:
    last_question = QUICK[-1]
    assert "Why it matters:" in report and "Evidence to produce" in report
    assert last_question.why[:40] in report
    assert "Status: In progress. Owner: Site lead." in report


def test_the_answers_are_listed_with_notes_and_never_fail_on_emoji(report: str) -> None:
    assert "Answers at the visit of 14 Sep 2026" in report
    assert "Binder in the office" in report


def test_a_client_without_visits_gets_a_clear_message() -> None:
    client = Client(owner="dana", organisation="New Co")
    with pytest.raises(ValueError, match="Record an assessment"):
        build_client_report(
            content=CONTENT,
            client=client,
            visits=[],
            actions=[],
            consultant="dana",
            generated_on=date(2026, 1, 1),
        )


def test_the_pdf_counts_open_overdue_and_met_actions_as_the_screen_does() -> None:
    from cor.workspace.progress import action_counts, actions_from, met_on

    client = Client(owner="dana", organisation="Harbour Builders")
    first = ClientAssessment(client_id=client.id, taken_on=date(2026, 3, 2), assessment=quick(3))
    later = ClientAssessment(client_id=client.id, taken_on=date(2026, 9, 14), assessment=quick(12))
    actions = [*actions_from(CONTENT, client.id, first, date(2026, 3, 2))]
    actions.append(ClientAction(client_id=client.id, title="Order kits", due=date(2026, 4, 1)))
    today = date(2026, 10, 1)
    pdf = build_client_report(
        content=CONTENT,
        client=client,
        visits=[first, later],
        actions=actions,
        consultant="dana",
        generated_on=today,
    )
    said = action_counts(actions, met_on(CONTENT, actions, [first, later]), today)
    assert said.startswith("1 action open, 1 overdue")
    assert said in text_of(pdf)
