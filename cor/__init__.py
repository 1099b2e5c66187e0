"""COR Ready's rules package: content models, scoring, incentives, the audit cycle and partners.

Pure Python (never imports streamlit) so every rule is testable on its own and reusable by the
pages, the exports and any other tool.
"""
