"""Open or closed: does a question invite a story, or a yes, a no or a pick?"""

from __future__ import annotations

import pytest

from askback.nlp.form import first_clause, question_form

OPEN = [
    # polite requests are open
    "Could you tell me about the team?",
    "Can you walk me through a typical week?",
    "Would you describe how decisions are made?",
    "Could you please explain the review process?",
    "Can you share an example of a recent incident?",
    "Would you briefly outline the on-call rota?",
    # wh-words
    "What does success look like in six months?",
    "What's the biggest challenge for the team?",
    "Why is this role open?",
    "How do you handle disagreements?",
    "Which team would I join?",
    "Who would I report to?",
    "Where do people get stuck?",
    "When was the last reorg?",
    "In what ways has the team changed this year?",
    # imperatives and statements of interest
    "Tell me about the team.",
    "Describe a typical day.",
    "Help me understand how promotions work.",
    "I'd love to hear how you onboard people.",
    "I'd like to know how the roadmap is set.",
    # "wondering how" is open
    "I was wondering how the team plans work?",
    "I'm curious to know what a good first year looks like.",
    # fillers are stripped first
    "So, how does on-call work?",
    "And what does success look like?",
    "Um, how big is the team?",
    "By the way, what tools do you use?",
    "Okay, so what happens after this round?",
    # a clause after a comma carries the question
    "On-call, how does it work?",
    # short fragments are not yes/no questions
    "Team size?",
    "Salary range?",
    "",
]

CLOSED = [
    # an auxiliary verb first
    "Is there a learning budget?",
    "Are people happy here?",
    "Do you offer remote work?",
    "Does the team pair program?",
    "Have you shipped anything recently?",
    "Has the team grown this year?",
    "Was the last launch on time?",
    "Did the reorg help?",
    "Can I work remotely?",
    "Could I meet the team?",
    "Will I get a mentor?",
    "Should I expect on-call?",
    "Would it be possible to work four days a week?",
    "Isn't it true that people work late?",
    "Don't you think the pay is low?",
    # either/or is still a pick
    "Is the role remote or hybrid?",
    # "wondering if", "whether"
    "I was wondering if there is a learning budget?",
    "I wanted to know whether you pay overtime?",
    "Wondering if you offer equity?",
    # terse chat style
    "Any plans to hire more?",
    "Remote OK?",
    "Anyone on the team from a non-CS background?",
    # fillers stripped, then an auxiliary
    "Okay, so is there a bonus?",
    "Quick question: do you use Kafka?",
    "Out of curiosity, do you have a 401k?",
    "Btw is there a dress code?",
    "Hi! Are there any team offsites?",
    '"Is there on-call?"',
    # a clause after a colon carries the question
    "Remote work: is it allowed?",
]


@pytest.mark.parametrize("question", OPEN)
def test_open_questions(question: str) -> None:
    assert question_form(question) == "open"


@pytest.mark.parametrize("question", CLOSED)
def test_closed_questions(question: str) -> None:
    assert question_form(question) == "closed"


@pytest.mark.parametrize(
    "question", ["Could you tell me whether there is a bonus?", "Can you tell me if the role is remote?"]
)
def test_a_polite_yes_no_question_is_still_closed(question: str) -> None:
    assert question_form(question) == "closed"


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("So, how does on-call work?", "how does on-call work?"),
        ("Okay, so is there a bonus?", "is there a bonus?"),
        ("Quick question: do you use Kafka?", "do you use kafka?"),
        ("Um, uh, well, what is next?", "what is next?"),
        ("By the way, what tools do you use?", "what tools do you use?"),
        ("Out of curiosity, do you have a 401k?", "do you have a 401k?"),
        ("  “Is there on-call?”", "is there on-call?”"),
        ("- What is the team size?", "what is the team size?"),
        ("Sorry, one more thing: who decides?", "who decides?"),
        ("Software teams, how big are they?", "software teams, how big are they?"),  # "so" only as a word
        ("Nowhere else, right?", "nowhere else, right?"),
    ],
)
def test_fillers_are_stripped_from_the_first_clause(question: str, clause: str) -> None:
    assert first_clause(question) == clause
