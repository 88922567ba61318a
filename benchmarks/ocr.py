"""OCR accuracy and speed on the letters the tests generate.

    .venv/bin/python -m benchmarks.ocr [--json]

For each layout (tests/support/scanned_letters.py): how the text was read (text layer or
OCR), seconds per page, the character error rate against the text as written (edit
distance / reference length, after collapsing whitespace; case kept), and whether the
writer's name, postal address and the date written were read exactly. One core of
whatever machine runs it; Tesseract's own threads as configured (OMP_THREAD_LIMIT).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

from PIL import Image, ImageFilter

from intake import config
from intake.scans.message import read_fields
from intake.scans.reading import read_scan
from tests.support.scanned_letters import (CURSIVE, HANDWRITING, SANS, Letter, ground_truth, image_bytes,
                                           page_images, two_page, typed_pdf)

LETTER = Letter(email="pat.example@example.org")
ADDRESS = "\n".join(LETTER.address)


def layouts() -> dict[str, tuple[Letter, Callable[[], bytes]]]:
    long = two_page(LETTER)
    found: dict[str, tuple[Letter, Callable[[], bytes]]] = {
        "typed PDF (text layer)": (LETTER, lambda: typed_pdf(LETTER)),
        "scan PNG, DejaVu Serif 10pt": (LETTER, lambda: image_bytes(page_images(LETTER), "png")),
        "scan JPEG q85, DejaVu Sans": (LETTER, lambda: image_bytes(page_images(LETTER, SANS), "jpeg")),
        "scan PDF, 2 pages": (long, lambda: image_bytes(page_images(long), "pdf")),
        "scan TIFF, 2 pages": (long, lambda: image_bytes(page_images(long), "tiff")),
        "scan PNG, skewed, blurred, noisy": (LETTER, lambda: image_bytes(
            [_degraded(page) for page in page_images(LETTER)], "png")),
        "handwriting-like (Humor Sans)": (LETTER, lambda: image_bytes(page_images(LETTER, HANDWRITING), "png")),
    }
    if CURSIVE.exists():
        found["joined handwriting (dkg)"] = (LETTER, lambda: image_bytes(page_images(LETTER, CURSIVE), "png"))
    return found


def _degraded(page: Image.Image) -> Image.Image:
    """A poor photocopy: 1.2 degrees of skew, a little blur, speckle, and grey paper."""
    page = page.rotate(1.2, resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(page.size, 40)
    return Image.blend(page, noise, 0.18).point(lambda v: min(255, v + 10))


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(1, len(ref))


def measure(name: str, letter: Letter, make: Callable[[], bytes], settings: config.Settings) -> dict[str, Any]:
    data = make()
    scan = read_scan(data)
    fields = read_fields(scan, settings)
    truth = ground_truth(letter)
    # A text layer keeps the case; compare OCR of capitals-only fonts without case.
    upper = name.startswith("handwriting-like")
    return {"layout": name, "method": scan.method, "pages": scan.pages,
            "seconds_per_page": round(scan.seconds / scan.pages, 2),
            "cer": round(cer(truth.upper() if upper else truth, scan.text.upper() if upper else scan.text), 4),
            "name": fields.sender_name.lower() == letter.sender_name.lower(),
            "address": fields.address.upper() == ADDRESS.upper(),
            "date": fields.written_on == letter.written_on}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per layout")
    args = parser.parse_args(argv)
    settings = config.load(environ={})
    rows = [measure(name, letter, make, settings) for name, (letter, make) in layouts().items()]
    for row in rows:
        if args.json:
            print(json.dumps(row))
        else:
            print(f"{row['layout']:<32} {row['method']:<11} pages={row['pages']} "
                  f"s/page={row['seconds_per_page']:<5} CER={row['cer']:.2%}  name={row['name']} "
                  f"address={row['address']} date={row['date']}")
    ocr = [r for r in rows if r["method"] == "ocr" and not r["layout"].startswith(("handwriting", "joined"))]
    if ocr and not args.json:
        pages = sum(r["pages"] for r in ocr)
        print(f"typed scans by OCR: mean CER {sum(r['cer'] for r in ocr) / len(ocr):.2%}, "
              f"{sum(r['seconds_per_page'] * r['pages'] for r in ocr) / pages:.2f} s per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())

