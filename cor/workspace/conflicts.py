"""Two people saved the same client: what saving "mine on top of theirs" gives, field by field.

A save is checked against the version the form was filled from (``ConflictError``). The user then
sees, for each field either side changed, the value their colleague saved, their own, and what
saving theirs on top would store: the colleague's copy with only the fields this user changed
(from the copy they read) replaced. Where both changed a field, this user's value wins.
"""

from __future__ import annotations

from cor.workspace.models import Client

#: The fields a consultant edits in the client form, with the names the conflict table shows.
FIELD_LABELS: dict[str, str] = {
    "organisation": "Organisation",
    "contact": "Contact",
    "cu_codes": "CU codes",
    "workers": "Workers",
    "partner_id": "Certifying partner",
    "notes": "Notes",
    "certified_on": "Certified on",
}


def merged(base: Client, stored: Client, mine: Client) -> Client:
    """Their saved copy (``stored``) with the fields this user changed from ``base`` on top."""
    changes = {
        name: getattr(mine, name) for name in FIELD_LABELS if getattr(mine, name) != getattr(base, name)
    }
    return stored.model_copy(update=changes)


def shown(value: object) -> str:
    """A field's value as the conflict table reads it (CU codes comma-separated, nothing as "")."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(part) for part in value)
    return str(value)


def conflict_rows(base: Client, stored: Client, attempted: Client) -> list[dict[str, str]]:
    """Each field either side changed: their saved value, yours, and what saving yours gives."""
    mine = merged(base, stored, attempted)
    return [
        {
            "Field": label,
            "Saved by them": shown(getattr(stored, name)),
            "Yours": shown(getattr(attempted, name)),
            "After saving yours": shown(getattr(mine, name)),
        }
        for name, label in FIELD_LABELS.items()
        if len({shown(getattr(copy, name)) for copy in (base, stored, attempted)}) > 1
    ]
