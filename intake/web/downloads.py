"""Files from the public, handed to staff as downloads with headers that keep the browser safe."""

from __future__ import annotations

import io

from flask import abort, send_file
from werkzeug.wrappers.response import Response

from intake.db.models import InboundMessage
from intake.parsing import attachment_bytes
from intake.text import safe_filename


def attachment_download(inbound: InboundMessage, sha256: str) -> Response:
    listed = next((a for a in inbound.attachments if a.get("sha256") == sha256), None)
    if listed is None:
        abort(404)
    data = attachment_bytes(inbound.raw, sha256)
    if data is None:
        abort(404, "This attachment is inside a container (such as winmail.dat) and cannot be offered alone.")
    return _download(data, safe_filename(str(listed.get("filename") or "attachment")))


def letter_scan_download(inbound: InboundMessage) -> Response:
    """A posted letter's scan (the stored file itself)."""
    return _download(inbound.raw, f"letter-{inbound.id}")


def _download(data: bytes, filename: str) -> Response:
    # Always a download of opaque bytes: the browser never renders or sniffs what the public sent.
    response = send_file(io.BytesIO(data), mimetype="application/octet-stream", as_attachment=True,
                         download_name=filename, max_age=0)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
