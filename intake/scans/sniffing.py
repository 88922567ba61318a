"""Which kind of scan a file is, from its first bytes (the name can lie; the bytes do not)."""

from __future__ import annotations

MIME = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff"}
_MAGIC = ((b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"),
          (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))
_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def scan_kind(data: bytes) -> str | None:
    """"pdf", "png", "jpeg" or "tiff"; None for anything else (an email, a Word file, ...)."""
    head = data[:1024].lstrip()  # some PDF writers put a few bytes before %PDF-
    for magic, kind in _MAGIC:
        if head.startswith(magic) or (kind == "pdf" and magic in data[:1024]):
            return kind
    return None


def is_scan_name(filename: str) -> bool:
    """A file name that says PDF or image (for attachments whose type the sender got wrong)."""
    name = filename.lower()
    return any(name.endswith(ext) for ext in _EXTENSIONS)
