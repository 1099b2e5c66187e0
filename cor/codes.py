"""Codes people type: a CU code may arrive with full-width or Arabic-Indic digits (a phone keyboard
in another script, a pasted spreadsheet cell), spaces or dashes. Every place that reads a CU code
reads it through here, so 766011 is 766011 however it was typed."""

from __future__ import annotations

import re
import unicodedata

_CU_RE = re.compile(r"^\d{6}$")


def ascii_digits(text: str) -> str:
    """``text`` with every Unicode decimal digit (full-width ７, Arabic-Indic ٧, ...) as its ASCII
    digit, and compatibility forms folded (NFKC); other characters are kept."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in folded)


def cu_code(text: object) -> str | None:
    """The six-digit CU code in ``text`` (spaces, dashes and dots between digits ignored), or None."""
    if not isinstance(text, str):
        return None
    digits = re.sub(r"[\s\-.\u00a0]", "", ascii_digits(text))
    return digits if _CU_RE.fullmatch(digits) and digits.isascii() else None
