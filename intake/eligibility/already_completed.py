"""Has the matter already been through all three stages? Then the next step is the Ombudsman.

Said outright ("all three stages", "exhausted the procedure"), or Stage 3, a review panel or
the Ombudsman named in a sentence that says it has happened ("the panel met in February",
"the Ombudsman has already looked at this"). Asking to go on to a review panel is not having
had one, the Ombudsman sending the writer to us first is not a decision, a fostering or
adoption panel is not a complaints panel, and a new matter from someone whose earlier
complaint went to Stage 3 is a new complaint.
"""

from __future__ import annotations

import re

from intake.eligibility import new_matters, panel_requests, stage_stories
from intake.eligibility.matching import Analysis
from intake.eligibility.memo import memoised
from intake.item import Hit

# After an adoption or fostering panel is named, a bare "panel" ("one panel member") is that panel.
BARE = frozenset({"panel", "the panel's"})
# "Please take my complaint to the review panel", "can you pass this on to Stage 3": a request (a base form,
# not "took" or "went"), not a stage already had.
REQUEST = re.compile(r"\b(?:take|send|put|pass|refer|move|escalate|progress|forward|bring|raise|get)\b"
                     r"(?:\s+[\w']+){0,3}?\s+(?:on\s+to|onto|up\s+to|to|for)\s+(?:a\s+|the\s+)?"
                     r"(?:stage|review|independent|panel|next|final)\b", re.IGNORECASE)
# ... and the panels of other processes: "the referral order panel", "the agency's own panel", "the funding panel".
REOPEN = re.compile(r"\b(?:re-?open\w*|looked at again|look at (?:it|this) again|reconsider\w*|re-?examin\w*|"
                    r"re-?investigat\w*|overturn\w*)\b", re.IGNORECASE)
OTHER_PANELS = frozenset({"fostering", "adoption", "matching", "resource", "approval", "permanence", "order", "offender",
                          "funding", "placement", "placements", "agency", "exclusion", "exclusions", "admissions",
                          "resources", "allocation", "allocations", "own", "gateway", "legal", "planning", "disability",
                          "disabilities", "respite", "ehcp", "send", "sen", "housing", "parole", "interview", "recruitment",
                          "selection", "appeal", "appeals", "youth", "decision", "complex", "high-cost",
                          "payment", "payments", "finance", "allowance", "allowances"})


def check(analysis: Analysis) -> Hit | None:
    found = sentences(analysis)
    if not found:
        return None
    return analysis.hit("already_completed", "The matter has already been considered at all three stages "
                        "of the procedure.", min(found))


@memoised
def sentences(analysis: Analysis) -> set[int]:
    """The sentences that say the matter has been through all three stages (none for a new matter)."""
    if new_matters.sentences(analysis):  # "This is about something different" (not "... about the same thing")
        return set()
    said = analysis.sentences_with("already_completed.phrases")
    other = any(_other_panel(analysis, f.start) for f in analysis.all("already_completed.stage_3"))
    stage_3 = {f.sentence for f in analysis.all("already_completed.stage_3") if not _other_panel(analysis, f.start)
               and not (other and analysis.doc[f.start:f.end].text.lower() in BARE)}
    happened = stage_3 & analysis.sentences_with("already_completed.done")
    # "Stage one, stage two, then the panel in October."; "... the Ombudsman. They sent me their final decision."
    happened |= stage_stories.listed(analysis) | stage_stories.outcome_after(analysis, stage_3)
    asked = {i for i in said | happened if REQUEST.search(text := analysis.sentence_text(i))
             or panel_requests.asks_for_panel(text)}
    requests = {f.sentence for f in analysis.all("already_completed.request") if not _to_reopen(analysis, f.end)
                and not _refused(analysis, f.start) and _same_paragraph(analysis, f.start) and not _a_noun(analysis, f.start)}
    return (said | happened) - requests - asked


# "the Ombudsman said they wouldn't take it further", "the panel refused to escalate it": a step someone else declined,
# not one the writer asks for ("I don't know how to take it to Stage 3", "I couldn't take it further" still ask).
REFUSED = re.compile(r"\b(?!(?:i|we)\b)[\w']+\s+(?:wouldn't|won't|couldn't|can't|cannot|wouldnt|wont|couldnt|cant|would not|"
                     r"will not|could not|refused to|declined to|was unable to|were unable to)\s+(?:(?:even|then|now|ever)\s+)?$",
                     re.IGNORECASE)


def _refused(analysis: Analysis, start: int) -> bool:
    doc = analysis.doc
    return REFUSED.search(analysis.text[analysis.sent(start).start_char:doc[start].idx]) is not None


# "his move to residential care", "the request for a new worker": the request word as a noun owned or
# determined, not the writer asking to go on to a later stage.
NOUN_BEFORE = frozenset({"his", "her", "my", "their", "our", "your", "the", "a", "'s", "its"})
NOUN_REQUESTS = frozenset({"move to", "go to"})


def _a_noun(analysis: Analysis, start: int) -> bool:
    doc = analysis.doc
    return start > 0 and doc[start - 1].lower_ in NOUN_BEFORE and doc[start:start + 2].text.lower() in NOUN_REQUESTS


def _same_paragraph(analysis: Analysis, start: int) -> bool:
    """A timeline of the stages had ("- Stage 3 review panel: met 8 September"), then a blank line and "I want to
    escalate this": one sentence to the sentencizer, but the stages had stand in a paragraph of their own."""
    doc = analysis.doc
    sent = analysis.sent(start)
    stages = [f.start for key in ("already_completed.phrases", "already_completed.stage_3")
              for f in analysis.all(key) if sent.start <= f.start < sent.end]
    return all("\n\n" not in analysis.text[min(doc[s].idx, doc[start].idx):max(doc[s].idx, doc[start].idx)]
               for s in stages)


def _to_reopen(analysis: Analysis, end: int) -> bool:
    """"ask for the case to be reopened", "asking for it to be looked at again": a request to undo the outcome,
    not to go on to a later stage."""
    doc = analysis.doc
    return bool(REOPEN.search(doc[end:min(len(doc), end + 8, analysis.sent(end - 1).end)].text))


# "the panel that decides payments", "a panel which approves placements": a standing body described by what it
# habitually does is one of the service's own panels; the complaints review panel meets once, about one complaint.
HABITUAL = re.compile(r"^\s*(?:that|which|who)\s+(?:usually\s+|normally\s+)?(?!(?:was|has|is|does)\b)[a-z]+s\b"
                      r"(?!(?:\s+[\w']+){0,3}\s+complaints?\b)", re.IGNORECASE)


def _other_panel(analysis: Analysis, start: int) -> bool:
    """"The fostering panel said no": a panel of the service, not the complaints review panel."""
    doc = analysis.doc
    panel = next((t for t in doc[start:min(len(doc), start + 3)] if "panel" in t.lower_), None)
    if panel is not None and HABITUAL.search(doc[panel.i + 1:min(len(doc), panel.i + 8)].text):
        return True
    return start > 0 and doc[start - 1].lower_ in OTHER_PANELS and panel is not None
