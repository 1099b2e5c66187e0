"""Recording an assessment for a client without doubling it or mixing clients up.

A file added twice (or the same Readiness assessment recorded twice) would count the same visit
twice in every trend, comparison and cohort figure, so each recorded assessment keeps a
fingerprint of its content (``fingerprint``: answers, notes, plan edits, program, CU, workers;
not the time the file was saved). And a file whose CU code or worker count differs from the
client record may belong to another employer: ``mismatches`` says how, before it is recorded.
"""

from __future__ import annotations

import hashlib
import json

from cor.assessment import Assessment
from cor.formatting import count
from cor.models import Content
from cor.programs import recommend
from cor.workspace.models import Client


def fingerprint(assessment: Assessment) -> str:
    """The same for the same assessment content, whenever and wherever its file was saved."""
    text = json.dumps(assessment.payload(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mismatches(client: Client, assessment: Assessment) -> list[str]:
    """How the assessment's employer details differ from the client record ([] when they agree
    or one side does not say)."""
    found = []
    if assessment.cu_code and client.cu_codes and assessment.cu_code not in client.cu_codes:
        found.append(
            f"its CU code is {assessment.cu_code}, and the client's are {', '.join(client.cu_codes)}"
        )
    if assessment.workers and client.workers and assessment.workers != client.workers:
        found.append(
            f"it is for {count(assessment.workers, 'worker')}, and the client has "
            f"{count(client.workers, 'worker')}"
        )
    return found


def assessment_for(client: Client, content: Content) -> Assessment:
    """A blank assessment set up from the client record: the partner's province (BC when no
    partner is chosen), the worker count, the first CU code, and the program those give."""
    partner = content.partners_by_id.get(client.partner_id or "")
    jurisdiction = partner.jurisdiction if partner else content.default_jurisdiction().code
    cu = client.cu_codes[0] if client.cu_codes else None
    program_id = None
    if client.workers:
        program_id = recommend(
            jurisdiction, client.workers, content, partner_id=partner.id if partner else None, cu_code=cu
        ).id
    return Assessment(jurisdiction=jurisdiction, workers=client.workers, cu_code=cu, program_id=program_id)
