"""The assessment file round-trips, and every kind of bad file is refused with a message for the user."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from cor.assessment import NOTE_MAX_CHARS, Assessment, PlanEdit
from cor.content import default_content
from cor.exports.assessment_file import FORMAT, MAX_BYTES, VERSION, AssessmentFileError, dump, load

C = default_content()
Q1, Q2, Q3 = C.bank.questions[0], C.bank.questions[1], C.bank.questions[2]


def options(q: Any) -> list[str]:
    return [o.id for o in C.bank.scale(q.scale).options]


def full() -> Assessment:
    ab = next(p for p in C.programs if p.jurisdiction == "AB")
    return Assessment(
        jurisdiction="AB",
        workers=42,
        cu_code=None,
        program_id=ab.id,
        quick=True,
        answers={Q1.id: options(Q1)[0], Q2.id: options(Q2)[-1]},
        notes={Q1.id: 'Policy signed 2024; =HYPERLINK("x") and <b>tags</b> stay text', Q3.id: "Ask Maria"},
        plan_edits={Q2.id: PlanEdit(owner="Site lead", target=date(2025, 3, 31))},
    )


def doc(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"format": FORMAT, "version": VERSION, "answers": {Q1.id: options(Q1)[0]}}
    base.update(fields)
    return base


def raw(d: Any) -> bytes:
    return json.dumps(d).encode("utf-8")


# --- round trip ------------------------------------------------------------------------------


def test_what_is_saved_comes_back_identical() -> None:
    original = full()
    back = load(dump(original, saved_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)))
    assert back.payload() == original.payload()
    assert back.saved_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert back.skipped == ()


def test_the_file_names_its_format_and_version() -> None:
    d = json.loads(dump(full()))
    assert d["format"] == "cor-ready-assessment"
    assert d["version"] == 1
    assert "saved_at" in d


def test_an_assessment_with_nothing_in_it_is_refused_rather_than_replacing_answers_with_none() -> None:
    """It was read, and the page offered to replace the answers with 0."""
    message = refused(dump(Assessment(workers=12)))
    assert "has nothing COR Ready can use. It holds no answers, notes or plan edits." in message


def test_a_file_with_a_byte_order_mark_from_a_windows_editor_is_read() -> None:
    assert load(b"\xef\xbb\xbf" + raw(doc())).answers == {Q1.id: options(Q1)[0]}


def test_the_program_decides_the_province() -> None:
    bc = next(p for p in C.programs if p.jurisdiction == "BC")
    assert load(raw(doc(program_id=bc.id, jurisdiction="AB"))).jurisdiction == "BC"


def test_a_file_at_exactly_the_size_limit_is_read() -> None:
    body = raw(doc())
    padded = body[:-1] + b" " * (MAX_BYTES - len(body)) + b"}"
    assert len(padded) == MAX_BYTES
    assert load(padded).answers == {Q1.id: options(Q1)[0]}


def test_dump_refuses_an_assessment_too_big_to_be_loaded_again() -> None:
    huge = Assessment(notes={q.id: "é" * NOTE_MAX_CHARS for q in C.bank.questions})
    with pytest.raises(AssessmentFileError, match="too large"):
        dump(huge)


# --- rejections ------------------------------------------------------------------------------


def refused(data: bytes) -> str:
    with pytest.raises(AssessmentFileError) as info:
        load(data)
    assert isinstance(info.value, ValueError)
    return str(info.value)


def test_a_binary_file_is_refused_as_not_text() -> None:
    assert "not text" in refused(b"\x89PNG\r\n\x1a\n\xff\xfe\x00garbage")


@pytest.mark.parametrize("data", [b"{not json", b'{"format": "cor-ready-assessment", "version": 1'])
def test_a_damaged_file_is_refused_as_not_json(data: bytes) -> None:
    assert "not valid JSON" in refused(data)


def test_an_empty_file_is_refused() -> None:
    assert "empty" in refused(b"  \n")


@pytest.mark.parametrize(
    "d", [[1, 2, 3], "text", {"answers": {}}, {"format": "something-else", "version": 1}, {"format": None}]
)
def test_a_foreign_json_file_is_refused(d: Any) -> None:
    assert "not a COR Ready assessment file" in refused(raw(d))


def test_a_file_from_a_newer_version_is_refused_with_both_versions_named() -> None:
    message = refused(raw(doc(version=VERSION + 1)))
    assert "newer version" in message
    assert f"file version {VERSION + 1}" in message
    assert f"reads version {VERSION}" in message


@pytest.mark.parametrize("version", [None, "1", True, 1.5, 0])
def test_a_missing_or_invalid_version_is_refused(version: Any) -> None:
    d = doc(version=version)
    if version is None:
        del d["version"]
    assert "version" in refused(raw(d))


def test_an_oversized_file_is_refused_before_it_is_parsed() -> None:
    message = refused(b" " * (MAX_BYTES + 1))
    assert "too large" in message
    assert "256 KB" in message


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"answers": [Q1.id]}, "answers"),
        ({"answers": {Q1.id: 1}}, f"answers.{Q1.id}"),
        ({"notes": "hello"}, "notes"),
        ({"notes": {Q1.id: ["x"]}}, f"notes.{Q1.id}"),
        ({"notes": {Q1.id: "x" * (NOTE_MAX_CHARS + 1)}}, f"notes.{Q1.id}"),
        ({"plan_edits": {Q1.id: "tomorrow"}}, f"plan_edits.{Q1.id}"),
        ({"plan_edits": {Q1.id: {"target": "31/03/2025"}}}, f"plan_edits.{Q1.id}.target"),
        ({"plan_edits": {Q1.id: {"owner": 7}}}, f"plan_edits.{Q1.id}.owner"),
        ({"plan_edits": {Q1.id: {"owner": "x", "colour": "red"}}}, f"plan_edits.{Q1.id}"),
        ({"quick": "yes"}, "quick"),
        ({"workers": "12"}, "workers"),
        ({"workers": 0}, "workers"),
        ({"jurisdiction": "ON"}, "jurisdiction"),
        ({"cu_code": "12ab"}, "cu_code"),
        ({"saved_at": "last Tuesday"}, "saved_at"),
        ({"password": "x"}, "password"),
    ],
)
def test_a_wrong_shape_is_refused_naming_the_field(fields: dict[str, Any], field: str) -> None:
    message = refused(raw(doc(**fields)))
    assert f"'{field}'" in message
    assert "damaged" in message


def test_infinity_or_nan_numbers_are_refused() -> None:
    assert "not valid JSON" in refused(b'{"format": "cor-ready-assessment", "version": 1, "workers": NaN}')


# --- unknown ids: left out with a count, never fatal --------------------------------------


def test_answers_for_unknown_questions_are_left_out_and_counted() -> None:
    a = load(raw(doc(answers={Q1.id: options(Q1)[0], "retired-question": "yes", "another-gone": "no"})))
    assert a.answers == {Q1.id: options(Q1)[0]}
    assert any(s.startswith("2 answers are for questions") for s in a.skipped)


def test_an_answer_with_an_option_the_question_lacks_is_left_out_and_counted() -> None:
    a = load(raw(doc(answers={Q1.id: "definitely-not-an-option", Q2.id: options(Q2)[0]})))
    assert a.answers == {Q2.id: options(Q2)[0]}
    assert any(s.startswith("1 answer uses an option") for s in a.skipped)


def test_notes_and_plan_edits_for_unknown_questions_are_left_out() -> None:
    a = load(
        raw(
            doc(
                notes={"gone": "x", Q1.id: "kept"},
                plan_edits={"gone": {"owner": "x"}, Q1.id: {"owner": "Me", "target": "2025-05-01"}},
            )
        )
    )
    assert a.notes == {Q1.id: "kept"}
    assert a.plan_edits == {Q1.id: PlanEdit(owner="Me", target=date(2025, 5, 1))}
    assert any(s.startswith("2 notes or plan edits") for s in a.skipped)


def test_an_unknown_program_is_dropped_with_a_note_and_the_answers_kept() -> None:
    a = load(raw(doc(program_id="mars-cor")))
    assert a.program_id is None
    assert a.answers == {Q1.id: options(Q1)[0]}
    assert any("mars-cor" in s for s in a.skipped)


def test_unanswered_questions_saved_as_null_are_simply_unanswered() -> None:
    a = load(raw(doc(answers={Q1.id: None, Q2.id: options(Q2)[0]})))
    assert a.answers == {Q2.id: options(Q2)[0]}
    assert a.skipped == ()


def _doc(**fields: object) -> bytes:
    return json.dumps({"format": "cor-ready-assessment", "version": 1, **fields}).encode()


def test_a_lone_surrogate_in_any_text_field_is_cleaned_so_saving_never_raises() -> None:
    """ "\\ud800" is valid JSON; it must not reach the draft store or the page."""
    question = default_content().bank.question_set("large")[0]
    option = default_content().bank.scale(question.scale).options[0].id
    raw = (
        '{"format": "cor-ready-assessment", "version": 1, "program_id": "bc-large",'
        f' "answers": {{"{question.id}": "{option}"}},'
        f' "notes": {{"{question.id}": "binder \\ud800 shelf"}},'
        f' "plan_edits": {{"{question.id}": {{"owner": "Sam \\udfff"}}}}}}'
    ).encode()
    assessment = load(raw)
    assert assessment.notes[question.id] == "binder \ufffd shelf"
    assert assessment.plan_edits[question.id].owner == "Sam \ufffd"
    dump(assessment).decode("utf-8")  # never raises UnicodeEncodeError
    json.dumps(assessment.payload(), ensure_ascii=False).encode("utf-8")


def test_a_file_with_only_unknown_questions_is_refused_with_its_reason() -> None:
    """A file from another content version must not load "0 answers" over the user's."""
    with pytest.raises(AssessmentFileError) as refused:
        load(_doc(answers={"a-retired-question": "yes", "another-one": "no"}, notes={"gone": "x"}))
    message = str(refused.value)
    assert "nothing COR Ready can use" in message
    assert "2 answers are for questions this version of COR Ready does not ask" in message
