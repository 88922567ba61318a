"""The safeguarding screen: two trained models over cue-marked text, and strong cues, recall first.

A missed disclosure is the worst failure this product can have; a false alarm
costs a manager a minute. Three ways in, any one of which flags the message:

- a *strong* cue (suicide, self-harm, county lines, FGM, ...) flags on its own, and so
  does a *combination* of cue groups in one passage (an injury nobody can explain, a
  wedding for a 16-year-old, an abuser outside the home they were ordered away from);
- the passage model scores every sentence and every pair of neighbouring
  sentences (a disclosure is often spread over two: "he wants to meet me on
  saturday. hes 31"), so the evidence is the passage that disclosed the risk;
- the message model reads the whole message.

Both models read the text with a marker for each group of risk cues it contains
(classifiers/lexicons/risk_cues.txt): a cue word the corpus never showed still
counts, through its group. Both thresholds are tuned at training time to miss the
fewest disclosures in the dev split while false alarms stay within a budget (15% of
ordinary messages), then set lower while false alarms stay within 10%, so an unseen
disclosure a little quieter than the dev ones is still caught: recall first, but a
screen that held most mail back would be no screen at all.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from classifiers import sentences, store
from classifiers.base import Classification
from classifiers.risk_cues import cues, marked, strong_cue
from classifiers.textcat import MAX_CHARS, normalise, predict, predict_parts

NAME = "safeguarding"
MESSAGE_MODEL = "safeguarding_message"
RISK_LABEL = "risk"
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class Passage:
    text: str
    first: int  # index of its (first) sentence
    pair: bool  # two neighbouring sentences rather than one
    groups: frozenset[str] = frozenset()
    score: float = 0.0
    strong: bool = False  # a strong cue, or a combination of groups: flags whatever the scores


def passages(text: str) -> list[Passage]:
    """Each sentence and each pair of neighbours, with the cue groups found in them.

    The lexicon scans the whole text once; each cue is then given to its sentence.
    """
    spans = list(sentences.spans(text))
    starts = [a for a, _ in spans]
    groups: list[set[str]] = [set() for _ in spans]
    lexicon = cues()
    for match in lexicon.any.finditer(text.lower()):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= spans[index][1]:
            groups[index] |= lexicon.groups_of(match.group())
    found = [Passage(text[a:b], i, False, frozenset(g)) for i, ((a, b), g) in enumerate(zip(spans, groups))]
    pairs = [Passage(f"{a.text} {b.text}", a.first, True, a.groups | b.groups) for a, b in zip(found, found[1:])]
    return found + pairs


def message_view(text: str, units: list[Passage] | None = None) -> str:
    """The whole message as the message model reads it: marked with every group its sentences have."""
    found = passages(text) if units is None else units
    return marked(text, frozenset().union(*(p.groups for p in found if not p.pair)))


def screen_text(passage_nlp: Language, message_nlp: Language, text: str) -> tuple[list[Passage], float]:
    """Every passage with its score, and the whole message's score.

    A passage's score depends on nothing but its normalised, cue-marked text, so each
    distinct text is scored once (quoted history and signatures repeat themselves).
    """
    units = passages(text)
    sentences = [normalise(p.text) for p in units if not p.pair]
    parts = [view_parts(p, sentences) for p in units]
    views = [" ".join(p) for p in parts]
    distinct = dict(zip(views, parts))
    scored = {view: s[RISK_LABEL] for view, s in
              zip(distinct, predict_parts(passage_nlp, list(distinct.values()), batch_size=256), strict=True)}
    message = predict(message_nlp, [message_view(text, units)])[0][RISK_LABEL]
    return [Passage(p.text, p.first, p.pair, p.groups, scored[view], flagged_by_rule(p))
            for p, view in zip(units, views, strict=True)], message


def view_parts(passage: Passage, sentences: list[str]) -> tuple[str, ...]:
    """normalise(marked(passage.text, passage.groups)), in the parts that make it up.

    Those are its sentences' normalised texts (so each is tokenised once, though a
    sentence is in three passages) and its markers; one part where normalise would
    cut the passage short.
    """
    markers = marked("", passage.groups).strip()
    own = tuple(sentences[passage.first:passage.first + 1 + passage.pair])
    if len(passage.text) + len(markers) + 1 > MAX_CHARS or not all(own):
        return (normalise(marked(passage.text, passage.groups)),)
    return (*own, normalise(markers)) if markers else own


def flagged_by_rule(passage: Passage) -> bool:
    """A combination of cue groups in the passage, or a strong cue in its one sentence."""
    return cues().combined(passage.groups) or (
        not passage.pair and bool(passage.groups) and strong_cue(passage.text))


def evidence(scored: list[Passage], threshold: float) -> list[str]:
    """The passages that flagged, best first; a pair only when neither of its sentences is shown alone."""
    hits = sorted((p for p in scored if p.strong or p.score >= threshold),
                  key=lambda p: (p.strong, p.score), reverse=True)
    shown = {p.first for p in hits if not p.pair}
    chosen = [p for p in hits if not p.pair or not ({p.first, p.first + 1} & shown)]
    return list(dict.fromkeys(" ".join(p.text.split())[:300] for p in chosen))


def flags(scored: list[Passage], message: float, passage_threshold: float, message_threshold: float,
          cueless_threshold: float) -> bool:
    """A strong cue or a passage over its threshold; or the message model over its own, which with no risk cue
    anywhere in the message is the higher cueless_threshold (thresholds.cueless_message_threshold)."""
    cued = any(p.groups for p in scored)
    return message >= (message_threshold if cued else cueless_threshold) or any(
        p.strong or p.score >= passage_threshold for p in scored)


class SafeguardingScreen:
    def __init__(self, models_dir: Path = store.MODELS_DIR) -> None:
        info = store.manifest(models_dir)[NAME]
        self.model_version: str = info["version"]
        self.passage_threshold: float = info["passage_threshold"]
        self.message_threshold: float = info["message_threshold"]
        self.cueless_threshold: float = info["cueless_message_threshold"]
        self.passage_nlp = store.pipeline(NAME, models_dir)
        self.message_nlp = store.pipeline(MESSAGE_MODEL, models_dir)
        cues()  # compiled now, with the models, rather than on the first message: part of loading the screen

    def classify(self, text: str) -> Classification:
        scored, message = screen_text(self.passage_nlp, self.message_nlp, text)
        flagged = flags(scored, message, self.passage_threshold, self.message_threshold, self.cueless_threshold)
        # Flagged by the message model alone: the passage it found likeliest, so staff see where to look.
        shown = evidence(scored, self.passage_threshold) or evidence(scored, max(p.score for p in scored)) \
            if flagged and scored else []
        top = max([message, *(p.score for p in scored)])
        return Classification(label=NAME if flagged else "none", score=round(top, 3),
                              model_version=self.model_version, evidence=tuple(shown[:MAX_EVIDENCE]))
