"""Reminders, escalation notices and the daily digest, derived from the deadlines table.

The deadlines table is the truth: nothing here is scheduled per case. A scan
asks "what is due now?", writes each answer once into the notice ledger (one
row per case, deadline, due date and kind: a unique key, so a restart, a crash
or a second worker cannot send it twice) and queues one email per recipient in
the same transaction.
"""
