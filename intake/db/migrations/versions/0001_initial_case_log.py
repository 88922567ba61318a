"""Initial case log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op




revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


APPEND_ONLY_SQLITE = (
    "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events "
    "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END",
    "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
    "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END",
)
APPEND_ONLY_POSTGRESQL = (
    "CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$",
    "CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events "
    "FOR EACH ROW EXECUTE FUNCTION case_events_append_only()",
)


def _make_trail_append_only() -> None:
    """The case trail is evidence: the database itself refuses edits and deletions."""
    dialect = op.get_bind().dialect.name
    statements = APPEND_ONLY_POSTGRESQL if dialect == "postgresql" else APPEND_ONLY_SQLITE
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:

    op.create_table('case_counters',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('inbound_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identity', sa.String(length=512), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('message_id_header', sa.String(length=998), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('identity')
    )
    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_messages_message_id_header'), ['message_id_header'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_messages_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_messages_state'), ['state'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('category_confidence', sa.Float(), nullable=False),
    sa.Column('category_model', sa.String(length=64), nullable=False),
    sa.Column('category_review', sa.Boolean(), nullable=False),
    sa.Column('stage', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('complainant_name', sa.Text(), nullable=False),
    sa.Column('complainant_email', sa.String(length=320), nullable=False),
    sa.Column('complainant_address', sa.Text(), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('eligibility_decision', sa.String(length=16), nullable=False),
    sa.Column('eligibility_reasons', sa.JSON(), nullable=False),
    sa.Column('hits', sa.JSON(), nullable=False),
    sa.Column('acknowledgement', sa.String(length=16), nullable=False),
    sa.Column('officer', sa.String(length=128), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound_messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('inbound_id'),
    sa.UniqueConstraint('reference'),
    sa.UniqueConstraint('year', 'number')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_complainant_email'), ['complainant_email'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_status'), ['status'], unique=False)

    op.create_table('mailbox_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=512), nullable=False),
    sa.Column('source_key', sa.String(length=512), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound_messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'source_key')
    )
    with op.batch_alter_table('mailbox_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mailbox_entries_inbound_id'), ['inbound_id'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('error_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=128), nullable=True),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound_messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('inbound_id')
    )
    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('case_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('inbound_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound_messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('inbound_id')
    )
    with op.batch_alter_table('case_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_messages_case_id'), ['case_id'], unique=False)

    op.create_table('deadlines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.String(length=32), nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('working_days', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('met_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('calendar_version', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'deadline')
    )
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadlines_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadlines_due_date'), ['due_date'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=255), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('to_address', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('in_reply_to', sa.String(length=998), nullable=True),
    sa.Column('auto_submitted', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedupe_key'),
    sa.UniqueConstraint('message_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)
    _make_trail_append_only()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_events_no_change ON case_events")
        op.execute("DROP FUNCTION IF EXISTS case_events_append_only()")

    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_outbox_case_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadlines_due_date'))
        batch_op.drop_index(batch_op.f('ix_deadlines_case_id'))

    op.drop_table('deadlines')
    with op.batch_alter_table('case_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_messages_case_id'))

    op.drop_table('case_messages')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))

    op.drop_table('case_events')
    op.drop_table('quarantine')
    with op.batch_alter_table('mailbox_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mailbox_entries_inbound_id'))

    op.drop_table('mailbox_entries')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_status'))
        batch_op.drop_index(batch_op.f('ix_cases_complainant_email'))

    op.drop_table('cases')
    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_messages_state'))
        batch_op.drop_index(batch_op.f('ix_inbound_messages_sha256'))
        batch_op.drop_index(batch_op.f('ix_inbound_messages_message_id_header'))

    op.drop_table('inbound_messages')
    op.drop_table('case_counters')

