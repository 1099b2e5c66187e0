"""A made-up third jurisdiction, added purely as content: the proof that a province is data.

``with_third_jurisdiction(folder)`` copies the project's ``content/`` into ``folder`` and adds
"Northreach" (code NR) the way an editor would add a real province: a record in
jurisdictions.toml, a program, a partner, a role, a directory note and a maintenance pass mark.
No code knows it. It is never shipped in ``content/``.

Its figures differ from BC's and Alberta's on purpose (a 75% / 40% pass rule, no ISO route, a
55% maintenance pass mark), so a page showing them shows Northreach's record and no other.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

from tests.conftest import ROOT

CODE = "NR"
NAME = "Northreach"
PROGRAM = "Northreach COR"
PARTNER = "Northreach Safety Partnership"
PARTNERS_PROGRAM = "Northreach COR Office"
MAINTENANCE_AUDITOR = "Yearly maintenance audits by a registered internal auditor"
DIRECTION = "Scalable audits under study"
ROLE = "Northreach Workers' Board"
SOURCE = 'source_url = "https://example.org/northreach"\neffective = "2026"\n'

JURISDICTION = f'''
[[jurisdiction]]
code = "{CODE}"
name = "{NAME}"
regulator = "{ROLE}"
incentive_program = "Northreach safety rebate"
iso_equivalency = false
iso_equivalency_note = "Northreach accepts no ISO 45001 certification in place of COR."
search_examples = "fishing, forestry, mining"
pass_rule = {{ overall_min_pct = 75, element_min_pct = 40 }}
partners_program = {{ name = "{PARTNERS_PROGRAM}", url = "https://example.org/northreach/cor", phone = "555-0100", email = "cor@example.org" }}
source_note = "Made up for the tests."
{SOURCE}
[[jurisdiction.notes]]
title = "{DIRECTION}"
text = "Northreach is studying an audit scaled to the employer's size."
status = "direction"
{SOURCE}'''

PROGRAMS = f'''
[[program]]
id = "nr-cor"
jurisdiction = "{CODE}"
name = "{PROGRAM}"
size = "large"
min_workers = 1
question_set = "large"
certification_auditor = "An external auditor"
maintenance_auditor = "{MAINTENANCE_AUDITOR}"
summary = "For every employer in Northreach, whatever its size."
{SOURCE}'''

PARTNERS = f'''
[[partner]]
id = "nr-nsp"
jurisdiction = "{CODE}"
name = "{PARTNER}"
short_name = "NSP"
industries = "Fishing and forestry"
keywords = "fishing; forestry; boat; logging"
programs = ["large"]
url = "https://example.org/northreach/nsp"
{SOURCE}'''

ROLES = f'''
[[role]]
id = "nr-board"
jurisdiction = "{CODE}"
name = "{ROLE}"
does = ["Issues the certificate with the partner"]
{SOURCE}'''

DIRECTORY_NOTE = f'''
[[directory_note]]
jurisdiction = "{CODE}"
text = "Northreach has one certifying partner."
{SOURCE}'''

MAINTENANCE_PASS = f'''
[[maintenance_pass]]
jurisdiction = "{CODE}"
overall_min_pct = 55
stated_by = "{PARTNER}"
note = "Northreach's only partner states it."
{SOURCE}'''


def _toml_value(value: object) -> str | None:
    """A plain value as TOML writes it (JSON's strings, numbers and booleans are TOML's too)."""
    if isinstance(value, (str, bool, int, float)):
        return json.dumps(value)
    return None


def _alberta_fields_it_lacks(original: Path) -> str:
    """Alberta's plain fields that the made-up record does not set: a field added to every
    jurisdiction later (e.g. how its incentive is worked out) then needs no change here."""
    records = tomllib.loads(original.read_text("utf-8"))["jurisdiction"]
    alberta = next(record for record in records if record["code"] == "AB")
    ours = tomllib.loads(JURISDICTION)["jurisdiction"][0]
    lines = []
    for key, value in alberta.items():
        written = _toml_value(value)
        if key not in ours and written is not None:
            lines.append(f"{key} = {written}")
    return "\n".join(lines)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + "\n" + text, "utf-8")


def with_third_jurisdiction(folder: Path) -> Path:
    """A copy of content/ in ``folder`` with Northreach added; returns the copy's path."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    record, notes = JURISDICTION.split("[[jurisdiction.notes]]")
    extra = _alberta_fields_it_lacks(content / "jurisdictions.toml")
    _append(content / "jurisdictions.toml", f"{record.rstrip()}\n{extra}\n\n[[jurisdiction.notes]]{notes}")
    _append(content / "programs.toml", PROGRAMS)
    _append(content / "partners.toml", PARTNERS)
    _append(content / "roles.toml", ROLES)
    _append(content / "guide" / "partner_guide.toml", DIRECTORY_NOTE)
    _append(content / "cycle.toml", MAINTENANCE_PASS)
    return content
