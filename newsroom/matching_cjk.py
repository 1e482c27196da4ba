"""
Matching a Japanese or Korean proposal to the events the timeline holds.

The timeline's titles and most of its citations are English, so the wording
of a ja/ko sentence cannot be compared with them. What crosses languages:
the dates, the actors and places (their names and aliases in every script),
and the kind of event a sentence reports (a summit, a visit, a dinner, a
ban), read from a small bilingual table of event words. A proposal matches
an event only when their dates agree within the proposal's precision and
their kinds agree; shared actors and places then rank the candidates. A
sentence whose kind the table does not know matches nothing: the desk then
says the event is new rather than guess.

Head-final languages put the reported event last ("…に到着し、首脳会談を行った",
"…도착해 정상회담을 연다"), so the kind named last in the quote counts most.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext, pgettext

from newsdates.ko import CONNECTIVE as KOREAN_CONNECTIVE
from newsroom.kind_words import kind_words
from newsroom.matching import (
    DEFAULT_MARGIN_DAYS,
    MAX_CANDIDATES,
    MAX_MATCHES,
    OUTSIDE_STATED_PERIOD,
    EventMatch,
    _date_score,
    events_near,
    stated_period,
)
from newsroom.names import all_name_forms, name_pattern
from timeline.labels import date_label
from timeline.models import Actor, Event, Place, current_language


@dataclass(frozen=True)
class Kind:
    name: str
    words: re.Pattern[str]  # in Japanese and Korean
    english: frozenset[str]  # title words (singular, lower case) that name it


def _kind(name: str, words: str, english: str) -> Kind:
    return Kind(name, re.compile(words), frozenset(english.split()))


KINDS = [
    _kind("summit", r"首脳会談|首脳会議|サミット|정상회담|정상회의", "summit meeting meet talk"),
    _kind(
        "talks",
        r"会談|会議|協議|会合|面会|再会|会っ|会い|握手|회담|회의|협의|면담|접견|논의|재회|만나|만났|만남|악수|환담",
        "talk meeting meet summit discuss",
    ),
    _kind("visit", r"訪問|訪韓|訪日|訪中|訪米|来日|来韓|視察|訪れ|방문|방한|방일|방중|방미|순방|국빈", "visit trip"),
    _kind("inauguration", r"就任|취임", "inauguration inaugurate sworn"),
    # Posting about an occasion ("会談の様子をXで報告し") is not the occasion.
    _kind("post", r"投稿|報告|게시|올렸|올려", "post posted"),
    # An arrival is a leg of a visit, an event of its own (as in English).
    _kind("arrival", r"到着|도착", "arrive arrival"),
    _kind("meal", r"夕食会|晩餐会|夕食|会食|昼食会|朝食会|만찬|오찬|조찬|식사", "dinner dine banquet lunch breakfast"),
    _kind("press", r"記者会見|共同記者|共同発表|기자회견|공동 회견|(?:공동\s?)?언론\s?발표", "press conference"),
    # Announcing an occasion ("…を行うと発表した", "…한다고 발표했다") is not the occasion.
    _kind("announce", r"(?<![共記者])発表|公表|(?<!언론)(?<!언론 )발표", "announce announcement"),
    _kind("drums", r"太鼓|ドラム|드럼|북 공연|북을", "drum"),
    _kind("election", r"総選挙|選挙|총선|선거", "election"),
    _kind("dissolution", r"解散|해산", "snap dissolve dissolution"),
    # The name may carry a gloss: "竹島（韓国名・独島）の日", "다케시마(일본이 주장하는 독도의 명칭)의 날".
    _kind(
        "takeshima-day",
        r"竹島(?:[（(][^）)]{0,30}[）)])?の日|다케시마(?:\([^)]{0,30}\))?의\s?날|式典|기념식",
        "takeshima ceremony",
    ),
    _kind("remark", r"発言|答弁|述べ|主張し|발언|답변|언급|주장했|주장하", "remark suggest say"),
    _kind("taiwan", r"台湾|대만", "taiwan"),
    _kind("export", r"輸出|수출", "export"),
    # A halt to imports ("輸入を停止", "수입 중단") is a measure like a ban.
    _kind("ban", r"禁止|規制|管理|停止|금지|규제|통제|중지|중단", "ban control"),
    _kind("dual-use", r"両用|이중\s?용도|양용", "dual-use"),
    _kind("travel", r"渡航|旅行|여행|訪日客|자제|주의보|注意喚起", "travel advisory"),
    _kind("rare-earth", r"レアアース|希土類|희토류", "rare-earth rare earth"),
    _kind("imports", r"輸入|수입", "import"),
    _kind("interview", r"インタビュー|인터뷰", "interview"),
    _kind("parade", r"パレード|閲兵|열병식", "parade"),
    _kind("anti-dumping", r"反ダンピング|ダンピング|반덤핑", "anti-dumping"),
    _kind("temple", r"寺|사찰|호류지", "temple"),
    _kind("agreement", r"合意|一致|합의", "agree"),
    _kind("leadership-race", r"総裁選|총재 선거", "race"),
    _kind("minerals", r"鉱物|광물", "mineral"),
    # written with or without dots between the countries: "한·중·일", "日・中・韓"
    _kind(
        "trilateral",
        r"日[・·]?中[・·]?韓|日[・·]?韓[・·]?中|中[・·]?日[・·]?韓|한[·ㆍ・]?중[·ㆍ・]?일|한[·ㆍ・]?일[·ㆍ・]?중|"
        r"중[·ㆍ・]?일[·ㆍ・]?한|3국|三か国|3カ国",
        "trilateral",
    ),
    _kind("economic-security", r"経済安全保障|経済安保|경제안보|경제 안보", "economic-security"),
    _kind("shuttle", r"シャトル外交|相互往来|셔틀 외교|셔틀외교|상호 방문", "reciprocal"),
    _kind("occupation", r"植民地支配|併合|일제강점|강점기|식민 지배|식민지배|병합", "occupation"),
    _kind("test", r"試験|実験|採掘|시험|실험|채굴", "test extraction"),
    _kind("probe", r"調査|조사", "probe"),
    # Trade that resumes ("輸出が再開された") ends a measure; it is not one.
    _kind("resume", r"再開|재개", "resume resumption"),
]

# Kinds that report one occasion together: talks held during a visit are
# often all the timeline holds of it.
RELATED_KINDS = {("summit", "visit"), ("talks", "visit")}
RELATED_WEIGHT = 0.5
# How much an event's kinds that the sentence does not name take off its kind score.
UNNAMED_KIND_PENALTY = 0.5

# How far (days) outside a proposal's dates an event may lie: without
# wording to compare, dates must agree more closely than in English.
DATE_MARGIN_DAYS = {"day": 1, "span": 3, "part_of_month": 5, "month": 10, "season": 30, "year": 60}

# Without actors or places in the sentence, who and where weigh nothing.
DATE_WEIGHT, KIND_WEIGHT, WHO_WEIGHT = 0.4, 0.35, 0.25
MIN_SCORE = 0.55
# A kind named last in the quote, or only earlier on.
HEAD_KIND, OTHER_KIND = 1.0, 0.6
# A kind joined by "and" before the head: the reader proposed it on its own.
SPLIT_KIND = 0.3
# People tell events apart; countries and places mostly set the scene.
PERSON_WEIGHT, OTHER_WHO_WEIGHT = 1.0, 0.5


def _english_words(title: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z][a-z\-]*", title.lower()):
        words.add(word)
        for suffix in ("s", "es"):
            if word.endswith(suffix) and len(word) > 3:
                words.add(word[: -len(suffix)])
        words.update(word.split("-"))
    return words


def event_kinds(event: Event) -> set[str]:
    """The kinds an event's titles name, in English and, where the timeline
    has them, in Japanese and Korean."""
    english = _english_words(f"{event.title} {event.short_title}")
    kinds = {kind.name for kind in KINDS if kind.english & english}
    for field in ("title_ja", "title_ko", "short_title_ja", "short_title_ko"):
        translated = getattr(event, field, None) or ""
        kinds |= {kind.name for kind in KINDS if kind.words.search(translated)}
    return kinds


MEASURE_KINDS = frozenset({"ban", "export", "dual-use", "anti-dumping", "probe"})


def quote_kinds(quote: str, language: str = "ja", date_at: int | None = None) -> dict[str, float]:
    """The kinds a ja/ko quote names, the last one weighing most. A Korean
    quote that runs on past a clause ("…방문한 뒤 귀국할 예정이다") reports the
    event of its last clause: with no kind named there, it names none. When
    the first kind after the date (at `date_at` in the quote) is the occasion
    of what the sentence goes on to tell ("13日に開かれた首脳会談では…一致した",
    "13일 열린 정상회담에서 …합의했다"), that kind is the head: the date
    dates the occasion."""
    occasion = _occasion(quote, date_at)
    if occasion:
        found = [(m.start(), m.end(), kind.name) for kind in KINDS for m in kind.words.finditer(quote)]
        heads = {name for start, end, name in found if start < occasion[1] and end > occasion[0]}
        return {name: HEAD_KIND if name in heads else OTHER_KIND for _, _, name in found}
    if language == "ko":
        body = quote.rstrip(" .,")
        cuts = [m.end() for m in KOREAN_CONNECTIVE.finditer(body) if m.end() < len(body)]
        if cuts and not any(kind.words.search(body, cuts[-1]) for kind in KINDS):
            return {}
    said = [m.span() for m in _SPEECH.finditer(quote)]
    found = sorted(
        (m.start(), m.end(), kind.name)
        for kind in KINDS
        for m in kind.words.finditer(quote)
        if not any(a <= m.start() < b for a, b in said)
    )
    if not found:
        return {}
    # The last kind named is the head. Of two occasions joined by "and"
    # ("首脳会談と夕食会", "정상회담 및 만찬") it is the second: the reader
    # proposes the first on its own, quoted up to its name.
    head_start = max(start for start, _, _ in found)
    heads = {name for _, end, name in found if end > head_start}
    head_end = max(end for _, end, _ in found)
    if _ET_CETERA.match(quote, head_end):
        # "…歓迎式から首脳会談、署名式、晩餐会など", "…정상회담, 서명식, 국빈 만찬 등":
        # a list of occasions on the date, each as much the event as the last.
        heads |= {name for start, _, name in found if date_at is None or start >= date_at}
    first = head_start
    for start, end, _ in reversed(found):
        if end <= first and _COORDINATED.fullmatch(quote, end, first):
            first = start
    split = {name for _, end, name in found if first < end <= head_start} - heads
    if heads == {"announce"}:
        # Announcing a measure ("…수출 통제 강화에 관한 고시를 발표") enacts it;
        # announcing an occasion (a visit, a summit) is not the occasion.
        heads |= {name for _, _, name in found if name in MEASURE_KINDS}
    return {name: HEAD_KIND if name in heads else SPLIT_KIND if name in split else OTHER_KIND for _, _, name in found}


# Words quoted as said ("「…会談する予定はない」と言明した", "\"…정상회의…\"고 밝혔다"):
# the sentence reports the saying, not the occasions the speaker names.
# A long 「…」 is always someone's words or a title ("記事「…」を引用し").
# So are words quoted as what a stand or an intent says ("…응할 수 없다”는 의사를").
_SPEECH = re.compile(
    r"「[^」]{10,}」|(?:“[^”]{10,}”|\"[^\"]{10,}\")(?=\s*(?:と|라고|이라고|고|며|면서|는|라는|이라는|という|との))"
)
_ET_CETERA = re.compile(r"\s*(?:など|등)")
_COORDINATED = re.compile(r"\s*(?:및|과|와|と|や|・|、|,)\s*")


# Before a kind of event: the sentence reports it held ("開かれた首脳会談", "열린 정상회담").
_HELD = re.compile(r"開かれた|行われた|開催された|始まった|열린|개최된|진행된|치러진")
# After a kind of event: what follows happened at it ("会談では", "회담에서").
_AT_OCCASION = re.compile(r"(?:では|において|における|の席で|で(?![はきもす])|에서는|에서|에선)")
# "정상회담 모두발언에서", "首脳会談の冒頭で": said at the opening of the occasion, so at it.
_OCCASION_PART = re.compile(r"(?:\s*모두\s?발언|の?冒頭)?")
_PRESS = next(kind.words for kind in KINDS if kind.name == "press")
# A date token, then "の" or a space: the date names the noun that follows.
_DATE_THEN = re.compile(r"[^\s、。,]{1,12}(?:の\s*|\s+)")
# "5일 정상회담", "5日会談": a day number written right against its noun.
_DATE_BARE = re.compile(r"\d{1,2}(?:일|日)\s?")
_SINCE_OCCASION = re.compile(r"\s*(?:이후|직후|후|以降|以後|の後|後|(?:을|를)?\s*앞두고|を前に|を控え)")
_CUT_AFTER_OCCASION = re.compile(r"後、")


def _cut_at(quote: str, start: int, end: int) -> bool:
    """Whether the Korean reader ends a clause right after the occasion named at [start, end)."""
    return any(m.start() < end <= m.end() for m in KOREAN_CONNECTIVE.finditer(quote, max(0, start - 4), end + 4))


# How far after the date the occasion may be named.
_OCCASION_REACH = 40


def _occasion(quote: str, date_at: int | None) -> tuple[int, int] | None:
    """Where the occasion the date dates is named, or None: the first kind
    named after the date, within reach, said to have been held and followed
    by an 'at' particle. Named only as the setting ("지난해 10월 정상회담에서
    …제안했고"), the occasion is not what the sentence reports."""
    if date_at is None or not 0 <= date_at < len(quote):
        return None
    after = [
        (m.start(), m.end()) for kind in KINDS for m in kind.words.finditer(quote, date_at, date_at + _OCCASION_REACH)
    ]
    if not after:
        return None
    # "이달 …대만 개입 발언 이후 …", "先月の…発言以降": the date dates what came after it began.
    # Unless the reader cut the sentence there ("정상회담 후 공동언론발표를 했다",
    # "会談後、会見した"): it proposed the occasion on its own, and this quote
    # runs on to the event that followed.
    since = sorted(
        (a, b)
        for a, b in after
        if _SINCE_OCCASION.match(quote, b) and not _CUT_AFTER_OCCASION.match(quote, b) and not _cut_at(quote, a, b)
    )
    if since:
        return since[0]
    start = min(a for a, _ in after)
    end = max(b for a, b in after if a == start)
    held = _HELD.search(quote, date_at, start)
    # A dated press conference ("17日の記者会見で", "오늘(28일) 기자회견에서") is
    # where what the sentence tells was said: the briefing, not what it was about.
    briefing = _PRESS.fullmatch(quote, start, end) and _DATE_THEN.fullmatch(quote, date_at, start)
    if not held and not briefing and (named := _named_briefing(quote, start, date_at)):
        return named
    # "5일 정상회담에서 …합의했다": an occasion the date names outright is the
    # one it dates, whatever was done at it.
    named_by_date = _DATE_THEN.fullmatch(quote, date_at, start) or _DATE_BARE.fullmatch(quote, date_at, start)
    part = _OCCASION_PART.match(quote, end)
    at = part.end() if part else end
    return (start, end) if (held or briefing or named_by_date) and _AT_OCCASION.match(quote, at) else None


# Korean nouns with no particle or verb ending between them: one compound name.
_BARE_NOUNS = re.compile(r"(?:[\d가-힣]*[\d가-힣](?<![은는이가을를의에와과로고며서한된던])\s+)*")


def _named_briefing(quote: str, start: int, date_at: int) -> tuple[int, int] | None:
    """ "19일 중의원 해산 발표 기자회견에서": a press conference named by what
    it announced, dated: the occasion is the whole name, so that what it
    announced (the dissolution) is what the date dates."""
    press = _PRESS.search(quote, start, date_at + _OCCASION_REACH)
    if not press or press.start() <= start or not _AT_OCCASION.match(quote, press.end()):
        return None  # named by its place ("총리 관저 기자회견에서"), it is where something was said
    return (start, press.end()) if _BARE_NOUNS.fullmatch(quote, date_at, press.start()) else None


def kind_score(kinds: dict[str, float], of_event: set[str]) -> tuple[float, set[str]]:
    """How well the event's kinds answer the quote's: the best shared kind
    and the share of the quote's kinds it covers, half each; a related kind
    (talks during a visit) counts for half."""
    shared = kinds.keys() & of_event
    weights = {k: kinds[k] for k in shared}
    for name, weight in kinds.items():
        if name not in shared and any((name, other) in RELATED_KINDS for other in of_event):
            weights[name] = weight * RELATED_WEIGHT
    if not weights:
        return 0.0, set()
    score = 0.5 * max(weights.values()) + 0.5 * sum(weights.values()) / sum(kinds.values())
    # An event of kinds the sentence does not name ("economic-security talks
    # agreed" for a sentence on the summit alone) is less likely the one it reports.
    unnamed = {k for k in of_event - kinds.keys() if not any((q, k) in RELATED_KINDS for q in kinds)}
    return score * (1 - UNNAMED_KIND_PENALTY * len(unnamed) / len(of_event)), set(weights)


def places_in(quote: str) -> list[Place]:
    return [place for place in Place.objects.all() if (p := name_pattern(all_name_forms(place))) and p.search(quote)]


def matching_events_cjk(
    earliest: datetime.date,
    latest: datetime.date,
    precision: str,
    quote: str,
    actors=(),
    *,
    status: str | None = None,
    language: str = "ja",
    published_only: bool = False,
    limit: int = MAX_MATCHES,
    date_at: int | None = None,
    article: str | None = None,
) -> list[EventMatch]:
    """Existing events a ja/ko proposal most likely reports, best first
    (`date_at`: where in the quote its date is written, see `quote_kinds`). An
    event is left out when it shares no kind with the sentence, none of the
    sentence's actors and places, or was cancelled while the sentence reports
    it done (or the other way round), or when the `article` never names one
    of its people."""
    kinds = quote_kinds(quote, language, date_at)
    if not kinds:
        return []
    margin = datetime.timedelta(days=DATE_MARGIN_DAYS.get(precision, DEFAULT_MARGIN_DAYS))
    candidates = list(events_near(earliest, latest, margin, published_only, whole_years=True)[:MAX_CANDIDATES])
    ids = [event.pk for event in candidates]
    who = {("actor", a.pk): PERSON_WEIGHT if a.kind == "person" else OTHER_WHO_WEIGHT for a in actors}
    organisations = {a.pk for a in actors if a.kind == "organisation"}
    who |= {("place", p.pk): OTHER_WHO_WEIGHT for p in places_in(quote)}
    # People, countries and places rule an event out when it shares none of
    # them; an organisation named ("NHK 인터뷰", "APEC") only weighs: it is
    # often the setting or the medium, not who the event is of.
    who_ruling = {key for key in who if key[0] == "place" or key[1] not in organisations}
    event_who = _who_of_events(ids)
    head = _head(kinds)
    event_actors = {a for who_ in event_who.values() for kind, a in who_ if kind == "actor"}
    unnamed = _people_not_named(article, language, event_actors)
    people = set(Actor.objects.filter(pk__in=event_actors, kind="person").values_list("pk", flat=True))
    named_people = {a.pk for a in actors if a.kind == "person"}
    matches = []
    for event in candidates:
        own_kinds = event_kinds(event)
        kinds_score, shared_kinds = kind_score(kinds, own_kinds)
        if not shared_kinds & head or _contradicts(status, event.status):
            continue
        if ("trilateral" in kinds) != ("trilateral" in own_kinds):
            continue  # a meeting of three is none of the two's own events, nor the other way round
        visitor_named = _visitor_named(head & own_kinds, who, event_who[event.pk])
        if _not_its_people(event_who[event.pk], unnamed, people, named_people, visitor_named):
            continue
        if _someone_elses_remark(own_kinds, kinds, event_who[event.pk], people, named_people):
            continue
        shared = who.keys() & event_who[event.pk]
        if who_ruling and not shared & who_ruling:
            continue
        if not who_ruling and not _alone_enough(
            head & shared_kinds & own_kinds, earliest, latest, event, margin.days, precision
        ):
            continue
        date_score, date_reason = _date_score(earliest, latest, event, margin.days, precision)
        if stated_period(precision, earliest, latest) and date_score <= OUTSIDE_STATED_PERIOD:
            continue  # "지난해 '다케시마의 날'" is last year's, not this February's
        score, reasons = _weighed(event, date_score, date_reason, kinds_score, shared_kinds, who, shared)
        if score >= MIN_SCORE:
            matches.append((EventMatch(event, round(score, 3), reasons), event.importance))
    matches.sort(key=lambda m: (-m[0].score, -m[1], m[0].event.earliest, m[0].event.pk))
    return [m for m, _ in matches[:limit]]


def _who_of_events(ids: list[int]) -> dict[int, set]:
    """Each event's actors and places, as ("actor", pk) and ("place", pk): two queries."""
    event_who: dict[int, set] = defaultdict(set)
    for event_id, actor_id in Event.actors.through.objects.filter(event_id__in=ids).values_list("event_id", "actor_id"):
        event_who[event_id].add(("actor", actor_id))
    for event_id, place_id in Event.places.through.objects.filter(event_id__in=ids).values_list("event_id", "place_id"):
        event_who[event_id].add(("place", place_id))
    return event_who


def _weighed(
    event: Event, date_score: float, date_reason: str, kinds_score: float, shared_kinds: set, who: dict, shared: set
) -> tuple[float, list[str]]:
    """The score of an event not ruled out, and the reasons the desk shows for it."""
    dates = date_label(event.earliest, event.latest, event.precision, current_language())
    reasons = [gettext("%(reason)s (%(dates)s)") % {"reason": date_reason, "dates": dates}]
    kinds_named = pgettext("list separator", ", ").join(kind_words(shared_kinds))
    reasons.append(gettext("same kind of event: %(kinds)s") % {"kinds": kinds_named})
    if not who:
        return (DATE_WEIGHT * date_score + KIND_WEIGHT * kinds_score) / (DATE_WEIGHT + KIND_WEIGHT), reasons
    if shared:
        reasons.append(
            ngettext("%(count)d shared actor or place", "%(count)d shared actors and places", len(shared))
            % {"count": len(shared)}
        )
    who_score = sum(who[k] for k in shared) / sum(who.values())
    return DATE_WEIGHT * date_score + KIND_WEIGHT * kinds_score + WHO_WEIGHT * who_score, reasons


_SCRIPT = {"ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "ko": re.compile(r"[\uac00-\ud7af]")}


def _visitor_named(kinds: set[str], who: dict, event_who: set) -> bool:
    """ "李大統領は今月中旬、日本を訪問する": a visit is the visitor's, whom the
    sentence names; its host may go unnamed."""
    return "visit" in kinds and any(who[key] == PERSON_WEIGHT for key in who.keys() & event_who)


def _people_not_named(article: str | None, language: str, actor_ids: set[int]) -> set[int]:
    """The people among `actor_ids` whom the article never names, of those the
    timeline writes in the article's script (others cannot be looked for)."""
    if not article or language not in _SCRIPT:
        return set()
    unnamed = set()
    for person in Actor.objects.filter(pk__in=actor_ids, kind="person"):
        forms = [form for form in all_name_forms(person) if _SCRIPT[language].search(form)]
        if forms and not any(form in article for form in forms):
            unnamed.add(person.pk)
    return unnamed


def _not_its_people(event_who: set, unnamed: set, people: set, named_people: set, visitor_named: bool) -> bool:
    """Whether a sentence reports another event than one of these people: the
    article never names one of them (unless the sentence names the visitor of
    a visit, whose host may go unnamed), or the sentence names others
    ("トランプ氏は4月に習氏と会談" is not Takaichi's visit to Trump)."""
    actors = {a for kind, a in event_who if kind == "actor"}
    return (bool(unnamed & actors) and not visitor_named) or _other_people(named_people, actors & people)


def _someone_elses_remark(own_kinds: set, kinds: dict, event_who: set, people: set, named_people: set) -> bool:
    """ "지난해 '다케시마의 날' 행사가 개최된 직후 …": a remark is its speaker's; a
    sentence naming neither the remark nor its speaker reports something
    else the remark was about."""
    speakers = {a for kind, a in event_who if kind == "actor"} & people
    return "remark" in own_kinds and "remark" not in kinds and bool(speakers) and not speakers & named_people


def _other_people(named: set, event_people: set) -> bool:
    """A sentence naming two people or more, some not of the event, and
    leaving out some of the event's: another meeting of other people."""
    return len(named) >= 2 and len(event_people) >= 2 and bool(named - event_people) and bool(event_people - named)


def _head(kinds: dict[str, float]) -> set[str]:
    return {name for name, weight in kinds.items() if weight == HEAD_KIND}


def _contradicts(status: str | None, event_status: str) -> bool:
    return {status, event_status} == {"happened", "cancelled"}


def _alone_enough(own_head_kinds: set[str], earliest, latest, event: Event, margin: int, precision: str) -> bool:
    """A sentence naming no actor or place ("30日午後6時から始まった会談") matches
    on its own kind of event (`own_head_kinds`: its head kinds the event
    itself names, not a related one), and on overlapping dates."""
    return bool(own_head_kinds) and _date_score(earliest, latest, event, margin, precision)[0] >= 0.8
