"""Thin over APScheduler 3.x: fixed jobs; per-case deadlines live in our own tables."""
