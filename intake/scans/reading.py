"""A scan's text: the PDF's own text layer where a page has one, else OCR of the page image.

A word-processed letter saved as PDF carries its words (pypdf reads them exactly, in
milliseconds). A scanner's PDF or a photo carries only pictures: each such page is drawn
at 300 dpi (pypdfium2; no poppler needed) and read by Tesseract (pytesseract), about
2.5 seconds a page. A page with fewer than MIN_LAYER_CHARS characters of text layer (a
scan with only a page number or a stamp) counts as having none.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from intake.errors import OcrUnavailable, UnparseableMessage
from intake.scans.sniffing import scan_kind

log = logging.getLogger("intake.scans")

MIN_LAYER_CHARS = 40
RENDER_DPI = 300
MAX_PAGES = 30
INSTALL_HINT = ("install Tesseract OCR (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng) "
                "and the project's Python dependencies (pip install -e .)")


@dataclass(frozen=True)
class ScanText:
    text: str
    pages: int
    method: str          # "text_layer", "ocr", or "text_layer+ocr" (some pages each way)
    kind: str            # "pdf", "png", "jpeg", "tiff"
    seconds: float


def read_scan(data: bytes) -> ScanText:
    """The text of a PDF or image; UnparseableMessage if it is neither, OcrUnavailable if OCR is missing."""
    return _read(data)


@lru_cache(maxsize=8)  # `intake letter add` reads a file for its date, then the parse stage again
def _read(data: bytes) -> ScanText:
    started = time.perf_counter()
    kind = scan_kind(data)
    if kind is None:
        raise UnparseableMessage("the file is not a PDF, PNG, JPEG or TIFF")
    methods: set[str] = set()
    texts: list[str] = []
    for layer, image in (_pdf_pages(data) if kind == "pdf" else _image_pages(data)):
        if len("".join(layer.split())) >= MIN_LAYER_CHARS:
            texts.append(layer)
            methods.add("text_layer")
        else:
            texts.append(ocr(image()))
            methods.add("ocr")
    if not texts:
        raise UnparseableMessage(f"the {kind.upper()} has no pages")
    method = "+".join(sorted(methods, key=["text_layer", "ocr"].index))
    seconds = time.perf_counter() - started
    log.info("scan_read kind=%s pages=%s method=%s seconds=%.2f", kind, len(texts), method, seconds)
    return ScanText(text="\n\n".join(_tidy(t) for t in texts), pages=len(texts), method=method,
                    kind=kind, seconds=seconds)


def _tidy(text: str) -> str:
    """One space between words (text layers often space words out); blank lines kept."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()


def _pdf_pages(data: bytes) -> Iterator[tuple[str, Any]]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = list(reader.pages)[:MAX_PAGES]
    except Exception as exc:  # noqa: BLE001 - any damage in the PDF: quarantine with the reason
        raise UnparseableMessage(f"the PDF cannot be read ({type(exc).__name__})") from exc
    for number, page in enumerate(pages):
        try:
            layer = page.extract_text() or ""
        except Exception:  # noqa: BLE001 - a page whose text layer is broken is read by OCR instead
            layer = ""
        yield layer, lambda n=number: _render_pdf_page(data, n)


def _render_pdf_page(data: bytes, number: int) -> Any:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return document[number].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
    finally:
        document.close()


def _image_pages(data: bytes) -> Iterator[tuple[str, Any]]:
    from PIL import Image, ImageSequence

    try:
        image = Image.open(io.BytesIO(data))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)][:MAX_PAGES]
    except Exception as exc:  # noqa: BLE001
        raise UnparseableMessage(f"the image cannot be read ({type(exc).__name__})") from exc
    for frame in frames:
        yield "", lambda f=frame: f


def ocr(image: Any) -> str:
    """Tesseract's reading of one page image (English)."""
    pytesseract = ocr_engine()
    if image.mode not in ("L", "RGB"):
        image = image.convert("L")
    return str(pytesseract.image_to_string(image, lang="eng"))


def ocr_engine() -> Any:
    """pytesseract, once Tesseract itself is known to be there; else OcrUnavailable with what to install."""
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailable(f"this letter needs OCR but pytesseract is not installed: {INSTALL_HINT}") from None
    try:
        pytesseract.get_tesseract_version()
    except Exception:  # noqa: BLE001 - TesseractNotFoundError, or a broken install
        raise OcrUnavailable(f"this letter needs OCR but Tesseract is not installed: {INSTALL_HINT}") from None
    return pytesseract
