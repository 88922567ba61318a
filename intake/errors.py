"""The exception tree of the intake service.

    IntakeError                  anything the service itself reports, with a sentence for people
    ├── ConfigError              bad or missing configuration: exit 2 at start-up
    ├── SourceUnavailable        the mailbox cannot be reached now: leave the mail, retry next poll
    ├── UnparseableMessage       a message that cannot be read: it goes to quarantine, raw
    ├── OcrUnavailable           a scanned letter needs OCR and Tesseract is not installed: exit 2
    └── OutboxError              a transport failed: the outbox row stays unsent
        └── PermanentDeliveryError   the relay refused for good: stop retrying, tell staff

    PipelineStop (BaseException) a stage decided the message stops here; not a fault
    ├── Hold                     needs a person before anything else happens
    ├── NoReply                  automated mail: keep it, log it, never answer it
    └── Quarantine               keep it raw for staff, with the reason

PipelineStop derives from BaseException on purpose (like Mailman's DiscardMessage):
a stage's own ``except Exception`` must never swallow a decision to stop.
"""

from __future__ import annotations


class IntakeError(Exception):
    """An error with a message meant for the person running the service."""

    exit_code = 1


class ConfigError(IntakeError):
    """Configuration is invalid; the message lists every problem found."""

    exit_code = 2

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "invalid configuration:\n" + "\n".join(f"  - {p}" for p in problems)
        )


class SourceUnavailable(IntakeError):
    """The mailbox is unreachable or refused us; nothing was taken from it."""


class UnparseableMessage(IntakeError):
    """The message cannot be read at all; it is kept raw in quarantine."""


class OcrUnavailable(IntakeError):
    """A letter has no text layer and Tesseract OCR is not installed; says what to install."""

    exit_code = 2


class OutboxError(IntakeError):
    """A temporary delivery failure; the outbox row is retried later."""


class PermanentDeliveryError(OutboxError):
    """The relay rejected the message for good; retrying would not help."""


class PipelineStop(BaseException):
    """A stage decided that this message goes no further down the pipeline."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class Hold(PipelineStop):
    """Keep the case, but nothing automatic happens until a person decides."""


class NoReply(PipelineStop):
    """Automated mail: recorded, never answered, kept out of the complaint queue."""


class Quarantine(PipelineStop):
    """Kept raw, shown to staff with the reason."""
