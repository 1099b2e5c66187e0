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
- Everything else that is not the expected shape is refused, naming the field; the shape is one
  pydantic model (:class:`AssessmentFileV1`).
- Text that cannot be encoded (a lone surrogate such as "\\ud800", valid JSON) is cleaned at load,
  in every text field and key, so saving and rendering never raise.
- A file with nothing usable is refused with its reason: it must never replace answers with none.
- A note is limited as the page limits it, in characters as a person counts them (an emoji with a
  skin tone is one): what the app writes, it reads back.
- Arrays and objects nested deeper than :data:`MAX_DEPTH` are refused before parsing: a 1 KB file
  nested 900 levels deep would otherwise exhaust Python's recursion limit.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from itertools import accumulate
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

from cor.assessment import NOTE_MAX_CHARS, OWNER_MAX_CHARS, Assessment, PlanEdit, characters
from cor.content import default_content
from cor.models import Content

FORMAT = "cor-ready-assessment"
VERSION = 1
MAX_BYTES = 256 * 1024
#: An assessment file is three levels deep (file, plan_edits, one edit); far deeper is not one, and
#: reading it would exhaust Python's recursion limit.
MAX_DEPTH = 16
MIME = "application/json"


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


# a string, or an unclosed one to the end of the text: every quote starts a match, so the scan is
# linear whatever the file holds
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest, counted without parsing it (brackets
    inside strings do not count), so a file built to exhaust the parser's recursion is refused
    before it is parsed."""
    brackets = _JSON_BRACKET.findall(_JSON_STRING.sub('""', text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


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
    if nesting_depth(text) > MAX_DEPTH:
        raise AssessmentFileError(
            "This file is damaged or not an assessment file: its data is nested far deeper than an "
            "assessment file's. Choose the .json file COR Ready gave you, unchanged."
        )
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


#: The most of a file's own text a message quotes (a field name or id may be any length).
QUOTE_MAX_CHARS = 80


def _quoted(text: str) -> str:
    """Text from the file, cut to :data:`QUOTE_MAX_CHARS` for a message."""
    return text if len(text) <= QUOTE_MAX_CHARS else text[: QUOTE_MAX_CHARS - 1] + "…"


def _shape_error(field: str, expected: str) -> AssessmentFileError:
    return AssessmentFileError(
        f"This assessment file is damaged: '{field}' should be {expected}. "
        "Nothing was changed; choose the file COR Ready gave you, unchanged."
    )


def _clean_text(text: str) -> str:
    """Text that can be stored, shown and printed: a lone surrogate (valid JSON, "\\ud800", but
    not encodable as UTF-8) becomes U+FFFD, and a well-formed escaped pair becomes its character."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _clean(value: Any) -> Any:
    """Every string of the parsed file, keys included, cleaned by :func:`_clean_text`."""
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, dict):
        return {_clean_text(str(key)): _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


_Text = Annotated[str, StringConstraints(strict=True)]


def _note_fits(note: str) -> str:
    """A note within the limit the page keeps, counted the same way (as a person counts
    characters), so every note the app writes to a file is read back."""
    if characters(note) > NOTE_MAX_CHARS:
        raise PydanticCustomError("note_too_long", "a note longer than the page keeps")
    return note


_Note = Annotated[str, StringConstraints(strict=True), AfterValidator(_note_fits)]


class _FilePlanEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    owner: Annotated[str, StringConstraints(strict=True, max_length=OWNER_MAX_CHARS)] | None = None
    target: date | None = None

    @field_validator("target", mode="before")
    @classmethod
    def _blank_target(cls, value: object) -> object:
        if value == "":
            return None
        if not isinstance(value, str | None):
            raise ValueError("a date like 2025-03-31")
        return value


class AssessmentFileV1(BaseModel):
    """The shape of a version-1 assessment file. Unknown fields are refused (naming the field)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal["cor-ready-assessment"]
    version: int
    saved_at: datetime | None = Field(default=None, strict=False)
    jurisdiction: _Text | None = None
    workers: int | None = None
    cu_code: _Text | None = None
    program_id: _Text | None = None
    quick: bool = False
    answers: dict[str, _Text | None] = Field(default_factory=dict)
    notes: dict[str, _Note] = Field(default_factory=dict)
    plan_edits: dict[str, _FilePlanEdit] = Field(default_factory=dict)


_EXPECTED = {
    "answers": "an object of question ids",
    "notes": "an object of question ids",
    "plan_edits": "an object of question ids",
    "quick": "true or false",
    "workers": "a whole number",
    "saved_at": "a date and time",
}


def _validated(doc: dict[str, Any]) -> AssessmentFileV1:
    try:
        return AssessmentFileV1.model_validate(doc)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(part) for part in error["loc"]]
        field = _quoted(".".join(loc)) or "file"
        if error["type"] == "extra_forbidden" and loc[0] == "plan_edits":
            raise _shape_error(_quoted(".".join(loc[:2])), 'an object with "owner" and "target"') from None
        if error["type"] == "extra_forbidden":
            raise _shape_error(field, "absent (this version does not know that field)") from None
        if len(loc) == 1 and loc[0] in _EXPECTED:
            raise _shape_error(field, _EXPECTED[loc[0]]) from None
        if loc[0] == "notes" and error["type"] == "note_too_long":
            raise _shape_error(field, f"at most {NOTE_MAX_CHARS:,} characters") from None
        if loc[0] == "plan_edits" and loc[-1] == "target":
            raise _shape_error(field, "a date like 2025-03-31") from None
        if loc[0] == "plan_edits" and loc[-1] == "owner":
            raise _shape_error(field, f"text of at most {OWNER_MAX_CHARS} characters") from None
        if loc[0] == "plan_edits":
            raise _shape_error(field, 'an object with "owner" and "target"') from None
        raise _shape_error(field, "text" if "str" in error["type"] else "valid") from None


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _kept(
    file: AssessmentFileV1, content: Content
) -> tuple[dict[str, str], dict[str, str], dict[str, PlanEdit], list[str]]:
    """What of the file's answers, notes and plan edits this version can use, and what was left out."""
    questions = {q.id: q for q in content.bank.questions}
    scales = {s.id: {o.id for o in s.options} for s in content.bank.scales}
    answers = {qid: option for qid, option in file.answers.items() if option is not None}
    unknown_q = sum(qid not in questions for qid in answers)
    kept_answers = {
        qid: option
        for qid, option in answers.items()
        if qid in questions and option in scales[questions[qid].scale]
    }
    bad_option = len(answers) - unknown_q - len(kept_answers)
    kept_notes = {qid: n for qid, n in file.notes.items() if qid in questions and n.strip()}
    edits = {qid: PlanEdit(owner=e.owner or None, target=e.target) for qid, e in file.plan_edits.items()}
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
    dropped_text = sum(q not in questions for q in file.notes) + sum(
        q not in questions for q in file.plan_edits
    )
    if dropped_text:
        skipped.append(
            f"{_plural(dropped_text, 'note or plan edit is', 'notes or plan edits are')} for questions "
            "this version does not ask; they were left out."
        )
    return kept_answers, kept_notes, kept_edits, skipped


def load(data: bytes, content: Content | None = None) -> Assessment:
    """Read an assessment file, checked against this version's question bank and programs.

    A file whose answers, notes and plan edits are all unusable here is refused with the reason,
    so loading it can never replace a user's answers with nothing.
    """
    file = _validated(_clean(_parse(data)))
    content = content or default_content()
    answers, notes, edits, skipped = _kept(file, content)
    if not (answers or notes or edits):
        reason = " ".join(skipped) or "It holds no answers, notes or plan edits."
        raise AssessmentFileError(
            f"This assessment file has nothing COR Ready can use. {reason} Your answers were not replaced."
        )
    program_id, jurisdiction = file.program_id, file.jurisdiction
    programs = {p.id: p for p in content.programs}
    if program_id is not None and program_id not in programs:
        skipped.append(
            f"The file's program ({_quoted(program_id)}) is not known here; choose your program again."
        )
        program_id = None
    if program_id is not None:
        jurisdiction = programs[program_id].jurisdiction
    if jurisdiction is not None and jurisdiction not in content.jurisdictions_by_code:
        covered = " or ".join(content.jurisdictions_by_code)
        raise _shape_error("jurisdiction", f"a province code COR Ready covers ({covered})")
    try:
        return Assessment(
            jurisdiction=jurisdiction,
            workers=file.workers,
            cu_code=file.cu_code,
            program_id=program_id,
            quick=file.quick,
            answers=answers,
            notes=notes,
            plan_edits=edits,
            saved_at=file.saved_at,
            skipped=tuple(skipped),
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "file"
        raise _shape_error(field, f"valid ({err['msg'].lower()})") from None
