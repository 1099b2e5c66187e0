"""The one builder of a :class:`~cor.models.Figure`, the line About the numbers shows for a fact:
its year, source and note come from the content record that states it, so every topic's figures
(cor.figures, cor.savings_figures, cor.cycle.figures, audit sampling, program sizes) carry them
the same way."""

from __future__ import annotations

from cor.models import Figure, Sourced


def sourced_figure(
    record: Sourced,
    topic: str,
    figure: str,
    value: str,
    note: str | None = None,
    source_url: object = None,
    year: str | None = None,
) -> Figure:
    """The figure ``record`` states: its ``effective`` as the year, its source and its source note,
    unless the figure has a note, a source or a year of its own (e.g. a rate's year)."""
    return Figure(
        topic=topic,
        figure=figure,
        value=value,
        year=record.effective if year is None else year,
        source_url=str(source_url or record.source_url),
        note=record.source_note if note is None else note,
    )
