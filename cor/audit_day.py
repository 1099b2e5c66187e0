"""Audit-day preparation: who the auditor will likely talk to, which sites they will visit, and
how much of the score comes from people and places rather than paper.

Employers prepare binders; the audit also interviews workers and supervisors and walks the sites.
This module turns a partner's published sampling examples (content/sampling.toml) into what to
expect for one employer, and splits the question bank's points by how each question is checked
(documents, interviews, observation). It never makes up a sampling number: between two published
examples it gives the range they bound, beyond the last one "at least" the last, and it always
names the table it used and its source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from pydantic import BaseModel, ConfigDict

from cor.figure import sourced_figure
from cor.formatting import count, show_pct
from cor.models import (
    Content,
    Evidence,
    Figure,
    InterviewExample,
    PointsSplit,
    Question,
    SamplingTable,
    SiteExample,
)

MAX_WORKERS = 1_000_000
MAX_SITES = 10_000

EVIDENCE_LABEL: dict[Evidence, str] = {
    "documentation": "Documents",
    "interview": "Interviews",
    "observation": "Observation",
}


class Estimate(BaseModel):
    """A count to expect: exactly ``low`` when ``high`` equals it, a range, or at least ``low``."""

    model_config = ConfigDict(frozen=True)

    low: int
    high: int | None
    basis: str

    def short(self) -> str:
        """'19', '4-12', '60+': the figure alone, for a narrow tile."""
        if self.high is None:
            return f"{self.low:,}+"
        if self.high == self.low:
            return f"{self.low:,}"
        return f"{self.low:,}-{self.high:,}"

    def text(self, noun: str, plural: str | None = None) -> str:
        """'4 interviews', '4 to 19 interviews', 'at least 60 interviews'."""
        if self.high is None:
            return f"at least {count(self.low, noun, plural)}"
        if self.high == self.low:
            return count(self.low, noun, plural)
        return f"{self.low} to {count(self.high, noun, plural)}"


class EvidencePoints(BaseModel):
    """Points of the question set checked by one kind of evidence."""

    model_config = ConfigDict(frozen=True)

    kind: Evidence
    label: str
    points: Decimal
    share_pct: Decimal


class AuditDayPlan(BaseModel):
    """What to prepare for: interviews, site visits, and where the points come from."""

    model_config = ConfigDict(frozen=True)

    workers: int
    sites: int
    interviews: Estimate
    sites_visited: Estimate
    interview_mix: str
    table_publisher: str
    table_source_url: str
    table_effective: str
    table_note: str
    partner_name: str | None
    own_table: bool
    caveat: str
    points: tuple[EvidencePoints, ...]
    people_and_places_pct: Decimal
    #: Points of the questions that interviews or observation check, whole questions: what a
    #: documentation-only audit drops, counted as the published split counts it.
    paper_drops_pct: Decimal = Decimal(0)
    published_split: PointsSplit | None = None

    @property
    def published_people_pct(self) -> Decimal | None:
        """Share of a published audit's points that interviews and observation carry."""
        split = self.published_split
        if split is None:
            return None
        return Decimal(split.total_points - split.documentation_points) * 100 / split.total_points


# --- interviews -------------------------------------------------------------------------------


def _example_text(example: InterviewExample) -> str:
    size = (
        f"{example.workers}-{example.max_workers} employees"
        if example.max_workers and example.max_workers != example.workers
        else count(example.workers, "employee")
    )
    return f"{size}: at least {count(example.interviews, 'interview')}"


def estimate_interviews(workers: int, examples: Sequence[InterviewExample]) -> Estimate:
    """Interviews for ``workers`` from published examples: an exact example, the range two examples
    bound, everyone when fewer than the smallest example interviews, or at least the largest one."""
    ordered = sorted(examples, key=lambda e: e.workers)
    holding = next((e for e in ordered if e.max_workers and e.holds(workers)), None)
    if holding is not None:  # a published range holds the count
        return Estimate(low=holding.interviews, high=holding.interviews, basis=_example_text(holding))
    below = [e for e in ordered if e.workers <= workers]
    above = [e for e in ordered if e.workers > workers]
    if below and below[-1].workers == workers:
        return Estimate(low=below[-1].interviews, high=below[-1].interviews, basis=_example_text(below[-1]))
    if not below:
        first = above[0]
        most = min(workers, first.interviews)
        return Estimate(low=most, high=most, basis=f"Nearly everyone: {_example_text(first)}")
    if not above:
        last = below[-1]
        return Estimate(low=last.interviews, high=None, basis=_example_text(last))
    low, high = below[-1], above[0]
    basis = f"Between the published examples ({_example_text(low)}; {_example_text(high)})"
    return Estimate(low=low.interviews, high=min(high.interviews, workers), basis=basis)


# --- site visits --------------------------------------------------------------------------------


