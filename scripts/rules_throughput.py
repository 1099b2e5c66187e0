"""How fast the rules are for a cohort: content loaded cold, and 10,000 assessments scored and
judged (``score`` + ``verdict``). A quick check while working on ``cor/``; the benchmark with
ratios against a baseline is ``python -m bench``.

    python scripts/rules_throughput.py [--assessments 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cor.content import default_content  # noqa: E402
from cor.models import Content  # noqa: E402
from cor.scoring import score, verdict  # noqa: E402

COLD_LOAD = (
    "import time; started = time.perf_counter(); from cor.content import load_content; "
    "imported = time.perf_counter(); load_content(); "
    "print(imported - started, time.perf_counter() - imported)"
)


def cold_load() -> tuple[float, float]:
    """Seconds to import the loader and to load every content file, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", COLD_LOAD], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imported, loaded = (float(part) for part in out.stdout.split())
    return imported, loaded


def cohort(content: Content, size: int, seed: int = 13) -> list[dict[str, str | None]]:
    """``size`` assessments of the large program, each question answered at random or skipped."""
    rng = random.Random(seed)
    bank = content.bank
    questions = bank.question_set("large")
    return [
        {
            question.id: rng.choice([*(option.id for option in bank.scale(question.scale).options), None])
            for question in questions
        }
        for _ in range(size)
    ]


def score_all(content: Content, answers: list[dict[str, str | None]]) -> float:
    bank = content.bank
    questions = bank.question_set("large")
    rule = content.jurisdiction("BC").pass_rule
    started = time.process_time()  # CPU time: other processes on a shared machine do not count
    for one in answers:
        verdict(score(bank, questions, one).points(), rule)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    loads = [cold_load() for _ in range(args.repeat)]
    print(f"import the content loader (cold): {statistics.median(i for i, _ in loads) * 1000:.0f} ms")
    print(f"load and validate all content:    {statistics.median(load for _, load in loads) * 1000:.0f} ms")
    content = default_content()
    answers = cohort(content, args.assessments)
    times = [score_all(content, answers) for _ in range(args.repeat)]
    print(
        f"score + verdict, {args.assessments:,} assessments (CPU time): median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f}; "
        f"{statistics.median(times) / args.assessments * 1e6:.0f} us each)"
    )


if __name__ == "__main__":
    main()
