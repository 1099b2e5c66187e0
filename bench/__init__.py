"""COR Ready's bench: run it with `python -m bench` (see bench/README.md)."""
