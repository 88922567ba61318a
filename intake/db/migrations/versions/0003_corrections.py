"""Staff corrections to categories and flags, kept for retraining.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("field", sa.String(24), nullable=False),
        sa.Column("old_value", sa.String(24), nullable=False),
        sa.Column("new_value", sa.String(24), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("model", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_corrections_case_id", "corrections", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_corrections_case_id", "corrections")
    op.drop_table("corrections")
