"""Word lists shared by the extractors: what a capitalised word is when it is not a name."""

from __future__ import annotations

import re

from provenance.evidence.dates import MONTH_NUMBER


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo"
)
TITLES = _words(
    "mr mrs ms miss dr prof professor sir dame lord lady president prime minister "
    "chancellor king queen prince princess sheikh emir general gen col colonel captain capt "
    "sgt sergeant senator sen rep representative governor gov mayor judge justice ambassador "
    "secretary chairman chairwoman chair ceo cfo director editor correspondent reporter "
    "analyst spokesman spokeswoman spokesperson pope bishop father rev reverend deputy vice "
    "foreign defense defence interior finance economy trade health minister's premier "
    "commander chief officer head leader founder author journalist columnist researcher "
    "lecturer councillor councilor councilman councilwoman engineer engineers "
    "herr frau monsieur madame señor señora"
)
# Capitalised words that start sentences or name things other than people.
COMMON = _words(
    "a an the and or but if so as at by for from in into of on to with without within "
    "this that these those there here then than thus hence however moreover meanwhile "
    "also although though while when where which who whom whose what why how after before "
    "since until during despite because yet still even just only not no nor all any each "
    "every some many most more much few both either neither other another such same "
    "he she it they we you i his her its their our your my me him them us "
    "is are was were be been being has have had do does did will would shall should can "
    "could may might must let according said says told added "
    "one two three four five six seven eight nine ten first second third last next new old "
    "yesterday today tomorrow earlier later instead indeed perhaps nevertheless nonetheless "
    "furthermore additionally arguably naturally clearly obviously unlike like unless "
    "whether once now never always often sometimes again yes no ok please thanks "
    "die der das den dem des ein eine einer eines la le les un une el los las una il lo gli "
    "market markets district quarter park bridge "
    "great power powers grand big little high supreme royal holy "
    "towards toward against among between through throughout across along around "
    "pound sterling dollar dollars euro euros ruble rubles rouble yuan lira manat tenge "
    "mr mrs read more related share subscribe dismiss follow comments reply posted "
    "north south east west central northern southern eastern western middle far near "
    "asia asian europe european africa african america american americas caucasus pacific "
    "atlantic arctic indian ocean sea gulf river lake mountains mount valley island islands "
    "republic kingdom states united union federation empire soviet ussr "
    "university college school institute academy ministry department council committee "
    "commission parliament congress senate assembly government administration agency "
    "organization organisation forum summit club corridor party bank fund group company "
    "corporation corp inc ltd llc news press times post daily weekly radio tv television "
    "channel network media magazine journal review herald tribune gazette telegraph "
    "express pravda blog service services foundation center centre initiative treaty "
    "alliance pact war revolution crisis conflict operation road belt silk route "
    "international national regional global world economic security defense defence "
    "cooperation development prosperity strategy policy affairs relations consultation "
    "meeting conference festival games cup championship olympics day week month year "
    "street avenue square palace house hall tower airport station port city state province "
    "region district county capital kremlin white house pentagon downing "
    "christian muslim islam islamic jewish catholic orthodox church mosque "
    "google facebook twitter telegram youtube instagram tiktok whatsapp x linkedin "
    "ukraine ukrainian russia russian china chinese kazakhstan kazakh kazakhs uzbekistan "
    "uzbek kyrgyzstan kyrgyz tajikistan tajik turkmenistan turkmen azerbaijan azerbaijani "
    "armenia armenian georgia georgian turkey turkiye turkish iran iranian iraq iraqi syria "
    "syrian israel israeli palestine palestinian egypt egyptian india indian pakistan "
    "pakistani afghanistan afghan japan japanese korea korean germany german france french "
    "spain spanish italy italian portugal portuguese britain british england english "
    "scotland scottish ireland irish poland polish belarus belarusian moldova estonia "
    "estonian latvia latvian lithuania lithuanian finland finnish sweden swedish norway "
    "norwegian denmark danish netherlands dutch belgium belgian switzerland swiss austria "
    "austrian hungary hungarian romania romanian bulgaria bulgarian serbia serbian greece "
    "greek canada canadian mexico mexican brazil brazilian argentina argentinian chile "
    "venezuela cuba australia australian nigeria kenya ethiopia saudi arabia arab emirates "
    "qatar mongolia mongolian vietnam thailand indonesia malaysia philippines singapore "
    "moscow kyiv kiev beijing washington london paris berlin brussels tokyo ankara tehran "
    "baku astana almaty tashkent bishkek dushanbe ashgabat tbilisi yerevan minsk warsaw "
    "vienna rome madrid geneva istanbul dubai delhi new york petersburg st nato eu un uk us "
    "usa cis csto sco osce imf wto opec brics asean g7 g20 west western east eastern"
)
_NOT_NAMES = COMMON | TITLES | WEEKDAYS | frozenset(MONTH_NUMBER)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")


