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
- Every failure is a ``WorkspaceError`` with a message fit for a user: ``NotFoundError``,
  ``ConflictError``, or ``UnavailableError`` when the database cannot be used (no path, URL or
  password in its text; details go to the server log).
- Workshop rooms live in ``cor.workshop_rooms``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Row, delete, insert, or_, select, update

from cor.assessment import Assessment
from cor.tables import (
    client_actions,
    client_assessments,
    client_shares,
    clients,
)
from cor.workspace.imports import fingerprint
from cor.workspace.models import (
    AlreadyRecordedError,
    Client,
    ClientAction,
    ClientAssessment,
    ConflictError,
    NotFoundError,
    WorkspaceError,
)
from cor.workspace.shared_store import SharedStore

RecordT = TypeVar("RecordT", bound=BaseModel)

_CLIENT_FIELDS = ("owner", "organisation", "contact", "workers", "partner_id", "notes", "certified_on")
_ACTION_FIELDS = ("client_id", "question_id", "title", "status", "owner", "due")


def _client_row(client: Client) -> dict[str, Any]:
    row = {name: getattr(client, name) for name in _CLIENT_FIELDS}
    row["cu_codes"] = json.dumps(list(client.cu_codes))
    return row


def _client_from(row: Row[Any], shared_with: tuple[str, ...]) -> Client:
    return Client(
        id=row.id,
        cu_codes=tuple(json.loads(row.cu_codes)),
        shared_with=shared_with,
        version=row.version,
        **{name: getattr(row, name) for name in _CLIENT_FIELDS},
    )


def _action_from(row: Row[Any]) -> ClientAction:
    return ClientAction(
        id=row.id, version=row.version, **{name: getattr(row, name) for name in _ACTION_FIELDS}
    )


def _assessment_from(row: Row[Any]) -> ClientAssessment:
    return ClientAssessment(
        id=row.id,
        client_id=row.client_id,
        taken_on=row.taken_on,
        label=row.label,
        assessment=Assessment.model_validate_json(row.data),
    )


def _checked(record: RecordT) -> RecordT:
    """The record validated again: ``model_copy(update=...)`` skips validation, the database must not."""
    try:
        return type(record).model_validate(record.model_dump())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        raise WorkspaceError(f"{where}: {first['msg']}") from None