def _visited(sites: int, row: SiteExample) -> int:
    """Sites visited under one published row, for ``sites`` within (or at the edge of) its range."""
    if row.all_sites:
        return sites
    if row.visited is not None:
        return min(row.visited, sites)
    share = Decimal(sites) * (row.visited_share_pct or Decimal(0)) / 100
    rounding = ROUND_UP if row.minimum else ROUND_HALF_UP  # "at least 10%" of 15 sites is 2
    return max(1, int(share.quantize(Decimal(1), rounding=rounding)))


def _row_text(row: SiteExample) -> str:
    if row.max_sites >= MAX_SITES:
        span = "Any number of" if row.min_sites == 1 else f"{row.min_sites} or more"
    else:
        span = str(row.min_sites) if row.min_sites == row.max_sites else f"{row.min_sites}-{row.max_sites}"
    if row.all_sites:
        return f"{span} sites: all visited"
    if row.visited is not None:
        return f"{span} sites: {row.visited} visited"
    least = "at least " if row.minimum else ""
    return f"{span} sites: {least}{row.visited_share_pct}% visited"


def estimate_sites(sites: int, rows: Sequence[SiteExample]) -> Estimate:
    """Sites visited: by the published row that holds ``sites``, else the range the rows on either
    side give, or at least what the last row gives at its largest."""
    ordered = sorted(rows, key=lambda r: r.min_sites)
    holding = next((r for r in ordered if r.min_sites <= sites <= r.max_sites), None)
    if holding is not None:
        visited = _visited(sites, holding)
        return Estimate(low=visited, high=visited, basis=_row_text(holding))
    below = [r for r in ordered if r.max_sites < sites]
    above = [r for r in ordered if r.min_sites > sites]
    if not below:
        visited = _visited(sites, above[0])
        return Estimate(low=visited, high=visited, basis=_row_text(above[0]))
    low = _visited(below[-1].max_sites, below[-1])
    if not above:
        basis = f"The published examples stop at {below[-1].max_sites} sites ({_row_text(below[-1])})"
        return Estimate(low=low, high=None, basis=basis)
    high = min(_visited(above[0].min_sites, above[0]), sites)
    basis = f"Between the published examples ({_row_text(below[-1])}; {_row_text(above[0])})"
    return Estimate(low=min(low, high), high=max(low, high), basis=basis)


# --- points by kind of evidence --------------------------------------------------------------------


def points_by_evidence(questions: Iterable[Question]) -> tuple[EvidencePoints, ...]:
    """Each question's points shared equally among the kinds of evidence that check it."""
    totals: dict[Evidence, Decimal] = dict.fromkeys(EVIDENCE_LABEL, Decimal(0))
    for question in questions:
        share = Decimal(question.points) / len(question.evidence)
        for kind in question.evidence:
            totals[kind] += share
    grand = sum(totals.values(), Decimal(0))
    return tuple(
        EvidencePoints(
            kind=kind,
            label=EVIDENCE_LABEL[kind],
            points=points,
            share_pct=(points * 100 / grand) if grand else Decimal(0),
        )
        for kind, points in totals.items()
    )


def paper_drops(questions: Iterable[Question]) -> Decimal:
    """Share of points in questions checked by interviews or observation (the whole question): what
    an audit on paper alone drops, the way the published split was counted."""
    questions = list(questions)
    total = sum((Decimal(q.points) for q in questions), Decimal(0))
    dropped = sum((Decimal(q.points) for q in questions if set(q.evidence) - {"documentation"}), Decimal(0))
    return dropped * 100 / total if total else Decimal(0)


# --- the plan ------------------------------------------------------------------------------------


def _table_for(content: Content, partner_id: str | None) -> tuple[SamplingTable, bool]:
    """The partner's own table when content has one, else the first published table (flagged)."""
    if not content.sampling:
        raise ValueError("No sampling table is in content/sampling.toml.")
    own = next((t for t in content.sampling if partner_id and partner_id in t.partners), None)
    return (own, True) if own else (content.sampling[0], False)


def _check_counts(workers: int, sites: int) -> None:
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"Enter between 1 and {MAX_WORKERS:,} workers; {workers:,} is outside that.")
    if not 1 <= sites <= MAX_SITES:
        raise ValueError(f"Enter between 1 and {MAX_SITES:,} sites; {sites:,} is outside that.")


def _caveat(table: SamplingTable, own: bool, partner_name: str | None) -> str:
    if own:
        return f"These are {table.publisher}'s published examples; its audit standard sets the real numbers."
    whose = f"{partner_name}'s" if partner_name else "Your partner's"
    return (
        f"{whose} own sampling rules are not in our sources. These are {table.publisher}'s published "
        "examples, shown as a guide: ask your partner or auditor for theirs."
    )


