"""The database tables as SQLAlchemy Core sees them, for queries (the migrations define them).

Kept in step with ``cor/migrations/versions``: a test compares the two after migrating.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

drafts = Table(
    "drafts",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("updated_at", Float, nullable=False, index=True),
)

clients = Table(
    "clients",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("owner", String(200), nullable=False, index=True),
    Column("organisation", String(200), nullable=False),
    Column("contact", String(200), nullable=False),
    Column("cu_codes", Text, nullable=False),
    Column("workers", Integer),
    Column("partner_id", String(200)),
    Column("notes", Text, nullable=False),
    Column("certified_on", Date),
    Column("version", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
)

client_shares = Table(
    "client_shares",
    metadata,
    Column("client_id", String(24), ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(200), primary_key=True, index=True),
)

client_assessments = Table(
    "client_assessments",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("client_id", String(24), ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("taken_on", Date, nullable=False),
    Column("label", String(200), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("fingerprint", String(64)),
)

client_actions = Table(
    "client_actions",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("client_id", String(24), ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("question_id", String(200), nullable=False),
    Column("title", String(500), nullable=False),
    Column("status", String(20), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("due", Date),
    Column("version", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
)

workshop_rooms = Table(
    "workshop_rooms",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("opened_at", Float, nullable=False, index=True),
    Column("presenter_hash", String(64), nullable=True),  # 0004_workshop
    Column("salt", String(64), nullable=True),
    Column("closed_at", Float, nullable=True),
)

workshop_answers = Table(
    "workshop_answers",
    metadata,
    Column("room_code", String(16), ForeignKey("workshop_rooms.code", ondelete="CASCADE"), primary_key=True),
    Column("participant", String(64), primary_key=True),
    Column("summary", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", String(200), nullable=False, index=True),
    Column("stamp", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False, index=True),
)

signin_backoff = Table(
    "signin_backoff",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("not_before", Float, nullable=False),
    Column("updated_at", Float, nullable=False, index=True),
)

app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", String(200), nullable=False),
    Column("created_at", Float, nullable=False),
)
