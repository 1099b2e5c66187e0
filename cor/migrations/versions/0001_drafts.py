"""Drafts table, adopted from the pre-Alembic store, with an index for expiry.

The first store created ``drafts(token TEXT PRIMARY KEY, data TEXT, updated_at REAL)`` itself,
with no version table. This revision keeps such a table and its rows as they are and only adds
the index on ``updated_at`` that lets expired drafts be purged without reading every row.

Revision ID: 0001_drafts
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_drafts"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("drafts"):
        op.create_table(
            "drafts",
            sa.Column("token", sa.String(64), primary_key=True),
            sa.Column("data", sa.Text(), nullable=False),
            sa.Column("updated_at", sa.Float(), nullable=False),
        )
    op.create_index("ix_drafts_updated_at", "drafts", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_drafts_updated_at", table_name="drafts")
