"""How fast the rules run for a cohort: a workshop's worth of assessments and estimates at once.

No baseline page here: the figure is the CPU time of this process (``time.process_time``: other
jobs on a shared machine do not count) for 10,000 of each, against the issue's target of
half a second. Content loading is timed cold (the loader itself, not its cache).
"""

from __future__ import annotations

import contextlib
import random
import time

from bench.report import Report, Row, verdict
from bench.stats import spread
from cor.content import content_dir, default_content, load_content
from cor.incentives import LineInput, estimate
from cor.scoring import score
from cor.scoring import verdict as pass_verdict

TARGET_SECONDS = 0.5


def _cohort(count: int) -> list[dict[str, str]]:
    """``count`` assessments of the large set with answers drawn at random (seeded: repeatable)."""
    bank = default_content().bank
    questions = bank.question_set("large")
    draw = random.Random(13)
    options = {q.id: [o.id for o in bank.scale(q.scale).options] for q in questions}
    return [{qid: draw.choice(ids) for qid, ids in options.items()} for _ in range(count)]


def score_cohort(cohort: list[dict[str, str]]) -> tuple[float, float]:
    """Seconds to score every assessment, and to judge every scorecard (the verdict)."""
    content = default_content()
    bank, rule = content.bank, content.jurisdiction("BC").pass_rule
    questions = bank.question_set("large")
    started = time.process_time()
    cards = [score(bank, questions, answers) for answers in cohort]
    scored = time.process_time()
    for card in cards:
        with contextlib.suppress(ValueError):  # all not applicable: no verdict, as the page shows
            pass_verdict(card.points(), rule)
    return scored - started, time.process_time() - scored


def estimate_cohort(count: int) -> float:
    draw = random.Random(13)
    rows = [
        [
            LineInput(f"CU {n + 1}", str(draw.randrange(100_000, 50_000_000)), f"{draw.uniform(0.2, 9):.2f}")
            for n in range(3)
        ]
        for _ in range(count)
    ]
    started = time.process_time()
    for lines in rows:
        estimate(lines)
    return time.process_time() - started


def content_cold(repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        load_content(content_dir())
        times.append(time.process_time() - started)
    return times


def run(count: int, report: Report) -> None:
    cohort = _cohort(count)
    scored, judged = score_cohort(cohort)
    # the target is on verdicts (and estimates); scoring is shown beside them
    for what, seconds, judged_here in (
        (f"{count:,} assessments scored", scored, False),
        (f"{count:,} verdicts", judged, True),
    ):
        report.add(
            Row(
                "Rules",
                what,
                f"{seconds:.2f} s",
                "-",
                f"{seconds / count * 1e3:.3f} ms each",
                f"< {TARGET_SECONDS:g} s" if judged_here else "info",
                verdict(seconds, TARGET_SECONDS) if judged_here else "info",
            )
        )
    made = estimate_cohort(count)
    report.add(
        Row(
            "Rules",
            f"{count:,} estimates (3 CUs each)",
            f"{made:.2f} s",
            "-",
            f"{made / count * 1e3:.3f} ms each",
            f"< {TARGET_SECONDS:g} s",
            verdict(made, TARGET_SECONDS),
        )
    )
    cold = spread(content_cold(5))
    report.add(Row("Rules", "Content loaded and validated (cold loader)", cold.show(), "-", "-", "-", "info"))
