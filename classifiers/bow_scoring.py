"""Scoring our bag-of-words categorisers fast, to the same bits as spaCy's nlp.pipe.

nlp.pipe builds a Doc per text and runs its machinery on every call; for a pipeline
that is only a tokenizer and one TextCatBOW, the same scores come from the tokens'
ORTH ids through the model's own layers, a batch at a time. Each space-separated
piece is tokenised once and remembered, unless a tokenizer special case could join
across a space (then the whole text is tokenised, as spaCy would).
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
from spacy.tokenizer import Tokenizer
from thinc.api import Model


def sole_categoriser(nlp: Language) -> TextCategorizer | None:
    components = nlp.pipeline
    if len(components) == 1 and isinstance(components[0][1], TextCategorizer):
        return components[0][1]
    return None


Ids = npt.NDArray[np.uint64]
Features = tuple[Ids, npt.NDArray[np.float32], npt.NDArray[np.int32]]  # extract_ngrams' (keys, counts, lengths)
_BAGS: weakref.WeakKeyDictionary[Language, BagOfWords | None] = weakref.WeakKeyDictionary()
# Distinct space-separated pieces remembered per pipeline; past this the memory starts again.
MAX_PIECES = 100_000


@dataclass(frozen=True, eq=False)
class BagOfWords:
    """A TextCatBOW pipeline scored from its tokens' ORTH ids, with the model's own layers.

    Tokens: the tokenizer cuts text at single spaces and tokenises each piece on its
    own (the same piece always gives the same tokens); its one look across pieces is a
    last pass for special cases with punctuation (":-)", "<3"), which finds each such
    case as the run of tokens its text splits into without special cases. A run
    across a space would have a token ending one piece and a token starting the next
    side by side in it: the last character of the one and the first of the other make
    one of `special_pairs`. So a normalised text's tokens are its pieces' tokens one
    after the other, each piece tokenised once and remembered, wherever no join makes
    such a pair; where one does, the text is tokenised whole.

    Scores: the model is `with_cpu(extract_ngrams >> resizable(sparse_linear)) >>
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
    special_pairs: frozenset[str]  # last + first character of two tokens side by side in a special case
    pieces: dict[str, tuple[int, ...] | None]  # piece -> its tokens' ids (None: tokenise the text whole)

    @staticmethod
    def of(nlp: Language, categoriser: TextCategorizer) -> BagOfWords | None:
        if nlp not in _BAGS:
            _BAGS[nlp] = BagOfWords._take_apart(nlp, categoriser.model)
        return _BAGS[nlp]

    @staticmethod
    def _take_apart(nlp: Language, model: Model[Any, Any]) -> BagOfWords | None:
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
        pairs = _special_case_joins(nlp)
        if pairs is None:
            return None
        return BagOfWords(nlp, int(extract.attrs["ngram_size"]), linear, output, pairs, {})

    def ids(self, text: str) -> Ids:
        """The ORTH ids of the tokens of a normalised text, as nlp.make_doc(text) gives them."""
        found: list[int] = []
        pieces = text.split(" ") if text and len(text) <= self.nlp.max_length else []
        for before, piece in zip([None, *pieces], pieces):
            try:
                known = self.pieces[piece]
            except KeyError:
                known = self._learn(piece)
            if known is None:
                return self._whole(text)
            if before is not None and before[-1] + piece[0] in self.special_pairs:
                return self._in_runs(pieces) if all(map(_plain, pieces)) else self._whole(text)
            found.extend(known)
        return np.array(found, dtype=np.uint64) if found else self._whole(text)

    def _in_runs(self, pieces: list[str]) -> Ids:
        """Pieces a special case could join across their space tokenised together, every other piece alone.

        No special case can join tokens across any other space, so the text's tokens are
        the runs' tokens one after the other: a long message with one "(:" in it is not
        tokenised whole for the sake of two pieces.
        """
        found: list[int] = []
        run = [pieces[0]]
        for before, piece in zip(pieces, pieces[1:]):
            if before[-1] + piece[0] in self.special_pairs:
                run.append(piece)
                continue
            found.extend(self._run(run))
            run = [piece]
        found.extend(self._run(run))
        return np.array(found, dtype=np.uint64)

    def _run(self, run: list[str]) -> Sequence[int]:
        """A run's tokens, remembered with the pieces (a run has a space in it, a piece never has)."""
        text = " ".join(run)
        known = self.pieces.get(text)
        if known is None:
            if len(self.pieces) >= MAX_PIECES:
                self.pieces.clear()
            known = self.pieces[text] = tuple(self.nlp.make_doc(text).to_array(ORTH).tolist())
        return known

    def joined_ids(self, parts: Sequence[str], known: dict[str, Ids]) -> Ids:
        """ids(" ".join(parts)) from each part's own ids, kept in known for the next text that has the part."""
        if not all(parts) or any(a[-1] + b[0] in self.special_pairs for a, b in zip(parts, parts[1:])) \
                or sum(map(len, parts)) + len(parts) - 1 > self.nlp.max_length:
            return self.ids(" ".join(parts))
        found = []
        for part in parts:
            ids = known.get(part)
            if ids is None:
                ids = known[part] = self.ids(part)
            found.append(ids)
        return np.concatenate(found) if len(found) > 1 else found[0]

    def _learn(self, piece: str) -> tuple[int, ...] | None:
        known = None
        if _plain(piece):
            known = tuple(self.nlp.make_doc(piece).to_array(ORTH).tolist()) or None
        if len(self.pieces) >= MAX_PIECES:
            self.pieces.clear()
        self.pieces[piece] = known
        return known

    def _whole(self, text: str) -> Ids:
        return np.asarray(self.nlp.make_doc(text).to_array(ORTH), dtype=np.uint64)

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


def _plain(piece: str) -> bool:
    """A piece of normalised text: never empty, no whitespace (normalised text has single spaces only)."""
    return bool(piece) and not any(ch.isspace() for ch in piece)


def _special_case_joins(nlp: Language) -> frozenset[str] | None:
    """Last + first character of each two tokens side by side in a special case split without special cases."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return None
    plain = Tokenizer(nlp.vocab, rules={}, prefix_search=tokenizer.prefix_search,
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    joins: set[str] = set()
    for rule in tokenizer.rules or {}:
        texts = [token.text for token in plain(rule)]
        joins.update(left[-1] + right[0] for left, right in zip(texts, texts[1:]))
    return frozenset(joins)
