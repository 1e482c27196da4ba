"""Japanese and Korean articles read into dated event mentions.

    event_mentions(text, published, language) -> list[DateMention]

Per sentence: the grammar's date expressions (`ja.py`, `ko.py`) resolved in
text order against the publication date and the date just named; a stated
length tied to its day ("18일부터 총 4일", "13日から2泊3日"); two ends of a range
joined; then clauses (see `_cjk`) so that a date governing several events
gives one mention per event, each with the status its own clause reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import PROGRESS_STEP, DateMention
from ._cjk import Context, Language, Rule, Span, found_in, normalise, sentences
from ._resolve import mostly_ahead

_JOIN = re.compile(r"\s*(?:~|-|から|より|부터|에서)\s*")
_AND = re.compile(r"\s*(?:と|および|及び|과|와|및)\s*")
_UNTIL = re.compile(r"\s*(?:まで|にかけて|까지)")
_FROM = re.compile(r"\s*(?:から|より|부터)")
# Between a day and its stated length: "18일부터 총 4일", "13日から2泊3日".
_TIED = re.compile(r"\s*(?:から|より|부터)\s*(?:총|計|合計)?\s*")
# How far (characters) a stated length looks back for its day.
_LENGTH_REACH = 40


@dataclass
class Clause:
    start: int
    end: int
    report: bool = False  # the report verb after a quoted clause ("…と / 発表した")
    chain_end: int = 0  # where the predicate that gives its tense ends


def _as_date(published: date | datetime | str) -> date:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


def event_mentions(
    text: str,
    published: date | datetime | str,
    language: Language,
    progress: Callable[[int], None] | None = None,
) -> list[DateMention]:
    """The text's dated event mentions; `progress`, if given, is called with
    the characters read so far, every PROGRESS_STEP or so and at the end
    (a long article is read on a worker, whose job page shows how far)."""
    pub = _as_date(published)
    norm = normalise(text)
    ctx = Context(published=pub)
    mentions: list[DateMention] = []
    reported = 0
    for number, (s, e) in enumerate(sentences(norm, language.sentence_end)):
        mentions.extend(_sentence(text, norm, s, e, ctx, language, lead=number < _LEAD_SENTENCES))
        if progress and e >= reported + PROGRESS_STEP:
            reported = e
            progress(reported)
    if progress:
        progress(len(text))
    return mentions


_DATELINE = re.compile(r"\s*【[^】]{1,30}】")
_CAPTION_STAMP = re.compile(r"[ \t]*(?P<y>(?:19|20)\d\d)\.(?P<m>\d{1,2})\.\d{1,2}\.?[ \t]*(?:\n|$)")
_OTHER_CLOCK = re.compile(r"\((?:日本時間|現地時間|韓国時間|한국\s*시간|현지\s*시간|일본\s*시간)[^()]{0,20}\)")

# The headline, a subhead and the lead: where an article names the day it reports.
_LEAD_SENTENCES = 3
# How far back a lead's day may be the news day: older, it is history ("1965年6月22日、…").
_NEWS_REACH_DAYS = 31


# A day whose own verb is a past one telling of a noun after it ("21日に就任した首相は",
# "21일 취임한 그는"): a relative clause, with a tense of its own.
_DONE_BEFORE_NOUN = re.compile(
    r"(?:に|には)?[^、。\s]{1,8}?(?:した|された)(?=[^、。\s]{1,10}?(?:は|が|を|と|の|に|も))"
    r"|\s*(?:에)?\s*[가-힣]{1,8}(?:한|했던|된|됐던)\s+[가-힣]{1,6}(?:는|은|이|가|을|를|과|와|의)\s"
)
# "14日に予定した会談は", "14일로 예정된 회담은": a plan for that day, not done.
_PLANNED_VERB = re.compile(r"予定|計画|決定|設定|調整|예정|계획|결정|확정|조율")
# A day in a relative clause on the sentence's subject ("지난 21일 취임한 그는 이날
# …", "21日に就任した首相は、この日…"): who the subject is, not the day "이날" means.
_OF_THE_SUBJECT = re.compile(
    r"\s*(?:에|に)?\s*[가-힣]{1,8}(?:한|된|던)\s+[가-힣]{1,6}(?:는|은)\s"
    r"|\s*(?:に)?[^、。\s]{1,8}(?:した|された)[^、。\s]{1,8}は"
)


def _sentence(
    text: str, norm: str, s: int, e: int, ctx: Context, lang: Language, lead: bool = False
) -> list[DateMention]:
    hits = _hits(norm, s, e, lang)
    clauses = _clauses(norm, s, e, lang, several_dates=len(hits) >= 2)
    stamp = _CAPTION_STAMP.match(norm, e)
    # A photo caption's own date stamp ("…악수하고 있다. 2025.10.31") gives its day numbers their month.
    ctx.sentence_month = (int(stamp["y"]), int(stamp["m"])) if stamp and 1 <= int(stamp["m"]) <= 12 else None
    ctx.sentence_day = None
    written: list[date] = []  # days written out in this sentence
    spans: list[Span] = []
    quoted = [(m.start() + s, m.end() + s) for m in lang.quoted.finditer(norm[s:e])]
    reports = [c.start for c in clauses if c.report]
    month_at: int | None = None  # where the sentence named the month its day numbers take
    for start, end, rule, match in hits:
        if month_at is not None and (
            any(month_at < cut <= start for cut in reports) or any(q0 < month_at <= q1 <= start for q0, q1 in quoted)
        ):
            # "…내년 1월 개최하려던 계획에 응하지 않겠다고 교도통신이 22일 보도했다",
            # "「…来年1月の…」との報道について、報道官は24日": the report's day is
            # not of the month the reported (or quoted) clause named.
            ctx.sentence_month, month_at = None, None
        ctx.tense = _tense_of_hit(norm, start, end, clauses, quoted, lang)
        try:
            resolved = rule.resolve(match, ctx)
        except (ValueError, OverflowError):  # year 0, a day past 9999
            continue
        if resolved is None:
            continue
        earliest, latest, precision = resolved
        if precision == "stay":  # "during the stay": the last span named
            if not ctx.stay:
                continue
            earliest, latest, precision = ctx.stay[0], ctx.stay[1], "span"
        span = Span(start, end, earliest, latest, precision)
        if rule.anchors and precision == "day":
            if not _OF_THE_SUBJECT.match(norm, end):
                ctx.sentence_day = earliest
            written.append(earliest)
        span.open_from = precision == "day" and bool(_FROM.match(norm, end)) and not _has_end(norm, end, e)
        spans.append(span)
        ctx.remember(span)
        if precision in ("day", "month", "part_of_month"):
            month_at = end
    spans = _with_lengths(norm, s, e, spans, lang)
    spans = _ranges(norm, spans)
    spans = _open_ranges(norm, spans, clauses, ctx.published, lang)
    spans = [_stay_until(norm, span, ctx.published) for span in spans]
    spans = _unframed(spans)
    for span in spans:
        ctx.remember(span)
    if lead and ctx.news_day is None:
        # The news day: the latest day up to publication the lead writes out
        # ("13일 정상회담에 이어 14일 …"); a day still to come is not reported yet.
        reported = [day for day in written if 0 <= (ctx.published - day).days <= _NEWS_REACH_DAYS]
        if reported:
            ctx.news_day = max(reported)
    # Quoted clauses are cut only where they separate two dates.
    clauses = _clauses(norm, s, e, lang, several_dates=len(spans) >= 2)
    return _mentions(text, norm, s, e, spans, clauses, ctx.published, lang)


def _hits(norm: str, s: int, e: int, lang: Language) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """The date expressions of the sentence [s, e): (start, end, rule, match)."""
    hits = [(a + s, b + s, rule, m) for a, b, rule, m in found_in(norm[s:e], lang.rules)]
    # "7日午前(日本時間8日未明)": the other clock's day is the same event, not another.
    clocks = [(m.start() + s, m.end() + s) for m in _OTHER_CLOCK.finditer(norm[s:e])]
    hits = [h for h in hits if not any(a <= h[0] < b for a, b in clocks)]
    # "【11月15日 AFP】中国外務省は14日、…": the dateline gives way to the lead's own date.
    dateline = _DATELINE.match(norm, s)
    if dateline and any(h[0] >= dateline.end() for h in hits):
        hits = [h for h in hits if h[0] >= dateline.end()]
    return hits


def _tense_of_hit(
    norm: str, start: int, end: int, clauses: list[Clause], quoted: list[tuple[int, int]], lang: Language
) -> str | None:
    """The tense a date expression at [start, end) is read in."""
    if any(a <= start < b for a, b in quoted):
        return None  # speech in quotation marks has its own tense, not the report verb's
    done = _DONE_BEFORE_NOUN.match(norm, end)
    if done and not _PLANNED_VERB.search(done[0]):
        return "past"  # "21日に就任した首相は、…予定だ": the relative clause's verb, not the sentence's
    return _tense(norm, _clause_at(clauses, start), lang)


def _has_end(norm: str, after: int, e: int) -> bool:
    return bool(re.search(r"まで|にかけて|까지", norm[after : min(e, after + 25)]))


# ------------------------------------------------------------------ clauses


_TOPIC_DATE = re.compile(
    r"\s*(?:\d{4}\s*[年년]\s*)?(?:\d{1,2}\s*[月월]\s*)?\d{1,2}\s*[日일](?:\s*\([^)]{0,12}\))?\s*[、,]"
)


def _clauses(norm: str, s: int, e: int, lang: Language, several_dates: bool) -> list[Clause]:
    # Each event of a chain ("…に到着し、…を開始した", "…출석한 뒤 …했다") is a
    # clause of its own, whether or not it has a date of its own.
    cuts: list[tuple[int, bool]] = [(m.end(), False) for m in lang.connective.finditer(norm, s, e)]
    if several_dates:
        cuts += [(m.end(), True) for m in lang.quotative.finditer(norm, s, e)]
    # "30日に会談した大統領から…贈られた": the meeting is an event of its own;
    # not under a date set off at the sentence's head ("13日、訪日した大統領と
    # …演奏した"), which dates the main clause.
    if not _TOPIC_DATE.match(norm, s):
        cuts += [(m.end(), False) for m in lang.relative.finditer(norm, s, e)]
    # Clauses of quoted speech are not the sentence's events.
    quoted = [(m.start(), m.end()) for m in lang.quoted.finditer(norm, s, e)]
    cuts = sorted(c for c in set(cuts) if s < c[0] < e and not any(a < c[0] < b for a, b in quoted))
    clauses: list[Clause] = []
    start, report = s, False
    for cut, quotative in cuts:
        if norm[start:cut].strip():
            clauses.append(Clause(start, cut, report))
        start, report = cut, quotative
    clauses.append(Clause(start, e, report))
    # A clause takes its tense from the predicate that closes its chain: the
    # next quoted clause's end, or the sentence's.
    ends = [c.end for c in clauses if c.end == e or any(c.end == cut for cut, q in cuts if q)]
    for clause in clauses:
        clause.chain_end = min((x for x in ends if x >= clause.end), default=e)
    return clauses


def _clause_at(clauses: list[Clause], position: int) -> Clause:
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return clauses[-1]


def _unquoted(norm: str, start: int, end: int, lang: Language) -> str:
    """The text with quoted speech blanked out: a quote's 予定 is not the sentence's."""
    return lang.quoted.sub(lambda m: " " * len(m.group()), norm[start:end])


def _predicate(norm: str, clause: Clause, lang: Language) -> str:
    region = _unquoted(norm, clause.start, clause.chain_end, lang).rstrip(' .。!?！？"”」』)')
    return region[-14:]


_HEDGE = re.compile(
    r"(?:と(?:みられ|見られ|され|思われ|考えられ)(?:る|ている|ます|ています)?"
    r"|(?:것으로|걸로) (?:보인다|보여|알려졌다|전해졌다))$"
)


def _tense(norm: str, clause: Clause, lang: Language) -> str | None:
    """Past or future, from the verb that closes the clause's chain; a clause
    that ends saying what is planned ("…行うことになりました", "…할 예정이었다")
    looks ahead."""
    # "…と述べたことへの反発とみられる": a hedge on the whole sentence
    # ("it is thought") says nothing of when its events are.
    predicate = _predicate(norm, clause, lang)
    hedged = _HEDGE.search(predicate)
    if hedged:
        # what is hedged is past or says nothing: "背景にある" is no plan
        return "past" if lang.is_past(predicate[: hedged.start()]) else None
    if lang.scheduled.search(predicate) or lang.expected.search(predicate):
        return "future"
    if lang.is_past(predicate):
        return "past"
    if lang.is_future(predicate):
        return "future"
    return None


# ---------------------------------------------------------- lengths, ranges


_ENDED = re.compile(r"[^。.、,]{0,20}?(?:마무리|마치고|마쳤|마친|끝내|끝냈|終え|終了|締めくく)")


def _with_lengths(norm: str, s: int, e: int, spans: list[Span], lang: Language) -> list[Span]:
    """A stated length after a day: tied to it ("18일부터 총 4일"), the day
    becomes those days; further on in the sentence ("18일 밤 출발해 4일 간의
    일정으로"), the days are a mention of their own. With no day before it, a
    length counts time and dates nothing."""
    out = list(spans)
    for found in lang.lengths.finditer(norm, s, e):
        if any(sp.start <= found.start() < sp.end for sp in out):
            continue
        days = lang.length_days(found)
        before = [sp for sp in out if sp.end <= found.start() and sp.precision == "day"]
        if not before or found.start() - before[-1].end > _LENGTH_REACH:
            if ended := _ended_on_a_day_after(norm, found, out, days):
                out.append(ended)
            continue
        if not 2 <= days <= 31:
            continue
        day = before[-1]
        if day.earliest > date.max - timedelta(days=days) or _RANGE_END.fullmatch(norm, day.end, found.start()):
            continue  # "30일부터 1일까지 2박 3일간": the length restates the range
        first, last = day.earliest, day.earliest + timedelta(days=days - 1)
        if _ENDED.match(norm, found.end()):
            # "7일 3박4일 방중 일정을 마무리하고": the day closes those days.
            first, last = day.earliest - timedelta(days=days - 1), day.earliest
        if _TIED.fullmatch(norm, day.end, found.start()):
            out[out.index(day)] = Span(day.start, found.end(), first, last, "span")
        else:
            out.append(Span(found.start(), found.end(), first, last, "span"))
    return sorted(out, key=lambda sp: sp.start)


_RANGE_END = re.compile(r"\s*(?:까지|まで)\s*")


def _ended_on_a_day_after(norm: str, found: re.Match[str], spans: list[Span], days: int) -> Span | None:
    """ "3박4일간의 중국 국빈방문을 마치고 7일 귀국했다": a length ended on the day
    after it, the days up to that day (the day itself dates the return)."""
    ended = _ENDED.match(norm, found.end())
    after = [sp for sp in spans if sp.start >= found.end() and sp.precision == "day"]
    if not ended or not after or not 2 <= days <= 31 or after[0].start - ended.end() > _ENDED_DAY_REACH:
        return None
    last = after[0].earliest
    if last < date.min + timedelta(days=days):
        return None
    return Span(found.start(), found.end(), last - timedelta(days=days - 1), last, "span")


# "…방문을 마치고 7일": how far after the word that ends the length its day may be.
_ENDED_DAY_REACH = 6


def _one_event(norm: str, prev: Span, span: Span) -> bool:
    """Two ends of one span ("30日から来月1日まで"), or two days side by side
    ("13日と14日", "13일과 14일"); two days apart they are two events."""
    if (
        prev.precision not in ("day", "month", "year")
        or span.precision != prev.precision
        or prev.earliest >= span.earliest
    ):
        return False
    if _JOIN.fullmatch(norm, prev.end, span.start):
        return True
    touching = span.earliest <= prev.latest + timedelta(days=1)
    return prev.precision == "day" and touching and bool(_AND.fullmatch(norm, prev.end, span.start))


def _ranges(norm: str, spans: list[Span]) -> list[Span]:
    """'30日から来月1日まで', '모레(30일)부터 다음 달 1일까지', '13日と14日': one span."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and _one_event(norm, prev, span):
            until = _UNTIL.match(norm, span.end)
            out[-1] = Span(prev.start, until.end() if until else span.end, prev.earliest, span.latest, "span")
            continue
        out.append(span)
    return out


# "다음 달 1일까지 한국에 머물며", "1日まで滞在し": a stay from now to that day.
_STAYS_UNTIL = re.compile(r"\s*(?:까지|まで)\s*[^。.、,]{0,12}?(?:머물|체류|滞在|とどま)")


def _stay_until(norm: str, span: Span, pub: date) -> Span:
    if span.precision != "day" or span.earliest <= pub or not _STAYS_UNTIL.match(norm, span.end):
        return span
    return Span(span.start, span.end, pub, span.latest, "span")


# "13日から奈良を訪問している", "4일부터 방문하고 있다": under way at publication.
_PROGRESSIVE = re.compile(r"(?:てい|でい)(?:る|ます)$|고 있(?:다|습니다)$|중이다$")


def _open_ranges(norm: str, spans: list[Span], clauses: list[Clause], pub: date, lang: Language) -> list[Span]:
    """'지난 4일부터 방문했다' (from the 4th, no end, told in the past or as
    under way): the days from then up to publication."""
    out = []
    for span in spans:
        clause = _clause_at(clauses, span.start)
        under_way = _tense(norm, clause, lang) == "past" or _PROGRESSIVE.search(_predicate(norm, clause, lang))
        if span.open_from and span.earliest < pub and under_way:
            span = Span(span.start, span.end, span.earliest, pub, "span")
        out.append(span)
    return out


def _unframed(spans: list[Span]) -> list[Span]:
    """'올해 … 지난 4일부터': the year only frames the finer date, it is not an
    event. A month or part of one frames only a date written right after it
    ("10月、28日"); further off it dates an event of its own ("今月下旬に予定
    する来日に合わせ、28日に首脳会談")."""

    def frames(coarse: Span, fine: Span) -> bool:
        wider = (coarse.latest - coarse.earliest) > (fine.latest - fine.earliest)
        inside = coarse.earliest <= fine.earliest and fine.latest <= coarse.latest
        near = coarse.precision == "year" or 0 <= fine.start - coarse.end <= _FRAME_GAP
        return wider and inside and near

    return [sp for sp in spans if sp.precision == "span" or not any(frames(sp, o) for o in spans if o is not sp)]


# Characters between a month and the day it frames ("10月、28日", "이달 들어 3일").
_FRAME_GAP = 4


# ----------------------------------------------------------------- mentions


def _assign(spans: list[Span], clauses: list[Clause]) -> dict[int, list[Clause]]:
    """Which clauses each date governs: a clause takes the last date written
    in it, a clause with none the date of the clause before; a report verb
    after a quoted clause takes the sentence's first date no clause took."""
    governed: dict[int, list[Clause]] = {i: [] for i in range(len(spans))}
    current: int | None = None
    for clause in clauses:
        own = [i for i, sp in enumerate(spans) if clause.start <= sp.start < clause.end]
        if own:
            current = own[-1]
        elif clause.report:
            free = [i for i, g in governed.items() if not g]
            if free:
                current = free[0]
        if current is not None:
            governed[current].append(clause)
    return governed


def _mentions(
    text: str, norm: str, s: int, e: int, spans: list[Span], clauses: list[Clause], pub: date, lang: Language
) -> list[DateMention]:
    governed = _assign(spans, clauses)
    quoted = [(m.start(), m.end()) for m in lang.quoted.finditer(norm, s, e)]
    out: list[DateMention] = []
    seen: set[tuple[date, date, int]] = set()
    for i, span in enumerate(spans):
        own = governed[i] or [_clause_at(clauses, span.start)]
        # A date's one clause is quoted with the rest of the sentence, unless
        # another date governs what follows ("4日に到着し、4日間の訪問を開始した").
        later = any(c.start >= own[-1].end for j, g in governed.items() if j != i for c in g)
        for clause in own:
            end = e if len(own) == 1 and not later else clause.end
            end = _trim(norm, s, end)
            key = (span.earliest, span.latest, end)
            if key in seen:
                continue
            seen.add(key)
            # From the date on in its own clause; a clause it governs from afar is read whole.
            begin = span.start if clause.start <= span.start < clause.end else clause.start
            region = _unquoted(norm, begin, clause.chain_end, lang)
            if lang.negated.search(region):
                continue  # "no visit is planned" reports no event
            predicate = _predicate(norm, clause, lang)
            status = _status(region, predicate, span, pub, lang)
            if span.latest > pub and _first_plan(norm, s, span.start, region):
                status = "cancelled"
            inside = any(a <= span.start < b for a, b in quoted)
            tense = None if inside else _tense(norm, clause, lang)
            first = _first_of_two(norm, max(begin, span.end), clause.end, lang)
            if first is not None and (span.earliest, span.latest, first) not in seen:
                # "정상회담 및 만찬을 연다": one date, two events; the first quoted up to its name.
                seen.add((span.earliest, span.latest, first))
                out.append(_mention(text, s, first, span, status, tense, pub))
            out.append(_mention(text, s, end, span, status, tense, pub))
    return out


# "애초 연내 개최를 추진하다가, …", "当初は年内の開催を目指していたが、…": a first
# plan the sentence goes on to replace.
_INITIALLY = re.compile(r"(?:애초|당초|본래|원래|当初|もともと|本来)(?:에는|엔|は)?[\s、,]*$")
_REPLACED = re.compile(r"다가|(?:였|었|았|했)으나|(?:た|いた)が、")


def _first_plan(norm: str, s: int, start: int, region: str) -> bool:
    return bool(_INITIALLY.search(norm, max(s, start - 12), start)) and bool(_REPLACED.search(region))


def _first_of_two(norm: str, start: int, end: int, lang: Language) -> int | None:
    """Where the first of two different events joined by 'and' ends
    ("首脳会談と夕食会", "정상회담 및 만찬"), or None."""
    for found in lang.two_events.finditer(norm, start, end):
        if found.group("first") != found.group("second"):
            return found.end("first")
    return None


def _trim(norm: str, s: int, end: int) -> int:
    while end > s and norm[end - 1] in " ,、，":
        end -= 1
    return end


# "必要があれば延期する", "필요하면 연장": a postponement only if need be.
_CONDITION = re.compile(r"(?:あれば|場合|すれば|なら|경우|(?:하|되|있으)면)[\s、,]*(?:[^\s、,。.]{0,8}[\s、,]*)?$")


# "見送られる見通しだと報じた記事を引用し", "취소됐다고 보도한 기사": what a
# report said was called off, not the event the date dates.
_REPORTED = re.compile(r"[^、。,.]{0,12}?(?:と報じ|と伝え|と報道|(?:라|이라|다)?고\s?(?:보도|전했|전한))")


# "권고한 뒤 항공권 취소가 잇따랐다", "発表した後、予約の取り消しが相次いだ": what
# followed the date's act is another event; its cancellations are not the act's.
_THEN_ANOTHER = re.compile(
    r"(?<=[가-힣])(?<![일주달년월초분간])\s+(?:뒤|후)(?:에|로)?(?=[\s,])|(?:た|て)(?:後|あと)[、,に]"
)


# A verb of beginning tells what is under way, not what is over.
_BEGAN = re.compile(r"開始|始ま|始め|スタート|入っ|시작|개시|돌입|출범|착수")


def _status(region: str, predicate: str, span: Span, pub: date, lang: Language) -> str:
    """The sentence's own markers, relative to publication: a cancelled or
    postponed event whenever it was set; a past date happened; for what is
    ahead the first marker after the date ("予定" scheduled, "見通し"
    expected); on the day itself the verb's tense."""
    then = _THEN_ANOTHER.search(region)
    if any(
        not _CONDITION.search(region, max(0, m.start() - 15), m.start()) and not _REPORTED.match(region, m.end())
        for m in lang.cancelled.finditer(region, 0, then.start() if then else len(region))
    ):
        return "cancelled"
    if span.latest < pub:
        return "happened"
    markers = [(m.start(), "expected") for m in lang.expected.finditer(region)]
    markers += [(m.start(), "scheduled") for m in lang.scheduled.finditer(region)]
    marker = min(markers)[1] if markers else None
    if span.earliest > pub:
        return marker or "scheduled"
    if marker:
        return marker
    if span.precision == "year" and lang.is_past(predicate):
        return "happened"  # "올해도 정무관을 파견했다": done this year, not the year's rest
    if span.precision == "month" and lang.is_past(predicate) and not _BEGAN.search(predicate):
        return "happened"  # "今月、訪中し、…会談したばかり": done this month, not its rest
    if mostly_ahead(span.earliest, span.latest, pub):
        return "scheduled"  # under way and mostly ahead: "4日、4日間の訪問日程を開始した"
    if span.earliest < pub:
        return "happened"  # under way and mostly over: "7일 3박4일 일정을 마무리하고"
    if lang.is_past(predicate):
        return "happened"
    if lang.is_future(predicate):
        return "scheduled"
    return "happened"


_VALUE = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _mention(text: str, s: int, end: int, span: Span, status: str, tense: str | None, pub: date) -> DateMention:
    if span.earliest == span.latest:
        label = span.earliest.isoformat()
    else:
        label = f"{span.earliest.isoformat()}/{span.latest.isoformat()}"
    # Only a past verb for a date to come: Japanese and Korean state facts
    # in the plain non-past too ("…9年ぶりとなります").
    mismatch = tense == "past" and span.earliest > pub
    return DateMention(
        text=text[span.start : span.end],
        start=span.start,
        end=span.end,
        value=span.earliest.strftime(_VALUE.get(span.precision, "%Y-%m-%d")),
        earliest=span.earliest,
        latest=span.latest,
        precision=span.precision,
        label=label,
        sentence=text[s:end],
        sentence_start=s,
        tense=tense,
        status=status,
        flags=("tense_mismatch",) if mismatch else (),
    )
