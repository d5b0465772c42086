"""Translation signs: stated in many languages, parallel text, residue, glued words.

Every text here is written for these tests; the negatives describe a translation without
being one."""

from __future__ import annotations

import pytest

from provenance.evidence import extract
from provenance.evidence.model import TranslationBasis, TranslationSign
from provenance.evidence.translation import language_named, names_in

# A few lines of body in each language, so that the page's language is sure.
BODY = {
    "en": "The council met on Tuesday to discuss the new budget for the schools of the city. "
    "Several members asked for more money for teachers and for the repair of old buildings.",
    "es": "El consejo se reunió el martes para discutir el nuevo presupuesto de las escuelas de "
    "la ciudad. Varios miembros pidieron más dinero para los maestros y para reparar edificios.",
    "de": "Der Rat traf sich am Dienstag, um den neuen Haushalt für die Schulen der Stadt zu "
    "besprechen. Mehrere Mitglieder forderten mehr Geld für Lehrer und für alte Gebäude.",
    "fr": "Le conseil s'est réuni mardi pour discuter du nouveau budget des écoles de la ville. "
    "Plusieurs membres ont demandé plus d'argent pour les enseignants et les vieux bâtiments.",
    "ru": "Совет собрался во вторник, чтобы обсудить новый бюджет городских школ. Несколько "
    "членов совета попросили больше денег для учителей и для ремонта старых зданий.",
    "uk": "Рада зібралася у вівторок, щоб обговорити новий бюджет міських шкіл. Кілька членів "
    "ради попросили більше грошей для вчителів і для ремонту старих будівель.",
    "it": "Il consiglio si è riunito martedì per discutere il nuovo bilancio delle scuole della "
    "città. Diversi membri hanno chiesto più soldi per gli insegnanti e per gli edifici.",
    "pt": "O conselho reuniu-se na terça-feira para discutir o novo orçamento das escolas da "
    "cidade. Vários membros pediram mais dinheiro para os professores e para os edifícios.",
    "pl": "Rada zebrała się we wtorek, aby omówić nowy budżet szkół miejskich. Kilku członków "
    "rady poprosiło o więcej pieniędzy dla nauczycieli i na remont starych budynków.",
    "tr": "Meclis salı günü şehrin okulları için yeni bütçeyi görüşmek üzere toplandı. Birkaç "
    "üye öğretmenler ve eski binaların onarımı için daha fazla para istedi.",
    "az": "Şura çərşənbə axşamı şəhər məktəblərinin yeni büdcəsini müzakirə etmək üçün toplandı. "
    "Bir neçə üzv müəllimlər və köhnə binaların təmiri üçün daha çox pul istədi.",
    "zh": "市议会周二开会讨论城市学校的新预算。几位议员要求为教师和旧建筑的维修提供更多资金。",
    "ar": "اجتمع المجلس يوم الثلاثاء لمناقشة الميزانية الجديدة لمدارس المدينة. وطلب عدد من "
    "الأعضاء المزيد من المال للمعلمين ولإصلاح المباني القديمة.",
    "fa": "شورا روز سه‌شنبه برای بررسی بودجه جدید مدارس شهر تشکیل جلسه داد. چند عضو خواستار "
    "پول بیشتر برای معلمان و تعمیر ساختمان‌های قدیمی شدند.",
    "hi": "परिषद ने मंगलवार को शहर के स्कूलों के नए बजट पर चर्चा करने के लिए बैठक की। कई सदस्यों "
    "ने शिक्षकों और पुरानी इमारतों की मरम्मत के लिए अधिक धन की मांग की।",
}


def _page(language: str, *notes: str, first: bool = False) -> str:
    body = "\n\n".join([BODY[language]] * 3)
    head = "\n\n".join(notes)
    return f"{head}\n\n{body}" if first else f"Headline of the day\n\n{body}\n\n{head}"


def _signs(text: str, basis: TranslationBasis | None = None) -> list[TranslationSign]:
    signs = extract(text).translations
    return [s for s in signs if basis is None or s.basis is basis]


def _stated(text: str) -> TranslationSign:
    signs = _signs(text, TranslationBasis.STATED)
    assert len(signs) == 1, signs
    return signs[0]


