"""The consultants' workspace: clients, sharing, assessments, actions, and workshop rooms.

Revision ID: 0002_workspace
Revises: 0001_drafts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_workspace"
down_revision = "0001_drafts"
branch_labels = None
depends_on = None

_ID = 24
_NAME = 200


def upgrade() -> None:
    _clients()
    _records_of_clients()
    _workshop_rooms()


def _clients() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.String(_ID), primary_key=True),
        sa.Column("owner", sa.String(_NAME), nullable=False, index=True),
        sa.Column("organisation", sa.String(_NAME), nullable=False),
        sa.Column("contact", sa.String(_NAME), nullable=False, server_default=""),
        sa.Column("cu_codes", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("workers", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.String(_NAME), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("certified_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "client_shares",
        sa.Column(
            "client_id", sa.String(_ID), sa.ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("user_id", sa.String(_NAME), primary_key=True, index=True),
    )


def _records_of_clients() -> None:
    op.create_table(
        "client_assessments",
        sa.Column("id", sa.String(_ID), primary_key=True),
        sa.Column(
            "client_id",
            sa.String(_ID),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("label", sa.String(_NAME), nullable=False, server_default=""),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "client_actions",
        sa.Column("id", sa.String(_ID), primary_key=True),
        sa.Column(
            "client_id",
            sa.String(_ID),
            sa.ForeignKey("clients.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("question_id", sa.String(_NAME), nullable=False, server_default=""),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("owner", sa.String(_NAME), nullable=False, server_default=""),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )


def _workshop_rooms() -> None:
    op.create_table(
        "workshop_rooms",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("opened_at", sa.Float(), nullable=False, index=True),
    )
    op.create_table(
        "workshop_answers",
        sa.Column(
            "room_code",
            sa.String(16),
            sa.ForeignKey("workshop_rooms.code", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("participant", sa.String(64), primary_key=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "workshop_answers",
        "workshop_rooms",
        "client_actions",
        "client_assessments",
        "client_shares",
    ):
        op.drop_table(table)
    op.drop_table("clients")
