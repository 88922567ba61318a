"""Scoring our bag-of-words categorisers fast, to the same bits as spaCy's nlp.pipe.

nlp.pipe builds a Doc per text and runs its machinery on every call; for a pipeline
that is only a tokenizer and one TextCatBOW, the same scores come from the tokens'
ORTH ids (token_ids.py) through the model's own layers, a batch at a time.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import numpy.typing as npt
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from thinc.api import Model

from classifiers.token_ids import Ids, TokenIds


Features = tuple[Ids, npt.NDArray[np.float32], npt.NDArray[np.int32]]  # extract_ngrams' (keys, counts, lengths)
Scorer = tuple[TextCategorizer | None, "BagOfWords | None"]
_SCORERS: weakref.WeakKeyDictionary[Language, Scorer] = weakref.WeakKeyDictionary()


def scorer(nlp: Language) -> Scorer:
    """The pipeline's one text categoriser and its BagOfWords (None for a pipeline of another shape).

    Worked out once per pipeline rather than per message: nlp.pipeline builds a new list on every call.
    """
    found = _SCORERS.get(nlp)
    if found is None:
        components = nlp.pipeline
        categoriser = components[0][1] if len(components) == 1 and isinstance(components[0][1], TextCategorizer) \
            else None
        bow = BagOfWords.take_apart(nlp, categoriser.model) if categoriser is not None else None
        found = _SCORERS[nlp] = (categoriser, bow)
    return found


@dataclass(frozen=True, eq=False)
class BagOfWords:
    """A TextCatBOW pipeline scored from its tokens' ORTH ids, with the model's own layers.

    The model is `with_cpu(extract_ngrams >> resizable(sparse_linear)) >>
    with_cpu(output)`. extract_ngrams sorts and counts each doc's n-grams with
    numpy.unique in a Python loop; here one sort of the whole batch gives the same
    (keys, counts, lengths): each doc's distinct n-gram keys in ascending order with
    their counts (for a single doc, numpy.unique as spaCy does is quicker than the batch
    sort). The layers after it then compute the same figures. A pipeline of any
    other shape is left to nlp.pipe.
    """

    nlp: Language
    ngram_size: int
    linear: Model[Any, Any]
    output: Model[Any, Any]
    tokens: TokenIds

    @staticmethod
    def take_apart(nlp: Language, model: Model[Any, Any]) -> BagOfWords | None:
        if len(model.layers) != 2 or model.name != f"{model.layers[0].name}>>{model.layers[1].name}":
            return None
        features, head = model.layers
        if len(features.layers) != 1 or len(head.layers) != 1 or features.name != f"with_cpu({features.layers[0].name})" \
                or head.name != f"with_cpu({head.layers[0].name})":
            return None
        pair, output = features.layers[0], head.layers[0]
        if len(pair.layers) != 2 or output.name not in ("logistic", "softmax_activation"):
            return None
        extract, linear = pair.layers
        if extract.name != "extract_ngrams" or extract.attrs["attr"] != ORTH \
                or linear.name != "resizable(sparse_linear)" or pair.name != f"{extract.name}>>{linear.name}":
            return None
        tokens = TokenIds.of(nlp)
        if tokens is None:
            return None
        return BagOfWords(nlp, int(extract.attrs["ngram_size"]), linear, output, tokens)

    def predict(self, unigrams: Sequence[Ids]) -> npt.NDArray[np.float32] | None:
        """The model's scores for docs of these token ids, or None for its own predict to answer (an empty doc)."""
        lengths = np.array([len(u) for u in unigrams], dtype=np.int64)
        if not len(unigrams) or not lengths.all():
            return None
        features = self._single(unigrams[0]) if len(unigrams) == 1 else self._batch(unigrams, lengths)
        scores: npt.NDArray[np.float32] = self.output.predict(self.linear.predict(features))
        return scores

    def _single(self, unigrams: Ids) -> Features:
        grams = [unigrams, *(np.asarray(self.linear.ops.ngrams(n, unigrams))  # type: ignore[arg-type]
                             for n in range(2, self.ngram_size + 1))]
        keys, counts = np.unique(np.concatenate(grams), return_counts=True)
        return np.ascontiguousarray(keys, dtype=np.uint64), counts.astype("f"), np.array([len(keys)], dtype="int32")

    def _batch(self, unigrams: Sequence[Ids], lengths: npt.NDArray[np.int64]) -> Features:
        everything = np.ascontiguousarray(np.concatenate(unigrams), dtype=np.uint64)
        ends = np.cumsum(lengths)
        owner = np.repeat(np.arange(len(unigrams)), lengths)
        keys, owners = [everything], [owner]
        for n in range(2, self.ngram_size + 1):
            # The n-gram starting at each token, running across docs too: those are dropped.
            grams: Ids = np.asarray(self.linear.ops.ngrams(n, everything))  # type: ignore[arg-type]
            within = np.arange(len(grams)) + n - 1 < ends[owner[:len(grams)]]
            keys.append(grams[within])
            owners.append(owner[:len(grams)][within])
        key, doc = np.concatenate(keys), np.concatenate(owners)
        order = np.lexsort((key, doc))
        key, doc = key[order], doc[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = (key[1:] != key[:-1]) | (doc[1:] != doc[:-1])
        starts = np.flatnonzero(first)
        counts = np.diff(np.append(starts, len(key)))
        return (np.ascontiguousarray(key[starts]), counts.astype("f"),
                np.bincount(doc[starts], minlength=len(unigrams)).astype("int32"))
