"""A normalised text's token ids as spaCy's tokenizer gives them, each space-separated piece tokenised once.

The tokenizer cuts text at single spaces and tokenises each piece on its own (the same
piece always gives the same tokens); its one look across pieces is a last pass for
special cases with punctuation (":-)", "<3"), which finds each such case as the run of
tokens its text splits into without special cases. A run across a space would have a
token ending one piece and a token starting the next side by side in it: the last
character of the one and the first of the other make one of `special_pairs`. So a
normalised text's tokens are its pieces' tokens one after the other, each piece
tokenised once and remembered; where a join makes such a pair, the pieces it joins
are tokenised together.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import numpy.typing as npt
from spacy.attrs import IDX, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

Ids = npt.NDArray[np.uint64]
# Distinct space-separated pieces remembered per tokenizer; past this the memory starts again.
MAX_PIECES = 100_000
# The pieces learnt, shared by every pipeline whose tokenizer is the same byte for byte: the four
# shipped pipelines would otherwise each tokenise every new word of a message again.
_LEARNT: dict[str, dict[str, tuple[int, ...] | None]] = {}
# Worked out once per tokenizer: its special cases' joins take a tenth of a second to find.
_BY_TOKENIZER: dict[Tokenizer, TokenIds] = {}


@dataclass(frozen=True, eq=False)
class TokenIds:
    """The ORTH ids of normalised texts' tokens for one pipeline's tokenizer, exactly as nlp.make_doc gives them."""

    nlp: Language
    special_pairs: frozenset[str]  # last + first character of two tokens side by side in a special case
    pieces: dict[str, tuple[int, ...] | None]  # piece (or run of pieces) -> ids (None: tokenise the text whole)

    @staticmethod
    def of(nlp: Language) -> TokenIds | None:
        """None for a tokenizer that is not spaCy's own: its special cases cannot be read.

        ORTH ids are hashes of the token's text, the same in every vocabulary, so what one
        pipeline's tokenizer learnt serves any other with the same tokenizer.
        """
        tokenizer = nlp.tokenizer
        if not isinstance(tokenizer, Tokenizer):
            return None
        found = _BY_TOKENIZER.get(tokenizer)  # the shipped pipelines share one tokenizer (store.english)
        if found is None:
            same_tokenizer = hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
            found = _BY_TOKENIZER[tokenizer] = TokenIds(nlp, _special_case_joins(nlp, tokenizer),
                                                       _LEARNT.setdefault(same_tokenizer, {}))
        return found

    def ids(self, text: str) -> Ids:
        """The ORTH ids of the tokens of a normalised text, as nlp.make_doc(text) gives them."""
        found: list[int] = []
        pieces = text.split(" ") if text and len(text) <= self.nlp.max_length else []
        for before, piece in zip([None, *pieces], pieces):
            try:
                known = self.pieces[piece]
            except KeyError:
                self._learn_all(pieces)
                known = self.pieces[piece] if piece in self.pieces else self._alone(piece)  # another thread cleared
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

    def _learn_all(self, pieces: list[str]) -> None:
        """Every piece of the text not yet known, tokenised in one Doc rather than one Doc a new word.

        Side by side in that Doc, the new pieces are as safe from special cases as in the
        text, unless two that now meet could be joined: then each is tokenised alone.
        """
        new = [piece for piece in dict.fromkeys(pieces) if piece not in self.pieces]
        if len(self.pieces) + len(new) > MAX_PIECES:
            self.pieces.clear()
        plain = [piece for piece in new if _plain(piece)]
        self.pieces.update((piece, None) for piece in new if not _plain(piece))
        if not plain:
            return
        if len(plain) == 1 or any(a[-1] + b[0] in self.special_pairs for a, b in zip(plain, plain[1:])):
            self.pieces.update((piece, self._alone(piece)) for piece in plain)
            return
        starts = np.cumsum([0] + [len(piece) + 1 for piece in plain[:-1]])
        found = self.nlp.make_doc(" ".join(plain)).to_array([IDX, ORTH])
        owners = np.searchsorted(starts, found[:, 0], side="right") - 1
        tokens: list[list[int]] = [[] for _ in plain]
        for owner, orth in zip(owners.tolist(), found[:, 1].tolist()):
            tokens[owner].append(orth)
        self.pieces.update((piece, tuple(ids) or None) for piece, ids in zip(plain, tokens))

    def _alone(self, piece: str) -> tuple[int, ...] | None:
        return tuple(self.nlp.make_doc(piece).to_array(ORTH).tolist()) or None if _plain(piece) else None

    def _whole(self, text: str) -> Ids:
        return np.asarray(self.nlp.make_doc(text).to_array(ORTH), dtype=np.uint64)


def _plain(piece: str) -> bool:
    """A piece of normalised text: never empty, no whitespace (normalised text has single spaces only)."""
    return bool(piece) and not any(ch.isspace() for ch in piece)


def _special_case_joins(nlp: Language, tokenizer: Tokenizer) -> frozenset[str]:
    """Last + first character of each two tokens side by side in a special case split without special cases."""
    plain = Tokenizer(nlp.vocab, rules={}, prefix_search=tokenizer.prefix_search,
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    joins: set[str] = set()
    for rule in tokenizer.rules or {}:
        texts = [token.text for token in plain(rule)]
        joins.update(left[-1] + right[0] for left, right in zip(texts, texts[1:]))
    return frozenset(joins)
