"""The workspace's records in the shared database, always read as one user.

Contract (the pages rely on it):

- ``Workspace(db=None)``: ``db`` is a ``cor.db.Database``; None means the one configured for this
  process (``DATABASE_URL``, else the SQLite file of ``COR_READY_DRAFT_DB``). Safe to share
  between sessions and threads (one pooled engine).
- Every call names the signed-in ``user`` (a stable user id such as an e-mail address; never shown
  in URLs or logs). A user reads and writes only the clients they own or that were shared with
  them; ``admin=True`` reads and writes every client. A client the user may not see raises
  ``NotFoundError``, exactly as a missing one does.
- ``save_client`` / ``save_action`` take the record as it was read (with its ``version``) and
  return the stored record with the next version. A record with ``version == 0`` is new. When
  somebody saved it in between, ``ConflictError`` carries both copies; nothing is written, so the
  page can show both and the user can save again from the stored copy.
- ``shared_with`` on a client changes only through ``share_client`` / ``unshare_client`` (by
  the owner or an admin); ``save_client`` keeps whatever sharing is stored.
- Workshop rooms are anonymous: ``open_room()`` gives a short code, attendees'
  ``submit_room_answer`` replaces their own previous summary, ``room_answers`` lists the summaries,
  ``close_room`` deletes the room with every answer. A room expires ``ROOM_HOURS`` after it was
  opened, and then behaves as closed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cor.assessment import Assessment
from cor.workspace.models import Client, ClientAction, ClientAssessment

ROOM_HOURS = 6
#: A summary is a handful of counts and element ids; anything bigger is refused.
MAX_ROOM_SUMMARY_BYTES = 8 * 1024
MAX_ROOM_ANSWERS = 1000


class Workspace:
    """Clients, assessments, actions and workshop rooms of every consultant, scoped per call."""

    def __init__(self, db: Any = None) -> None:
        raise NotImplementedError

    def list_clients(self, user: str, *, admin: bool = False) -> list[Client]:
        """The user's own and shared clients (every client for an admin), by organisation name."""
        raise NotImplementedError

    def get_client(self, user: str, client_id: str, *, admin: bool = False) -> Client:
        raise NotImplementedError

    def save_client(self, user: str, client: Client, *, admin: bool = False) -> Client:
        """Insert (version 0, ``owner`` is set to ``user``) or update; raises ConflictError."""
        raise NotImplementedError

    def delete_client(self, user: str, client_id: str, *, admin: bool = False) -> None:
        """Delete a client with its assessments and actions (owner or admin only)."""
        raise NotImplementedError

    def share_client(self, user: str, client_id: str, other_user: str, *, admin: bool = False) -> Client:
        raise NotImplementedError

    def unshare_client(self, user: str, client_id: str, other_user: str, *, admin: bool = False) -> Client:
        raise NotImplementedError

    def add_assessment(
        self,
        user: str,
        client_id: str,
        assessment: Assessment,
        taken_on: date,
        label: str = "",
        *,
        admin: bool = False,
    ) -> ClientAssessment:
        raise NotImplementedError

    def list_assessments(self, user: str, client_id: str, *, admin: bool = False) -> list[ClientAssessment]:
        """The client's assessments, oldest first (by ``taken_on``, then by when they were added)."""
        raise NotImplementedError

    def delete_assessment(self, user: str, assessment_id: str, *, admin: bool = False) -> None:
        raise NotImplementedError

    def save_action(self, user: str, action: ClientAction, *, admin: bool = False) -> ClientAction:
        """Insert (version 0) or update one action of a client; raises ConflictError when stale."""
        raise NotImplementedError

    def list_actions(self, user: str, client_id: str, *, admin: bool = False) -> list[ClientAction]:
        """The client's actions, by due date (undated last), then title."""
        raise NotImplementedError

    def delete_action(self, user: str, action_id: str, *, admin: bool = False) -> None:
        raise NotImplementedError

    def open_room(self) -> str:
        """A new workshop room; returns its code (8 characters, no look-alike letters)."""
        raise NotImplementedError

    def room_is_open(self, code: str) -> bool:
        raise NotImplementedError

    def submit_room_answer(self, code: str, participant_token: str, summary: dict[str, Any]) -> bool:
        """Store (or replace) one attendee's summary; False when the room is closed or unknown."""
        raise NotImplementedError

    def room_answers(self, code: str) -> list[dict[str, Any]]:
        """Every summary given in the room (no participant tokens); [] for a closed room."""
        raise NotImplementedError

    def close_room(self, code: str) -> None:
        """Delete the room and every answer given in it."""
        raise NotImplementedError
