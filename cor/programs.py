"""Which certification program fits an employer."""

from __future__ import annotations

from cor.content import default_content
from cor.models import Content, Program


def programs_for(jurisdiction: str, content: Content | None = None) -> list[Program]:
    content = content or default_content()
    return [p for p in content.programs if p.jurisdiction == jurisdiction]


def recommend(jurisdiction: str, workers: int, content: Content | None = None) -> Program:
    """The program whose worker range holds ``workers`` (the smallest program when several do).

    Raises ValueError with a user-facing message for a count below one or an unknown jurisdiction.
    """
    if workers < 1:
        raise ValueError("Count at least one worker (the owner counts when they work in the business).")
    options = programs_for(jurisdiction, content)
    if not options:
        raise ValueError(f"No programs are known for {jurisdiction}.")
    fitting = [p for p in options if p.fits(workers)]
    if not fitting:
        raise ValueError(f"No {jurisdiction} program covers {workers} workers.")
    return min(fitting, key=lambda p: p.max_workers or 10**9)
