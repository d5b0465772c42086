"""A lede that retells another outlet's article is a credit of the text to that outlet; a
news item citing what an agency reported is not."""

from __future__ import annotations

import pytest

from provenance.evidence import extract


def _summary_targets(text: str) -> list[str]:
    return [c.target for c in extract(text).credits if c.kind == "source"]


BODY = "\nThe rest of the piece follows the argument paragraph by paragraph, with quotations.\n"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Guardian on the ports\n\nThe British Guardian, in an article on the harbour "
            "strike, writes that the union will hold out." + BODY,
            "Guardian",
        ),
        (
            "Le Monde über den Streik\n\nIn einem Kommentar schreibt Le Monde, die Regierung "
            "habe den Hafen vergessen." + BODY,
            "Le Monde",
        ),
        (
            "Economist про порти\n\nБританський Economist у статті про страйк пише, що "
            "профспілка не поступиться." + BODY,
            "Economist",
        ),
        (
            "El País sobre la huelga\n\nEl País escribe en un editorial que el puerto ya no "
            "puede esperar." + BODY,
            "El País",
        ),
    ],
)
def test_a_lede_retelling_an_outlets_article_credits_it(text: str, outlet: str) -> None:
    assert outlet in _summary_targets(text)


@pytest.mark.parametrize(
    "text",
    [
        # An agency cited for a fact: a citation, not a retold article.
        "Strike ends\n\nReuters writes in an article that the strike ended on Sunday." + BODY,
        # No article: a quotation of what a paper wrote, in a news item.
        "Strike ends\n\nThe Guardian wrote that the strike ended on Sunday." + BODY,
        # A name the tool does not know as an outlet.
        "Strike ends\n\nHarbour Watch writes in an article that the strike ended." + BODY,
        # Deep in the body, not the lede.
        "Strike ends\n\nDock workers voted.\nThe union met.\nThe port reopened.\nMore talks.\n"
        "The Guardian, in an article, writes that the strike cost millions.\n",
    ],
)
def test_citations_and_unknown_names_are_not_summaries(text: str) -> None:
    assert _summary_targets(text) == []
