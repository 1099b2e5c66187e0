"""Staff sign-in shared by every app process: sessions, the sign-in back-off, the session secret;
and a fingerprint of each recorded assessment file, so the same file is not recorded twice.

Revision ID: 0003_staff
Revises: 0002_workspace
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_staff"
down_revision = "0002_workspace"
branch_labels = None
depends_on = None

_HASH = 64


def upgrade() -> None:
    op.create_table(
        "staff_sessions",
        sa.Column("id_hash", sa.String(_HASH), primary_key=True),
        sa.Column("user_id", sa.String(200), nullable=False, index=True),
        sa.Column("stamp", sa.String(_HASH), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False, index=True),
    )
    op.create_table(
        "signin_backoff",
        sa.Column("key", sa.String(_HASH), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False, index=True),
    )
    op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.add_column("client_assessments", sa.Column("fingerprint", sa.String(_HASH), nullable=True))
    op.create_index("ix_client_assessments_fingerprint", "client_assessments", ["client_id", "fingerprint"])


def downgrade() -> None:
    op.drop_index("ix_client_assessments_fingerprint", table_name="client_assessments")
    with op.batch_alter_table("client_assessments") as batch:
        batch.drop_column("fingerprint")
    for table in ("app_secrets", "signin_backoff", "staff_sessions"):
        op.drop_table(table)
