"""Korean date expressions: the grammar and the words that tell status.

Resolved against the publication date as a Korean reader does: N일 is day N of
the publication month unless the sentence names a month; 지난 N일 / 오는 N일
the most recent / coming day N; 지난달 / 다음 달 the calendar month before /
after; 지난해 N월 month N of the year before; 지난 N월 the most recent month
N; 오늘(28일) as glossed; 이날 / 전날 the news day (the lead's day) / the
day before it, 같은 날 / 다음 날 / 이튿날 the day just named / the day after
it; 초 / 중순 / 하순 days 1–10 / 11–20 / 21–end; 1박2일 two days counting
the first; 방문 기간 the visit just named. Counting expressions (14년 연속,
2년여 만에, 3~4년간, N일간 with no day) date nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._cjk import (
    Context,
    Language,
    Resolved,
    Rule,
    add_months,
    anaphoric_day,
    day_in_month,
    during_stay,
    last_past_day,
    length_days,
    monday,
    month_end,
    month_range_resolver,
    month_resolver,
    month_without_year,
    next_coming_day,
    safe_day,
    season,
    two_events,
    until_year_end,
    weekday_near,
    weekend,
)

RELATIVE_YEAR = {"올": 0, "올해": 0, "금년": 0, "지난해": -1, "작년": -1, "내년": 1, "재작년": -2, "내후년": 2}
RELATIVE_MONTH = {
    "지난달": -1,
    "지난 달": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
RELATIVE_DAY = {"어제": -1, "오늘": 0, "내일": 1, "모레": 2, "그제": -2, "그저께": -2, "글피": 3}
# The reported day and the day before it, counted from the news day; the
# others point back at the day just named (see `_cjk.anaphoric_day`).
NEWS_DAY = {"이날": 0, "당일": 0, "전날": -1}
NAMED_DAY = {
    "같은 날": 0,
    "그날": 0,
    "그 전날": -1,
    "그 다음 날": 1,
    "그다음 날": 1,
    "그 이튿날": 1,
    "다음 날": 1,
    "다음날": 1,
    "이튿날": 1,
}
WEEKDAY = "월화수목금토일"
WEEK = {"지난주": -1, "지난 주": -1, "이번 주": 0, "이번주": 0, "금주": 0, "다음 주": 1, "다음주": 1, "내주": 1}
PART = {"초": "early", "초순": "early", "중순": "mid", "하순": "late", "말": "late"}
SEASON = {"봄": "spring", "여름": "summer", "가을": "autumn", "겨울": "winter"}
HANGUL = r"\uac00-\ud7a3"

_YEAR = (
    r"(?:(?<!\d)(?P<y>\d{4})년(?!\s*전(?![가-힣]))|(?<!\d)(?P<yy>\d{2})년(?=\s*\d{1,2}월)"
    r"|(?P<ry>올해|금년|지난해|작년|내년|재작년|내후년|같은 해|그해|이듬해|전년"
    r"|올(?=\s(?:\d{1,2}월|상반기|하반기|봄|여름|가을|겨울|초|말)(?![가-힣]))))"
)
# Not "전달" (also "to deliver"); "내달" not in "내달렸다".
_RM = r"(?P<rm>지난달|지난 달|이달|이번 달|이번달|다음 달|다음달|내달(?![리려])|같은 달|그달)"
# A day number, not a count ("4일간", "3일째", "2일 만에") nor the days of a stay ("1박2일").
_DAY = r"(?<![\d박])(?<!박 )(?<!총 )(?<!약 )(?P<d>[1-9]|[12]\d|3[01])일(?!\s*(?:간|동안|째|만에|만의|씩|이내|내로|치))"
_WEEKDAY = r"(?:\s*\([월화수목금토일](?:요일)?\))?"
_LOCAL = r"(?:\s*\((?:현지\s*시간|한국\s*시간)[^()]{0,12}\))?"
# "중순", and roughly so: "중순께", "말쯤", "초경".
_PART = rf"(?:\s*(?P<part>초순|중순|하순|초|말)(?:께|쯤|경)?(?![{HANGUL}]))?"


def _year(m: re.Match[str], ctx: Context) -> int | None:
    g = m.groupdict()
    pub = ctx.published
    if g.get("y"):
        return int(g["y"])
    if g.get("yy"):
        yy = int(g["yy"])
        return 2000 + yy if yy <= pub.year % 100 + 5 else 1900 + yy
    word = g.get("ry")
    if word in ("같은 해", "그해"):
        return ctx.year or pub.year
    if word in ("이듬해", "전년"):
        return (ctx.year or pub.year) + (1 if word == "이듬해" else -1)
    if word:
        return pub.year + RELATIVE_YEAR[word]
    return None


def _month_of(m: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    g = m.groupdict()
    pub = ctx.published
    if g.get("rm"):
        if g["rm"] in ("같은 달", "그달"):
            return ctx.month or (pub.year, pub.month)
        return add_months(pub.year, pub.month, RELATIVE_MONTH[g["rm"]])
    if g.get("m"):
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        year = _year(m, ctx)
        if year is None and g.get("dir") == "지난":
            year = pub.year if month < pub.month else pub.year - 1
        elif year is None and g.get("dir") == "오는":
            year = pub.year if month > pub.month else pub.year + 1
        return (year if year is not None else month_without_year(ctx, month)), month
    return None


def _day_of(m: re.Match[str], ctx: Context, d: int) -> date | None:
    month = _month_of(m, ctx)
    if month:
        ctx.sentence_month = month
        return safe_day(*month, d)
    direction = m.groupdict().get("dir")
    if direction == "지난":
        return last_past_day(ctx.published, d)
    if direction == "오는":
        return next_coming_day(ctx.published, d)
    return day_in_month(ctx, d)


def _full_date(m: re.Match[str], ctx: Context) -> Resolved:
    day = _day_of(m, ctx, int(m.group("d")))
    return (day, day, "day") if day else None


def _day_range(m: re.Match[str], ctx: Context) -> Resolved:
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if d2 <= d1:
        return None
    first = _day_of(m, ctx, d1)
    last = safe_day(first.year, first.month, d2) if first else None
    return (first, last, "span") if first and last else None


# "3月", "3月下旬", "3~5月" (the shared readers in `_cjk`, with this language's words).
_month = month_resolver(_month_of, PART)
_month_range = month_range_resolver(_year)


def _year_rule(m: re.Match[str], ctx: Context) -> Resolved:
    year = _year(m, ctx)
    if year is None:
        return None
    g = m.groupdict()
    if g.get("season"):
        first, last = season(year, SEASON[g["season"]])
        return first, last, "season"
    if g.get("half"):
        return (
            (date(year, 1, 1), date(year, 6, 30), "span")
            if g["half"] == "상반기"
            else (date(year, 7, 1), date(year, 12, 31), "span")
        )
    if g.get("ypart") == "말":
        return date(year, 12, 1), date(year, 12, 31), "month"
    if g.get("ypart") == "초":
        return date(year, 1, 1), date(year, 4, 30), "span"
    return date(year, 1, 1), date(year, 12, 31), "year"


def _year_turn(m: re.Match[str], ctx: Context) -> Resolved:
    """연말: December of the publication year; 연초: January to April."""
    year = ctx.published.year
    if m.group("rest") == "연말":
        return until_year_end(m, ctx, "까지") or (date(year, 12, 1), date(year, 12, 31), "month")
    return date(year, 1, 1), date(year, 4, 30), "span"


def _relative_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = m.group("rd")
    if word in NEWS_DAY:
        day = anaphoric_day(ctx, NEWS_DAY[word], named=False)
    elif word in NAMED_DAY:
        day = anaphoric_day(ctx, NAMED_DAY[word], named=True)
    else:
        day = ctx.published + timedelta(days=RELATIVE_DAY[word])
    return day, day, "day"


def _named_day(m: re.Match[str], ctx: Context) -> Resolved:
    """'다음 날인 8일': the day number says which."""
    return _full_date(m, ctx)


def _week(m: re.Match[str], ctx: Context) -> Resolved:
    shift = WEEK[m.group("wk")]
    if m.group("wd"):
        day = weekday_near(ctx.published, WEEKDAY.index(m.group("wd")), ctx.tense, shift)
        return day, day, "day"
    first = monday(ctx.published) + timedelta(weeks=shift)
    return first, first + timedelta(days=6), "span"


def _weekend(m: re.Match[str], ctx: Context) -> Resolved:
    shift = {"지난": -1, "이번": 0, "다음": 1}.get(m.group("which") or "")
    saturday, sunday = weekend(ctx.published, shift, ctx.tense)
    return saturday, sunday, "span"


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    day = weekday_near(ctx.published, WEEKDAY.index(m.group("wd")), ctx.tense)
    return day, day, "day"


def _season(m: re.Match[str], ctx: Context) -> Resolved:
    first, last = season(ctx.published.year, SEASON[m.group("season")])
    return first, last, "season"


def _ago(m: re.Match[str], ctx: Context) -> Resolved:
    n = int(m.group("n"))
    if m.group("unit") == "년":
        year = ctx.published.year - n
        return date(year, 1, 1), date(year, 12, 31), "year"
    day = ctx.published - timedelta(days=n)
    return day, day, "day"


def _rest_of(m: re.Match[str], ctx: Context) -> Resolved:
    pub = ctx.published
    last = (
        date(pub.year, 12, 31) if m.group("rest") in ("연내", "올해 안", "올해 중") else month_end(pub.year, pub.month)
    )
    return (pub + timedelta(days=1), last, "span") if last > pub else None


_DIR = r"(?:(?P<dir>지난|오는)\s*)?"

RULES = [
    Rule(re.compile(rf"{_DIR}(?:{_YEAR}\s*)?(?P<m>\d{{1,2}})월\s*{_DAY}{_WEEKDAY}{_LOCAL}"), _full_date),
    Rule(re.compile(rf"{_RM}\s*{_DAY}{_WEEKDAY}{_LOCAL}"), _full_date),
    Rule(re.compile(rf"{_DIR}{_DAY}{_WEEKDAY}{_LOCAL}"), _full_date),
    Rule(
        re.compile(
            rf"{_DIR}(?:(?:{_YEAR}\s*)?(?P<m>\d{{1,2}})월\s*|{_RM}\s*)?(?<![\d박])(?P<d1>\d{{1,2}})일?\s*[~\-]\s*(?P<d2>\d{{1,2}})일(?!\s*(?:간|동안))"
        ),
        _day_range,
    ),
    Rule(re.compile(rf"{_DIR}(?:{_YEAR}\s*)?(?<!\d)(?P<m>\d{{1,2}})월(?!\s*\d{{1,2}}일){_PART}"), _month),
    Rule(re.compile(rf"{_RM}{_PART}"), _month),
    Rule(
        re.compile(
            rf"{_DIR}(?:(?P<m>\d{{1,2}})월\s*)?(?<![\d박])(?P<d1>\d{{1,2}})일?(?:\s*[,·・]\s*\d{{1,2}}일?)*"
            rf"\s*[,·・]\s*(?P<d2>\d{{1,2}})일"
            r"(?!\s*(?:간|동안))"
        ),
        _day_range,
    ),
    Rule(re.compile(r"(?P<rest>연말|연초)"), _year_turn),
    Rule(re.compile(rf"(?:{_YEAR}\s*)?(?<!\d)(?P<m1>\d{{1,2}})월?\s*[~\-]\s*(?P<m2>\d{{1,2}})월"), _month_range),
    Rule(
        re.compile(
            rf"{_YEAR}(?!\s*(?:연속|만에|간|동안|째))(?:\s*(?P<season>봄|여름|가을|겨울)|\s*(?P<half>상반기|하반기)|\s*(?P<ypart>초|말)(?![{HANGUL}]))?"
        ),
        _year_rule,
    ),
    Rule(
        re.compile(r"(?P<rd>어제|오늘|내일|모레|그제|그저께|글피)(?!날)(?:\s*\(\s*\d{1,2}일\s*\))?"),
        _relative_day,
        anchors=False,
    ),
    Rule(
        re.compile(r"(?P<rd>그 전날|그 다음 날|그다음 날|그 이튿날|이날|같은 날|당일|그날|전날|다음 날|다음날|이튿날)"),
        _relative_day,
        anchors=False,
    ),
    Rule(re.compile(rf"(?:다음 날|다음날|전날|이튿날|같은 날|이날)인\s*{_DAY}"), _named_day),
    Rule(
        re.compile(
            r"(?P<wk>지난주|지난 주|이번 주|이번주|금주|다음 주|다음주|내주(?![었줬고기는]))"
            rf"(?:\s*(?P<wd>[{WEEKDAY}])요일)?"
        ),
        _week,
    ),
    Rule(re.compile(rf"(?<![\d일])(?P<wd>[{WEEKDAY}])요일"), _weekday),
    Rule(re.compile(r"(?:(?P<which>지난|이번|다음)\s?)?주말"), _weekend),
    Rule(re.compile(r"올(?P<season>봄|여름|가을|겨울)"), _season),
    Rule(re.compile(rf"(?<!\d)(?P<n>\d{{1,3}})(?P<unit>년|일)\s*전(?![{HANGUL}])"), _ago),
    Rule(re.compile(r"(?P<rest>연내|올해 안|올해 중|이달 중|이번 달 중)"), _rest_of),
    Rule(re.compile(r"(?:방문|체류|순방|방한|방일|방중|방미|체재)\s*(?:기간|중)(?=[\s에,])"), during_stay),
]

# Connective endings that close one event's clause before the next:
# "도착해", "참석한 뒤", "접견하고", "시작하자", "참석한 데 이어". Left out: a
# progressive "하고 있다", postpositions that look like verbs (위해, 통해,
# 대해, 향해), words ending in 해 that are not verbs (올해, 지난해, 동해,
# 서해, 피해, 방해, 재해).
CONNECTIVE = re.compile(
    r"(?:하|했|되|됐|았|었|였|갖|열|마치|맺|나누|보내|만나|받)고(?=[\s,])(?!\s*(?:있|계|싶|말|나서|난))"
    # "…방문을 마지막으로 귀국길에 오른다": the last stop, then the next event
    r"|(?:을|를) 마지막으로(?=[\s,])"
    # not before an auxiliary: "조율해 왔다", "검토해 보겠다", "노력해 주길"
    r"|(?<![위통대관련향올동서남황피이손방재공침살가저])(?<!에 의)(?<!지난)(?<!비롯)해(?=[\s,])"
    r"(?!\s*(?:왔|오고|온|있|주|줬|보|봤))"
    r"|(?:하여|해서)(?=[\s,])"
    # "참석한 뒤", not a topic before "다음 주" / "다음 달" ("대통령은 다음 주").
    r"|(?:한|된|은|난|온|간|진) (?:뒤|후|다음)(?:에는|에|엔)?(?=[\s,])(?!\s*(?:주말|주|달|날|해|번|회|차)(?![가-힣]))"
    r"|한 데 이어(?=[\s,])"
    # "정상회담 후 공동언론발표를 했다": after an occasion named by its noun
    r"|(?:회담|회의|만찬|오찬|조찬|방문|행사|기념식|서명식|환영식|회견) (?:후|뒤)(?=[\s,])"
    r"|(?:하|되)자(?=[\s,])"
    # "정상회담과 만찬이 이어지며, …서명이 예정돼 있다": a clause closed by "-며" and a comma
    r"|(?<=[가-힣])며(?=,)"
)
# A quoted clause ends before its report verb: "…연다고 / 밝혔다".
QUOTATIVE = re.compile(r"(?:다|라|냐|자)고(?=[\s,])|(?<=[”\"’'])\s*(?:이?라?고)(?=[\s,])")
# A full stop after Korean text, with or without a space after it (captures
# often lose it: "발표했습니다.일본"), not a decimal point.
# ("타진...중국 거부": a headline's ellipsis joins its two halves, it ends nothing)
SENTENCE_END = re.compile(rf"(?<=[{HANGUL}\s\"'”’)\]])(?:[!?]+|\.(?!\.))[\"'”’)\]]*(?=\s|$|[{HANGUL}\d\[\"“‘(▲])")
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’|'[^']*'|「[^「」]*」")
# Occasions a date may give two of at once: "정상회담 및 만찬을 연다".
TWO_EVENTS = two_events(
    "정상회담|회담|만찬|오찬|조찬|공동기자회견|기자회견|공동언론발표|언론발표|환담|환영식|기념식|서명식|간담회|면담|접견",
    "및|과|와|,",
)
# An occasion told in a relative clause before a person: "30일 회담한 대통령으로부터
# …받았다" reports the meeting too.
RELATIVE = re.compile(
    r"(?:정상회담|회담|회견|만찬|오찬|방문|방한|방일|방중|방미|시찰|서명)(?:을\s|를\s)?(?:한|했던|가진|가졌던)"
    r"(?=\s[^.\s]{0,12}?\s?(?:대통령|총리|주석|장관|위원장|정상|대표단|일행)(?:으로부터|에게서|과|와|은|는|이|가|을|를|의))"
)
# A plan denied ("방미할 계획은 없다"): no event to propose.
NEGATED = re.compile(r"(?:계획|예정|생각|의사|방침)(?:은|이|도)\s*없")
# "…방안을 타진했으나, 중국이 제안을 거부했다": a plan turned down.
CANCELLED = re.compile(
    # (not "항공권 취소가 잇따랐다": cancellations that happened, an event of their own)
    r"취소(?!가\s|\s?사태|\s?행렬|\s?문의)|연기(?:됐|했|하기로|된다|한다|될|키로|돼)|무산|불발|보류|백지화|(?:제안|요청|개최|참석|초청)(?:을|를)?\s*거부"
    # "…타진했으나, 중국이 거부하고 있다", a headline's "…中 거부" (not a veto, 거부권)
    r"|(?:이|가)\s*거부(?!권)|(?:[中日韓美北]|중국|일본|한국|미국|북한)\s*거부(?!권)"
)
EXPECTED = re.compile(
    r"추진|검토|가능성(?!을)|전망|조율|조정|관측|예상|방향으로|유력|거론|방침|것으로 보인다|것으로 알려|것으로 전해|듯"
)
# "예정대로 개최됐다": held as planned, which says nothing of what is ahead.
SCHEDULED = re.compile(r"예정(?!은 없|이 없|대로)|계획(?!은 없|이 없|대로)|일정으로|하기로|키로")
# "1박2일", "4일 간의 일정", and in native numbers "이틀간", "사흘 동안" (not "이틀 만에").
LENGTHS = re.compile(
    r"(?<!\d)(?:(?P<nights>\d{1,2})박\s*(?P<days>\d{1,2})일|(?P<count>\d{1,2})일\s*(?:간|동안)(?:의)?(?:\s*일정)?"
    rf"|(?<![{HANGUL}])(?P<word>하루|이틀|사흘|나흘|닷새|엿새|이레|열흘)\s*(?:간|동안|일정)(?:의)?(?:\s*일정)?)"
)

_JONG_SSANG_SIOT = 20  # ㅆ as a final consonant: 했, 었, 았, 됐, 였
_JONG_NIEUN = 4  # ㄴ as a final consonant: 한다, 연다, 오른다
_JONG_RIEUL = 8  # ㄹ as a final consonant: 할, 열릴
_JONG_BIEUP = 17  # ㅂ as a final consonant: 합니다, 엽니다


def _final(ch: str) -> int:
    code = ord(ch) - 0xAC00
    return code % 28 if 0 <= code < 11172 else -1


def is_past(predicate: str) -> bool:
    """A past-tense ending (했다, 올랐다, 밝혔습니다): a syllable closed by ㅆ,
    other than 있 (there is) and 겠 (will)."""
    return any(_final(ch) == _JONG_SSANG_SIOT and ch not in "있겠" for ch in predicate[-8:])


def is_future(predicate: str) -> bool:
    """What is ahead: 예정, 계획, -ㄹ 것, or the plain present of news (방문한다,
    연다, 방문합니다)."""
    if is_past(predicate):
        return False
    if re.search(r"예정|계획|방침|전망|겠", predicate):
        return True
    # -ㄹ 것 (할 것이다, 열릴 것으로), not the explanatory -ㄴ 것이다 (닫힌 것이다).
    if any(_final(m.group(1)) == _JONG_RIEUL for m in re.finditer(r"([\uac00-\ud7a3]) ?것", predicate)):
        return True
    if any(_final(a) == _JONG_NIEUN and b == "다" for a, b in zip(predicate, predicate[1:], strict=False)):
        return True
    # The formal present of broadcast news (방문합니다, 엽니다), not the
    # copula (입니다) nor a state (있습니다, 없습니다).
    return any(
        _final(a) == _JONG_BIEUP and a not in "입습" and predicate[i + 1 : i + 3] == "니다"
        for i, a in enumerate(predicate)
    )


KOREAN = Language(
    code="ko",
    rules=RULES,
    sentence_end=SENTENCE_END,
    connective=CONNECTIVE,
    quotative=QUOTATIVE,
    is_past=is_past,
    is_future=is_future,
    cancelled=CANCELLED,
    negated=NEGATED,
    two_events=TWO_EVENTS,
    relative=RELATIVE,
    expected=EXPECTED,
    scheduled=SCHEDULED,
    quoted=QUOTED,
    lengths=LENGTHS,
    length_days=length_days,
)
