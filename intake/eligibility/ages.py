"""Matters dated by someone's age: "when I was 11 ... I'm 19 now", "when Leah was 13 ... she is now 16",
"when my daughter was 9 ... she's 13 now", "in year 8 ... I'm 16" (school year 8 is age 12 to 13), "just after her 15th birthday ... she's 17 now", "when he was 9 (he turned 12 this March)",
"when the twins were in year 2 ... they're in year 6 now".

Each span is (start, end, earliest, latest): the year of that age, counted back from the age now.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.eligibility.date_forms import months_before

WHO = r"(?:I|he|she|they|[A-Z][a-z]+|(?:my|our|his|her|their|the) (?:\w+ )?\w+)"
# "in year 8", "in Year Seven", "in reception" (the year before year 1, ending at age 5).
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "reception": 0, "r": 0}
YEAR_NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
SCHOOL_YEAR = rf"(?:in|at) (?:school )?(?:year {YEAR_NUMBER}\b|(reception|year r)\b)"
# "just after her 15th birthday", "when he turned 14", "the week she turned 12".
BIRTHDAY = (rf"\b(?:after|before|around|on|at|for) (?:my|his|her|their|{WHO}'s) (\d{{1,2}})(?:st|nd|rd|th) birthday\b|"
            rf"\b(?:when|after|before|as|the (?:week|month|day)) {WHO} turned (\d{{1,2}})\b")
AGE_THEN = re.compile(rf"\bwhen {WHO} (?:was|were) (?:only |just |about |aged? )?(\d{{1,2}})\b|"
                      rf"\b{SCHOOL_YEAR}|" + BIRTHDAY, re.IGNORECASE)
NOT_AGO = r"(?! (?:years|months|weeks|days) ago)"
AGE_NOW = re.compile(r"\b(?i:I)(?:'m| am|m) (?:now )?(\d{1,2})(?: years old)?(?: now)?\b" + NOT_AGO + "|"
                     r"\b(?:who|she|he|they|(?i:she|he|they))(?: is|'s| are|'re) (?:now )?(?:aged? )?(\d{1,2})\b"
                     + NOT_AGO + r"(?! (?:and|or|to|-|months|weeks|stone|pounds|kg|hours|minutes)\b)|"
                     r"\bnow (?:aged? )?(\d{1,2})\b|\b(?:is|are|'s|'re) (\d{1,2})(?: years old)? now\b|"
                     # "(he turned 12 this March)", "she's just turned 15": a birthday this year, so the age now
                     r"\b(?<!when )(?<!after )(?:he|she|they|I|[A-Z][a-z]+|(?:has|have|'s|'ve) just) turned (\d{1,2})\b"
                     r"(?= (?i:this|last) (?i:month|week|year|spring|summer|autumn|winter|\w+uary|march|april|may|june|july|"
                     r"august|\w+ber)\b| recently|,|\)|\.)")
# "they're in year 6 now", "she's now in year 9": the school year now.
YEAR_NOW = re.compile(rf"\b(?:is|are|'s|'re|i'm|i am) (?:now )?in (?:school )?year {YEAR_NUMBER}(?: now)?\b|"
                      rf"\bnow (?:in )?(?:school )?year {YEAR_NUMBER}\b", re.IGNORECASE)
SCHOOL_YEAR_AGE = 5  # year N ends at age N + 5
# "the week my Ellie started year 7 ... She's in year 8 now": the start of a school year, dated by the school
# calendar (September of the year that many school years before the one now running), not by an age.
STARTED = re.compile(rf"\b(?:started|starting|began|begun|moved up (?:in)?to|went (?:up )?into) (?:in )?(?:school )?"
                     rf"(?:year {YEAR_NUMBER}\b|(reception)\b)", re.IGNORECASE)


def ages(text: str, received: dt.date) -> list[tuple[int, int, dt.date, dt.date]]:
    """Dated mentions of an earlier age, when the age now is said too."""
    year_now = next(((m.start(), m.end(), _school_year(n) + SCHOOL_YEAR_AGE) for m in YEAR_NOW.finditer(text)
                     for n in m.groups() if n), None)
    now = next((int(n) for m in AGE_NOW.finditer(text) for n in m.groups() if n), None)
    if now is None and year_now is not None:
        now = year_now[2]
    if now is None or now >= 30:
        return []
    found = _school_starts(text, received, year_now[2] - SCHOOL_YEAR_AGE) if year_now is not None else []
    for then in AGE_THEN.finditer(text):
        if year_now is not None and year_now[0] <= then.start() < year_now[1]:
            continue  # the school year now, not then
        school = then[2] or then[3]
        age = _school_year(school) + SCHOOL_YEAR_AGE if school else int(next(g for g in then.groups() if g))
        years = now - age
        if 0 < years < 25:
            day = months_before(received, 12 * years)
            found.append((then.start(), then.end(), months_before(day, 12), day))
    return found


def _school_year(said: str) -> int:
    """"8", "eight", "reception", "Year R" -> the school year as a number (reception is 0)."""
    said = said.lower().removeprefix("year ").strip()
    return int(said) if said.isdigit() else WORDS[said]


def _school_starts(text: str, received: dt.date, year_now: int) -> list[tuple[int, int, dt.date, dt.date]]:
    """"started year 7", with the school year now known: the September that school year began."""
    running = received.year if received.month >= 9 else received.year - 1  # the school year now began then
    found = []
    for match in STARTED.finditer(text):
        back = year_now - _school_year(match[1] or match[2])
        if 0 < back < 15:
            found.append((match.start(), match.end(), dt.date(running - back, 9, 1), dt.date(running - back, 9, 30)))
    return found
