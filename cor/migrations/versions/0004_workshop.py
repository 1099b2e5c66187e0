"""Workshop rooms a presenter can reopen, that say "closed" rather than "no such room".

- ``presenter_hash``: SHA-256 of the presenter's secret key (the key itself is only in the
  presenter's address), so a reload reopens the room and an attendee who knows the code cannot;
- ``salt``: a random secret per room that blurs each phone's shared result and hides which browser
  it came from (see cor.workshop);
- ``closed_at``: when the presenter closed it. A closed room keeps only its code and times, for a
  few days, so a phone can be told "this room has closed" instead of "no such room".

Revision ID: 0004_workshop
Revises: 0003_staff
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_workshop"
down_revision = "0003_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("workshop_rooms", sa.Column("presenter_hash", sa.String(64), nullable=True))
    op.add_column("workshop_rooms", sa.Column("salt", sa.String(64), nullable=True))
    op.add_column("workshop_rooms", sa.Column("closed_at", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workshop_rooms") as batch:
        batch.drop_column("closed_at")
        batch.drop_column("salt")
        batch.drop_column("presenter_hash")
