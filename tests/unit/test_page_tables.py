"""The pages' own lookup tables cover exactly what they look up: checked here, not by an `assert`
that runs (or, under ``python -O``, silently does not) each time the module is imported."""

from __future__ import annotations

from cor.workspace.models import ACTION_STATUSES
from ui.readiness.state import VIEW_SLUGS
from ui.readiness.views import SHORT_NAMES, VIEWS
from ui.workspace.panels import STATUS_LABELS


def test_every_readiness_view_has_its_address_slug_and_short_name_in_the_same_order() -> None:
    assert list(VIEWS) == list(VIEW_SLUGS) == list(SHORT_NAMES)
    assert len(set(VIEW_SLUGS.values())) == len(VIEW_SLUGS)  # one address per view


def test_every_action_status_has_a_label_and_no_label_names_an_unknown_status() -> None:
    assert set(STATUS_LABELS) == set(ACTION_STATUSES)
