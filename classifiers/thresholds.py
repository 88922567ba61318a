"""The decision thresholds `intake train` tunes on the dev split: the complaint floor and the screen's three.

Kept apart from training itself: these are the product's trade-offs (a complaint
filed as anything else loses its statutory clock; a missed disclosure is the worst
failure; a screen that holds most mail back is no screen), written down and testable
on their own.
"""

from __future__ import annotations

from spacy.language import Language

from classifiers import category, metrics, safeguarding
from classifiers.corpus import CATEGORIES
from classifiers.textcat import predict

# Complaint recall on dev that the floor is tuned to reach (the target on test is 0.95).
COMPLAINT_RECALL_GOAL = 0.97
# False alarms allowed, as a share of the ordinary (no risk) dev messages.
MAX_FALSE_ALARM_RATE = 0.15
# False alarms the thresholds may spend on a margin below the quietest dev disclosure.
ALARM_RATE_SPENT = 0.10
# With no risk cue in the message, the message model alone must clear its threshold by this much at least,
CUELESS_MARGIN = 0.1
# and beat what it gives any text it has nothing to go on by this much.
KNOW_NOTHING_MARGIN = 0.03
# Texts the message model has nothing to go on in: tests, greetings, codes, other languages (written for this).
KNOW_NOTHING = ("test", "Testing 1 2 3", "hello", "Saying hello", "Lyrics", "x", "ok", "Re: Fwd: (no subject)",
                "9bbf38a544f990e73cd12f3c56c60e6180edebd31d752d3997fa4c0650d6aaa3",
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.",
                "Der Zug nach Hamburg fährt heute wegen Bauarbeiten eine Stunde später ab.",
                "Nous avons bien reçu votre commande et elle sera expédiée la semaine prochaine.",
                "El pedido llegará el martes por la tarde a la dirección indicada.",
                "Zamówienie zostanie wysłane w przyszłym tygodniu na podany adres.",
                "本公司长期经销电脑配件，欢迎来电咨询。")


def tune_complaint_floor(scores: list[dict[str, float]], gold: list[str]) -> tuple[float, metrics.Report]:
    """The highest floor whose dev complaint recall reaches the goal, best macro-F1 among ties."""
    best: tuple[float, float, metrics.Report] | None = None
    for step in range(50, 4, -1):
        floor = step / 100
        predicted = [category.decide(s, floor)[0] for s in scores]
        report = metrics.score(gold, predicted, CATEGORIES)
        if report.per_class["complaint"].recall >= COMPLAINT_RECALL_GOAL and (
                best is None or report.macro_f1 > best[1]):
            best = (floor, report.macro_f1, report)
    if best is None:
        floor = 0.05
        return floor, metrics.score(gold, [category.decide(s, floor)[0] for s in scores], CATEGORIES)
    return best[0], best[2]


Screened = tuple[list[safeguarding.Passage], float]


def know_nothing_ceiling(message_nlp: Language) -> float:
    """The most the message model gives a text it has nothing to go on."""
    return max(s[safeguarding.RISK_LABEL] for s in predict(message_nlp, list(KNOW_NOTHING)))


def cueless_message_threshold(message_threshold: float, ceiling: float) -> float:
    """The message model's threshold for a message with no risk cue in it at all.

    Its own threshold is tuned low for recall, and sat under what it gives a text it has
    nothing to go on ("test", a hash, a page in German: 0.42 to 0.50 when this was
    written), so uncued it flagged most of the public test mail. Uncued, it must beat
    every such text, and its own threshold, by a margin.
    """
    return round(max(message_threshold + CUELESS_MARGIN, ceiling + KNOW_NOTHING_MARGIN), 3)


def tune_risk_thresholds(screened: list[Screened], gold: list[bool], message_nlp: Language) -> tuple[float, float, float]:
    """(passage, message, cueless message) thresholds that miss the fewest dev disclosures, with a margin for unseen ones.

    Recall first, but a screen that holds most ordinary mail back is no screen: only
    pairs whose false alarms stay within MAX_FALSE_ALARM_RATE of the ordinary dev
    messages count. Among those that miss fewest, the lowest thresholds whose false
    alarms stay within ALARM_RATE_SPENT: the strictest pair that still catches every
    dev disclosure would sit just under the weakest of them, and the next, unseen,
    disclosure written a little more quietly would fall below it. The cueless threshold
    is set on top of the pair, so it only ever takes flags away: the false alarms it saves
    are not spent on flagging more of the ordinary mail that has a cue in it.
    """
    grid = [step / 50 for step in range(1, 41)]  # 0.02 ... 0.80
    # Per message: a strong cue, its best passage, the message score: all the pair depends on.
    summary = [(any(p.strong for p in scored), max((p.score for p in scored), default=0.0), message, risk)
               for (scored, message), risk in zip(screened, gold, strict=True)]
    ordinary = max(1, sum(1 for risk in gold if not risk))
    best: tuple[int, float, float, float, float] | None = None
    for passage_t in grid:
        for message_t in grid:
            flagged = [(strong or top >= passage_t or message >= message_t, risk)
                       for strong, top, message, risk in summary]
            missed = sum(1 for f, risk in flagged if risk and not f)
            alarm_rate = sum(1 for f, risk in flagged if f and not risk) / ordinary
            if alarm_rate > MAX_FALSE_ALARM_RATE:
                continue
            key = (missed, max(0.0, alarm_rate - ALARM_RATE_SPENT), passage_t + message_t, passage_t, message_t)
            if best is None or key < best:
                best = key
    passage_t, message_t = (grid[-1], grid[-1]) if best is None else (best[3], best[4])  # none fits: the strictest
    return passage_t, message_t, cueless_message_threshold(message_t, know_nothing_ceiling(message_nlp))
