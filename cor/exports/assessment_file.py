"""The assessment file: a self-assessment saved as versioned JSON, and read back safely.

Users keep the file to come back later, or hand it to a consultant. Reading it back must never
damage what is on screen, so ``load`` either returns a complete, checked Assessment or raises
AssessmentFileError with a message written for the user (what is wrong with the file, and what to
do), before anything is applied.

Decisions:
- A file from a *newer* version of COR Ready is refused (it may mean something this version
  cannot read); older versions are read as long as we know them (only version 1 exists).
- Answers, notes and plan edits for questions this version does not know, and answers with an
  option the question does not offer, are left out with a count in ``Assessment.skipped``
  rather than refusing the whole file: the question bank evolves, and one retired question
  should not cost a user the other eighty answers.
- Everything else that is not the expected shape is refused, naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError

from cor.assessment import NOTE_MAX_CHARS, OWNER_MAX_CHARS, Assessment, PlanEdit
from cor.content import default_content
from cor.models import Content

FORMAT = "cor-ready-assessment"
VERSION = 1
MAX_BYTES = 256 * 1024
MIME = "application/json"

_TOP_KEYS = {
    "format",
    "version",
    "saved_at",
    "jurisdiction",
    "workers",
    "cu_code",
    "program_id",
    "quick",
    "answers",
    "notes",
    "plan_edits",
}


class AssessmentFileError(ValueError):
    """The file cannot be used. ``str(exc)`` is a message for the user."""


def file_name(saved_at: datetime | date) -> str:
    return f"cor-ready-assessment-{saved_at:%Y-%m-%d}.json"


def dump(assessment: Assessment, saved_at: datetime | None = None) -> bytes:
    """The assessment as a version-1 file. Raises AssessmentFileError if it would be too big to load."""
    saved_at = saved_at or datetime.now(UTC)
    doc = {"format": FORMAT, "version": VERSION, "saved_at": saved_at.isoformat(timespec="seconds")}
    doc.update(assessment.payload())
    data = json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise AssessmentFileError(
            f"This assessment is too large to save as a file ({len(data) // 1024} KB, the limit is "
            f"{MAX_BYTES // 1024} KB). Shorten the longest notes and try again."
        )
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _parse(data: bytes) -> dict[str, Any]:
    if not isinstance(data, bytes | bytearray):
        raise AssessmentFileError("This is not a file COR Ready can read.")
    if len(data) > MAX_BYTES:
        raise AssessmentFileError(
            f"This file is too large ({len(data) // 1024} KB) to be a COR Ready assessment file "
            f"(at most {MAX_BYTES // 1024} KB). Choose the .json file COR Ready gave you."
        )
    if not data.strip():
        raise AssessmentFileError("This file is empty. Choose the .json file COR Ready gave you.")
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentFileError(
            "This file is not a COR Ready assessment file: it is not text (UTF-8 JSON). "
            "Choose the .json file COR Ready gave you."
        ) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise AssessmentFileError(
            "This file is damaged or not an assessment file: it is not valid JSON. "
            "Choose the .json file COR Ready gave you, unchanged."
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AssessmentFileError(
            "This JSON file is not a COR Ready assessment file (it does not say "
            f'"format": "{FORMAT}"). Choose a file saved with "Download assessment file (JSON)".'
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise AssessmentFileError("This assessment file has no valid version number, so it cannot be read.")
    if version > VERSION:
        raise AssessmentFileError(
            f"This assessment file was saved by a newer version of COR Ready (file version {version}; "
            f"this app reads version {VERSION}). Open it with the newer version, or update this app."
        )
    if version < 1:
        raise AssessmentFileError(f"This assessment file has an unknown version ({version}).")
    return doc


def _shape_error(field: str, expected: str) -> AssessmentFileError:
    return AssessmentFileError(
        f"This assessment file is damaged: '{field}' should be {expected}. "
        "Nothing was changed; choose the file COR Ready gave you, unchanged."
    )


def _string_map(doc: Mapping[str, Any], field: str, *, allow_null: bool = False) -> dict[str, Any]:
    value = doc.get(field, {})
    if not isinstance(value, dict):
        raise _shape_error(field, "an object of question ids")
    for key, item in value.items():
        if allow_null and item is None:
            continue
        if not isinstance(item, str):
            raise _shape_error(f"{field}.{key}", "text")
    return value


def _plan_edits(doc: Mapping[str, Any]) -> dict[str, PlanEdit]:
    raw = doc.get("plan_edits", {})
    if not isinstance(raw, dict):
        raise _shape_error("plan_edits", "an object of question ids")
    out: dict[str, PlanEdit] = {}
    for qid, edit in raw.items():
        if not isinstance(edit, dict) or set(edit) - {"owner", "target"}:
            raise _shape_error(f"plan_edits.{qid}", 'an object with "owner" and "target"')
        owner, target = edit.get("owner"), edit.get("target")
        if owner is not None and (not isinstance(owner, str) or len(owner) > OWNER_MAX_CHARS):
            raise _shape_error(f"plan_edits.{qid}.owner", f"text of at most {OWNER_MAX_CHARS} characters")
        when = None
        if target not in (None, ""):
            try:
                when = date.fromisoformat(target) if isinstance(target, str) else None
            except ValueError:
                when = None
            if when is None:
                raise _shape_error(f"plan_edits.{qid}.target", "a date like 2025-03-31")
        out[qid] = PlanEdit(owner=owner or None, target=when)
    return out


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def load(data: bytes, content: Content | None = None) -> Assessment:
    """Read an assessment file, checked against this version's question bank and programs."""
    doc = _parse(data)
    content = content or default_content()
    unknown_keys = sorted(set(doc) - _TOP_KEYS)
    if unknown_keys:
        raise _shape_error(unknown_keys[0], "absent (this version does not know that field)")
    for field, kind in (("quick", bool), ("jurisdiction", str), ("program_id", str), ("cu_code", str)):
        if doc.get(field) is not None and not isinstance(doc[field], kind):
            raise _shape_error(field, "true or false" if kind is bool else "text")
    workers = doc.get("workers")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
        raise _shape_error("workers", "a whole number")
    answers = _string_map(doc, "answers", allow_null=True)
    notes = _string_map(doc, "notes")
    for qid, note in notes.items():
        if len(note) > NOTE_MAX_CHARS:
            raise _shape_error(f"notes.{qid}", f"at most {NOTE_MAX_CHARS} characters")
    edits = _plan_edits(doc)

    bank = content.bank
    questions = {q.id: q for q in bank.questions}
    scales = {s.id: {o.id for o in s.options} for s in bank.scales}
    kept_answers: dict[str, str] = {}
    unknown_q = bad_option = 0
    for qid, option in answers.items():
        if option is None:
            continue
        if qid not in questions:
            unknown_q += 1
        elif option not in scales[questions[qid].scale]:
            bad_option += 1
        else:
            kept_answers[qid] = option
    kept_notes = {qid: n for qid, n in notes.items() if qid in questions and n.strip()}
    kept_edits = {qid: e for qid, e in edits.items() if qid in questions and e.as_state()}
    skipped: list[str] = []
    if unknown_q:
        skipped.append(
            f"{_plural(unknown_q, 'answer is', 'answers are')} for questions this version of "
            "COR Ready does not ask; they were left out."
        )
    if bad_option:
        skipped.append(
            f"{_plural(bad_option, 'answer uses', 'answers use')} an option the question does not "
            "offer; they were left out."
        )
    dropped_text = sum(q not in questions for q in notes) + sum(q not in questions for q in edits)
    if dropped_text:
        skipped.append(
            f"{_plural(dropped_text, 'note or plan edit is', 'notes or plan edits are')} for questions "
            "this version does not ask; they were left out."
        )

    program_id = doc.get("program_id")
    jurisdiction = doc.get("jurisdiction")
    programs = {p.id: p for p in content.programs}
    if program_id is not None and program_id not in programs:
        skipped.append(f"The file's program ({program_id}) is not known here; choose your program again.")
        program_id = None
    if program_id is not None:
        jurisdiction = programs[program_id].jurisdiction
    if jurisdiction is not None and jurisdiction not in {j.code for j in content.jurisdictions}:
        raise _shape_error("jurisdiction", "a province code COR Ready covers (BC or AB)")
    try:
        return Assessment(
            jurisdiction=jurisdiction,
            workers=workers,
            cu_code=doc.get("cu_code"),
            program_id=program_id,
            quick=bool(doc.get("quick", False)),
            answers=kept_answers,
            notes=kept_notes,
            plan_edits=kept_edits,
            saved_at=doc.get("saved_at"),
            skipped=tuple(skipped),
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "file"
        raise _shape_error(field, f"valid ({err['msg'].lower()})") from None
