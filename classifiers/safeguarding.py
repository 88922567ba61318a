"""The safeguarding screen: risk cues, two trained models and a few phrases, recall first.

A missed disclosure is the worst failure this product can have; a false alarm
costs a manager a minute. Three ways in, any one of which flags the message:

- a *strong* cue (suicide, self-harm, county lines, FGM, ...) flags on its own;
- every sentence with a risk cue (classifiers/lexicons/risk_cues.txt, broad on
  purpose) is scored by the sentence model, which has learnt from the corpus
  which cue sentences disclose risk and which are innocent ("abuse of process",
  a matter dealt with years ago);
- the message model reads the whole message, for disclosures made of ordinary
  words ("he wants me to meet him on saturday. hes 31").

Both thresholds are tuned at training time so that no disclosure in the dev
split is missed. The evidence is the sentence that triggered the flag.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from classifiers import sentences, store
from classifiers.base import Classification
from classifiers.textcat import predict

NAME = "safeguarding"
MESSAGE_MODEL = "safeguarding_message"
RISK_LABEL = "risk"
CUES_FILE = Path(__file__).resolve().parent / "lexicons" / "risk_cues.txt"
MAX_EVIDENCE = 5

# Innocent phrases around a strong cue ("suicide prevention training") that excuse it.
EXCUSED = re.compile(r"\b(abuse of (process|power|position|discretion)|(self[- ]?harm|suicide) "
                     r"(awareness|prevention)( week| day| training| course)?|(awareness|training|course|"
                     r"webinar|statistics|figures) (on|about|in) [\w\s,-]{0,40})\b", re.I)


@dataclass(frozen=True)
class Cues:
    any: re.Pattern[str]
    strong: re.Pattern[str]


@functools.cache
def cues(path: Path = CUES_FILE) -> Cues:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    patterns = [line for line in lines if line and not line.startswith("#")]
    strong = [p.removeprefix("strong:") for p in patterns if p.startswith("strong:")]
    every = [p.removeprefix("strong:") for p in patterns]
    return Cues(re.compile(r"\b(?:" + "|".join(every) + r")\b", re.I),
                re.compile(r"\b(?:" + "|".join(strong) + r")\b", re.I))


def has_cue(sentence: str) -> bool:
    return cues().any.search(sentence) is not None


def strong_cue(sentence: str) -> bool:
    excused = [m.span() for m in EXCUSED.finditer(sentence)]
    return any(not any(a <= m.start() < b for a, b in excused) for m in cues().strong.finditer(sentence))


@dataclass(frozen=True)
class SentenceScore:
    sentence: str
    score: float  # the sentence model's, for cue sentences; 0 for the rest
    strong: bool


class SafeguardingScreen:
    def __init__(self, models_dir: Path = store.MODELS_DIR) -> None:
        info = store.manifest(models_dir)[NAME]
        self.model_version: str = info["version"]
        self.sentence_threshold: float = info["sentence_threshold"]
        self.message_threshold: float = info["message_threshold"]
        self.sentence_nlp = store.pipeline(NAME, models_dir)
        self.message_nlp = store.pipeline(MESSAGE_MODEL, models_dir)

    def score(self, text: str) -> tuple[list[SentenceScore], float]:
        """Every sentence's score, and the message model's score for the whole text."""
        found = sentences.split(text)
        with_cue = [s for s in found if has_cue(s)]
        scores = dict(zip(with_cue, (p[RISK_LABEL] for p in predict(self.sentence_nlp, with_cue, 256)),
                          strict=True))
        message = predict(self.message_nlp, [text])[0][RISK_LABEL]
        return [SentenceScore(s, scores.get(s, 0.0), strong_cue(s)) for s in found], message

    def classify(self, text: str) -> Classification:
        scored, message = self.score(text)
        flagged = flags(scored, message, self.sentence_threshold, self.message_threshold)
        ranked = sorted(scored, key=lambda s: (s.strong, s.score), reverse=True)
        evidence = [s for s in ranked if s.strong or s.score >= self.sentence_threshold]
        if flagged and not evidence:  # flagged by the message model: its most likely sentences
            evidence = [s for s in ranked if s.score > 0][:2] or ranked[:1]
        shown = tuple(dict.fromkeys(" ".join(s.sentence.split())[:300] for s in evidence))
        top = max([message, *(s.score for s in scored)])
        return Classification(label=NAME if flagged else "none", score=round(top, 3),
                              model_version=self.model_version,
                              evidence=shown[:MAX_EVIDENCE] if flagged else ())


def flags(scored: list[SentenceScore], message: float, sentence_threshold: float,
          message_threshold: float) -> bool:
    return message >= message_threshold or any(
        s.strong or s.score >= sentence_threshold for s in scored)
