"""Quick AppTest timing of a Savings rerun after one real widget change.

Run from the root of the checkout to time: ``python scripts/time_savings.py [reruns]``. Prints the
median and spread of the rerun time (wall clock, and this process's CPU time, which other load
on the machine disturbs less) with three CUs filled in, each rerun changing one payroll.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path.cwd()  # the checkout to time


def main(reruns: int = 30) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["today"] = dt.date(2025, 6, 1)
    at.run()
    at.switch_page("app_pages/savings.py").run()
    for row in range(3):
        if row:
            at.button(key="sv.add").click().run()
        at.text_input(key=f"sv.pay.{row}").input("11000000").run()
        at.text_input(key=f"sv.rate.{row}").input("4.54").run()
    at.text_input(key="sv.audit").input("8000").run()
    wall, cpu = [], []
    for i in range(reruns):
        at.text_input(key="sv.pay.1").input(str(11000000 + i))
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    assert not at.exception
    for name, times in (("wall", wall), ("CPU", cpu)):
        quartiles = statistics.quantiles(times, n=4)
        print(
            f"Savings rerun, 3 CUs, one payroll changed ({name}): median {statistics.median(times):.1f} ms "
            f"(IQR {quartiles[0]:.1f}-{quartiles[2]:.1f} ms, n={reruns})"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
