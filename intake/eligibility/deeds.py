"""Which body did the deed a complaint is declared to be about? "I want to complain about the discharge."

A writer often names the deed, not the doer: "My baby was discharged from the maternity ward at 9pm ... I want
to complain about the discharge", "Marsh Lane excluded him ... the exclusion is what I'm complaining about".
The doer is whoever the sentence that told of the deed named: the deed's noun shares its stem with the verb
said there. A person's role said again in short is whoever was named with it: "one of your social workers ... I want
to make a complaint about the worker" is children's social care's, whatever else that sentence names. Only a sentence naming one kind (another body, a council service, children's social care) says
who did it; a sentence naming two leaves the deed's doer unknown.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis

HEAD = 3  # tokens a name may run before its last word: "children's social workers"
STEM = 5  # letters a deed's noun and its verb share: discharge/discharged, exclusion/excluded, arrest/arrested
# Nouns too general to point at one deed ("the decision", "the way", "the meeting" are anyone's).
GENERAL = frozenset({"decision", "decisions", "meeting", "meetings", "matter", "situation", "problem", "problems",
                     "incident", "issue", "issues", "things", "complaint", "response", "behaviour", "attitude"})


def done_by(analysis: Analysis, start: int, end: int, named: list[tuple[int, str]]) -> str:
    """The kind ("body", "service", "csc") that the deed declared in tokens start..end was told of with, or ""."""
    doc = analysis.doc
    nouns = [t.lower_ for t in doc[start:end] if t.is_alpha and len(t) > STEM and t.lower_ not in GENERAL]
    if not nouns:
        return ""
    noun = nouns[-1]
    for token in doc[:analysis.sent(start).start]:
        if not token.is_alpha or len(token) <= STEM or token.lower_[:STEM] != noun[:STEM] or token.lower_ == noun:
            continue
        own = [kind for i, kind in named if token.i - HEAD <= i <= token.i]  # "the worker": "your social workers"
        if own:
            return own[-1]
        sent = analysis.sent(token.i)
        kinds = {kind for i, kind in named if sent.start <= i < sent.end}
        if len(kinds) == 1:
            return kinds.pop()
    return ""
