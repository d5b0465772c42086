"""Origins the proposal reads from who speaks in a page rather than from a credit line: a
broadcast announcing itself in an upload's transcript, and a blog post signed by someone
with an institution of their own."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.knowledge import outlet_named_in
from provenance.models import Catalog, HopRelation
from provenance.proposal import Options, propose
from tests.test_add_proposal import catalog, document

__all__ = ["catalog"]  # the module-scoped fixture, shared

TRANSCRIPTS = {
    "en": "Evening bulletin, full edition\n\n00:00:02 Good evening, you're watching BBC News "
    "with the headlines at nine.\n00:00:15 Floods have closed the main road to the coast.\n",
    "de": "Nachrichten am Abend\n\n00:00:01 Guten Abend, Sie sehen die Tagesschau.\n"
    "00:00:09 Das Hochwasser hat die Küstenstraße gesperrt.\n",
    "fr": "Journal du soir\n\n00:00:03 Bonsoir, vous regardez Euronews, voici les titres.\n"
    "00:00:12 Les inondations ont fermé la route côtière.\n",
    "ru": "Вечерний выпуск\n\n00:00:00 Вы смотрите Первый канал, здравствуйте.\n"
    "00:00:20 Наводнение перекрыло прибрежную дорогу.\n",
}
EXPECTED = {"en": "bbc", "de": "tagesschau", "fr": "euronews", "ru": "channel-one-russia"}


def _propose(text: str, url: str, catalog: Catalog):  # type: ignore[no-untyped-def]
    return propose(document(text), extract(text), catalog, Options(url=url))


@pytest.mark.parametrize("language", sorted(TRANSCRIPTS))
def test_an_upload_announcing_a_channel_is_that_channels_broadcast(
    catalog: Catalog, language: str
) -> None:
    proposal = _propose(TRANSCRIPTS[language], "https://www.dailymotion.com/video/x1", catalog)
    article = proposal.article
    assert article.copy_held.relation == HopRelation.REPUBLISHED
    [hop] = article.chain
    assert hop.publisher == EXPECTED[language]
    assert hop.credited is True
    assert "announces itself" in (hop.note or "")
    assert EXPECTED[language] in {outlet.id for outlet in proposal.outlets}


def test_a_newspaper_saying_welcome_is_its_own_page(catalog: Catalog) -> None:
    text = TRANSCRIPTS["fr"]
    article = _propose(text, "https://www.lemonde.fr/video/1", catalog).article
    assert article.chain == []


def test_an_upload_naming_a_channel_without_announcing_it_is_not_its_broadcast(
    catalog: Catalog,
) -> None:
    text = "Floods on the coast\n\n00:00:02 Yesterday BBC News showed the flooded road.\n"
    article = _propose(text, "https://www.youtube.com/watch?v=abc", catalog).article
    assert article.chain == []


def test_lowercase_words_name_no_outlet() -> None:
    assert outlet_named_in("a long time ago, when this is all we had", ()) is None
    found = outlet_named_in("this is Time, the weekly", ())
    assert found is not None and found.id == "time"


BLOG_POST = """Does coffee raise blood pressure?

{byline}

