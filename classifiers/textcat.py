"""Our spaCy text categorisers: how they are built, trained and kept.

A blank English pipeline with one text categoriser, nothing downloaded. The
bag-of-words model (unigrams and bigrams, hashed) is the default: on a corpus of
a few thousand messages it is as accurate as the CNN ensemble and many times
faster, which matters when a mailbox backlog of thousands arrives at once.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any, Callable, Literal, Sequence

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import compounding, fix_random_seed

from classifiers.bow_scoring import BagOfWords, scorer
from classifiers.token_ids import Ids

Architecture = Literal["bow", "ensemble"]
Labelled = tuple[str, dict[str, float]]

MAX_CHARS = 8000
# Longer runs without a space are quoting marks, base64 or rules, never words; spaCy's
# tokenizer takes time in the square of a token's length (a line of 8,000 '>' took a minute).
LONGEST_TOKEN = 100
# Tried only where a run begins: tried inside every word too, the scan was half of normalise's time.
_LONG_RUN = re.compile(rf"(?<!\S)(\S{{{LONGEST_TOKEN}}})\S+")


def normalise(text: str) -> str:
    """Case and spacing carry no label: "COMPLAINT" and "complaint" are one feature."""
    return " ".join(_LONG_RUN.sub(r"\1", text[:MAX_CHARS]).split()).lower()


def _model_config(architecture: Architecture, exclusive: bool) -> dict[str, Any]:
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": exclusive,
           "ngram_size": 2, "no_output_layer": False, "length": 262144}
    if architecture == "bow":
        return bow
    tok2vec = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
                   "maxout_pieces": 3, "depth": 2}}
    return {"@architectures": "spacy.TextCatEnsemble.v2", "tok2vec": tok2vec, "linear_model": bow}


def build(labels: Sequence[str], *, exclusive: bool, architecture: Architecture = "bow") -> Language:
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat" if exclusive else "textcat_multilabel",
                           config={"model": _model_config(architecture, exclusive)})
    for label in labels:
        textcat.add_label(label)  # type: ignore[attr-defined]
    return nlp


@dataclass(frozen=True)
class TrainingRun:
    nlp: Language
    best_epoch: int
    best_score: float


def train(nlp: Language, examples: Sequence[Labelled], *, seed: int, epochs: int,
          score: Callable[[Language], float], dropout: float = 0.2) -> TrainingRun:
    """Train, scoring after every epoch; keep the weights of the best epoch (early stopping on dev)."""
    fix_random_seed(seed)
    shuffler = random.Random(seed)
    data = [Example.from_dict(nlp.make_doc(normalise(text)), {"cats": cats}) for text, cats in examples]
    optimizer = nlp.initialize(lambda: data)
    best = TrainingRun(nlp, 0, -1.0)
    best_bytes = nlp.to_bytes()
    for epoch in range(1, epochs + 1):
        shuffler.shuffle(data)
        for batch in minibatch(data, size=compounding(4.0, 32.0, 1.001)):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=dropout)
        current = score(nlp)
        if current >= best.best_score:  # on a tie the later epoch: surer, no less right
            best = TrainingRun(nlp, epoch, current)
            best_bytes = nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    return best


def predict(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> list[dict[str, float]]:
    return predict_normalised(nlp, [normalise(t) for t in texts], batch_size)


def predict_normalised(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> list[dict[str, float]]:
    """The scores of texts already normalise()d: the doc.cats nlp.pipe would give, to the last bit.

    For our pipelines (a tokenizer and one bag-of-words text categoriser) BagOfWords
    works the same figures out in batches of batch_size, as nlp.pipe does, without
    nlp.pipe's per-call machinery, one Doc per text or numpy.unique per doc. Any
    other pipeline goes through nlp.pipe.
    """
    categoriser, bow = scorer(nlp)
    if categoriser is None:
        return [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=batch_size)]
    return _scores(nlp, categoriser, bow, texts, [bow.tokens.ids(t) for t in texts] if bow else None, batch_size)


def predict_parts(nlp: Language, docs: Sequence[Sequence[str]], batch_size: int = 64) -> list[dict[str, float]]:
    """predict_normalised of each doc's normalised parts joined by single spaces.

    The safeguarding screen reads each sentence alone and beside each neighbour: given
    as parts, a sentence is tokenised once however many passages it is in.
    """
    texts = [" ".join(parts) for parts in docs]
    categoriser, bow = scorer(nlp)
    if categoriser is None or bow is None:
        return predict_normalised(nlp, texts, batch_size)
    known: dict[str, Ids] = {}
    return _scores(nlp, categoriser, bow, texts, [bow.tokens.joined_ids(parts, known) for parts in docs], batch_size)


def _scores(nlp: Language, categoriser: TextCategorizer, bow: BagOfWords | None, texts: Sequence[str],
            ids: Sequence[Ids] | None, batch_size: int) -> list[dict[str, float]]:
    """doc.cats as TextCategorizer.set_annotations fills it: from the token ids where given, else the model's own way."""
    labels = list(categoriser.labels)
    found: list[dict[str, float]] = []
    for start in range(0, len(texts), batch_size):
        end = start + batch_size
        scores = bow.predict(ids[start:end]) if bow is not None and ids is not None else None
        if scores is None:  # not our shape, or a doc with no tokens
            scores = categoriser.predict([nlp.make_doc(t) for t in texts[start:end]])
        found.extend({label: float(row[j]) for j, label in enumerate(labels)} for row in scores)
    return found
