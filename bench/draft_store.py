"""How long a draft save takes with 0, 10k and 100k drafts in the store.

Run: ``python -m bench.draft_store [--postgres URL] [--rounds N] [--dir FOLDER]``. For each store size the
table is filled directly (half of the drafts expired, as a store that is never purged would be),
then ``save`` of a changed draft, ``update`` and ``load`` are timed on one token, interleaved,
and the medians with their spread (25th-75th percentile) are printed in milliseconds.
``purge`` is timed once per size (it deletes the expired half).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import insert

from cor.store import DraftStore, new_token
from cor.tables import drafts

SIZES = (0, 10_000, 100_000)
DRAFT = {"answers": {f"q{number}": "yes" for number in range(40)}, "notes": {"q1": "Binder in the office"}}


def fill(store: DraftStore, count: int) -> None:
    now = time.time()
    text = json.dumps(DRAFT)
    rows = [
        {"token": new_token(), "data": text, "updated_at": now - (60 * 86_400 if number % 2 else 0)}
        for number in range(count)
    ]
    with store.database.begin() as conn:
        for start in range(0, len(rows), 5_000):
            conn.execute(insert(drafts), rows[start : start + 5_000])


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def spread(samples: list[float]) -> str:
    quartiles = statistics.quantiles(samples, n=4)
    return f"{statistics.median(samples):7.2f} ({quartiles[0]:.2f}-{quartiles[2]:.2f})"


def measure(store: DraftStore, rounds: int) -> dict[str, str]:
    token = new_token()
    store.save(token, DRAFT)
    saves: list[float] = []
    updates: list[float] = []
    loads: list[float] = []
    for number in range(rounds):
        changed: dict[str, object] = {**DRAFT, "notes": {"q1": f"note {number}"}}

        def add_number(old: dict[str, object] | None, number: int = number) -> dict[str, object]:
            return {**(old or {}), "n": number}

        saves.append(timed(partial(store.save, token, changed)))
        updates.append(timed(partial(store.update, token, add_number)))
        loads.append(timed(partial(store.load, token)))
    purge = timed(store.purge)
    return {"save": spread(saves), "update": spread(updates), "load": spread(loads), "purge": f"{purge:7.1f}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", help="a PostgreSQL URL to measure as well (a scratch database)")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--dir", help="folder for the SQLite files (e.g. /dev/shm to leave the disk out)")
    options = parser.parse_args()
    print("| database | drafts | save ms | update ms | load ms | purge ms (once) |")
    print("|---|---:|---|---|---|---:|")
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        for size in SIZES:
            store = DraftStore(Path(folder) / f"bench-{size}.sqlite3", days=30)
            fill(store, size)
            row = measure(store, options.rounds)
            print(f"| SQLite | {size:,} | {row['save']} | {row['update']} | {row['load']} | {row['purge']} |")
    if options.postgres:
        for size in SIZES:
            store = DraftStore(url=options.postgres, days=30)
            with store.database.begin() as conn:
                conn.execute(drafts.delete())
            fill(store, size)
            row = measure(store, options.rounds)
            print(
                f"| PostgreSQL | {size:,} | {row['save']} | {row['update']} | {row['load']} | {row['purge']} |"
            )


if __name__ == "__main__":
    main()
