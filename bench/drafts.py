"""Fill a temporary draft store with many drafts, whatever table the store keeps them in.

A few drafts go in through the public API (``DraftStore(path=...).save``), then the rest are
copies of a stored row with fresh tokens, inserted in bulk into the same table. The table and its
token column are found in the file itself (the row whose value is a token we saved), so the filler
keeps working when the store's schema or its database layer changes.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from cor.store import DraftStore, new_token

SAMPLE = {"answers": {"q1": "yes"}, "notes": {}, "plan_edits": {}, "setup": {"workers": 25}}


def _token_column(conn: sqlite3.Connection, token: str) -> tuple[str, str, list[str]]:
    """(table, token column, all columns) of the row holding ``token``."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
        for column in columns:
            if conn.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" = ?', (token,)).fetchone():
                return table, column, columns
    raise RuntimeError("the draft saved through DraftStore was not found in the SQLite file")


def fill(path: Path, count: int, batch: int = 10_000) -> int:
    """Make ``path`` a draft store holding ``count`` live drafts; returns how many it holds."""
    store = DraftStore(path=path)
    tokens = [new_token() for _ in range(min(5, count))]
    for token in tokens:
        store.save(token, SAMPLE)
    with closing(sqlite3.connect(path)) as conn:
        table, token_column, columns = _token_column(conn, tokens[0])
        quoted = ", ".join(f'"{c}"' for c in columns)
        template = conn.execute(
            f'SELECT {quoted} FROM "{table}" WHERE "{token_column}" = ?', (tokens[0],)
        ).fetchone()
        position = columns.index(token_column)
        marks = ", ".join("?" for _ in columns)
        remaining = count - len(tokens)
        while remaining > 0:
            size = min(batch, remaining)
            rows = []
            for _ in range(size):
                row = list(template)
                row[position] = new_token()
                rows.append(row)
            conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
            conn.commit()
            remaining -= size
        return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
