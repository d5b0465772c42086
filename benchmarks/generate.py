"""A deterministic synthetic corpus: a catalog of N articles and their texts.

    python benchmarks/generate.py N OUTDIR [--seed S] [--invalid]

writes OUTDIR/sources.json and OUTDIR/articles/<id>.txt. The same N and seed give
byte-identical output (random.Random only; no clock, no uuid, no hash ordering). Every
outlet, person, place and sentence is invented from the pools below; none comes from the seeds.

The texts mimic what the seeds show, in roughly their proportions: bylines and datelines,
quotations shared by many articles and reworded on the way (synonym swaps, clauses turned
round, as a re-translation does), republications that copy most of a source article, name
variants (one surname spelled two or three ways in one text), credit lines, scraped residue
(read-more links, newsletter boxes, a coin-price ticker, footer words in another language),
relative dates only, no date at all, texts that start mid-sentence.

``--invalid`` injects a known set of schema errors and writes their JSON pointers to
OUTDIR/injected.json, so a validator's report can be compared with what was injected.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------
# Word pools (all invented).


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Amara Bastien Corvin Dalia Emrik Faye Goran Halina Ilko Jovana Kestrel Lorcan Mirela "
    "Nadim Odile Pavlo Quilla Radek Selma Tobiah Ulla Varro Wenna Xaver Yelena Zorik Anouk "
    "Brannoc Cyrena Dorotej Eskil Fenna Gideon Hesper Ines Jarek Kaija Lisandro Maren Nilo"
)
LAST = _words(
    "Kovashenko Brandvik Ostermaier Quillfeather Dravonic Harkavy Lindqvist Morozkin "
    "Petrakova Sandoval Tervakoski Valcourt Wenzelow Yarbrough Zelenkov Achterberg Belokurov "
    "Castellane Dunmore Eklundh Fairweather Gorshkova Hollingrake Ivanchuk Jaskolski Kirkeby "
    "Lomonaco Marchetti Novakovski Oyelaran Pellegrin Rasmuszen Stravinskaya Thornquist "
    "Uskokovic Vashchenko Whitlocke Xenakova Yusupkhan Zabolotny"
)
PLACES = _words(
    "Veldran Port-Asker Kessmore Tarnowitz Oskaval Brenholm Lisvara Quennec Dravosk Mirhaven "
    "Saltreach Ulmsted Corvaine Jastrebo Nerith Palomar-Sur Vintersby Ardeshk Thessaly-Nova "
    "Kaldera Ostrevo Greyhallow Fennmark Zoravan Istrelle Morvath Belcastre Tuvala Rhenmoor"
)
REGIONS = (
    "the Varenna Basin",
    "the Northern Marches",
    "the Oskar Littoral",
    "the Calder Highlands",
    "the Sable Coast",
    "the Iron Steppe",
    "the Ventrel Delta",
    "the Mirrow Archipelago",
)
OUTLET_A = _words(
    "Northbridge Valmora Eastreach Kessmore Greyhallow Lisvara Saltreach Brenholm Ardent "
    "Meridian Halcyon Tarnwick Corvaine Silverfen Oldgate Redmarsh Westerly Fennmark Amber "
    "Quayside Highmoor Larkspur Ironvale Stillwater Bellrock Duskmere Harbourline Crestwood"
)
OUTLET_B = _words(
    "Courier Herald Wire Gazette Dispatch Observer Tribune Ledger Review Monitor Bulletin "
    "Chronicle Post Sentinel Digest Report Times Journal Signal Register"
)
TLDS = ("com", "net", "org", "news", "info", "eu", "de", "fr", "co.uk", "io")
LANGUAGES = ("de", "fr", "es", "ru", "pt", "tr", "pl", "it", "fi", "uk", "ar", "zh", "nl", "sv")
COUNTRIES = ("GB", "DE", "FR", "ES", "PL", "TR", "US", "NL", "SE", "FI", "IT", "PT", None)
CATEGORIES = (
    "news-agency",
    "public-broadcaster",
    "state-media",
    "newspaper",
    "magazine",
    "think-tank",
    "blog",
    "aggregator",
    "user-generated",
    "press-release",
)
STATUSES = (
    ("generally-reliable", "B"),
    ("generally-reliable", "A"),
    ("no-consensus", "C"),
    ("generally-unreliable", "E"),
    ("deprecated", "E"),
    ("unknown", "F"),
)
ROLES = (
    "a lecturer at the University of {place}",
    "a senior fellow at the {place} Institute for Regional Studies",
    "the former foreign minister",
    "a spokesperson for the {place} port authority",
    "an analyst at {outlet}",
    "the mayor of {place}",
    "a trade negotiator",
    "the head of the {place} chamber of commerce",
)
MONTHS = _words(
    "January February March April May June July August September October November December"
)

NOUNS = _words(
    "pipeline tariff corridor treaty border summit reform grain harbour railway subsidy "
    "ceasefire coalition referendum election budget agreement sanction convoy drought "
    "reservoir shipyard vaccine census dispute ministry delegation framework bridge quota"
)
ADJS = _words(
    "regional northern contested landmark cautious ambitious long-delayed fragile bilateral "
    "disputed sweeping modest unexpected provisional strategic costly symbolic temporary"
)
VERBS_PAST = _words(
    "announced rejected endorsed postponed criticised welcomed questioned approved revived "
    "suspended signed outlined defended"
)
NUMBERS = ("two", "three", "four", "five", "a dozen", "several", "dozens of", "hundreds of")
RELATIVE = (
    "last week",
    "earlier this month",
    "two years ago",
    "last month",
    "on Tuesday",
    "this spring",
    "a few days ago",
    "last year",
)

# Sentence templates. Slots: {a} adjective, {n}/{m} nouns, {v} past verb, {p} place,
# {r} region, {k} number word, {t} relative time, {y} year.
SENTENCES = (
    "Officials in {p} {v} the {a} {n} plan {t}, saying it would reshape trade across {r}.",
    "The {n} has been the subject of {a} talks between {p} and its neighbours since {y}.",
    "Critics argue that the {a} {n} does little to address the {m} at the heart of the dispute.",
    "According to figures released {t}, {k} {m} projects in {r} have stalled since {y}.",
    "The government in {p} {v} a {a} proposal on the {n}, but gave no timetable.",
    "Diplomats from {k} countries met in {p} to discuss the {n} and the {a} {m}.",
    "Local traders say the {m} has already raised prices in the markets of {p}.",
    "In {y}, a similar {n} collapsed after {k} rounds of negotiation in {p}.",
    "The {a} {n} would link {p} to the ports of {r} for the first time.",
    "Observers in {p} described the move as {a}, though few expected a quick result.",
    "Opposition deputies {v} the {n}, calling the {m} a distraction from the budget.",
    "The ministry {v} the draft {t} after {k} weeks of consultation with regional governors.",
    "Residents of {p} have protested against the {m} repeatedly since {y}.",
    "Analysts note that the {n} depends on financing that has not yet been secured.",
    "A {a} report on the {m}, published {t}, warned of shortages across {r}.",
    "The {n} is expected to cost more than {k} times the original estimate.",
    "Neither side has published the text of the {a} {n} signed in {p}.",
    "Talks on the {m} are due to resume in {p} after the holidays, officials said.",
    "The {a} {m} dominated the agenda of the summit in {p} {t}.",
    "Shipping companies in {r} say the {n} has already changed their routes.",
    "Since {y}, the region has seen {k} attempts to revive the {n}.",
    "The agreement on the {n} leaves open the question of the {a} {m}.",
    "Independent monitors in {p} {v} the count, citing {k} irregularities.",
    "For many in {r}, the {n} is a test of whether the {a} {m} can hold.",
)
QUOTE_TEMPLATES = (
    "We cannot allow the {n} to become a hostage of the {a} {m}",
    "The {n} is not a gift to anyone, it is an obligation we owe to {p}",
    "Nobody in {r} wants to choose between the {n} and the {m}",
    "This {a} {n} will be judged by what it delivers, not by what it promises",
    "Our neighbours understand that the {m} affects all of us equally",
    "If the {n} fails, the cost will be paid by ordinary families in {p}",
    "The {a} {m} is a warning, and we would be foolish to ignore it",
    "We have waited since {y} for a serious offer on the {n}",
    "There is no {a} solution to the {m}, only patient work",
    "The people of {p} deserve to know what was agreed on the {n}",
)
# Re-translation swaps: each word may come back as one of its near-synonyms.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "cannot": ("must not", "can not"),
    "allow": ("permit", "let"),
    "become": ("turn into", "end up as"),
    "warning": ("signal", "caution"),
    "foolish": ("unwise", "naive"),
    "ignore": ("disregard", "overlook"),
    "ordinary": ("common", "simple"),
    "families": ("households", "people"),
    "deserve": ("have the right", "merit"),
    "agreed": ("decided", "settled"),
    "serious": ("real", "genuine"),
    "offer": ("proposal", "proposition"),
    "patient": ("persistent", "careful"),
    "judged": ("assessed", "measured"),
    "delivers": ("achieves", "brings"),
    "promises": ("pledges", "vows"),
    "understand": ("realise", "know"),
    "neighbours": ("neighbors", "partners"),
    "obligation": ("duty", "responsibility"),
    "wants": ("wishes", "desires"),
    "choose": ("pick", "decide"),
    "expected": ("anticipated", "foresaw"),
    "officials": ("authorities", "functionaries"),
    "talks": ("negotiations", "discussions"),
    "critics": ("opponents", "detractors"),
    "proposal": ("initiative", "suggestion"),
    "said": ("stated", "noted"),
    "repeatedly": ("again and again", "many times"),
    "warned": ("cautioned", "alerted"),
    "shortages": ("deficits", "scarcity"),
}
TICKER_COINS = ("BTC", "ETH", "SOL", "XRP", "ADA", "DOGE", "LTC", "DOT", "TRX", "LINK")
FOOTERS = (
    "Lue lisää Uusimmat Suositellut",
    "Leia mais Relacionados Mais lidas",
    "Weiterlesen Ähnliche Artikel Neueste",
    "Czytaj więcej Podobne Najnowsze",
    "Lees meer Gerelateerd Nieuwste",
    "Läs mer Relaterat Senaste",
)
RESIDUE = (
    "Read more",
    "Subscribe to our newsletter for the latest updates.",
    "Share this article",
    "Advertisement",
    "Related: more stories from this section",
    "Sign up for our daily briefing",
    "Comments are closed.",
    "Other popular articles on {outlet}",
)
CREDIT_LINES = (
    "From {outlet}",
    "Translated from {outlet}",
    "Originally published by {outlet}",
    "Source: {outlet}",
    "This article first appeared on {outlet}.",
)

_SLOT = re.compile(r"\{(\w)\}")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _compile(template: str) -> list[str]:
    """A template as [literal, slot, literal, slot, ..., literal] for fast filling."""
    return _SLOT.split(template)


SENTENCE_PARTS = [_compile(t) for t in SENTENCES]
SLOT_POOLS: dict[str, tuple[str, ...]] = {
    "a": tuple(ADJS),
    "n": tuple(NOUNS),
    "m": tuple(NOUNS),
    "v": tuple(VERBS_PAST),
    "p": tuple(PLACES),
    "r": REGIONS,
    "k": NUMBERS,
    "t": RELATIVE,
}
QUOTE_PARTS = [_compile(t) for t in QUOTE_TEMPLATES]


def slug(text: str, limit: int = 48) -> str:
    return _NON_SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


# ---------------------------------------------------------------------------------------
# Building blocks.


@dataclass
class Outlet:
    id: str
    name: str
    domain: str
    category: str
    languages: list[str]
    entry: dict[str, Any]


@dataclass
class Person:
    id: str
    name: str
    surname: str
    role: str


@dataclass
class Quote:
    text: str
    speaker: int


@dataclass
class Source:
    """What a later copy needs of an article it republishes or translates."""

    outlet: int
    url: str | None
    headline: str
    authors: list[str]
    language: str
    date: str | None
    paragraphs: list[str]


@dataclass
class World:
    outlets: list[Outlet]
    people: list[Person]
    quotes: list[Quote]
    originals: list[Source] = field(default_factory=list)
    outlet_index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.outlet_index = {o.id: i for i, o in enumerate(self.outlets)}


def fill(parts: list[str], rng: random.Random) -> str:
    # seq[int(random() * len)] rather than rng.choice: several times faster, and generation
    # of 100k articles is dominated by filling these slots.
    draw = rng.random
    out = []
    for position, part in enumerate(parts):
        if position % 2 == 0:
            out.append(part)
        elif part == "y":
            out.append(str(2009 + int(draw() * 15)))
        else:
            pool = SLOT_POOLS[part]
            out.append(pool[int(draw() * len(pool))])
    return "".join(out)


def reword(text: str, rng: random.Random, rate: float = 0.6, turn: bool = True) -> str:
    """What a re-translation does: near-synonyms swapped in, sometimes (``turn``, for one
    sentence without punctuation of its own) the two clauses turned round."""
    words = text.split(" ")
    for i, word in enumerate(words):
        options = SYNONYMS.get(word.lower().strip(",."))
        if options and rng.random() < rate:
            words[i] = rng.choice(options) + word[len(word.rstrip(",.")) :]
    result = " ".join(words)
    if turn and ", " in result and rng.random() < 0.4:
        head, tail = result.split(", ", 1)
        result = tail[0].upper() + tail[1:] + ", " + head[0].lower() + head[1:]
    return result


def garble(surname: str, rng: random.Random) -> str:
    """A machine-transliteration variant of a surname."""
    swaps = (("k", "ch"), ("v", "w"), ("y", "i"), ("sh", "sch"), ("ov", "off"), ("c", "k"))
    candidates = [(a, b) for a, b in swaps if a in surname.lower()]
    if candidates:
        a, b = rng.choice(candidates)
        index = surname.lower().index(a)
        replaced = surname[:index] + b + surname[index + len(a) :]
        return replaced[0].upper() + replaced[1:]
    index = rng.randrange(1, len(surname))
    return surname[:index] + surname[index] + surname[index:]


def make_world(n: int, rng: random.Random) -> World:
    outlets: list[Outlet] = []
    seen: set[str] = set()
    for i in range(max(12, min(3000, n // 30))):
        name = f"{rng.choice(OUTLET_A)} {rng.choice(OUTLET_B)}"
        if rng.random() < 0.3:
            name = "The " + name
        ident = slug(name, 40)
        if ident in seen:
            ident = f"{ident}-{i}"
            name = f"{name} {PLACES[i % len(PLACES)]}"
        seen.add(ident)
        domain = f"{ident.replace('-', '')}.{rng.choice(TLDS)}"
        category = rng.choice(CATEGORIES)
        languages = ["en"] if rng.random() < 0.6 else [rng.choice(LANGUAGES)]
        if rng.random() < 0.15:
            languages.append("en" if languages[0] != "en" else rng.choice(LANGUAGES))
        reliability: dict[str, Any] | None = None
        if rng.random() < 0.6:
            status, grade = rng.choice(STATUSES)
            reliability = {
                "status": status,
                "admiralty": grade,
                "reason": f"Assessed from its record of corrections and bylines ({category}).",
                "evidence": None
                if rng.random() < 0.5
                else f"https://reliability.example.org/outlets/{ident}",
            }
        short = name.removeprefix("The ").split(" ")[0]
        entry = {
            "id": ident,
            "name": name,
            "alternateName": [short, domain] if rng.random() < 0.5 else [domain],
            "domains": [domain],
            "category": category if rng.random() < 0.85 else None,
            "country": rng.choice(COUNTRIES),
            "inLanguage": languages,
            "ownershipFundingInfo": None
            if rng.random() < 0.7
            else f"Owned by the {rng.choice(OUTLET_A)} media group.",
            "reliability": reliability,
        }
        outlets.append(Outlet(ident, name, domain, category, languages, entry))
    people: list[Person] = []
    taken: set[str] = set()
    for i in range(max(20, n // 8)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        ident = slug(f"{first} {last}")
        if ident in taken:
            ident = f"{ident}-{i}"
        taken.add(ident)
        role = rng.choice(ROLES).format(
            place=rng.choice(PLACES), outlet=outlets[rng.randrange(len(outlets))].name
        )
        people.append(Person(ident, f"{first} {last}", last, role))
    quotes = [
        Quote(fill(rng.choice(QUOTE_PARTS), rng), rng.randrange(len(people)))
        for _ in range(max(30, n // 4))
    ]
    return World(outlets, people, quotes)


def pick_quote(world: World, rng: random.Random) -> Quote:
    # Skewed popularity: a few quotes travel through hundreds of articles, most through few.
    return world.quotes[int(len(world.quotes) * rng.random() ** 1.5)]


def quote_paragraph(
    world: World, rng: random.Random, variants: dict[int, list[str]], reworded: bool
) -> str:
    quote = pick_quote(world, rng)
    person = world.people[quote.speaker]
    words = quote.text if not reworded or rng.random() < 0.5 else reword(quote.text, rng)
    spellings = variants.get(quote.speaker)
    surname = rng.choice(spellings) if spellings else person.surname
    full = f"{person.name.split(' ')[0]} {surname}"
    shape = rng.randrange(4)
    if shape == 0:
        return f"“{words},” said {full}, {person.role}."
    if shape == 1:
        outlet = world.outlets[rng.randrange(len(world.outlets))].name
        return f"“{words},” {surname} told {outlet}."
    if shape == 2:
        return f"{full}, {person.role}, said: “{words}.”"
    return f"“{words},” {surname} argued {rng.choice(RELATIVE)}."


def body(world: World, rng: random.Random, reworded: bool) -> list[str]:
    """Fresh paragraphs of about 2-5 KB, with quotations and sometimes garbled names."""
    variants: dict[int, list[str]] = {}
    if rng.random() < 0.25:
        # One quoted person's surname comes out two or three ways in this text.
        speaker = pick_quote(world, rng).speaker
        surname = world.people[speaker].surname
        spellings = {surname, garble(surname, rng), garble(surname, rng)}
        variants[speaker] = sorted(spellings)
    target = rng.randint(1800, 4800)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.22:
            paragraph = quote_paragraph(world, rng, variants, reworded)
        else:
            count = 1 + (rng.random() < 0.6) + (rng.random() < 0.3)
            paragraph = " ".join(fill(rng.choice(SENTENCE_PARTS), rng) for _ in range(count))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return paragraphs


def headline(rng: random.Random) -> str:
    outcome = rng.choice(("stall", "resume", "widen", "collapse"))
    return (
        f"{rng.choice(PLACES)} {rng.choice(VERBS_PAST)} {rng.choice(ADJS)} "
        f"{rng.choice(NOUNS)} deal as {rng.choice(NOUNS)} talks {outcome}"
    )


def a_date(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def later(date: str, rng: random.Random) -> str:
    """A date 0-30 days after ``date`` (month arithmetic kept simple: day 1-28)."""
    year, month, day = (int(x) for x in date.split("-"))
    day += rng.randint(0, 30)
    while day > 28:
        day -= 28
        month += 1
        if month > 12:
            month, year = 1, year + 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def human_date(date: str) -> str:
    year, month, day = date.split("-")
    return f"{MONTHS[int(month) - 1]} {int(day)}, {year}"


def ticker(rng: random.Random) -> str:
    coins = rng.sample(TICKER_COINS, 5)
    quotes = []
    for coin in coins:
        price = f"{rng.randint(1, 60000):,}.{rng.randint(0, 99):02d}"
        change = f"{rng.choice('+-')}{rng.randint(0, 9)}.{rng.randint(0, 99):02d}%"
        quotes.append(f"{coin} ${price} {change}")
    return "  ".join(quotes)


def url_for(outlet: Outlet, title: str, number: int, date: str | None) -> str:
    path = f"{date[:4]}/{date[5:7]}/" if date else "news/"
    return f"https://www.{outlet.domain}/{path}{slug(title, 60)}-{number}"


# ---------------------------------------------------------------------------------------
# Articles.


def render(
    rng: random.Random,
    title: str,
    paragraphs: list[str],
    *,
    author: str | None,
    place: str,
    date: str | None,
    agency: str | None,
    credit: str | None,
    residue_outlet: str | None,
) -> str:
    lines: list[str] = []
    mid_sentence = rng.random() < 0.06
    if not mid_sentence:
        lines.append(title)
        if rng.random() < 0.2:
            lines.append(title)  # scraped pages often repeat the headline
        if author and date:
            lines.append(f"By {author} in {place} {human_date(date)}")
        elif author:
            lines.append(f"By {author}")
        elif date is None and rng.random() < 0.3:
            lines.append(f"in #{slug(rng.choice(NOUNS))} {rng.choice(RELATIVE)}")
    text = list(paragraphs)
    if mid_sentence:
        first = text[0]
        text[0] = first[rng.randrange(len(first) // 3, 2 * len(first) // 3) :].lstrip()
    elif agency:
        text[0] = f"{place.upper()} ({agency}) - {text[0]}"
    lines.extend(text)
    if residue_outlet is not None:
        kinds = rng.sample(range(4), rng.randint(1, 3))
        for kind in sorted(kinds):
            if kind == 0:
                lines.append(rng.choice(RESIDUE).format(outlet=residue_outlet))
            elif kind == 1:
                lines.append(ticker(rng))
            elif kind == 2:
                lines.append(rng.choice(FOOTERS))
            else:
                lines.append(rng.choice(RESIDUE[:3]))
    if credit:
        lines.append(credit)
    return "\n".join(lines) + "\n"


def hop(
    relation: str,
    outlet: Outlet | None,
    *,
    url: str | None = None,
    headline: str | None = None,
    authors: list[str] | None = None,
    translators: list[str] | None = None,
    language: str | None = None,
    date: str | None = None,
    credited: bool | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    return {
        "relation": relation,
        "publisher": outlet.id if outlet else None,
        "url": url,
        "headline": headline,
        "author": authors or [],
        "translator": translators or [],
        "inLanguage": language,
        "datePublished": date,
        "credited": credited,
        "note": note,
    }


def article(index: int, world: World, rng: random.Random) -> tuple[dict[str, Any], str]:
    """One catalog entry and its text. Kinds in roughly the seeds' proportions."""
    roll = rng.random()
    kind = (
        "original"
        if roll < 0.2
        else "translated"
        if roll < 0.4
        else "republished"
        if roll < 0.65
        else "syndicated"
        if roll < 0.8
        else "unknown"
    )
    outlets = world.outlets
    place = rng.choice(PLACES)
    copy_outlet = outlets[rng.randrange(len(outlets))]
    chain: list[dict[str, Any]] = []
    credit: str | None = None
    agency: str | None = None
    translators: list[str] = []
    language = "en"
    note: str | None = None
    source: Source | None = None
    if (
        kind in ("republished", "syndicated", "translated")
        and world.originals
        and rng.random() < 0.75
    ):
        source = world.originals[rng.randrange(len(world.originals))]

    if kind == "original":
        title = headline(rng)
        paragraphs = body(world, rng, reworded=False)
        authors = [world.people[rng.randrange(len(world.people))].name]
        date = a_date(rng) if rng.random() < 0.75 else None
        if rng.random() < 0.15:
            authors = []
        language = "en" if "en" in copy_outlet.languages else copy_outlet.languages[0]
        url: str | None = url_for(copy_outlet, title, index, date) if rng.random() < 0.9 else None
        if copy_outlet.category == "news-agency":
            agency = copy_outlet.name
        world.originals.append(
            Source(
                world.outlet_index[copy_outlet.id],
                url,
                title,
                authors,
                language,
                date,
                paragraphs,
            )
        )
        if len(world.originals) > 4000:
            # Keep memory flat at 100k: later copies draw on a rolling window of originals.
            world.originals.pop(rng.randrange(2000))
        copy_date = date
    else:
        if source is not None:
            origin = outlets[source.outlet]
            title = source.headline
            base_date = source.date
            origin_hop = hop(
                "original",
                origin,
                url=source.url,
                headline=source.headline,
                authors=source.authors,
                language=source.language,
                date=source.date,
                credited=None,
            )
            paragraphs = list(source.paragraphs)
            authors = list(source.authors) if rng.random() < 0.5 else []
        else:
            origin = outlets[rng.randrange(len(outlets))]
            title = headline(rng)
            base_date = a_date(rng) if rng.random() < 0.6 else None
            origin_language = rng.choice(LANGUAGES) if kind == "translated" else "en"
            authors = (
                [world.people[rng.randrange(len(world.people))].name] if rng.random() < 0.5 else []
            )
            origin_hop = hop(
                "original" if kind != "unknown" else "unknown",
                origin if kind != "unknown" else None,
                authors=authors if kind != "unknown" else [],
                language=origin_language if kind != "unknown" else None,
                date=base_date if kind != "unknown" else None,
                credited=None if kind != "unknown" else False,
                note=None if kind != "unknown" else "The original was not found.",
            )
            paragraphs = body(world, rng, reworded=kind == "translated")
        if kind == "translated":
            origin_hop["inLanguage"] = origin_hop["inLanguage"] or rng.choice(LANGUAGES)
            if origin_hop["inLanguage"] == "en":
                origin_hop["inLanguage"] = rng.choice(LANGUAGES)
            paragraphs = [
                reword(p, rng, 0.5, turn=False) if rng.random() < 0.6 else p for p in paragraphs
            ]
            if rng.random() < 0.4:
                translators = [world.people[rng.randrange(len(world.people))].name]
            if rng.random() < 0.3:
                # A re-translation: through an English republication first.
                middle = outlets[rng.randrange(len(outlets))]
                chain.append(origin_hop)
                origin_hop = hop(
                    "translated",
                    middle,
                    language="en",
                    date=later(base_date, rng) if base_date and rng.random() < 0.5 else None,
                    credited=False,
                    note="Named only by a scraped footer.",
                )
                note = "A re-translation: names are spelled several ways."
        elif kind in ("republished", "syndicated") and rng.random() < 0.3:
            paragraphs = paragraphs[1:] or paragraphs  # the standfirst lost on the way
        credited = rng.random() < 0.6
        origin_hop["credited"] = credited if kind != "unknown" else False
        if credited and kind != "unknown":
            credit_outlet = outlets[source.outlet] if source else origin
            template = CREDIT_LINES[1] if kind == "translated" else rng.choice(CREDIT_LINES)
            credit = template.format(outlet=credit_outlet.name)
        if kind == "syndicated":
            agency = origin.name
        chain.append(origin_hop)
        if kind == "unknown" and copy_outlet.category != "user-generated" and rng.random() < 0.5:
            copy_outlet = _platform(world, rng) or copy_outlet
        last_date = next((h["datePublished"] for h in reversed(chain) if h["datePublished"]), None)
        copy_date = (
            later(last_date, rng)
            if last_date and rng.random() < 0.7
            else (a_date(rng) if not last_date and rng.random() < 0.5 else None)
        )
        url = url_for(copy_outlet, title, index, copy_date) if rng.random() < 0.75 else None

    copy_publisher: Outlet | None = copy_outlet if rng.random() < 0.9 else None
    if copy_publisher is None:
        url = None  # with no publisher there is no domain to hold the URL
    retrieved = later(copy_date, rng) if copy_date and rng.random() < 0.3 else None
    ident = f"a{index:06d}-{slug(title, 40)}"
    residue_outlet = copy_outlet.name if rng.random() < 0.5 else None
    text = render(
        rng,
        title,
        paragraphs,
        author=(authors[0] if authors else None),
        place=place,
        date=copy_date,
        agency=agency,
        credit=credit,
        residue_outlet=residue_outlet,
    )
    entry = {
        "id": ident,
        "headline": title if rng.random() < 0.7 else None,
        "file": f"articles/{ident}.txt",
        "copy": {
            "relation": kind,
            "publisher": copy_publisher.id if copy_publisher else None,
            "url": url,
            "author": authors if kind != "translated" or rng.random() < 0.5 else [],
            "translator": translators,
            "inLanguage": language,
            "datePublished": copy_date,
            "dateRetrieved": retrieved,
            "note": note,
        },
        "chain": chain,
        "acknowledgements": [],
        "note": None,
    }
    return entry, text