@pytest.mark.parametrize(
    ("language", "note", "source", "translators"),
    [
        ("en", "Translated from the Russian by Anna Berg.", "ru", ("Anna Berg",)),
        ("en", "Translation by Mark Olsen and Ida Ruiz", None, ("Mark Olsen", "Ida Ruiz")),
        ("ru", "Перевод с английского: Мария Кузнецова", "en", ("Мария Кузнецова",)),
        ("ru", "Перевела Ольга Смирнова", None, ("Ольга Смирнова",)),
        ("uk", "Переклад з англійської", "en", ()),
        ("de", "Übersetzung: Jonas Weber", None, ("Jonas Weber",)),
        ("de", "Aus dem Französischen übersetzt von Lena Brandt.", "fr", ("Lena Brandt",)),
        ("fr", "Traduit de l'allemand par Claire Dubois", "de", ("Claire Dubois",)),
        ("fr", "Traduction : Paul Mercier", None, ("Paul Mercier",)),
        ("es", "Traducido del francés para Diario Sur por R. T.", "fr", ("R. T.",)),
        ("es", "Traducción: Lucía Gómez", None, ("Lucía Gómez",)),
        ("pt", "Tradução: Rui Costa", None, ("Rui Costa",)),
        ("pt", "Texto traduzido do inglês.", "en", ()),
        ("it", "Tradotto dall'inglese da Marco Neri", "en", ("Marco Neri",)),
        ("pl", "Tłumaczenie: Ewa Nowak", None, ("Ewa Nowak",)),
        ("pl", "Artykuł przetłumaczony z języka niemieckiego.", "de", ()),
        ("tr", "Çeviren: Ayşe Demir", None, ("Ayşe Demir",)),
        ("az", "Rus dilindən tərcümə", "ru", ()),
        ("zh", "翻译：王小明", None, ("王小明",)),
        ("ar", "ترجمة: سارة أحمد", None, ("سارة أحمد",)),
        ("fa", "ترجمه: علی رضایی", None, ("علی رضایی",)),
        ("hi", "मूल अंग्रेज़ी से अनुवाद", "en", ()),
    ],
)
def test_a_stated_translation_is_read_with_its_language_and_translators(
    language: str, note: str, source: str | None, translators: tuple[str, ...]
) -> None:
    sign = _stated(_page(language, note))
    assert sign.source_language == source
    assert sign.translator == translators
    assert note[:10] in sign.reason


@pytest.mark.parametrize(
    ("language", "note", "original"),
    [
        ("en", "Translated from example-news.az", "example-news.az"),
        ("az", "example-news.az-dan tərcümə", "example-news.az"),
        (
            "it",
            "Di seguito la traduzione dell’articolo pubblicato sul “Daily Planet” a cura di X",
            "Daily Planet",
        ),
    ],
)
def test_a_stated_translation_names_its_original(language: str, note: str, original: str) -> None:
    assert _stated(_page(language, note, first=True)).original == original


def test_a_han_credit_line_gives_author_and_translators() -> None:
    sign = _stated(_page("zh", "张三著 李四 王五译", first=True))
    assert sign.translator == ("李四", "王五")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # someone else's translation of another text, reported in the body
        (
            "en",
            "The council's spokesman said that Maria Lopez has translated the text into "
            "English so that the visiting delegation from the partner city could read the "
            "whole plan before the vote on Thursday evening.",
        ),
        (
            "en",
            "Years ago I wrote my article in Russian, then I translated it into English, and "
            "an editor translated it again into Russian with corrections for his magazine, "
            "which surprised me a lot when I found it.",
        ),
        (
            "de",
            "Die Reportage ist großartig geschrieben und geht wirklich an die Nieren, und "
            "Peter Klein hat den Text ins Englische übersetzt, damit ihn mehr Menschen lesen "
            "können als bisher.",
        ),
        (
            "az",
            "Jurnalistin məqaləsi xarici saytda dərc olunub və yazını ingilis dilinə gənc "
            "tərcüməçi Elvin Əliyev çevirib, sonra isə başqa saytlar da onu paylaşıb.",
        ),
    ],
)
def test_a_page_that_describes_a_translation_is_not_one(language: str, sentence: str) -> None:
    body = "\n\n".join([BODY[language], sentence, BODY[language], BODY[language]])
    assert _signs(f"Headline\n\n{body}\n\nEnd") == []


