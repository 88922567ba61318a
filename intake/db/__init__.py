"""Storage: the case log and its ledgers (SQLAlchemy 2 typed ORM, Alembic migrations)."""
