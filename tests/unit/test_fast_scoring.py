"""The screen's short cuts give exactly the figures of the plain way: filed cue scan, batch scoring, token reuse."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ORTH

from classifiers import corpus, risk_cues, safeguarding, store
from classifiers.cue_scanner import CueScanner
from classifiers.pattern_starts import prefixes
from classifiers.risk_cues import marked
from classifiers.safeguarding import message_view, passages, screen_text
from classifiers.bow_scoring import scorer
from classifiers.textcat import normalise, predict

PIPELINES = ("category", "safeguarding", "safeguarding_message", "young_person")


def _lexicon_patterns() -> list[str]:
    return risk_cues.read_lexicon().patterns


def _plain_scan(text: str, patterns: list[str] | None = None) -> list[tuple[tuple[int, int], str]]:
    plain = re.compile(rf"\b(?:{'|'.join(patterns or _lexicon_patterns())})\b")
    return [(m.span(), m.group()) for m in plain.finditer(text)]


def _filed_scan(text: str, scanner: CueScanner | None = None) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in (scanner or risk_cues.cues().any).finditer(text)]


@pytest.mark.parametrize("pattern, expected", [
    (r"(hit|hits|punch\w*)", {"hit", "pun"}),
    (r"(?:a|b)?cd", {"acd", "bcd", "cd"}),
    (r"no (food|tea)", {"no "}),
    (r"x{0,2}y", {"xxy", "xy", "y"}),
    (r"(self[- ]?harm\w*)", {"sel"}),
    (r"\w+ing", set()),  # could start with anything: scanned the plain way
    (r"(?i:hit)", set()),  # a flag the analysis does not follow
    (r"a*", set()),  # can match nothing
])
def test_the_starts_name_every_way_a_pattern_can_begin(pattern: str, expected: set[str]) -> None:
    assert prefixes(pattern) == expected
    text = "I hits punched xy xxy cd acd no tea self harm selfharming walking HIT aaa a"
    for lines in ([pattern], [pattern, "hit", "no (food|tea)"], ["no (food|tea)", pattern, r"x\w*"]):
        assert _filed_scan(text, CueScanner(lines)) == _plain_scan(text, lines), lines


def test_the_filed_cue_scan_finds_what_the_plain_one_finds_on_the_corpus() -> None:
    strong = risk_cues.read_lexicon().strong
    for message in corpus.load():
        text = message.full_text.lower()
        assert _filed_scan(text) == _plain_scan(text), message.id
        assert _filed_scan(text, risk_cues.cues().strong) == _plain_scan(text, strong), message.id
    assert list(CueScanner([]).finditer("anything")) == []


CUE_WORDS = ["hit", "hits", "me", "he", "not", "safe", "self", "harm", "self-harm", "kill", "myself", "go", "home",
             "don't", "dont", "tell", "county", "lines", "no", "food", "help", "please", "missing", "since", "ran",
             "away", "is", "31", "hes", "secret", "x", ".", ",", "'", "-", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=30), st.lists(st.sampled_from([" ", "", "  "]), max_size=30))
def test_the_filed_cue_scan_agrees_on_any_arrangement_of_cue_words(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    assert _filed_scan(text) == _plain_scan(text)


def _texts() -> list[str]:
    messages = corpus.load(split="test")[:60]
    found = ["ok", "a.m. :-) :)) <33 don't (:-x:o", "x" * 9000, "what’ ’’sho thestheythere'couldn't've",
             "aren’ thisllve se'<33:)) :-x:o", "hello\u00a0 world\t\n again"]
    for m in messages:
        found += [m.full_text, m.text, message_view(m.full_text)]
        found += [marked(p.text, p.groups) for p in passages(m.full_text)]
    return found


@pytest.mark.parametrize("name", PIPELINES)
def test_scores_are_those_of_nlp_pipe_to_the_last_bit(name: str) -> None:
    nlp = store.pipeline(name)
    texts = _texts()
    expected = [dict(doc.cats) for doc in nlp.pipe((normalise(t) for t in texts), batch_size=64)]
    assert predict(nlp, texts) == expected
    assert [predict(nlp, [t])[0] for t in texts[:40]] == expected[:40]
    for empty in ("", " \n "):  # no tokens at all: nlp.pipe gives zeros (and fails on a batch that mixes them in)
        assert predict(nlp, [empty]) == [dict(doc.cats) for doc in nlp.pipe([normalise(empty)])]
    assert scorer(nlp)[1] is not None  # the short cut was taken


def _special_soup(rng: random.Random, nlp_rules: list[str]) -> str:
    bits = nlp_rules + [r[i:] for r in nlp_rules[:200] for i in range(1, len(r))] + ["(", ")", ".", ":", "-", "'", "a"]
    return normalise("".join(rng.choice(bits) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 10))))


def test_token_ids_put_together_from_pieces_are_the_tokenizers_own() -> None:
    nlp = store.pipeline("safeguarding")
    bow = scorer(nlp)[1]
    assert bow is not None
    rng = random.Random(4)
    rules = sorted(nlp.tokenizer.rules)
    texts = [normalise(t) for t in _texts()] + [_special_soup(rng, rules) for _ in range(5000)]
    for text in texts:
        assert np.array_equal(bow.tokens.ids(text), nlp.make_doc(text).to_array(ORTH)), text


def test_the_screen_scores_each_passage_as_if_alone() -> None:
    """Quoted history repeats passages; each is scored once and every copy gets the same figure."""
    screen = safeguarding.SafeguardingScreen()
    body = "hi\nmy stepdad hits me when mum is at work. i dont want to go home.\nthanks"
    text = f"help\n\n{body}\n\nOn Monday you wrote:\n{body}\n> {body}"
    scored, message = screen_text(screen.passage_nlp, screen.message_nlp, text)
    views = (normalise(marked(p.text, p.groups)) for p in scored)
    alone = [doc.cats[safeguarding.RISK_LABEL] for doc in screen.passage_nlp.pipe(views)]
    assert [p.score for p in scored] == alone
    assert message == predict(screen.message_nlp, [message_view(text)])[0][safeguarding.RISK_LABEL]
    assert len({p.text for p in scored}) < len(scored)  # there were repeats to share


def test_a_passage_in_parts_is_the_passage_the_model_was_trained_on() -> None:
    """Sentences are tokenised once and put side by side; the text they make must be the one trained on."""
    long_word = "z" * 150
    texts = [m.full_text for m in corpus.load()] + [
        f"{'word ' * 39}{long_word}. he hits me. {'y' * 7990} i am scared", "Σ hits ΟΔΟΣ. She hit me 'hard' ok"]
    for text in texts:
        units = passages(text)
        sentences = [normalise(p.text) for p in units if not p.pair]
        for p in units:
            assert " ".join(safeguarding.view_parts(p, sentences)) == normalise(marked(p.text, p.groups)), text[:80]


def test_the_screen_scores_every_passage_of_the_test_split_as_nlp_pipe_does() -> None:
    screen = safeguarding.SafeguardingScreen()
    for m in corpus.load(split="test")[:150]:
        scored, _ = screen_text(screen.passage_nlp, screen.message_nlp, m.full_text)
        views = [normalise(marked(p.text, p.groups)) for p in scored]
        assert [p.score for p in scored] == [doc.cats[safeguarding.RISK_LABEL] for doc in screen.passage_nlp.pipe(views)]


@pytest.mark.parametrize("name", PIPELINES)
def test_the_tokenizer_built_from_config_is_the_one_saved_with_the_pipeline(name: str) -> None:
    saved = spacy.load(store.MODELS_DIR / name).tokenizer
    assert store.pipeline(name).tokenizer.to_bytes(exclude=["vocab"]) == saved.to_bytes(exclude=["vocab"])


def _normalised_the_plain_way(text: str) -> str:
    cut = re.sub(r"(\S{100})\S+", r"\1", text[:8000])
    return re.sub(r"\s+", " ", cut).strip().lower()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "z" * 60, "\u00a0", " ", "\t", "\n", "\u2003", "É", "ß", ">", "\x1c"]),
                max_size=60))
def test_normalise_is_the_plain_regular_expressions_done_faster(bits: list[str]) -> None:
    text = "".join(bits)
    assert normalise(text) == _normalised_the_plain_way(text)
    assert normalise(text * 40) == _normalised_the_plain_way(text * 40)  # past MAX_CHARS


def test_the_shipped_pipelines_share_what_their_one_tokenizer_learnt() -> None:
    """The same tokenizer gives the same ids in every pipeline: a new word is tokenised once, not four times."""
    tokens = [scorer(store.pipeline(name))[1] for name in PIPELINES]
    assert all(t is not None for t in tokens)
    assert len({id(t.tokens.pieces) for t in tokens if t is not None}) == 1


def test_every_shipped_cue_line_is_filed_by_how_it_begins() -> None:
    """A line that could begin anyhow is tried at every word: one such line made the whole screen three times
    slower. Write [0-9] rather than \\d, and a word rather than \\w, at the start of an alternative. A line the
    analysis cannot prove never matches empty (a lookahead, an anchor) sends the whole scan back to the plain
    alternation: one made the screen six times slower."""
    from classifiers.pattern_starts import may_be_empty, starts

    unfiled = [p[:60] for p in risk_cues.read_lexicon().patterns if not starts(p) or may_be_empty(p)]
    assert unfiled == []