def _platform(world: World, rng: random.Random) -> Outlet | None:
    platforms = [o for o in world.outlets[:200] if o.category in ("user-generated", "blog")]
    return rng.choice(platforms) if platforms else None


# ---------------------------------------------------------------------------------------
# Invalid variant.


def inject_errors(catalog: dict[str, Any]) -> list[dict[str, str]]:
    """Schema errors at deterministic places; returns what was injected, sorted by pointer."""
    articles = catalog["articles"]
    n = len(articles)
    slots = iter(sorted({(k * n) // 9 for k in range(1, 9)}))
    with_chain = [i for i, a in enumerate(articles) if a["chain"]]
    injected: list[dict[str, str]] = []

    def record(kind: str, pointer: str) -> None:
        injected.append({"kind": kind, "pointer": pointer})

    i = next(slots)
    articles[i]["copy"]["relation"] = "copied"
    record("enum", f"/articles/{i}/copy/relation")
    i = next(slots)
    articles[i]["copy"]["url"] = "htps:/broken link"
    record("pattern", f"/articles/{i}/copy/url")
    i = next(slots)
    articles[i]["copy"]["auhtor"] = ["Someone"]
    record("unknown-key", f"/articles/{i}/copy/auhtor")
    i = next(slots)
    articles[i]["chain"] = {"relation": "original"}
    record("type", f"/articles/{i}/chain")
    i = next(slots)
    del articles[i]["file"]
    record("required", f"/articles/{i}")
    i = next(slots)
    del articles[i]["copy"]["relation"]
    record("required", f"/articles/{i}/copy")
    used = {int(item["pointer"].split("/")[2]) for item in injected}
    chained = next(
        (j for j in with_chain[len(with_chain) // 2 :] if j not in used),
        next(j for j in with_chain if j not in used),
    )
    articles[chained]["chain"][0]["datePublished"] = "27/08/2024"
    record("pattern", f"/articles/{chained}/chain/0/datePublished")
    outlets = catalog["outlets"]
    outlets[len(outlets) // 2]["category"] = "tabloid"
    record("enum", f"/outlets/{len(outlets) // 2}/category")
    people = catalog["people"]
    people[len(people) // 3]["alternateName"] = people[len(people) // 3]["name"]
    record("type", f"/people/{len(people) // 3}/alternateName")
    return sorted(injected, key=lambda item: item["pointer"])


# ---------------------------------------------------------------------------------------
# Writing.


def build(n: int, seed: int) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    rng = random.Random(seed)
    world = make_world(n, rng)
    entries: list[dict[str, Any]] = []
    texts: list[tuple[str, str]] = []
    for index in range(n):
        entry, text = article(index, world, rng)
        entries.append(entry)
        texts.append((entry["file"], text))
    catalog = {
        "schemaVersion": "1.0",
        "outlets": [o.entry for o in world.outlets],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "alternateName": [p.surname],
                "affiliation": p.role if len(p.role) <= 300 else None,
            }
            for p in world.people
        ],
        "articles": entries,
    }
    return catalog, texts


def dump(catalog: dict[str, Any]) -> str:
    """Laid out like a hand-kept catalog (one key a line, short lists inline), but fast.

    json.dumps(indent=...) falls back to the pure-Python encoder, slow at 100k articles; the
    catalog holds only dicts, lists of strings and scalars, so a small writer on top of the C
    string encoder does the same job several times faster.
    """
    lines = ["{", f'  "schemaVersion": {_value(catalog["schemaVersion"])},']
    keys = ("outlets", "people", "articles")
    for position, key in enumerate(keys):
        items = catalog[key]
        comma = "," if position < len(keys) - 1 else ""
        if not items:
            lines.append(f'  "{key}": []{comma}')
            continue
        lines.append(f'  "{key}": [')
        last = len(items) - 1
        for index, item in enumerate(items):
            _object(item, "    ", lines, "," if index < last else "")
        lines.append(f"  ]{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


_string = json.encoder.encode_basestring  # the C implementation when available


def _value(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _object(item: dict[str, Any], pad: str, lines: list[str], comma: str, head: str = "") -> None:
    """Append ``item`` as indented lines; ``head`` is what precedes its brace ('"copy": ')."""
    lines.append(pad + head + "{")
    inner = pad + "  "
    last = len(item) - 1
    for index, (key, value) in enumerate(item.items()):
        end = "," if index < last else ""
        name = _string(key) + ": "
        if isinstance(value, dict):
            _object(value, inner, lines, end, name)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{inner}{name}[")
            final = len(value) - 1
            for position, element in enumerate(value):
                _object(element, inner + "  ", lines, "," if position < final else "")
            lines.append(f"{inner}]{end}")
        elif isinstance(value, list):
            lines.append(f"{inner}{name}[{', '.join(_value(v) for v in value)}]{end}")
        else:
            lines.append(f"{inner}{name}{_value(value)}{end}")
    lines.append(pad + "}" + comma)


def write(outdir: Path, catalog: dict[str, Any], texts: list[tuple[str, str]]) -> None:
    (outdir / "articles").mkdir(parents=True, exist_ok=True)
    for relative, text in texts:
        with open(outdir / relative, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    (outdir / "sources.json").write_text(dump(catalog), encoding="utf-8", newline="\n")


def generate(n: int, outdir: Path, seed: int = 7, invalid: bool = False) -> list[dict[str, str]]:
    """Write the corpus; returns the injected errors (empty unless ``invalid``)."""
    catalog, texts = build(n, seed)
    injected = inject_errors(catalog) if invalid else []
    write(outdir, catalog, texts)
    if invalid:
        (outdir / "injected.json").write_text(json.dumps(injected, indent=2) + "\n")
    return injected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--invalid", action="store_true", help="inject known schema errors")
    args = parser.parse_args(argv)
    if args.n < 10:
        parser.error("N must be at least 10")
    injected = generate(args.n, args.outdir, args.seed, args.invalid)
    print(
        f"{args.outdir / 'sources.json'}: {args.n} articles"
        + (f", {len(injected)} injected errors" if args.invalid else ""),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
