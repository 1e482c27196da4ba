"""Japanese date expressions: the grammar and the words that tell status.

Resolved against the publication date as a Japanese reader does: N日 is day N
of the publication month unless the sentence names a month (先月N日, 来月N日,
1月6日); 当日 / この日 / 前日 the news day (the lead's day) or the day
before it, 同日 / その日 / 翌日 the day just named or the day after it;
昨年N月 month N of the year before; きのう / きょう / あす around publication; era years (令和8年);
上旬 / 中旬 / 下旬 days 1–10 / 11–20 / 21–end; 3泊4日 four days counting the
first; 滞在中 the stay just named. Counting expressions (9年ぶり, N年間, 3日間
with no day, 21回) date nothing. Full-width digits read as ASCII (`_cjk`).
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
    length_days,
    monday,
    month_end,
    month_range_resolver,
    month_resolver,
    month_without_year,
    safe_day,
    season,
    two_events,
    until_year_end,
    weekday_near,
    weekend,
)

ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}
RELATIVE_YEAR = {
    "ことし": 0,
    "今年": 0,
    "本年": 0,
    "昨年": -1,
    "去年": -1,
    "来年": 1,
    "一昨年": -2,
    "おととし": -2,
    "再来年": 2,
}
RELATIVE_MONTH = {"先月": -1, "今月": 0, "来月": 1, "前月": -1, "翌月": 1}
RELATIVE_DAY = {
    "きのう": -1,
    "昨日": -1,
    "きょう": 0,
    "今日": 0,
    "本日": 0,
    "あす": 1,
    "あした": 1,
    "明日": 1,
    "おととい": -2,
    "一昨日": -2,
    "あさって": 2,
    "明後日": 2,
}
# The reported day and the day before it, counted from the news day; the
# others point back at the day just named (see `_cjk.anaphoric_day`).
NEWS_DAY = {"当日": 0, "この日": 0, "前日": -1}
NAMED_DAY = {"午後": 0, "午前": 0, "同日": 0, "その日": 0, "その前日": -1, "その翌日": 1, "翌日": 1, "翌々日": 2}
WEEKDAY = "月火水木金土日"
WEEK = {"先週": -1, "今週": 0, "来週": 1, "再来週": 2}
PART = {
    "上旬": "early",
    "初旬": "early",
    "初め": "early",
    "はじめ": "early",
    "中旬": "mid",
    "半ば": "mid",
    "下旬": "late",
    "末": "late",
    "前半": "first-half",
    "後半": "second-half",
}
SEASON = {"春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter"}

_YEAR = (
    r"(?:(?P<era>令和|平成|昭和)(?P<en>\d{1,2}|元)年|(?<!\d)(?P<y>\d{4})年|(?<!\d)(?P<yy>\d{2})年(?=\s*\d{1,2}月)"
    # magazines shorten a year with an apostrophe: "’05年に制定"
    r"|[’'](?P<yy2>\d{2})年"
    r"|(?P<ry>ことし|今年|本年|昨年|去年|来年|一昨年|おととし|再来年|同年|翌年|前年))"
)
# A day number, not a count ("3日間", "9日ぶり") nor the days of a stay ("3泊4日").
_DAY = r"(?<![\d泊第])(?P<d>[1-9]|[12]\d|3[01])日(?![間ぶ目後以余連中])"
# "(火)", and the other clock's day: "26日(日本時間27日)" is the 26th.
_WEEKDAY = r"(?:\s*\([月火水木金土日](?:曜日?)?(?:・祝)?\))?(?:\s*\((?:日本時間|現地時間)[^()]{0,12}\))?"
_PART = r"(?P<part>上旬|初旬|初め|はじめ|中旬|半ば|下旬|末|前半|後半)?"


def _year(m: re.Match[str], ctx: Context) -> int | None:
    g = m.groupdict()
    pub = ctx.published
    if g.get("era"):
        n = 1 if g["en"] == "元" else int(g["en"])
        return ERA_START[g["era"]] + n
    if g.get("y"):
        return int(g["y"])
    if g.get("yy") or g.get("yy2"):
        yy = int(g["yy"] or g["yy2"])
        return 2000 + yy if yy <= pub.year % 100 + 5 else 1900 + yy
    word = g.get("ry")
    if word in ("同年",):
        return ctx.year or pub.year
    if word in ("翌年", "前年"):
        return (ctx.year or pub.year) + (1 if word == "翌年" else -1)
    if word:
        return pub.year + RELATIVE_YEAR[word]
    return None


def _month_of(m: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    """The (year, month) a match names, with or without a year."""
    g = m.groupdict()
    if g.get("rm"):
        if g["rm"] == "同月":
            return ctx.month or (ctx.published.year, ctx.published.month)
        base = ctx.month if g["rm"] in ("前月", "翌月") and ctx.month else (ctx.published.year, ctx.published.month)
        return add_months(*base, RELATIVE_MONTH[g["rm"]])
    if g.get("m"):
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        year = _year(m, ctx)
        return (year if year is not None else month_without_year(ctx, month)), month
    return None


def _full_date(m: re.Match[str], ctx: Context) -> Resolved:
    d = int(m.group("d"))
    month = _month_of(m, ctx)
    day = safe_day(*month, d) if month else day_in_month(ctx, d)
    if day is None:
        return None
    if month:
        ctx.sentence_month = month
    return day, day, "day"


def _day_range(m: re.Match[str], ctx: Context) -> Resolved:
    month = _month_of(m, ctx)
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if d2 <= d1:
        return None
    first = safe_day(*month, d1) if month else day_in_month(ctx, d1)
    if first is None:
        return None
    last = safe_day(first.year, first.month, d2)
    return (first, last, "span") if last else None


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
    if g.get("ypart") == "末":
        return date(year, 12, 1), date(year, 12, 31), "month"
    if g.get("ypart") in ("初め", "初頭"):
        return date(year, 1, 1), date(year, 4, 30), "span"
    return date(year, 1, 1), date(year, 12, 31), "year"


def _year_turn(m: re.Match[str], ctx: Context) -> Resolved:
    """年末: December of the publication year; 年明け, 年始: the January after it."""
    pub = ctx.published
    if m.group("rest") == "年末":
        return until_year_end(m, ctx, "まで") or (date(pub.year, 12, 1), date(pub.year, 12, 31), "month")
    year = pub.year if pub.month == 1 else pub.year + 1
    return date(year, 1, 1), date(year, 1, 31), "month"


def _relative_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = m.group("rd") or m.groupdict().get("rd2") or m.groupdict().get("rd3") or ""
    if word in NEWS_DAY:
        day = anaphoric_day(ctx, NEWS_DAY[word], named=False)
    elif word in NAMED_DAY:
        day = anaphoric_day(ctx, NAMED_DAY[word], named=True)
    else:
        day = ctx.published + timedelta(days=RELATIVE_DAY[word])
    return day, day, "day"


def _week(m: re.Match[str], ctx: Context) -> Resolved:
    shift = WEEK[m.group("wk")]
    if m.group("wd"):
        day = weekday_near(ctx.published, WEEKDAY.index(m.group("wd")), ctx.tense, shift)
        return day, day, "day"
    first = monday(ctx.published) + timedelta(weeks=shift)
    if m.group("end"):
        return first + timedelta(days=5), first + timedelta(days=6), "span"
    return first, first + timedelta(days=6), "span"


def _weekend(m: re.Match[str], ctx: Context) -> Resolved:
    saturday, sunday = weekend(ctx.published, None, ctx.tense)
    return saturday, sunday, "span"


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    day = weekday_near(ctx.published, WEEKDAY.index(m.group("wd")), ctx.tense)
    return day, day, "day"


def _season(m: re.Match[str], ctx: Context) -> Resolved:
    shift = {"今": 0, "本": 0, "来": 1, "昨": -1, "去": -1}[m.group("rel")]
    first, last = season(ctx.published.year + shift, SEASON[m.group("season")])
    return first, last, "season"


def _ago(m: re.Match[str], ctx: Context) -> Resolved:
    n = int(m.group("n"))
    if m.group("unit") == "年":
        year = ctx.published.year - n
        return date(year, 1, 1), date(year, 12, 31), "year"
    day = ctx.published - timedelta(days=n)
    return day, day, "day"


# Japan's fiscal year runs from April to March.
FISCAL_START = 4
RELATIVE_FISCAL = {"今年度": 0, "本年度": 0, "来年度": 1, "昨年度": -1, "前年度": -1, "再来年度": 2}


def _fiscal_year(m: re.Match[str], ctx: Context) -> Resolved:
    """今年度, 来年度, 2026年度, 令和8年度: April to March; 年度内 / 今年度内
    the rest of the current one; 年度末 its last month."""
    pub = ctx.published
    current = pub.year if pub.month >= FISCAL_START else pub.year - 1
    g = m.groupdict()
    if g.get("fy") or g.get("fera"):
        start = int(g["fy"]) if g.get("fy") else ERA_START[g["fera"]] + (1 if g["fen"] == "元" else int(g["fen"]))
    else:
        start = current + RELATIVE_FISCAL.get(g.get("rfy") or "今年度", 0)
    first, last = date(start, FISCAL_START, 1), date(start + 1, FISCAL_START, 1) - timedelta(days=1)
    if g.get("end") == "末":
        return date(start + 1, FISCAL_START - 1, 1), last, "month"
    if g.get("end") == "内":
        return (pub + timedelta(days=1), last, "span") if last > pub and start == current else None
    return first, last, "span"


def _new_year_day(m: re.Match[str], ctx: Context) -> Resolved:
    """元日 / 元旦: 1 January of the publication year, or the next when told as ahead."""
    pub = ctx.published
    year = pub.year + 1 if ctx.tense == "future" and pub > date(pub.year, 1, 1) else pub.year
    return date(year, 1, 1), date(year, 1, 1), "day"


def _rest_of(m: re.Match[str], ctx: Context) -> Resolved:
    """年内, 今月中: from the day after publication to the end of the year or month."""
    pub = ctx.published
    last = date(pub.year, 12, 31) if m.group("rest") in ("年内", "今年中") else month_end(pub.year, pub.month)
    return (pub + timedelta(days=1), last, "span") if last > pub else None


_RM = r"(?P<rm>先月|今月|来月|同月|前月|翌月)"

RULES = [
    Rule(re.compile(rf"(?:{_YEAR}\s*の?\s*)?(?P<m>\d{{1,2}})月\s*{_DAY}{_WEEKDAY}"), _full_date),
    Rule(re.compile(rf"{_RM}\s*の?\s*{_DAY}{_WEEKDAY}"), _full_date),
    Rule(re.compile(rf"{_DAY}{_WEEKDAY}"), _full_date),
    Rule(
        re.compile(
            rf"(?:(?:{_YEAR}\s*)?(?P<m>\d{{1,2}})月|{_RM}\s*の?)?\s*(?<![\d泊])(?P<d1>\d{{1,2}})日?\s*[~\-]\s*(?P<d2>\d{{1,2}})日(?![間ぶ目])"
        ),
        _day_range,
    ),
    Rule(re.compile(rf"(?:{_YEAR}\s*の?\s*)?(?<!\d)(?P<m>\d{{1,2}})月(?!\s*\d{{1,2}}日){_PART}"), _month),
    Rule(re.compile(rf"{_RM}(?:の)?{_PART}"), _month),
    Rule(
        re.compile(r"(?:(?P<m>\d{1,2})月)?(?<![\d泊])(?P<d1>\d{1,2})日?\s*[、,・]\s*(?P<d2>\d{1,2})日?の?両日"),
        _day_range,
    ),
    # "12月11、14、18日": days listed, the span from the first to the last.
    Rule(
        re.compile(
            r"(?:(?P<m>\d{1,2})月)?(?<![\d泊])(?P<d1>\d{1,2})日?(?:\s*[、,・]\s*\d{1,2}日?)*"
            r"\s*[、,・]\s*(?P<d2>\d{1,2})日(?![間ぶ目])"
        ),
        _day_range,
    ),
    Rule(re.compile(r"(?<![\d年])(?P<rest>年末|年明け|年始)"), _year_turn),
    Rule(re.compile(rf"(?:{_YEAR}\s*の?\s*)?(?<!\d)(?P<m1>\d{{1,2}})月?\s*[~\-]\s*(?P<m2>\d{{1,2}})月"), _month_range),
    Rule(
        re.compile(rf"{_YEAR}(?![間ぶ連目前後度代])(?:の?(?P<season>[春夏秋冬])|(?P<ypart>末|初め|初頭))?"),
        _year_rule,
    ),
    Rule(
        re.compile(
            r"(?P<rd>きのう|昨日|きょう|本日|あす|あした|明日|おととい|一昨日|あさって|明後日"
            r"|その前日|その翌日|同日|当日|前日|翌日|翌々日)"
            # "この日", "その日", not "この日本" (this Japan) nor "その日暮らし".
            r"|(?P<rd2>この日|その日)(?![本曜中間々暮])"
            # "13日午前、…到着した。首相と午後、奈良市で会談する": the afternoon of the day just named
            r"|(?<![\d日曜時）)])(?P<rd3>午後|午前)(?=[、,])"
        ),
        _relative_day,
        anchors=False,
    ),
    Rule(
        re.compile(r"(?P<rd>今日)(?=[はにの、,]|午|朝|夕|夜|未明)(?!の(?:日本|社会|世界|時代))"),
        _relative_day,
        anchors=False,
    ),
    Rule(re.compile(rf"(?P<wk>先週|今週|来週|再来週)(?:(?P<end>末)|の?(?P<wd>[{WEEKDAY}])曜日?)?"), _week),
    Rule(re.compile(rf"(?<![週\d])(?P<wd>[{WEEKDAY}])曜日"), _weekday),
    Rule(re.compile(r"(?<![先今来])週末"), _weekend),
    Rule(re.compile(r"(?P<rel>[今本来昨去])(?P<season>[春夏秋冬])(?![季期])"), _season),
    Rule(re.compile(r"(?<!\d)(?P<n>\d{1,3})(?P<unit>年|日)前(?![半後])"), _ago),
    Rule(re.compile(r"(?P<rest>年内|今年中|今月中|月内)"), _rest_of),
    Rule(
        re.compile(
            r"(?:(?P<fera>令和|平成)(?P<fen>\d{1,2}|元)年度|(?<!\d)(?P<fy>\d{4})年度"
            r"|(?P<rfy>今年度|本年度|来年度|昨年度|前年度|再来年度)|(?<![今本来昨前])(?=年度[内末]))"
            r"(?:年度)?(?P<end>内|末)?"
            # A time ("来年度から", "年度内に"), not a name ("2026年度予算", "令和8年度の計画").
            r"(?=に|から|中|まで|は|も|、|,|\s)"
        ),
        _fiscal_year,
    ),
    Rule(re.compile(r"元日|元旦"), _new_year_day),
    Rule(re.compile(r"(?:滞在|訪問|訪日|来日|訪米|訪中|訪韓|会期|期間|滞在期間)中"), during_stay),
]

# Connective forms (連用形, て形) that end one event's clause before the next:
# "…出席を見送り、…を派遣すると". Compound particles that only look like verbs
# (に対し、 として、 について、 に向け、) are not clause ends.
CONNECTIVE = re.compile(
    r"(?<!に対)(?<!に関)(?<!に伴)(?<!に向)(?<!に際)(?<!に基づ)(?<!に従)(?<!を巡)(?<!をめぐ)(?<!を通)(?<!に先立)"
    r"(?<![とにで])(?<=[\u4e00-\u9fff])(?:し|り|び|み|き|ち|え|け|め|せ|れ|げ|い)、"
    r"|(?<![とにつ])(?:して|って|んで|いて|えて|けて|めて|れて|きて)、"
    # "式典に出席後、会談を行う": after one event, the next
    r"|(?<=[\u4e00-\u9fff])後、"
)
QUOTATIVE = re.compile(
    r"(?<=[るたうくすつむぶぐいだ])と(?=\s*(?:発表|明らかに|述べ|語っ|語り|話し|表明|説明|強調|報じ|伝え|言明|指摘|"
    r"主張|発言|答え|明言|示し|公表|決め|確認))"
)
# (A photo's caption ends at its credit, "…中津川甫撮影", though no 。 follows it.)
SENTENCE_END = re.compile(r"[。！？!?]+[」』）)\"”]*|(?<=撮影)[ 　]+(?=\S)")
QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』|“[^“”]*”")
# Not "見送り" alone: "出席を見送り" skips one's part in an event that goes ahead.
# "訪韓を見送った" calls the trip off; "出席を見送り" skips one's part in an
# event that goes ahead, so 見送 counts only after a trip or a meeting.
CANCELLED = re.compile(
    r"(?:中止|延期)(?!(?:され|し|せ)(?:ない|ず))|取りやめ|取り止め|見合わせ|白紙|見送られ|(?:訪[米中韓日露朝]|訪問|来日|会談|開催)を見送"
    r"|(?:提案|要請|開催|出席|招待|実施)を拒否|(?:が|は)拒否(?!権)"
)
# Occasions a date may give two of at once: "首脳会談と夕食会を開く".
TWO_EVENTS = two_events(
    "首脳会談|会談|夕食会|晩餐会|昼食会|会食|共同記者会見|記者会見|歓迎式典|式典|署名式|懇談会|会合|視察",
    "と|および|及び|や|、",
)
# An occasion told in a relative clause before a person: "30日に会談した
# 大統領から…贈られた" reports the meeting too (not "会談したと述べた", a
# quotation, nor "会談した際", "会談したあと", which time the main clause).
RELATIVE = re.compile(
    r"(?:会談|首脳会談|会見|夕食会|晩餐会|昼食会|会食|訪問|来日|訪韓|訪日|訪中|訪米|視察|署名)(?:した|を行った|を開いた)"
    r"(?=[^、。\s]{0,12}?(?:大統領|首相|総理|主席|外相|長官|氏|首脳|代表団|一行)(?:から|は|に|と|を|が|ら|の))"
)
# A plan denied ("訪米の予定はない"): no event to propose.
NEGATED = re.compile(r"(?:予定|計画|考え|つもり|方針)(?:は|も)(?:ない|なく|ありません|な[いし])")
EXPECTED = re.compile(
    # "可能性を示唆した": a possibility someone spoke of, not a hedge on the date.
    r"見通し|方向で|調整|検討|見込み|とみられ|と見られ|可能性(?!を)|意向|方針|予想|模索|目指|構え|浮上|公算|見方"
    # a headline's "3月20日が軸", "2月8日投開票が有力": the likeliest date, not yet set
    r"|が軸|を軸に|が有力"
)
# "予定通り開かれた": held as planned, which says nothing of what is ahead.
SCHEDULED = re.compile(r"予定(?!は(?:ない|な|あり)|通り|どおり)|計画|日程で|ことにな|ことが決ま|ことを決め|決定")
# "3泊4日", "3日間", and in kanji numerals "二泊三日", "三日間".
_N = r"(?:\d{1,2}|[一二三四五六七八九十])"
LENGTHS = re.compile(rf"(?<![\d一二三四五六七八九十])(?:(?P<nights>{_N})泊(?P<days>{_N})日|(?P<count>{_N})日間)")

_HEARSAY = (
    # "会談したばかり": just done, as past as "会談した"
    "ばかりです",
    "ばかりだ",
    "ばかり",
    "ということです",
    "ということだ",
    "とのことです",
    "とのことだ",
    "という",
    "そうです",
    "そうだ",
    "模様です",
    "模様",
    "ようです",
    "ようだ",
)


def _stem(predicate: str) -> str:
    text = predicate.rstrip("。、 ")
    for tail in _HEARSAY:
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def is_past(predicate: str) -> bool:
    return _stem(predicate).endswith(("た", "だった", "んだ"))


def is_future(predicate: str) -> bool:
    stem = _stem(predicate)
    if stem.endswith(("ている", "ています", "ておる", "ており")):
        return False
    return stem.endswith(
        (
            "る",
            "う",
            "く",
            "す",
            "つ",
            "む",
            "ぶ",
            "ぐ",
            "ます",
            "予定",
            "予定だ",
            "予定です",
            "見通し",
            "見通しだ",
            "方針",
            "意向",
            "方向",
            "ない",
            "へ",
        )
    )


JAPANESE = Language(
    code="ja",
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
