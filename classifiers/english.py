"""How much of a message is not in English: the classifiers and the safeguarding screen read English only.

A message written mostly in another language could disclose anything, and neither the
cue lexicon nor the models can tell. So it goes to a person, who reads it (with an
interpreter) before any reply. Most sentences are plainly English by their function
words ("the", "and", "with", "that", ...), which make up a good part of any English
prose and almost none of other languages'; a script other than the Latin alphabet is not
English at all. Only the rest (short plain sentences, and every sentence in another
language written in the Latin alphabet) are put to a language identifier (py3langid,
loaded the first time one is needed: it takes most of a second).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from classifiers import sentences

# English function words that are not also common words of other languages written in the Latin alphabet
# ("a", "i", "to", "no", "me", "do", "on", "am", "in" are Spanish, Polish, Romanian, German... too).
ENGLISH_WORDS = frozenset("""
about above after again against all and any are because been before being below between both but can could
did does doing during each few for from further had has have having her here hers herself him himself his how
if into is it its itself just more most my myself nor not now of off once only or other our ours out own same
she should some such than that the their theirs them then there these they this those through too until up very
was were what when where which while who whom why will with would you your yours yourself im ive dont cant wont
thats youre hes shes theyre didnt doesnt isnt wasnt
""".split())
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Links and addresses are no language: "https://parcel-reschedule.example.org" is not seven foreign words.
LINK = re.compile(r"\S*(?:://|www\.|@)\S*")
# A sentence needs this many words (names and headings are not counted) to be judged.
MIN_WORDS = 8
# At least this share of such function words and a sentence is English without asking the identifier.
PLAINLY_ENGLISH = 0.2
LETTER = re.compile(r"[^\W\d_]")
# Letters beyond Latin Extended-B (U+024F): another script.
OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024f]")
# What the identifier may say of a sentence the classifiers can read: English, and the English-based
# creole it takes some plain English for.
READABLE = frozenset({"en", "pcm"})
# This share of a message's prose not in English, or more, and a person must read it: a message with an English
# version beside its own (as many are) is half and half, and the English half is read.
MOSTLY = 0.5


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def is_english(sentence: str) -> bool | None:
    """True or False where the sentence has enough prose to tell; None where it has not (a name, a list, a link)."""
    other_script = len(OTHER_SCRIPT.findall(sentence))
    if other_script >= MIN_WORDS * 3 and other_script * 2 > len(LETTER.findall(sentence)):
        return False
    words = _words(sentence)
    if len(words) < MIN_WORDS:
        return None
    if sum(w in ENGLISH_WORDS for w in words) / len(words) >= PLAINLY_ENGLISH:
        return True
    return str(_identifier().classify(LINK.sub(" ", sentence))[0]) in READABLE


def _words(sentence: str) -> list[str]:
    """Its words in lower case, less names and links: a capitalised word counts only if it is a function word
    ("My", "The"), a single letter ("I") or all in capitals (shouting)."""
    found = []
    for word in WORD.findall(LINK.sub(" ", sentence)):
        lowered = word.lower().replace("’", "").replace("'", "")
        if not word[0].isupper() or word.isupper() or lowered in ENGLISH_WORDS or len(word) == 1:
            found.append(lowered)
    return found


def not_english(text: str) -> tuple[float, list[str]]:
    """Of the sentences with enough prose to tell, the share (by letters) that are not English, and those sentences."""
    judged = unread = 0
    found = []
    for start, end in sentences.spans(text):
        sentence = text[start:end]
        english = is_english(sentence)
        if english is None:
            continue
        letters = len(LETTER.findall(sentence))
        judged += letters
        if not english:
            unread += letters
            found.append(sentence)
    return (unread / judged if judged else 0.0), found


def unreadable(text: str) -> list[str]:
    """The sentences not in English, where they are at least MOSTLY of the message's prose; else none."""
    share, found = not_english(text)
    return found if share >= MOSTLY else []
