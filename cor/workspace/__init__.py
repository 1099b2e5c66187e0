"""The consultants' workspace: clients, their assessments over time and their action plans.

``cor.workspace.models`` holds the typed values; ``cor.workspace.repository`` keeps them in the
same database as the readiness drafts (see ``cor.db``), scoped to the signed-in user.
"""
