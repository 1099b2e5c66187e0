"""Files a user takes away: report (PDF), action plan (CSV/XLSX), calendar (ICS), assessment (JSON)."""
