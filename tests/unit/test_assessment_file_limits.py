"""The assessment file reads back whatever the app writes, and a file built to hurt the reader is
refused with the file message."""

from __future__ import annotations

import json

import pytest

from cor.assessment import NOTE_MAX_CHARS, Assessment, characters, clip_note
from cor.content import default_content
from cor.exports import assessment_file
from cor.exports.assessment_file import FORMAT, VERSION, AssessmentFileError, dump, load

C = default_content()
Q1 = C.bank.questions[0]
THUMB = "👍🏽"  # one character as a person counts it, two code points


def test_a_note_of_1100_emoji_with_skin_tones_is_read_back() -> None:
    note = THUMB * 1100  # 1,100 characters, 2,200 code points
    assert characters(note) <= NOTE_MAX_CHARS < len(note)
    assert load(dump(Assessment(notes={Q1.id: note})), C).notes == {Q1.id: note}


def test_the_longest_note_the_page_keeps_is_read_back() -> None:
    kept, cut = clip_note(THUMB * (NOTE_MAX_CHARS + 50))
    assert cut
    assert load(dump(Assessment(notes={Q1.id: kept})), C).notes == {Q1.id: kept}


def test_a_note_longer_than_the_page_keeps_is_refused_naming_it() -> None:
    note = "e\u0301" * (NOTE_MAX_CHARS + 1)  # an accented letter is one character, however written
    data = json.dumps({"format": FORMAT, "version": VERSION, "notes": {Q1.id: note}}).encode()
    with pytest.raises(AssessmentFileError, match=f"notes.{Q1.id}' should be at most {NOTE_MAX_CHARS:,}"):
        load(data, C)


def deep(levels: int) -> bytes:
    return (
        b'{"format": "cor-ready-assessment", "version": 1, "answers": ' + b"[" * levels + b"]" * levels + b"}"
    )


@pytest.mark.parametrize("levels", [900, 5000, 100_000])
def test_json_nested_hundreds_of_levels_deep_is_refused_with_the_file_message(levels: int) -> None:
    data = deep(levels)
    with pytest.raises(AssessmentFileError, match="damaged or not an assessment file"):
        load(data, C)


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    depth = assessment_file.nesting_depth
    assert depth(json.dumps({"a": '[[[["{{', "b": [[1]]})) == 3
    assert depth(json.dumps({"a": 'say \\"[[[" ok'})) == 1
