"""The uncredited-copy signs: emptied credit slots, auto-posting disclaimers, wire datelines
without their agency, digests of unbylined items; and the pages where none may be read.

Every text here is written for these tests (places, councils and harbours are invented)."""

from __future__ import annotations

import pytest
from evidence_support import check_spans

from provenance.evidence import extract
from provenance.evidence.model import UncreditedKind

HEADLINE = "Council approves the harbour budget\n\n"


def _signs(text: str) -> list[tuple[UncreditedKind, str]]:
    evidence = extract(text)
    check_spans(text, evidence)
    for sign in evidence.uncredited:
        assert sign.reason  # a reader can check every sign
    return [(sign.kind, sign.span.text) for sign in evidence.uncredited]


# --- a wire-style dateline with no agency


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            HEADLINE + "LISBON, March 3. The city council approved on Tuesday a budget for "
            "the harbour works that had been delayed for two years.\n",
            "LISBON, March 3.",
        ),
        (
            "Совет одобрил бюджет порта\n\nВЛАДИВОСТОК, 14 марта. Городской совет во вторник "
            "одобрил бюджет на работы в порту, отложенные на два года.\n",
            "ВЛАДИВОСТОК, 14 марта.",
        ),
        (
            "Le conseil vote le budget du port\n\nMARSEILLE, 3 mai — Le conseil municipal a "
            "voté mardi le budget des travaux du port, retardés depuis deux ans.\n",
            "MARSEILLE, 3 mai —",
        ),
        (
            "El consejo aprueba el presupuesto\n\nVALENCIA, 12 de abril. El consejo municipal "
            "aprobó este martes el presupuesto de las obras del puerto.\n",
            "VALENCIA, 12 de abril.",
        ),
        (
            "Stadtrat beschließt Hafenbudget\n\nHAMBURG, 7. Juni - Der Stadtrat hat am "
            "Dienstag das Budget für die Hafenarbeiten beschlossen.\n",
            "HAMBURG, 7. Juni -",
        ),
        (
            HEADLINE + "New Haven, Dec 9 - Members of the council voted seven to two for the "
            "budget after a long debate.\n",
            "New Haven, Dec 9 -",
        ),
        (
            "港口工程延误\n\n上海3月5日电 港口工程因预算未能及时批准而推迟了两年，"
            "市议会周二终于批准了预算。\n",
            "上海3月5日电",
        ),
    ],
    ids=["en", "ru", "fr", "es", "de", "en-title-case", "zh"],
)
def test_a_bare_wire_dateline_opening_the_body(text: str, dateline: str) -> None:
    assert _signs(text) == [(UncreditedKind.BARE_DATELINE, dateline)]


def test_the_dateline_may_follow_a_short_standfirst() -> None:
    text = (
        HEADLINE + "The works had waited two years for the money.\n\n"
        "LISBON, March 3. The city council approved on Tuesday a budget for the harbour works "
        "that had been delayed for two years.\n"
    )
    assert _signs(text) == [(UncreditedKind.BARE_DATELINE, "LISBON, March 3.")]


