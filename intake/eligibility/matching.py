"""The text, read once for every rule: sentences, clauses and the phrases of the rules file.

A blank English spaCy pipeline (tokenizer and sentencizer, no model to download) is built
once per process, and one PhraseMatcher per rules file. Each rule then asks the Analysis
questions ("which clauses name a school?") instead of searching the text itself.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from intake.eligibility.rules import EligibilityRules
from intake.item import Hit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span

STAGE = "check_eligibility"
# Words that start a new clause inside a sentence ("the school is great, but the social worker...").
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", ";"})
MAX_EVIDENCE = 300
# A complaint says what it is about early on; a pasted thread or attachment text can run to
# 100,000 characters and would cost tens of milliseconds for nothing.
MAX_CHARS = 12_000


@functools.cache
def pipeline() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@functools.cache
def phrase_matcher(rules: EligibilityRules) -> PhraseMatcher:
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, phrases in rules.lists.items():
        matcher.add(key, [nlp.make_doc(p) for p in phrases])
    for group in rules.groups:
        matcher.add(f"{group.kind}.{group.name}", [nlp.make_doc(p) for p in group.phrases])
    return matcher


@dataclass(frozen=True)
class Found:
    """One phrase found: which list, where (tokens), in which sentence and clause."""

    key: str
    start: int
    end: int
    sentence: int
    clause: int


@dataclass
class Analysis:
    text: str
    received: dt.date
    rules: EligibilityRules
    doc: Doc
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)  # char offsets
    clause_sentence: list[int] = field(default_factory=list)  # clause index -> sentence index
    clause_start: dict[int, int] = field(default_factory=dict)  # clause -> its first word's token
    found: dict[str, list[Found]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # what the rules work out once (targets, dates)
    token_clause: list[int] = field(default_factory=list)  # token -> its clause
    # Filled on first use: the rules ask for the same sentence's text or Span dozens of times a complaint.
    sentence_texts: list[str] = field(default_factory=list)
    sentence_spans: list[Span] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)  # char offset each sentence starts at

    def clause_of_token(self, token: int) -> int:
        return self.token_clause[token]

    def all(self, key: str) -> list[Found]:
        return self.found.get(key, [])

    def has(self, key: str) -> bool:
        return bool(self.found.get(key))

    def sentences_with(self, key: str) -> set[int]:
        return {f.sentence for f in self.all(key)}

    def clauses_with(self, key: str) -> set[int]:
        return {f.clause for f in self.all(key)}

    def sentence_of_char(self, offset: int) -> int:
        if not self.sentence_starts:
            self.sentence_starts = [start for start, _ in self.sentence_bounds]
        index = bisect.bisect_right(self.sentence_starts, offset) - 1  # the last sentence starting at or before it
        if index >= 0 and offset < self.sentence_bounds[index][1]:
            return index
        return len(self.sentence_bounds) - 1

    def sentence_text(self, index: int) -> str:
        if not self.sentence_texts:
            self.sentence_texts = [_evidence(self.text[start:end]) for start, end in self.sentence_bounds]
        return self.sentence_texts[index]

    def sent(self, token: int) -> Span:
        """The sentence holding a token: `doc[token].sent` without spaCy's walk to find its edges each time."""
        if not self.sentence_spans:
            self.sentence_spans = list(self.doc.sents)
        return self.sentence_spans[self.clause_sentence[self.token_clause[token]]]

    def hit(self, code: str, explanation: str, sentence: int) -> Hit:
        return Hit(STAGE, code, explanation, self.sentence_text(sentence))


def _evidence(text: str) -> str:
    sentence = " ".join(text.split())
    return sentence if len(sentence) <= MAX_EVIDENCE else sentence[:MAX_EVIDENCE - 3] + "..."


@functools.cache
def _clause_break_ids() -> frozenset[int]:
    """CLAUSE_BREAKS as the LOWER ids a Doc's arrays hold (a string's id is its hash: fixed)."""
    return frozenset(pipeline().vocab.strings.add(word) for word in CLAUSE_BREAKS)


def analyse(text: str, received: dt.date, rules: EligibilityRules) -> Analysis:
    text = text[:MAX_CHARS].replace("\u2019", "'").replace("\u2018", "'")
    doc = pipeline()(text)
    analysis = Analysis(text, received, rules, doc)
    clause_of_token = analysis.token_clause
    # Read from two arrays, not Token objects: this loop visits every token of every complaint.
    breaks, alpha = _clause_break_ids(), doc.to_array("IS_ALPHA").tolist()
    lower = doc.to_array("LOWER").tolist()  # attribute names: spacy.attrs has no type stubs
    for index, sent in enumerate(doc.sents):
        analysis.sentence_bounds.append((sent.start_char, sent.end_char))
        analysis.clause_sentence.append(index)
        for i in range(sent.start, sent.end):
            is_break = lower[i] in breaks
            if is_break and i > sent.start:
                analysis.clause_sentence.append(index)
            clause = len(analysis.clause_sentence) - 1
            clause_of_token.append(clause)
            if clause not in analysis.clause_start and alpha[i] and not is_break:
                analysis.clause_start[clause] = i
    sentence_of_clause = analysis.clause_sentence
    for match_id, start, end in phrase_matcher(rules)(doc):
        key = doc.vocab.strings[match_id]
        clause = clause_of_token[start]
        analysis.found.setdefault(key, []).append(Found(key, start, end, sentence_of_clause[clause], clause))
    from intake.eligibility import body_names, described_services, elsewhere, hospital_doctors, landlords, operations  # they read Analysis

    elsewhere.add(analysis)  # another council, named in the writer's own words
    body_names.add(analysis)  # "Brightwater Learning Trust", "Horizon Hearth Fostering": a body's own name
    described_services.add(analysis)  # "the minibus that takes him to school": school transport described
    landlords.add(analysis)  # "I rent my flat from Harbourside Homes": a housing association by its own name
    operations.drop(analysis)  # "recovering from surgery": an operation, not a GP surgery
    hospital_doctors.drop(analysis)  # "the registrar told me the bed was needed": a hospital doctor
    return analysis
