"""Alembic environment: always run online, on the connection ``cor.db.migrate`` hands over.

That connection is already inside a transaction holding the migration lock, so Alembic joins it
instead of opening its own (no ``alembic.ini`` and no URL are needed at run time).
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through cor.db.migrate(engine), which supplies the connection")
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
