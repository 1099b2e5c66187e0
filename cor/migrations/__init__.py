"""Alembic migrations of the app's database, run by ``cor.db.migrate`` at first use."""
