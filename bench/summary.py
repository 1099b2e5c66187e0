"""The summary in bench/README.md, written from a run's table so it never quotes old figures.

The README keeps its prose; only the part between the two marker comments is replaced: a link to
the latest table, every row over its target with its figure, and the rows within target. A full
``python -m bench`` run does it at the end; ``python -m bench.summary bench/results/<table>.md``
does it from a table already written (e.g. one put together from several runs).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.report import Report, Row

START = "<!-- summary:start (written by python -m bench from the table; do not edit) -->"
END = "<!-- summary:end -->"


def _figure(row: Row) -> str:
    """The row's judged figure: the ratio for ratio targets, else the measured value."""
    if row.target.endswith("x") and row.ratio not in ("", "-"):
        return row.ratio
    return f"{row.measured} ({row.ratio})" if row.ratio not in ("", "-") else row.measured


def text(report: Report, table: str) -> str:
    """Markdown of the summary: link, rows over target, rows within target, the run's notes line."""
    judged = [row for row in report.rows if row.verdict in ("ok", "OVER")]
    over = [row for row in judged if row.verdict == "OVER"]
    within = [row for row in judged if row.verdict == "ok"]
    lines = [f"**Latest table: [{table}]({table})**", ""]
    lines.append(
        f"{len(over)} of {len(judged)} judged rows are over their target:"
        if over
        else f"All {len(judged)} judged rows are within target."
    )
    lines += [f"- {row.section}, {row.what}: **{_figure(row)}** (target {row.target})" for row in over]
    if within:
        lines += ["", "Within target:"]
        lines += [f"- {row.section}, {row.what}: {_figure(row)} (target {row.target})" for row in within]
    runs = [note for note in report.notes if " run of " in note]
    if runs:
        lines += ["", runs[-1]]
    return "\n".join(lines)


def rewrite(readme: Path, report: Report, table: str) -> None:
    """Replace the README's summary block (or add one at the end when it has none)."""
    current = readme.read_text("utf-8")
    block = f"{START}\n{text(report, table)}\n{END}"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        tail = rest.split(END, 1)[1]
        updated = head + block + tail
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(updated, "utf-8")


def from_markdown(table: Path) -> Report:
    """The rows and notes of a table written by :meth:`Report.write`."""
    report = Report()
    for line in table.read_text("utf-8").splitlines():
        if line.startswith("| ") and not line.startswith(("| Section |", "|---")):
            cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
            if len(cells) == 7:
                report.rows.append(Row(*cells))
        elif line.startswith("- "):
            report.notes.append(line[2:])
    return report


def main(arguments: list[str]) -> int:
    table = Path(arguments[0]).resolve()
    readme = Path(__file__).resolve().parent / "README.md"
    rewrite(readme, from_markdown(table), str(table.relative_to(readme.parent)))
    print(f"Summary of {table.name} written to {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