@pytest.mark.parametrize(
    "text",
    [
        # the agency's tag is there, in its several forms
        HEADLINE + "LISBON, March 3 (Reuters) - The city council approved on Tuesday a budget "
        "for the harbour works.\n",
        "Совет одобрил бюджет\n\nВЛАДИВОСТОК, 14 марта. /ТАСС/. Городской совет во вторник "
        "одобрил бюджет на работы в порту.\n",
        "El consejo aprueba el presupuesto\n\nValencia, 12 abr (EFE).- El consejo municipal "
        "aprobó este martes el presupuesto de las obras del puerto.\n",
        HEADLINE + "PORTLAND, Ore., Nov. 4, 2024 /PRNewswire/ -- Harbour Holdings, a maritime "
        "company, today announced its results for the third quarter.\n",
        HEADLINE + "Mumbai, Jan 5 (PTI) The city council approved on Tuesday a budget for the "
        "harbour works that had been delayed.\n",
        "港口工程延误\n\n新华社上海3月5日电 港口工程因预算未能及时批准而推迟了两年，"
        "市议会周二终于批准了预算。\n",
        "港口工程延误\n\n本报上海3月5日电 港口工程因预算未能及时批准而推迟了两年，"
        "市议会周二终于批准了预算。\n",
        HEADLINE + "MOSCOW. Oct 12. INTERFAX - The city council approved on Tuesday a budget "
        "for the harbour works.\n",
        HEADLINE + "Baku, 12 March. HARBOUR.AZ/ The city council approved on Tuesday a budget "
        "for the harbour works.\n",
        # the agency named in another credit form
        HEADLINE + "LISBON, March 3 - The city council approved on Tuesday a budget for the "
        "harbour works that had been delayed for two years.\n\n© 2025 Reuters\n",
        # a colon ends a newspaper's own place line, not the agencies' form
        HEADLINE + "NEW DELHI, Dec 7: The city council approved on Tuesday a budget for the "
        "harbour works that had been delayed for two years.\n",
        # a newspaper's own datelined report, with its byline
        HEADLINE + "By Maria Lopes\n\nLISBON, March 3 - The city council approved on Tuesday a "
        "budget for the harbour works.\n",
        # a signed report
        HEADLINE + "LISBON, March 3 - The city council approved on Tuesday a budget for the "
        "harbour works that had been delayed for two years.\n\nMaria Lopes\n",
        # a credit elsewhere on the page names the source
        HEADLINE + "LISBON, March 3 - The city council approved on Tuesday a budget for the "
        "harbour works.\n\nSource: Harbour Gazette\n",
        # no date: a newspaper's place line, not the agencies' form
        HEADLINE + "LISBON — The city council approved on Tuesday a budget for the harbour "
        "works that had been delayed for two years.\n",
        # a weekday and a date, not a place
        HEADLINE + "Tuesday, March 3 - The city council approved a budget for the harbour "
        "works that had been delayed for two years.\n",
        # a sentence that starts with a place and a date
        HEADLINE + "Lisbon, March 3 was a busy day: the city council approved a budget for "
        "the harbour works that had been delayed.\n",
        # the dateline is deep in the page, after the body has opened in other prose
        HEADLINE + "Our readers asked us to explain the long story of the harbour budget, so "
        "here is a report we found about it, with our comments on every point it makes.\n\n"
        "We will come back to this subject next week with more documents.\n\n"
        "LISBON, March 3 - The city council approved on Tuesday a budget for the harbour "
        "works.\n",
    ],
    ids=[
        "paren-tag",
        "slash-tag",
        "tag-before-dash",
        "newswire-tag",
        "tag-without-dash",
        "caps-tag",
        "address-tag",
        "copyright-agency",
        "colon",
        "zh-agency",
        "zh-own-paper",
        "byline",
        "sign-off",
        "credit",
        "undated",
        "weekday",
        "sentence",
        "not-the-opening",
    ],
)
def test_no_bare_dateline(text: str) -> None:
    assert [kind for kind, _ in _signs(text) if kind is UncreditedKind.BARE_DATELINE] == []


# --- emptied credit slots


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        (
            "Talks resume\n\nGENEVA () - Negotiators met again on Monday after a pause.\n",
            "GENEVA ()",
        ),
        ("Talks resume\n\nGENEVA ( ) – Negotiators met again on Monday.\n", "GENEVA ( )"),
        ("Talks resume\n\n(|) — Negotiators met again on Monday after a pause.\n", "(|)"),
        (
            HEADLINE + "The harbour works were delayed for two years because the budget was "
            "not approved in time by the council.\n\nSource:\n",
            "Source:",
        ),
        (
            "Obras del puerto\n\nLas obras del puerto se retrasaron dos años porque el "
            "presupuesto no se aprobó a tiempo.\nFuente: —\n",
            "Fuente: —",
        ),
        (
            "Hafenarbeiten\n\nQuelle: Internet\nDie Hafenarbeiten verzögerten sich um zwei "
            "Jahre, weil das Budget nicht rechtzeitig beschlossen wurde.\n",
            "Quelle: Internet",
        ),
        (
            "Работы в порту\n\nРаботы в порту задержались на два года, потому что бюджет не "
            "утвердили вовремя.\nИсточник:\n",
            "Источник:",
        ),
        (
            "港口工程延误\n\n来源：网络 作者：小编 时间：2024-04-28\n"
            "港口工程因预算未能及时批准而推迟了两年，市议会周二终于批准了预算。\n",
            "来源：网络",
        ),
    ],
    ids=["paren", "paren-space", "bar", "en-label", "es-label", "de-internet", "ru-label", "zh"],
)
def test_an_emptied_credit_slot(text: str, slot: str) -> None:
    assert (UncreditedKind.EMPTY_CREDIT, slot) in _signs(text)


def test_an_emptied_slot_is_reported_beside_a_credit() -> None:
    text = (
        "Talks resume\n\nGENEVA () - Negotiators met again on Monday after a pause.\n\n"
        "Originally published in the Lake Courier.\n"
    )
    assert _signs(text) == [(UncreditedKind.EMPTY_CREDIT, "GENEVA ()")]


