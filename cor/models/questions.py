"""The question bank: the common element list, answer scales and questions."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from cor.models.base import Record, Slug, lookup

Evidence = Literal["documentation", "interview", "observation"]


class Element(Record):
    """One element of the project's common element list (an organising frame, not a CP's)."""

    id: Slug
    number: int = Field(ge=1)
    name: str
    summary: str


class AnswerOption(Record):
    id: Slug
    label: str
    credit: Decimal | None = Field(
        default=None, ge=0, le=1, description="Share of the points earned; none = not applicable"
    )

    @property
    def not_applicable(self) -> bool:
        return self.credit is None


class AnswerScale(Record):
    id: Slug
    options: tuple[AnswerOption, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> AnswerScale:
        ids = [option.id for option in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"option ids repeat in scale {self.id!r}")
        return self

    @cached_property
    def options_by_id(self) -> dict[str, AnswerOption]:
        return {option.id: option for option in self.options}

    def option(self, option_id: str) -> AnswerOption:
        return lookup(self.options_by_id, option_id, f"option of scale {self.id!r}")


class Question(Record):
    id: Slug
    element: Slug
    text: str
    why: str = Field(description="Why an auditor asks it")
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    look_for: str = Field(description="What the auditor looks for, concretely")
    points: int = Field(ge=1, le=100)
    scale: Slug
    sets: tuple[str, ...] = Field(min_length=1, description="Question sets this question is in")
    action: str = Field(description="What to do when the answer falls short")
    owner: str = Field(default="Safety coordinator", description="Suggested owner of the action")


class QuestionBank(Record):
    elements: tuple[Element, ...]
    scales: tuple[AnswerScale, ...]
    questions: tuple[Question, ...]

    # Lookup tables, built once per loaded bank (content is immutable); the loader checks that
    # every question's element and scale exist (cor.content.check_references).

    @cached_property
    def elements_by_id(self) -> dict[str, Element]:
        return {element.id: element for element in self.elements}

    @cached_property
    def scales_by_id(self) -> dict[str, AnswerScale]:
        return {scale.id: scale for scale in self.scales}

    @cached_property
    def derived(self) -> dict[object, object]:
        """Tables other modules derive from this bank and keep with it (e.g. cor.scoring's
        layout of a question set). The bank never changes, so they never go stale."""
        return {}

    def element(self, element_id: str) -> Element:
        return lookup(self.elements_by_id, element_id, "element")

    def scale(self, scale_id: str) -> AnswerScale:
        return lookup(self.scales_by_id, scale_id, "answer scale")

    @cached_property
    def question_sets(self) -> dict[str, tuple[Question, ...]]:
        """Every question set, by tag, in bank order; the same tuple each time it is asked for."""
        sets: dict[str, list[Question]] = {}
        for question in self.questions:
            for tag in question.sets:
                sets.setdefault(tag, []).append(question)
        return {tag: tuple(questions) for tag, questions in sets.items()}

    def question_set(self, tag: str) -> tuple[Question, ...]:
        return self.question_sets.get(tag, ())