def bare(token: str) -> str:
    """A token without surrounding punctuation or a possessive ending."""
    token = token.strip(".,;:!?()[]{}\"“”«»„‘’'*—–-")
    return _POSSESSIVE.sub("", token)


def is_name_token(token: str) -> bool:
    """Could this token be part of a person's name ('Kassym-Jomart', "O'Neil", 'J.')?"""
    if len(token) < 2 and not token.endswith("."):
        return False
    if not token[:1].isupper() or not _NAME_TOKEN.match(token):
        return False
    # 'Asia-focused' is a compound adjective; 'Kassym-Jomart' capitalises every part.
    if any(part[:1].islower() for part in token.split("-")[1:]):
        return False
    # ALL-CAPS words longer than a few letters are headings or acronyms, not names.
    if len(token) > 3 and token.isupper():
        return False
    return token.casefold().rstrip(".") not in _NOT_NAMES


PARTICLES = _words("de da di del della der den van von bin ibn al el le la du dos das ter")


def looks_like_full_name(tokens: list[str]) -> bool:
    """Two to four name tokens, particles allowed between them: 'Luis de la Cruz'."""
    if not 2 <= len(tokens) <= 5:
        return False
    if not is_name_token(tokens[0]) or not is_name_token(tokens[-1]):
        return False
    if len(tokens[-1].rstrip(".")) < 2 or tokens[-1].endswith("."):
        return False
    return all(is_name_token(t) or t.lower() in PARTICLES for t in tokens[1:-1])


def not_a_name(token: str) -> bool:
    """Whether ``token`` (any case) is a word the lists know as something else than a name."""
    return bare(token).casefold().rstrip(".") in _NOT_NAMES


# The commonest Chinese surnames (single characters): a short Han line opening with one of
# them may be a name ('王华东'); one opening otherwise ('创始人', founder) is not.
CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干但尉"
    "冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由欧阳"
)


# Words of the subheadings and page furniture that sit alone on a line under a headline,
# where a byline could be: capitalised, yet not names.
HEADING_WORDS = _words(
    "key points point summary introduction background conclusion conclusions overview "
    "highlights highlight update updates analysis opinion comment comments editorial "
    "breaking live latest top stories story more watch listen video videos photo photos "
    "gallery advertisement sponsored related topics topic tags tag share print email "
    "contents content menu home search login sign subscribe newsletter podcast interview "
    "explainer features feature column columns letters letter review reviews takeaways "
    "facts figures question questions answer answers notes note sources source abstract "
    "frage antwort anfrage fragen zusammenfassung einleitung hintergrund kommentar meinung "
    "résumé sommaire entretien tribune chronique resumen entrevista opinión noticias "
    "sommario intervista notizie"
)
# Adjective and abstract-noun endings of German, Dutch and Scandinavian headings
# ('Mündliche', 'Schriftliche', 'Versammlung'); no common given name or surname ends so.
_HEADING_ENDINGS = ("liche", "lichen", "ische", "ischen", "ung", "ungen", "heit", "keit")


def heading_word(token: str) -> bool:
    """Whether ``token`` is a word of a subheading rather than of a name."""
    word = bare(token).casefold()
    return word in HEADING_WORDS or (len(word) > 6 and word.endswith(_HEADING_ENDINGS))
