"""After the interviews: notes, answers and employee accounts turned into evidence, and the
evidence into a ranked, explained choice between companies.

One idea per module: ``flags`` (red and green flags), ``claims`` (claim or opinion, category,
sentiment), ``accounts`` (reading what employees said), ``corroborate`` (the same claim from
different people), ``offers`` (yearly pay in one currency), ``compare`` (scores per category),
``unknowns``, ``disagreements``, ``sensitivity``, ``chart`` and ``report``; ``service`` is what
the CLI and the web app call.
"""
