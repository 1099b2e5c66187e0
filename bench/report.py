"""The bench's table: one row per measurement, printed and written as Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Row:
    section: str
    what: str
    measured: str
    baseline: str
    ratio: str
    target: str
    verdict: str  # "ok", "OVER", or "info"


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(_line(row), flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def markdown(self, title: str) -> str:
        head = "| Section | Measurement | Measured | Baseline | Ratio / figure | Target | Verdict |"
        rule = "|---|---|---|---|---|---|---|"
        body = [_line(row) for row in self.rows]
        notes = [f"- {note}" for note in self.notes]
        return "\n".join([f"# {title}", "", head, rule, *body, "", "## Notes", "", *notes, ""])

    def write(self, path: Path, title: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.markdown(title), "utf-8")


def _line(row: Row) -> str:
    cells = [row.section, row.what, row.measured, row.baseline, row.ratio, row.target, row.verdict]
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"