class Workspace(SharedStore):
    """Clients, assessments and actions of every consultant, scoped per call."""

    # --- clients ---------------------------------------------------------------------------

    def _visible(self, user: str, admin: bool) -> Any:
        """The SQL condition "this user may see this client"."""
        if admin:
            return clients.c.id.is_not(None)
        shared = select(client_shares.c.client_id).where(client_shares.c.user_id == user)
        return or_(clients.c.owner == user, clients.c.id.in_(shared))

    def _shares(self, conn: Connection, client_ids: list[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {client_id: [] for client_id in client_ids}
        if client_ids:
            rows = conn.execute(
                select(client_shares.c.client_id, client_shares.c.user_id)
                .where(client_shares.c.client_id.in_(client_ids))
                .order_by(client_shares.c.user_id)
            )
            for row in rows:
                found[row.client_id].append(row.user_id)
        return {client_id: tuple(users) for client_id, users in found.items()}

    def _read_client(
        self, conn: Connection, user: str, client_id: str, admin: bool, lock: bool = False
    ) -> Client:
        query = select(clients).where(clients.c.id == client_id, self._visible(user, admin))
        row = conn.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFoundError("this client does not exist, or is not shared with you")
        return _client_from(row, self._shares(conn, [client_id])[client_id])

    def list_clients(self, user: str, *, admin: bool = False) -> list[Client]:
        """The user's own and shared clients (every client for an admin), by organisation name."""
        with self._transaction() as conn:
            rows = conn.execute(select(clients).where(self._visible(user, admin))).all()
            shares = self._shares(conn, [row.id for row in rows])
        found = [_client_from(row, shares[row.id]) for row in rows]
        return sorted(found, key=lambda client: (client.organisation.casefold(), client.id))

    def get_client(self, user: str, client_id: str, *, admin: bool = False) -> Client:
        with self._transaction() as conn:
            return self._read_client(conn, user, client_id, admin)

    def save_client(self, user: str, client: Client, *, admin: bool = False) -> Client:
        """Insert (version 0, ``owner`` is set to ``user``) or update; raises ConflictError."""
        client = _checked(client)
        now = self._clock()
        with self._transaction(immediate=True) as conn:
            if client.version == 0:
                fresh = client.model_copy(update={"owner": user, "shared_with": (), "version": 1})
                if conn.execute(select(clients.c.id).where(clients.c.id == client.id)).first():
                    raise WorkspaceError("a client with this id exists already")
                conn.execute(
                    insert(clients).values(id=fresh.id, version=1, updated_at=now, **_client_row(fresh))
                )
                return fresh
            stored = self._read_client(conn, user, client.id, admin, lock=True)
            if stored.version != client.version:
                raise ConflictError(stored, client)
            saved = client.model_copy(
                update={
                    "owner": stored.owner,
                    "shared_with": stored.shared_with,
                    "version": stored.version + 1,
                }
            )
            conn.execute(
                update(clients)
                .where(clients.c.id == client.id, clients.c.version == client.version)
                .values(version=saved.version, updated_at=now, **_client_row(saved))
            )
        return saved

    def _own(self, conn: Connection, user: str, client_id: str, admin: bool) -> Client:
        """The client, when this user owns it (or is an admin): sharing and deleting need that."""
        client = self._read_client(conn, user, client_id, admin, lock=True)
        if not admin and client.owner != user:
            raise WorkspaceError("only the consultant who owns this client (or an admin) can do that")
        return client

    def delete_client(self, user: str, client_id: str, *, admin: bool = False) -> None:
        """Delete a client with its assessments and actions (owner or admin only)."""
        with self._transaction(immediate=True) as conn:
            self._own(conn, user, client_id, admin)
            for table in (client_actions, client_assessments):
                conn.execute(delete(table).where(table.c.client_id == client_id))
            conn.execute(delete(client_shares).where(client_shares.c.client_id == client_id))
            conn.execute(delete(clients).where(clients.c.id == client_id))

    def share_client(self, user: str, client_id: str, other_user: str, *, admin: bool = False) -> Client:
        """Let ``other_user`` read and edit the client too (owner or admin only)."""
        with self._transaction(immediate=True) as conn:
            client = self._own(conn, user, client_id, admin)
            if other_user and other_user != client.owner and other_user not in client.shared_with:
                conn.execute(insert(client_shares).values(client_id=client_id, user_id=other_user))
            return self._read_client(conn, user, client_id, admin=True)

    def unshare_client(self, user: str, client_id: str, other_user: str, *, admin: bool = False) -> Client:
        with self._transaction(immediate=True) as conn:
            self._own(conn, user, client_id, admin)
            conn.execute(
                delete(client_shares).where(
                    client_shares.c.client_id == client_id, client_shares.c.user_id == other_user
                )
            )
            return self._read_client(conn, user, client_id, admin=True)

    # --- assessments -----------------------------------------------------------------------

    def add_assessment(
        self,
        user: str,
        client_id: str,
        assessment: Assessment,
        taken_on: date,
        label: str = "",
        *,
        admin: bool = False,
        fingerprint: str | None = None,
    ) -> ClientAssessment:
        """Record a visit; ``fingerprint`` (``cor.workspace.imports``) lets ``find_recorded`` see
        the same assessment again."""
        record = ClientAssessment(client_id=client_id, taken_on=taken_on, label=label, assessment=assessment)
        with self._transaction() as conn:
            self._read_client(conn, user, client_id, admin)
            self._insert_visit(conn, record, fingerprint)
        return record

    def find_recorded(
        self, user: str, client_id: str, fingerprint: str, *, admin: bool = False
    ) -> ClientAssessment | None:
        """The client's visit recorded from the same assessment, if there is one."""
        with self._transaction() as conn:
            self._read_client(conn, user, client_id, admin)
            row = conn.execute(
                select(client_assessments)
                .where(
                    client_assessments.c.client_id == client_id,
                    client_assessments.c.fingerprint == fingerprint,
                )
                .order_by(client_assessments.c.taken_on)
            ).first()
        return _assessment_from(row) if row else None

    def record(
        self, user: str, visit: ClientAssessment, plan: Sequence[ClientAction] = (), *, admin: bool = False
    ) -> ClientAssessment:
        """Record a visit and its action plan in one transaction, without doubling either.

        The same assessment recorded for the client before (same ``fingerprint``) is refused with
        ``AlreadyRecordedError`` saying when, and nothing is written. Of ``plan`` (the visit's
        actions, see ``cor.workspace.progress.actions_from``), an action whose question already has
        an action not done is left out; the rest are added as new actions of the client."""
        mark = fingerprint(visit.assessment)
        with self._transaction(immediate=True) as conn:
            self._read_client(conn, user, visit.client_id, admin, lock=True)
            before = conn.execute(
                select(client_assessments.c.taken_on)
                .where(
                    client_assessments.c.client_id == visit.client_id,
                    client_assessments.c.fingerprint == mark,
                )
                .order_by(client_assessments.c.taken_on)
            ).first()
            if before is not None:
                raise AlreadyRecordedError(before.taken_on)
            self._insert_visit(conn, visit, mark)
            have = set(
                conn.execute(
                    select(client_actions.c.question_id).where(
                        client_actions.c.client_id == visit.client_id,
                        client_actions.c.question_id != "",
                        client_actions.c.status != "done",
                    )
                ).scalars()
            )
            now = self._clock()
            for action in plan:
                if action.client_id != visit.client_id:
                    raise WorkspaceError("an action of this plan is for another client")
                if action.question_id in have:
                    continue
                values = {name: getattr(_checked(action), name) for name in _ACTION_FIELDS}
                conn.execute(insert(client_actions).values(id=action.id, version=1, updated_at=now, **values))
                have.add(action.question_id)
        return visit

    def _insert_visit(self, conn: Connection, visit: ClientAssessment, mark: str | None) -> None:
        conn.execute(
            insert(client_assessments).values(
                id=visit.id,
                client_id=visit.client_id,
                taken_on=visit.taken_on,
                label=visit.label,
                data=json.dumps(visit.assessment.payload(), ensure_ascii=False),
                created_at=self._clock(),
                fingerprint=mark,
            )
        )

    def list_assessments(self, user: str, client_id: str, *, admin: bool = False) -> list[ClientAssessment]:
        """The client's assessments, oldest first (by ``taken_on``, then by when they were added)."""
        with self._transaction() as conn:
            self._read_client(conn, user, client_id, admin)
            rows = conn.execute(
                select(client_assessments)
                .where(client_assessments.c.client_id == client_id)
                .order_by(
                    client_assessments.c.taken_on, client_assessments.c.created_at, client_assessments.c.id
                )
            ).all()
        return [_assessment_from(row) for row in rows]

    def delete_assessment(self, user: str, assessment_id: str, *, admin: bool = False) -> None:
        with self._transaction() as conn:
            client_id = conn.execute(
                select(client_assessments.c.client_id).where(client_assessments.c.id == assessment_id)
            ).scalar()
            if client_id is None:
                raise NotFoundError("this assessment does not exist, or is not shared with you")
            self._read_client(conn, user, client_id, admin)
            conn.execute(delete(client_assessments).where(client_assessments.c.id == assessment_id))

    # --- actions ---------------------------------------------------------------------------

    def save_action(self, user: str, action: ClientAction, *, admin: bool = False) -> ClientAction:
        """Insert (version 0) or update one action of a client; raises ConflictError when stale."""
        action = _checked(action)
        now = self._clock()
        values = {name: getattr(action, name) for name in _ACTION_FIELDS}
        with self._transaction(immediate=True) as conn:
            self._read_client(conn, user, action.client_id, admin)
            if action.version == 0:
                if conn.execute(select(client_actions.c.id).where(client_actions.c.id == action.id)).first():
                    raise WorkspaceError("an action with this id exists already")
                conn.execute(insert(client_actions).values(id=action.id, version=1, updated_at=now, **values))
                return action.model_copy(update={"version": 1})
            row = conn.execute(
                select(client_actions)
                .where(client_actions.c.id == action.id, client_actions.c.client_id == action.client_id)
                .with_for_update()
            ).first()
            if row is None:
                raise NotFoundError("this action does not exist any more")
            if row.version != action.version:
                raise ConflictError(_action_from(row), action)
            conn.execute(
                update(client_actions)
                .where(client_actions.c.id == action.id)
                .values(version=action.version + 1, updated_at=now, **values)
            )
        return action.model_copy(update={"version": action.version + 1})

    def list_actions(self, user: str, client_id: str, *, admin: bool = False) -> list[ClientAction]:
        """The client's actions, by due date (undated last), then title."""
        with self._transaction() as conn:
            self._read_client(conn, user, client_id, admin)
            rows = conn.execute(select(client_actions).where(client_actions.c.client_id == client_id)).all()
        found = [_action_from(row) for row in rows]
        return sorted(
            found, key=lambda action: (action.due is None, action.due or date.min, action.title, action.id)
        )

    def delete_action(self, user: str, action_id: str, *, admin: bool = False) -> None:
        with self._transaction() as conn:
            client_id = conn.execute(
                select(client_actions.c.client_id).where(client_actions.c.id == action_id)
            ).scalar()
            if client_id is None:
                raise NotFoundError("this action does not exist, or is not shared with you")
            self._read_client(conn, user, client_id, admin)
            conn.execute(delete(client_actions).where(client_actions.c.id == action_id))