def test_no_sign_on_a_plain_page() -> None:
    for language in BODY:
        assert _signs(_page(language)) == [], language


@pytest.mark.parametrize(
    ("first", "second", "source"),
    [
        (
            [
                "O conselho reuniu-se na terça-feira para discutir o novo orçamento das escolas.",
                "Vários membros pediram mais dinheiro para os professores da cidade.",
                "A votação final está marcada para a próxima semana, segundo o presidente.",
            ],
            [
                "The council met on Tuesday to discuss the new budget for the schools.",
                "Several members asked for more money for the teachers of the city.",
                "The final vote is planned for next week, according to the president.",
            ],
            "pt",
        ),
        (
            [
                "The council met on Tuesday to discuss the new budget for the city schools.",
                "Several members asked for more money for the teachers and for the buildings.",
                "The final vote is planned for next week, according to the council president.",
            ],
            [
                "شورا روز سه‌شنبه برای بررسی بودجه جدید مدارس شهر تشکیل جلسه داد و گفتگو کرد.",
                "چند عضو خواستار پول بیشتر برای معلمان و تعمیر ساختمان‌های قدیمی شدند.",
                "رای نهایی به گفته رئیس شورا برای هفته آینده برنامه ریزی شده است و قطعی است.",
            ],
            "en",
        ),
    ],
)
def test_parallel_text_is_found_with_the_first_language_as_source(
    first: list[str], second: list[str], source: str
) -> None:
    lines = [line for pair in zip(first, second, strict=True) for line in pair]
    signs = _signs("Title\n\n" + "\n\n".join(lines), TranslationBasis.PARALLEL)
    assert len(signs) == 1
    assert signs[0].source_language == source


def test_two_blocks_in_two_languages_are_not_parallel_text() -> None:
    text = "\n\n".join([BODY["en"], BODY["en"], BODY["es"], BODY["es"]])
    assert _signs(text, TranslationBasis.PARALLEL) == []


def test_a_caption_in_another_language_is_untranslated_residue() -> None:
    caption = "Zdjęcie: Jan Kowalski, były burmistrz miasta Źródło: Agencja"
    signs = _signs(_page("ru", caption, first=True), TranslationBasis.RESIDUE)
    assert [s.source_language for s in signs] == ["pl"]


def test_english_boilerplate_around_a_spanish_body_is_residue() -> None:
    boilerplate = (
        "For many years our site has published commentary by the leading thinkers of the "
        "world on the questions that shape the lives of people everywhere, and we thank you."
    )
    signs = _signs(_page("es", boilerplate, first=True), TranslationBasis.RESIDUE)
    assert [s.source_language for s in signs] == ["en"]


def test_a_short_foreign_label_is_not_residue() -> None:
    assert _signs(_page("ru", "Photo: Reuters", first=True), TranslationBasis.RESIDUE) == []


def test_words_glued_inside_a_sentence_are_a_machine_sign() -> None:
    text = _page(
        "en",
        "After the meeting the mayor asked every member to introduceYourself to the "
        "visitors before the dinner began in the hall.",
    )
    signs = _signs(text, TranslationBasis.MACHINE)
    assert [s.span.text for s in signs] == ["introduceYourself"]


def test_glued_page_furniture_and_code_are_not_machine_signs() -> None:
    text = _page(
        "en",
        "Jane Doe wrote this piece for the weekly column about food and the city 2 min readFeb "
        "20, 2022",
        "Call element.addEventListener() when the page loads, then the handler runs as usual.",
    )
    assert _signs(text, TranslationBasis.MACHINE) == []


def test_language_names_are_read_in_their_inflected_forms() -> None:
    assert language_named("английского", ["ru"]) == "en"
    assert language_named("Englischen", ["de"]) == "en"
    assert language_named("angielskiego", ["pl"]) == "en"
    assert language_named("İngilizceden", ["tr"]) == "en"
    assert language_named("англійської", ["uk"]) == "en"
    assert language_named("article", ["en"]) is None


def test_names_stop_at_the_first_word_that_is_not_one() -> None:
    assert names_in("J. M. for the weekly") == ("J. M.",)
    assert names_in("the author") == ()