@pytest.mark.parametrize(
    "text",
    [
        "How to call a function\n\nCall print() - it writes its arguments to the output.\n",
        HEADLINE + "The harbour works were delayed.\n\nSource:\nHarbour Gazette\n",
        "港口工程延误\n\n来源：新华社 时间：2024-04-28\n港口工程因预算未能及时批准而推迟了两年。\n",
        "Hafenarbeiten\n\nBildquelle:\nDie Hafenarbeiten verzögerten sich um zwei Jahre, weil das "
        "Budget nicht rechtzeitig beschlossen wurde, sagte der Sprecher heute.\n",
        HEADLINE + "Photo source:\nThe harbour works were delayed for two years because the "
        "budget was not approved in time by the council.\n",
        HEADLINE + "The works were delayed.\n\nSources:\nCouncil minutes of 3 March, and the "
        "budget report published by the harbour authority last year.\n",
        # a theme's empty 'Published on [date] by [author]' is a missing date and author
        HEADLINE + "Published on by\n\nThe harbour works were delayed for two years because "
        "the budget was not approved in time.\n",
    ],
    ids=["code", "value-on-next-line", "zh-named", "photo-de", "photo-en", "list", "theme"],
)
def test_no_emptied_slot(text: str) -> None:
    assert _signs(text) == []


# --- auto-posting disclaimers


@pytest.mark.parametrize(
    "disclaimer",
    [
        "(This story has not been edited by Daily Example staff and is auto-generated from a "
        "syndicated feed.)",
        "Disclaimer: this post was auto-published from RSS.",
        "This article was automatically posted.",
        "Este artículo fue publicado automáticamente.",
        "Der Artikel wurde automatisch aus einem Newsfeed übernommen.",
        "Эта новость автоматически опубликована из RSS-ленты.",
        "Cet article a été publié automatiquement.",
        "本文由系统自动采集发布。",
    ],
    ids=["en-feed", "en-rss", "en-posted", "es", "de", "ru", "fr", "zh"],
)
def test_an_autopost_disclaimer_naming_no_source(disclaimer: str) -> None:
    text = HEADLINE + "The harbour works were delayed for two years.\n\n" + disclaimer + "\n"
    assert _signs(text) == [(UncreditedKind.AUTOPOST, disclaimer)]


@pytest.mark.parametrize(
    "text",
    [
        HEADLINE + "The works were delayed.\n\nThis article was automatically posted from the "
        "Reuters feed.\n",
        "Hafenarbeiten\n\nDie Arbeiten verzögerten sich.\n\nDer Artikel wurde automatisch aus "
        "dem dpa-Newskanal übernommen.\n",
        HEADLINE + "The works were delayed.\n\nThis story was auto-generated from a feed of "
        "harbourwire.example.\n",
        HEADLINE + "This article was automatically generated by AI and reviewed by an editor.\n",
        HEADLINE + "Este artículo fue traducido automáticamente.\n",
        "Robots in newsrooms\n\nSome newspapers now publish stories automatically generated "
        "from sports results, the researchers found in a study of forty outlets.\n",
        HEADLINE + "The works were delayed.\n\nThis article was automatically posted.\n\n"
        "Source: Harbour Gazette\n",
        "Hafenarbeiten\n\nDie Arbeiten verzögerten sich.\n\nAutor dieses Artikels ist Maria "
        "Lopes, die den Text für die Zeitung erstellt hat.\n",
    ],
    ids=[
        "names-reuters",
        "names-dpa",
        "names-address",
        "ai",
        "translation",
        "report",
        "credit",
        "author-word",
    ],
)
def test_no_autopost_sign(text: str) -> None:
    assert [kind for kind, _ in _signs(text) if kind is UncreditedKind.AUTOPOST] == []


# --- a digest of unbylined items

DIGEST = (
    "Morning briefing\n\n"
    "Harbour budget approved\n"
    "LISBON, March 3. The city council approved on Tuesday a budget for the harbour works that "
    "had been delayed.\n\n"
    "Rail strike ends\n"
    "PORTO, March 3. Rail workers ended a strike of four days after an agreement on wages was "
    "reached late on Monday.\n"
)


def test_a_digest_of_unbylined_datelined_items() -> None:
    signs = _signs(DIGEST)
    assert (UncreditedKind.DIGEST, "Harbour budget approved") in signs


@pytest.mark.parametrize(
    "text",
    [
        DIGEST.replace("March 3.", "March 3 (Lusa) -"),
        DIGEST.replace("Morning briefing", "Morning briefing\nBy Ana Reis"),
        # one item only
        DIGEST.split("\n\nRail strike ends")[0] + "\n",
        # items that quote newspapers, without datelines
        "Press review\n\nThe Harbour Gazette on the budget\nThe council has finally done what it "
        "promised two years ago, the paper writes.\n\nThe River Post on the strike\nNobody won "
        "this strike, least of all the passengers, the paper writes.\n",
    ],
    ids=["credited", "bylined", "one-item", "press-review"],
)
def test_no_digest(text: str) -> None:
    assert [kind for kind, _ in _signs(text) if kind is UncreditedKind.DIGEST] == []


def test_an_original_clean_page_has_no_sign() -> None:
    text = (
        HEADLINE + "By Maria Lopes\nMarch 3, 2025\n\nThe city council approved on Tuesday a "
        "budget for the harbour works that had been delayed for two years.\n"
    )
    assert _signs(text) == []
