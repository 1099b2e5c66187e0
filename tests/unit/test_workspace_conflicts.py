"""Saving "mine on top of theirs": their copy, with only the fields this user changed replaced."""

from __future__ import annotations

from datetime import date

from cor.workspace.conflicts import conflict_rows, merged
from cor.workspace.models import Client

BASE = Client(owner="anna", organisation="Coastal Framing", cu_codes=("721028",), workers=24, version=1)


def test_mine_goes_on_top_of_theirs_field_by_field_and_mine_wins_where_both_changed() -> None:
    theirs = BASE.model_copy(update={"contact": "Priya", "workers": 30, "version": 2})
    mine = BASE.model_copy(update={"notes": "Audit in spring", "workers": 26})
    result = merged(BASE, theirs, mine)
    assert (result.contact, result.notes, result.workers) == ("Priya", "Audit in spring", 26)
    assert result.version == 2  # saved against their version, so the next save is not a conflict


def test_the_conflict_table_lists_only_fields_either_side_changed_as_a_user_reads_them() -> None:
    theirs = BASE.model_copy(update={"cu_codes": ("721028", "721005"), "version": 2})
    mine = BASE.model_copy(update={"certified_on": date(2025, 3, 14)})
    assert conflict_rows(BASE, theirs, mine) == [
        {
            "Field": "CU codes",
            "Saved by them": "721028, 721005",
            "Yours": "721028",
            "After saving yours": "721028, 721005",
        },
        {
            "Field": "Certified on",
            "Saved by them": "",
            "Yours": "2025-03-14",
            "After saving yours": "2025-03-14",
        },
    ]
