"""Typed models of the facts in ``content/``, one module per domain.

Every fact the app shows comes from a record that names its source and the date or year it
applies to, so a reader can check it and an editor can see when it goes stale. Models are frozen:
content is loaded once and shared by every session of the app.

* ``base``: the base records (``Record``, ``Sourced``), the field aliases and the lookup by id;
* ``jurisdictions``: jurisdictions, their programs and the size bands that pick a program;
* ``questions``: the question bank; ``partners``: partners, associations, roles, the guide;
* ``incentives``: classification units and their rates, the incentive rules;
* ``cycle``: the audit-cycle rules; ``sampling``: audit-day sampling;
* ``content``: the whole ``Content`` and the About page's ``Figure``.

Every name is re-exported here: ``from cor.models import X`` works for all of them.
"""

from __future__ import annotations

from cor.models.base import (
    CuCode,
    Effective,
    Jurisdiction,
    MonthDay,
    NotInContent,
    Record,
    RecordT,
    Slug,
    Sourced,
    SourceUrl,
    lookup,
)
from cor.models.content import Content, Erratum, Figure
from cor.models.cycle import AuditorRule, CycleRuleConflict, CycleRules, MaintenancePassRule, PartnerCycleRule
from cor.models.incentives import (
    ABIncentiveRule,
    BCIncentiveRule,
    ClassificationUnit,
    Confidence,
    Incentives,
    PIRPerformanceRule,
    RateRecord,
    RateStage,
    SmallEmployerMinimum,
)
from cor.models.jurisdictions import (
    Contact,
    DatedNote,
    GeneralSizeRule,
    JurisdictionInfo,
    PartnerProgram,
    PartnerSizeNote,
    PassRule,
    Policy,
    Program,
    ProgramSize,
    SizeBand,
)
from cor.models.partners import (
    SITUATIONS,
    Alignment,
    AlignmentKind,
    Association,
    DirectoryNote,
    Guide,
    GuidePath,
    Partner,
    PartnerProvides,
    PartnerSource,
    Role,
    Situation,
    StepTemplate,
    TradeWords,
    UnservedUnit,
)
from cor.models.questions import AnswerOption, AnswerScale, Element, Evidence, Question, QuestionBank
from cor.models.sampling import InterviewExample, PointsSplit, SamplingTable, SiteExample

__all__ = [
    "SITUATIONS",
    "ABIncentiveRule",
    "Alignment",
    "AlignmentKind",
    "AnswerOption",
    "AnswerScale",
    "Association",
    "AuditorRule",
    "BCIncentiveRule",
    "ClassificationUnit",
    "Confidence",
    "Contact",
    "Content",
    "CuCode",
    "CycleRuleConflict",
    "CycleRules",
    "DatedNote",
    "DirectoryNote",
    "Effective",
    "Element",
    "Erratum",
    "Evidence",
    "Figure",
    "GeneralSizeRule",
    "Guide",
    "GuidePath",
    "Incentives",
    "InterviewExample",
    "Jurisdiction",
    "JurisdictionInfo",
    "MaintenancePassRule",
    "MonthDay",
    "NotInContent",
    "PIRPerformanceRule",
    "Partner",
    "PartnerCycleRule",
    "PartnerProgram",
    "PartnerProvides",
    "PartnerSizeNote",
    "PartnerSource",
    "PassRule",
    "PointsSplit",
    "Policy",
    "Program",
    "ProgramSize",
    "Question",
    "QuestionBank",
    "RateRecord",
    "RateStage",
    "Record",
    "RecordT",
    "Role",
    "SamplingTable",
    "SiteExample",
    "Situation",
    "SizeBand",
    "Slug",
    "SmallEmployerMinimum",
    "SourceUrl",
    "Sourced",
    "StepTemplate",
    "TradeWords",
    "UnservedUnit",
    "lookup",
]
