"""Tools for developers that both the tests and the bench use (never imported by the app)."""
