"""Spreadsheet safety shared by every export (CSV and XLSX).

Text a user typed (an owner's name, a note) or that comes from content could start with a
character a spreadsheet reads as a formula. OWASP's advice against CSV injection: prefix such a
cell with a single quote so it is shown, never run. Spreadsheets trim more than plain spaces
before they look at the first character, so the check looks through every invisible or blank
lead-in a cell can hide a trigger behind.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cor.formatting import tenth_down

#: First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
FORMULA_TRIGGERS = frozenset({"=", "+", "-", "@", "\t", "\r", "\n"})

#: Characters a spreadsheet may drop or trim before the first visible one: spaces (plain,
#: non-breaking, ideographic and the other Unicode spaces), zero-width characters, a byte-order
#: mark, and line breaks and tabs.
_LEAD_IN = (
    " \t\r\n\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)


#: Characters XML 1.0 (so XLSX) cannot hold, and that browsers keep in a typed value: the C0
#: controls but tab and line breaks (``\x0b``, ``\x01``...), DEL, lone surrogates, U+FFFE/FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: object) -> str:
    """The text without characters a spreadsheet file cannot hold (they are invisible anyway)."""
    return _NOT_IN_XML.sub("", "" if text is None else str(text))


class Percent(float):
    """A percentage as a fraction (0.723 is 72.3%): a number in XLSX, shown with a % format."""

    @classmethod
    def of(cls, pct: Decimal) -> Percent:
        """From a percentage (72.35), rounded down to one decimal as the screen shows it."""
        return cls(float(tenth_down(pct)) / 100)

    def shown(self) -> str:
        return f"{self * 100:.1f}%"


def safe_cell(text: object) -> str:
    """Text that a spreadsheet will show as text, never evaluate as a formula."""
    value = clean_text(text)
    if value[:1] in FORMULA_TRIGGERS or value.lstrip(_LEAD_IN)[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value
