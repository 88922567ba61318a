"""A deterministic mix of varied, fictional messages for the throughput benchmark.

Three in four are people writing (complaints, compliments, suggestions, out of
scope, some young people, some replies, some HTML-only); the rest are automated
(out-of-office, bounces, newsletters). Where the public corpus sits beside the
project, every tenth message is a real-world oddity from it.
"""

from __future__ import annotations

import random
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
import datetime as dt

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "public"

OPENINGS = ["I want to make a complaint about", "I am writing to complain about", "im not happy about",
            "Thank you so much for", "I would like to suggest a change to", "Please could you send me",
            "I have to raise a concern about", "I'm really upset about", "We are grateful for"]
SUBJECTS = ["my son's social worker", "the way my grandson's placement move was handled",
            "the contact arrangements for my daughter", "the leaving care team", "the review meeting",
            "the foster carer allowance", "the personal adviser who helped me", "how visits are booked",
            "a Freedom of Information request about agency spending", "the special guardianship support"]
DETAILS = ["Visits were cancelled three times and nobody called back.",
           "We were not told about the decision until the day before.",
           "She went above and beyond and made a real difference.",
           "It would help if meetings were held after school hours.",
           "I have emailed twice and had no reply.",
           "The plan was changed without asking us or the children.",
           "My foster carer said I could not see my brother this month.",
           "Please treat this as a formal complaint at Stage 1."]
NAMES = ["Pat Example", "Sam Taylor", "Alex Morgan", "Jordan Lee", "Chris Fairweather", "Robin Ashdown"]


def _person(rng: random.Random, i: int) -> bytes:
    message = EmailMessage()
    name = rng.choice(NAMES)
    message["From"] = f"{name} <{name.split()[0].lower()}.{i}@example.org>"
    message["To"] = "complaints@northshire.example.org"
    opening, subject = rng.choice(OPENINGS), rng.choice(SUBJECTS)
    message["Subject"] = f"Re: CSC-2026-{rng.randint(1, 50):04d}" if i % 25 == 0 else subject.capitalize()
    message["Date"] = format_datetime(dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=i))
    message["Message-ID"] = make_msgid(idstring=str(i), domain="example.org")
    paragraphs = [f"Dear complaints team,\n\n{opening} {subject}."] + \
        [" ".join(rng.sample(DETAILS, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 4))] + \
        [f"Regards,\n{name}"]
    text = "\n\n".join(paragraphs)
    if i % 9 == 0:
        message.set_content("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>",
                            subtype="html")
    else:
        message.set_content(text)
    return message.as_bytes()


def _automated(rng: random.Random, i: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"mailer-daemon@mx{i % 7}.example.net" if i % 3 == 0 else f"news{i % 5}@example.com"
    message["To"] = "complaints@northshire.example.org"
    message["Subject"] = ["Automatic reply: your message", "Undelivered Mail Returned to Sender",
                          "Our autumn newsletter"][i % 3]
    message["Message-ID"] = make_msgid(idstring=f"auto{i}", domain="example.net")
    if i % 3 == 1:
        message["Auto-Submitted"] = "auto-replied"
    if i % 3 == 2:
        message["List-Unsubscribe"] = "<mailto:leave@example.com>"
        message["Precedence"] = "bulk"
    message.set_content("I am out of the office until Monday. " * rng.randint(1, 5))
    return message.as_bytes()


def generate(count: int, seed: int = 2026) -> list[bytes]:
    rng = random.Random(seed)
    corpus = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in (".md", ".tsv")) \
        if CORPUS.exists() else []
    messages = []
    for i in range(count):
        if corpus and i % 10 == 9:
            raw = corpus[(i // 10) % len(corpus)].read_bytes()
            messages.append(f"X-Benchmark-Copy: {i}\n".encode() + raw + f"\n{i}\n".encode())
        elif i % 4 == 3:
            messages.append(_automated(rng, i))
        else:
            messages.append(_person(rng, i))
    return messages