Researchers followed nine thousand adults for a decade and measured their blood pressure every year. The study found no lasting rise among daily coffee drinkers.
"""


def test_a_blog_post_signed_with_another_institution_is_a_repost(catalog: Catalog) -> None:
    text = BLOG_POST.format(byline="Miriam Okafor, University of Leeds")
    proposal = _propose(text, "https://healthnotes.wordpress.com/2023/05/coffee/", catalog)
    article = proposal.article
    [hop] = article.chain
    assert hop.author == ["Miriam Okafor"]
    assert hop.credited is True
    assert article.copy_held.relation == HopRelation.REPUBLISHED
    assert "Miriam Okafor" not in article.copy_held.author


@pytest.mark.parametrize(
    ("byline", "url"),
    [
        # the owner signing their own blog
        ("Miriam Okafor, University of Leeds", "https://miriamokafor.wordpress.com/coffee/"),
        # a role at the host is no institution of one's own
        ("Miriam Okafor, Staff Writer", "https://healthnotes.wordpress.com/coffee/"),
        # not a blog platform: a newspaper's contributor is its own
        ("Miriam Okafor, University of Leeds", "https://www.example-herald.com/coffee/"),
    ],
)
def test_a_signature_that_is_the_hosts_own_stays_the_copys_author(
    catalog: Catalog, byline: str, url: str
) -> None:
    article = _propose(BLOG_POST.format(byline=byline), url, catalog).article
    assert article.chain == []
    assert article.copy_held.author == ["Miriam Okafor"]


PRESENTED = {
    "en": "Why cities need trees\n\nIn this essay, Margaret Holloway argues that shade saves "
    "lives in heat waves.\n\nWhen I moved to the city, the streets had no trees at all.\n",
    "ru": "Зачем городам деревья\n\nВ своей статье Маргарет Холлоуэй доказывает, что тень "
    "спасает жизни в жару.\n\nКогда я переехала в город, на улицах не было деревьев.\n",
    "de": "Warum Städte Bäume brauchen\n\nIn diesem Beitrag erklärt Margarete Holler, warum "
    "der Schatten in der Hitze Leben rettet.\n\nAls ich in die Stadt zog, gab es keine Bäume.\n",
    "fa": "چرا شهرها به درخت نیاز دارند\n\nمارگارت هالووی، پژوهشگر و نویسنده، از سال ۲۰۱۰ "
    "سردبیر هفته‌نامه نیوزویک است.\nهالووی در این مقاله از سایه درختان در گرمای تابستان "
    "می‌گوید.\nوقتی به شهر آمدم، خیابان‌ها درختی نداشتند.\n",
}
PRESENTED_AUTHOR = {
    "en": "Margaret Holloway",
    "ru": "Маргарет Холлоуэй",
    "de": "Margarete Holler",
    "fa": "مارگارت هالووی",
}


@pytest.mark.parametrize("language", sorted(PRESENTED))
def test_an_opening_presenting_another_authors_article_credits_that_author(
    catalog: Catalog, language: str
) -> None:
    article = _propose(PRESENTED[language], "https://digest.example.org/trees", catalog).article
    [hop] = article.chain
    assert hop.author == [PRESENTED_AUTHOR[language]]
    assert hop.credited is True
    assert PRESENTED_AUTHOR[language] not in article.copy_held.author
    if language == "fa":
        # The opening names an English-language weekly beside the author.
        assert article.copy_held.relation == HopRelation.TRANSLATED
        assert hop.in_language == "en"
        assert "Newsweek" in (hop.note or "")
    else:
        assert article.copy_held.relation == HopRelation.REPUBLISHED


@pytest.mark.parametrize(
    "text",
    [
        # the host's own voice, and a name further on: the article's subject
        "Tariffs explained\n\nIn this article, we look at how Donald Trump set tariffs.\n\n"
        "The first tariffs came in 2018.\n",
        # the page's own bylined author presenting her own piece
        "Why cities need trees\n\nBy Margaret Holloway\n\nIn this essay, Margaret Holloway "
        "argues that shade saves lives.\n\nThe streets had no trees.\n",
        # a Persian 'we in this article': a word before the phrase that no line names in full
        "درختان شهری\n\nما در این مقاله از سایه درختان می‌گوییم.\nخیابان‌ها درختی نداشتند.\n",
        # capitalised words that are not a name ('die', 'regierung' are written lowercase too)
        "Die Lage\n\nIn diesem Beitrag erklärt Die Regierung, warum die regierung schweigt.\n",
    ],
)
def test_an_opening_presenting_no_one_elses_article_adds_no_hop(
    catalog: Catalog, text: str
) -> None:
    article = _propose(text, "https://digest.example.org/trees", catalog).article
    assert article.chain == []


# The opening names the author's outlet, which publishes in another language than the copy.
PRESENTED_ABROAD = {
    "en": "Why cities need trees\n\nMargaret Holloway is a columnist for Le Monde.\n"
    "In this essay, Margaret Holloway argues that shade saves lives in heat waves.\n\n"
    "When I moved to the city, the streets had no trees at all and the summers were long.\n",
    "ru": "Зачем городам деревья\n\nМаргарет Холлоуэй пишет для журнала The Economist.\n"
    "В своей статье Маргарет Холлоуэй доказывает, что тень спасает жизни в жару.\n\n"
    "Когда я переехала в город, на улицах совсем не было деревьев, а лето было долгим.\n",
    "de": "Warum Städte Bäume brauchen\n\nMargarete Holler schreibt für The Economist.\n"
    "In diesem Beitrag erklärt Margarete Holler, warum der Schatten in der Hitze Leben "
    "rettet.\n\nAls ich in die Stadt zog, gab es auf den Straßen keine Bäume und die Sommer "
    "waren lang.\n",
    "fr": "Pourquoi les villes ont besoin d'arbres\n\nMargaret Holloway écrit pour The "
    "Economist.\nDans cet article, Margaret Holloway explique que l'ombre sauve des vies "
    "pendant les canicules.\n\nQuand je suis arrivée en ville, les rues n'avaient aucun arbre "
    "et les étés étaient longs.\n",
    "es": "Por qué las ciudades necesitan árboles\n\nMargaret Holloway escribe para The "
    "Economist.\nEn este artículo, Margaret Holloway sostiene que la sombra salva vidas en las "
    "olas de calor.\n\nCuando llegué a la ciudad, las calles no tenían ningún árbol y los "
    "veranos eran largos.\n",
    "it": "Perché le città hanno bisogno di alberi\n\nMargaret Holloway scrive per The "
    "Economist.\nIn questo articolo, Margaret Holloway sostiene che l'ombra salva vite durante "
    "le ondate di calore.\n\nQuando sono arrivata in città, le strade non avevano alberi e le "
    "estati erano lunghe.\n",
    "pt": "Por que as cidades precisam de árvores\n\nMargaret Holloway escreve para a The "
    "Economist.\nNeste artigo, Margaret Holloway defende que a sombra salva vidas nas ondas de "
    "calor.\n\nQuando cheguei à cidade, as ruas não tinham nenhuma árvore e os verões eram "
    "longos.\n",
    "tr": "Şehirler neden ağaçlara ihtiyaç duyar\n\nMargaret Holloway, The Economist için "
    "yazıyor.\nMargaret Holloway bu makalede gölgenin sıcak hava dalgalarında hayat "
    "kurtardığını savunuyor.\n\nŞehre taşındığımda sokaklarda hiç ağaç yoktu ve yazlar "
    "uzundu.\n",
}


@pytest.mark.parametrize("language", sorted(PRESENTED_ABROAD))
def test_a_presented_article_by_a_writer_of_an_outlet_abroad_is_a_translation(
    catalog: Catalog, language: str
) -> None:
    text = PRESENTED_ABROAD[language]
    article = _propose(text, "https://digest.example.org/trees", catalog).article
    assert article.copy_held.in_language == language
    assert article.copy_held.relation == HopRelation.TRANSLATED
    [hop] = article.chain
    assert hop.author and hop.author[0] in text
    assert hop.in_language == ("fr" if language == "en" else "en")
