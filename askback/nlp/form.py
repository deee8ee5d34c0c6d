"""Open or closed: whether a question invites an explanation or a yes, a no, or a pick.

Rules over the first clause, in the order a listener hears them: polite requests ("Could
you walk me through...") are open, questions led by a wh-word are open, questions led by an
auxiliary verb ("Is there...", "Do you...") are closed. Measured on the labelled questions
in tests/data (python -m askback.evaluate category).
"""

from __future__ import annotations

import re

FILLERS = re.compile(
    r"^(?:(?:so|and|also|ok(?:ay)?|hey|hi|right|well|um+|uh+|quick question|one more thing|last question|"
    r"just curious|out of curiosity|i'm curious|i am curious|follow[- ]up|btw|by the way|sorry|"
    r"and then|then|but|now)\b[\s,:;.!-]*)+",
)
POLITE = re.compile(
    r"^(?:could|can|would|will|might) (?:you|we|i ask you to) (?:please |possibly |maybe |perhaps |quickly |briefly )?"
    r"(?:tell|walk|talk|describe|explain|share|give|paint|expand|elaborate|outline|help me understand|speak|"
    r"say more|run me|take me|go over|go through|summari[sz]e|characteri[sz]e|clarify)\b"
)
WH = re.compile(
    r"^(?:what|what's|whats|how|how's|hows|why|which|who|whom|whose|where|when|in what|to what|"
    r"tell me|walk me|talk me|describe|explain|share|help me understand|paint|give me|i'd love to hear|"
    r"i would love to hear|i'd like to hear|i'd like to know|i would like to know|i'd like to understand|"
    r"i'm interested in|i am interested in)\b"
)
WONDER = re.compile(
    r"\b(?:wonder(?:ing|ed)?|curious(?: to know| about)?|want(?:ed)? to (?:know|ask|understand))\s+(how|what|why|which|who|where|when|if|whether)\b"
)
AUX = re.compile(
    r"^(?:is|are|was|were|am|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|must|"
    r"isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|won't|wouldn't|shouldn't|can't|couldn't|"
    r"any|is there|are there|ok|okay|remote ok|anyone|anybody|ever)\b"
)
WHETHER = re.compile(r"^\s*(?:me|us)?\s*(?:whether|if)\b")
LEADING_WORDS = re.compile(r"^(?:so|and|but)\s+")


def first_clause(text: str) -> str:
    lowered = text.lower().strip().lstrip("\"'“‘(-* ")
    lowered = FILLERS.sub("", lowered)
    return lowered


def question_form(text: str) -> str:
    """ "open" or "closed"."""
    clause = first_clause(text)
    if not clause:
        return "open"
    polite = POLITE.match(clause)
    if polite and WHETHER.match(clause[polite.end() :]):
        return "closed"  # "Could you tell me whether..." still asks for a yes or a no
    if polite or WH.match(clause):
        return "open"
    wonder = WONDER.search(clause)
    if wonder:
        return "closed" if wonder.group(1) in ("if", "whether") else "open"
    if AUX.match(clause):
        return "closed"
    # A clause after a comma or a colon can carry the question: "On-call, how does it work?"
    for part in re.split(r"[,:;—–-]\s+", clause)[1:]:
        part = LEADING_WORDS.sub("", part)
        if WH.match(part) or POLITE.match(part):
            return "open"
        if AUX.match(part):
            return "closed"
    return "open"
