"""Children's social care complaints intake: mailbox and letters in, cases and acknowledgements out."""

__version__ = "0.1.0"
