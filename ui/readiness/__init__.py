"""The Readiness page's building blocks: its state, views, program box, reports and audit day."""