def prepare(
    content: Content,
    workers: int,
    sites: int,
    partner_id: str | None = None,
    question_ids: Iterable[str] | None = None,
) -> AuditDayPlan:
    """What to expect on audit day for ``workers`` people at ``sites`` sites.

    ``question_ids`` limits the points split to one question set (all questions when None).
    Raises ValueError with a message for counts out of range, KeyError for an unknown partner.
    """
    _check_counts(workers, sites)
    partner_name = content.partner(partner_id).short_name if partner_id else None
    table, own = _table_for(content, partner_id)
    wanted = None if question_ids is None else set(question_ids)
    questions = [q for q in content.bank.questions if wanted is None or q.id in wanted]
    points = points_by_evidence(questions)
    people = sum((p.share_pct for p in points if p.kind != "documentation"), Decimal(0))
    return AuditDayPlan(
        workers=workers,
        sites=sites,
        interviews=estimate_interviews(workers, table.interviews),
        sites_visited=estimate_sites(sites, table.sites),
        interview_mix=table.interview_mix,
        table_publisher=table.publisher,
        table_source_url=str(table.source_url),
        table_effective=table.effective,
        table_note=table.source_note,
        partner_name=partner_name,
        own_table=own,
        caveat=_caveat(table, own, partner_name),
        points=points,
        people_and_places_pct=people,
        paper_drops_pct=paper_drops(questions),
        published_split=content.points_splits[0] if content.points_splits else None,
    )


def sites_text(plan: AuditDayPlan) -> str:
    """The sites to expect, said as a person would: "your one site", "both of your sites",
    "all 4 of your sites", "3 of your 5 sites", "2 to 4 of your 9 sites", "at least 10 of your
    40 sites" (never "2 sites of your 2")."""
    estimate, sites = plan.sites_visited, plan.sites
    if estimate.high == estimate.low == sites:
        if sites == 1:
            return "your one site"
        return "both of your sites" if sites == 2 else f"all {sites:,} of your sites"
    if estimate.high is None:
        return f"at least {estimate.low:,} of your {sites:,} sites"
    if estimate.high == estimate.low:
        return f"{estimate.low:,} of your {sites:,} sites"
    return f"{estimate.low:,} to {estimate.high:,} of your {sites:,} sites"


def sites_short(plan: AuditDayPlan) -> str:
    """The same, for a narrow tile: "All 4", "3 of 5", "2-4 of 9", "10+ of 40", "Your one site"."""
    estimate, sites = plan.sites_visited, plan.sites
    if estimate.high == estimate.low == sites:
        return "Your one site" if sites == 1 else f"All {sites:,}"
    return f"{estimate.short()} of {sites:,}"


def rows(plan: AuditDayPlan) -> list[tuple[str, str]]:
    """The plan as plain (label, value) rows, for the PDF report and any table."""
    out = [
        ("Interviews to expect", f"{plan.interviews.text('interview')} ({plan.interviews.basis})"),
        ("Who is interviewed", plan.interview_mix),
        (
            "Sites the auditor visits",
            f"{sites_text(plan).capitalize()} ({plan.sites_visited.basis})",
        ),
    ]
    out += [(f"Points checked by {p.label.lower()}", show_pct(p.share_pct)) for p in plan.points]
    out.append(("Points from people and places", show_pct(plan.people_and_places_pct)))
    split, published = plan.published_split, plan.published_people_pct
    if split is not None and published is not None:
        value = f"{show_pct(published)} ({split.audit}; {split.source_url})"
        out.append(("Points lost on paper alone, in a published audit", value))
        out.append(("Points lost on paper alone, counted the same way here", show_pct(plan.paper_drops_pct)))
    out.append(
        ("Sampling table", f"{plan.table_publisher} ({plan.table_effective}), {plan.table_source_url}")
    )
    out.append(("Note", plan.caveat))
    return out


#: A table with more rows than this is summed up in one line on About the numbers.
_ROWS_LISTED = 6


def _interview_figures(table: SamplingTable) -> list[Figure]:
    """Each published example, or for a long table its size and first and last rows."""

    def figure(name: str, value: str) -> Figure:
        return sourced_figure(table, f"Audit sampling ({table.publisher})", name, value)

    rows = sorted(table.interviews, key=lambda e: e.workers)
    if len(rows) > _ROWS_LISTED:
        first, last = _example_text(rows[0]), _example_text(rows[-1])
        return [figure("Interviews by number of employees", f"{len(rows)} ranges, from {first} to {last}")]
    return [
        figure(f"Interviews for {_example_text(e).split(':')[0]}", f"at least {e.interviews}") for e in rows
    ]


def sampling_figures(content: Content) -> list[Figure]:
    """The published sampling examples and points split, for "About the numbers"."""
    figures = []
    for table in content.sampling:
        figures += _interview_figures(table)
        for row in table.sites:
            figures.append(
                sourced_figure(
                    table, f"Audit sampling ({table.publisher})", "Sites visited", _row_text(row), ""
                )
            )
    for split in content.points_splits:
        figures.append(
            sourced_figure(
                split,
                "Audit evidence",
                f"Points on paper alone: {split.audit}",
                f"{split.documentation_points:,} of {split.total_points:,}",
            )
        )
    return figures
