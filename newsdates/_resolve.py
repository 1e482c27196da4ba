"""Resolution: calendar arithmetic from a candidate to a TIMEX3 value, an
earliest/latest range, a precision and a label."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ._grammar import MON_ABBR, SEASON_NAME, Candidate
from ._tense import tense_at

# ---------------------------------------------------------------- resolution


_EARLIER_IN = re.compile(r"\bearlier\s+in\s+$", re.IGNORECASE)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week_value(d: date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy}-W{iw:02d}"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def mostly_ahead(first: date, last: date, published: date) -> bool:
    """Whether an event from `first` to `last`, under way on `published`, has
    more of its days ahead than behind (then it is scheduled, not happened)."""
    return (last - published) > (published - first)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_day(d: date) -> str:
    return f"{d.day} {MON_ABBR[d.month - 1]} {d.year}"


def _choose(candidates: list[date], ref: date, tense: str | None, window: int = 240) -> date:
    """The candidate consistent with the tense, else the nearest to ref.
    News rarely leaves out the year of a date more than about six months
    away (a bare month, about a year), so a tense reading that points further
    than that is overruled."""
    if tense == "past":
        past = [c for c in candidates if c <= ref and (ref - c).days <= window]
        if past:
            return max(past)
    elif tense == "future":
        future = [c for c in candidates if c >= ref and (c - ref).days <= window]
        if future:
            return min(future)
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31), "H1": (1, 15), "H2": (16, 31)}
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12), "H1": (1, 6), "H2": (7, 12)}


# A year said right after a month or day with none of its own: "in January in 1992".
_YEAR_AFTER = re.compile(r"\s+in\s+(1[0-9]{3}|20[0-9]{2})\b(?!\s*[-–/])")


@dataclass
class _Resolved:
    value: str
    earliest: date | None
    latest: date | None
    precision: str
    label: str


def _day(d: date, tod: str | None = None) -> _Resolved:
    return _Resolved(d.isoformat() + (f"T{tod}" if tod else ""), d, d, "day", fmt_day(d))


def _month(y: int, m: int, part: str | None = None) -> _Resolved:
    first, last = date(y, m, 1), _month_end(y, m)
    label = f"{MON_ABBR[m - 1]} {y}"
    if part in _PART_DAYS:
        lo, hi = _PART_DAYS[part]
        word = {"end": "late", "H1": "first half of", "H2": "second half of"}.get(part, part)
        return _Resolved(
            f"{y}-{m:02d}", date(y, m, lo), min(date(y, m, min(hi, last.day)), last), "part_of_month", f"{word} {label}"
        )
    return _Resolved(f"{y}-{m:02d}", first, last, "month", label)


def _year(y: int, part: str | None = None) -> _Resolved:
    if part in _PART_MONTHS:
        lo, hi = _PART_MONTHS[part]
        if part in ("H1", "H2"):
            return _Resolved(f"{y}-{part}", date(y, lo, 1), _month_end(y, hi), "span", f"{part} {y}")
        word = {"mid": "mid-", "end": "end of "}.get(part, part + " ")
        return _Resolved(str(y), date(y, lo, 1), _month_end(y, hi), "span", f"{word}{y}")
    return _Resolved(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year", str(y))


def _week(d: date, weekend: bool = False) -> _Resolved:
    mon = _monday(d)
    if weekend:
        sat, sun = mon + timedelta(days=5), mon + timedelta(days=6)
        first = f"{sat.day}" if sat.month == sun.month else f"{sat.day} {MON_ABBR[sat.month - 1]}"
        if sat.year != sun.year:
            first = fmt_day(sat)
        return _Resolved(_week_value(mon) + "-WE", sat, sun, "week", f"weekend of {first}–{fmt_day(sun)}")
    return _Resolved(_week_value(mon), mon, mon + timedelta(days=6), "week", f"week of {fmt_day(mon)}")


def _season_span(season: str, y: int) -> tuple[date, date]:
    if season == "WI":
        return date(y - 1, 12, 1), _month_end(y, 2)
    m = {"SP": 3, "SU": 6, "FA": 9}[season]
    return date(y, m, 1), _month_end(y, m + 2)


def _season(season: str, y: int, part: str | None = None) -> _Resolved:
    lo, hi = _season_span(season, y)
    name = SEASON_NAME[season]
    label = f"{part + ' ' if part in ('early', 'mid', 'late') else ''}{name} {y}"
    return _Resolved(f"{y}-{season}", lo, hi, "season", label)


def _quarter(kind: str, n: int, y: int) -> _Resolved:
    if kind == "M":  # the first n months of the year
        return _Resolved(f"{y}", date(y, 1, 1), _month_end(y, n), "span", f"Jan–{MON_ABBR[n - 1]} {y}")
    size = 3 if kind == "Q" else 6
    lo_m = (n - 1) * size + 1
    return _Resolved(f"{y}-{kind}{n}", date(y, lo_m, 1), _month_end(y, lo_m + size - 1), "span", f"{kind}{n} {y}")


# "since June", "since taking office in June", "since Takaichi's remarks in
# parliament in November": a time already past (not "since they agreed to meet in March").
_SINCE = re.compile(
    r"\bsince\s+(?:(?:(?!(?:to|will|would|could|may)\s)[\w'’-]+\s+){1,10}?(?:in|on|at)\s+)?$"
    # "since returning to office in January": what the gerund tells was done
    r"|\bsince\s+[a-z]{3,}ing\s+(?:[\w'’-]+\s+){0,8}?(?:in|on|at)\s+$",
    re.IGNORECASE,
)


_EXTENDED_UNTIL = re.compile(
    r"\bextend(?:s|ed|ing)?\b[^.;]{0,120}?\b(?:until|till|through|to)\s+(?:the\s+)?$", re.IGNORECASE
)
_CALLED_OFF_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:had|has|have)\s+been|was|were)\s+(?:cancel(?:l)?ed|called\s+off|scrapped|postponed)\b",
    re.IGNORECASE,
)


# "refunds through year-end", "in force until the end of the month": a
# state running from now to the end named.
_UNTIL_THE_END = re.compile(r"\b(?:through|until|till|to)\s+$", re.IGNORECASE)


# How far after a week is named a weekday with no tense is taken as one of its days.
_WEEK_REACH = 400
# How far after a year a yearless month is still of it, and what turns away from it.
_FRAME_REACH = 80
_TURN = re.compile(r"[;:]|\b(?:but|while|whereas|that|and\s+then|compared|than|from|since|until|after|before)\b")
# The years of a century that "early", "mid" and "late" name.
_CENTURY_THIRDS = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}


class Resolver:
    def __init__(self, text: str, published: date):
        self.text = text
        self.pub = published
        self.anchor = published  # last time mentioned, for "the next day" etc.
        # The last day mentioned: "the same day" after "on the 9th … last
        # month" is the 9th, not the first of last month.
        self.day_anchor: date | None = None
        self.day_anchor_kind = ""  # how: a weekday starts an itinerary of weekdays
        self.days_named: list[tuple[int, date]] = []  # every day named so far, and where
        self.last: _Resolved | None = None  # the time last named, for "that's when"
        self.week: tuple[int, _Resolved] | None = None  # the last week named, and where
        self.anchor_sentence, self.anchor_precision = -1, ""  # where it was mentioned, how precisely
        self.from_now: set[int] = set()  # where a state running from publication ends
        # "Last year, the new year began in late January": the year a clause
        # opened with, where it was named, for the months after it.
        self.year_frame: tuple[int, int] | None = None

    def resolve(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        """The candidate's value, or None when it has none or lies outside
        the calendar Python can count in (year 0, the day after 9999-12-31)."""
        try:
            r: _Resolved | None = getattr(self, "_" + c.kind)(c, sent)
        except (ValueError, OverflowError):
            return None
        if r is not None and self.runs_from_now(c, r):
            r.earliest, r.precision = self.pub, "span"
            self.from_now.add(c.start)
        if r is not None and r.earliest and r.precision not in ("present", "unknown"):
            self.anchor = r.earliest
            self.anchor_sentence, self.anchor_precision = sent[0], r.precision
            if r.precision == "day":
                self.day_anchor, self.day_anchor_kind = r.earliest, c.kind
                self.days_named.append((c.start, r.earliest))
            if r.precision == "week":
                self.week = (c.start, r)
            if r.precision == "year" and self.text.startswith(",", c.end):
                self.year_frame = (c.end, r.earliest.year)  # "Last year, …", "In 2024, …"
            self.last = r
        return r

    @property
    def day_anchor_at(self) -> int:
        """Where the last day was named."""
        return self.days_named[-1][0] if self.days_named else -1

    def _same(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        return replace(self.last) if self.last else None

    def runs_from_now(self, c: Candidate, r: _Resolved) -> bool:
        """Whether the date ends a state that runs from publication ("through
        the end of the year"): only the end of the unit now under way."""
        if c.data.get("part") != "end" or c.data.get("offset", 0) != 0 or not (r.earliest and r.latest):
            return False
        return self.pub < r.latest and bool(_UNTIL_THE_END.search(self.text, max(0, c.start - 10), c.start))

    def tense(self, c: Candidate, sent: tuple[int, int]) -> str | None:
        if _SINCE.search(self.text, max(0, c.start - 90), c.start):
            return "past"
        if self._extended_until(c, sent):
            return "future"  # "have extended refunds until Oct 24": the new end lies ahead
        tense = tense_at(self.text, sent, c.start, c.end)
        if tense == "past" and _CALLED_OFF_AFTER.match(self.text, c.end, min(sent[1], c.end + 60)):
            return None  # "flights for February had been cancelled": the plan's date, the nearest
        return tense

    def _extended_until(self, c: Candidate, sent: tuple[int, int]) -> bool:
        return bool(_EXTENDED_UNTIL.search(self.text, max(sent[0], c.start - 150), c.start))

    def _ymd(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        y, m, d = c.data["y"], c.data["m"], c.data["d"]
        if y is None and c.data.get("wd") is None:
            y = self._year_after(c)
        if y is None:
            options = [
                date(yy, m, d)
                for yy in (self.pub.year - 1, self.pub.year, self.pub.year + 1)
                if d <= calendar.monthrange(yy, m)[1]
            ]
            if c.data.get("wd") is not None:  # "Friday, March 8" fixes the year
                options = [o for o in options if o.weekday() == c.data["wd"]] or options
            if not options:
                return None
            # an extension may run most of a year ahead
            when = _choose(options, self.pub, self.tense(c, sent), window=366 if self._extended_until(c, sent) else 240)
        elif d > calendar.monthrange(y, m)[1]:
            return None
        else:
            when = date(y, m, d)
        return _week(when) if c.data.get("week") else _day(when, c.data.get("tod"))

    def _ym(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        y, m, rel = c.data["y"], c.data["m"], c.data.get("rel")
        if y is None and c.data.get("year_offset") is not None:
            y = self.pub.year + c.data["year_offset"]
        if y is None and rel is None:
            y = self._year_after(c)
        if y is None:
            py = self.pub.year
            if rel == "last":
                y = py if m < self.pub.month else py - 1
            elif rel == "next":
                y = py if m > self.pub.month else py + 1
            elif rel == "this":
                y = py
            elif framed := self._framed_year(c, sent):
                y = framed
            else:
                options = [date(yy, m, 1) for yy in (py - 1, py, py + 1)]
                since = c.data.get("since", False)
                tense = "past" if since else self.tense(c, sent)
                y = _choose(options, date(py, self.pub.month, 1), tense, window=366 if since else 335).year
        month = _month(y, m, c.data.get("part"))
        if (y, m) == (self.pub.year, self.pub.month) and _EARLIER_IN.search(self.text, max(0, c.start - 12), c.start):
            # "earlier in November", written in November: by publication.
            return self._so_far(month, "earlier", 0)
        return month

    def _year_after(self, c: Candidate) -> int | None:
        """ "began convening in January in 1992": the year said right after."""
        found = _YEAR_AFTER.match(self.text, c.end)
        return int(found[1]) if found else None

    def _framed_year(self, c: Candidate, sent: tuple[int, int]) -> int | None:
        """The year a clause opened with ("Last year, … in late January"), when
        nothing between turns to another time ("…, but this year …")."""
        if not self.year_frame or not sent[0] <= self.year_frame[0] <= c.start:
            return None
        between = self.text[self.year_frame[0] : c.start]
        return None if len(between) > _FRAME_REACH or _TURN.search(between) else self.year_frame[1]

    def _year(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        return _year(c.data["y"], c.data.get("part"))

    def _decade(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        v = c.data["value"]
        lo = int(v) * 10
        part = c.data.get("part")
        label = f"{part + ' ' if part else ''}{lo}s"
        return _Resolved(v, date(lo, 1, 1), date(lo + 9, 12, 31), "decade", label)

    def _century(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        n, part = c.data["n"], c.data.get("part")
        lo = (n - 1) * 100
        label = f"{ordinal(n)} century"
        if part:
            # "the early 20th century": its first third, as "early 2025" is
            # the first third of the year.
            first, last = _CENTURY_THIRDS[part]
            return _Resolved(
                f"{n - 1:02d}", date(max(lo + first, 1), 1, 1), date(lo + last, 12, 31), "span", f"{part} {label}"
            )
        return _Resolved(f"{n - 1:02d}", date(max(lo, 1), 1, 1), date(lo + 99, 12, 31), "span", label)

    def _weekday(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        wd, mod = c.data["wd"], c.data["mod"]
        pub = self.pub
        back = pub - timedelta(days=(pub.weekday() - wd) % 7)
        ahead = pub + timedelta(days=(wd - pub.weekday()) % 7)
        if mod == "last":
            d = back if back < pub else back - timedelta(days=7)
        elif mod == "next":
            d = ahead if ahead > pub else ahead + timedelta(days=7)
        elif mod == "this":
            d = _monday(pub) + timedelta(days=wd)
        else:
            tense = self.tense(c, sent)
            d = _choose([back, ahead], pub, tense)
            anchor = self.day_anchor
            if (
                tense == "future"
                and anchor
                and self.day_anchor_kind == "weekday"
                and pub < anchor
                and d <= anchor
                and c.start - self.day_anchor_at <= _WEEK_REACH
                and re.search(r"[,.;]", self.text[self.day_anchor_at : c.start])
                and d not in {day for at, day in self.days_named if c.start - at <= _WEEK_REACH and day > pub}
            ):
                # "will depart for Beijing on Sunday, followed by Shanghai on
                # Tuesday. He will return on Wednesday": an itinerary's days
                # follow the day it starts on.
                d = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
            elif tense is None and self.week and c.start - self.week[0] <= _WEEK_REACH:
                # "will travel to Japan next week. The visit, on Tuesday and
                # Wednesday, comes amid …": the days of the week just named.
                week = self.week[1]
                d = next(
                    (x for x in (back, ahead) if week.earliest and week.latest and week.earliest <= x <= week.latest), d
                )
        return _day(d, c.data.get("tod"))

    def _relday(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        return _day(self.pub + timedelta(days=c.data["offset"]), c.data.get("tod"))

    def _dom(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        """A day number: of the month said ("of next month"), else of the
        month named just before it in the sentence, else of the publication
        month."""
        d, month = c.data["d"], c.data.get("month")
        if month is not None:
            ref = self.anchor if c.data.get("anaphoric") else self.pub
            y, m = _add_months(ref.year, ref.month, month)
        elif self.anchor_sentence == sent[0] and self.anchor_precision in ("month", "part_of_month"):
            y, m = self.anchor.year, self.anchor.month  # "In March, talks began on the 9th"
        else:
            y, m = self.pub.year, self.pub.month
            if d > calendar.monthrange(y, m)[1]:
                # "on the 31st" in a November article: the month just gone
                # (Japanese and Korean reports, translated, date this way).
                y, m = _add_months(y, m, -1)
        return _day(date(y, m, d)) if d <= calendar.monthrange(y, m)[1] else None

    def _relunit(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        unit, offset, part = c.data["unit"], c.data["offset"], c.data.get("part")
        ref = self.anchor if c.data.get("anaphoric") else self.pub
        if c.data.get("the") and unit == "year":
            return _year(ref.year, part)
        if unit == "week":
            week = _week(ref + timedelta(weeks=offset))
            if offset == 0 and part in ("earlier", "later"):
                return self._so_far(week, part, offset)
            if offset == -1 and ref.weekday() == 6 and not c.data.get("anaphoric"):
                # Written on a Sunday, "last week" is the one just ending.
                week = _week(ref)
                week.latest = ref - timedelta(days=1)
                return week
            if offset == 0 and week.latest and week.latest > self.pub and self.tense(c, sent) == "past":
                week.latest = self.pub  # what happened this week happened by publication
            return week
        if unit == "weekend":
            return self._weekend(c, sent, offset)
        if unit == "month":
            y, m = _add_months(ref.year, ref.month, offset)
            month = self._so_far(_month(y, m, part if part in _PART_DAYS else None), part, offset)
            this = offset == 0 and not part and not c.data.get("anaphoric")
            if this and month.latest and month.latest > self.pub and self.tense(c, sent) == "past":
                month.latest = self.pub  # "said this month": by publication, as "this week"
            return month
        if unit == "year":
            return self._so_far(_year(ref.year + offset, part if part in _PART_MONTHS else None), part, offset)
        if unit == "quarter":
            q = (ref.month - 1) // 3 + offset
            return _quarter("Q", q % 4 + 1, ref.year + q // 4)
        if unit == "decade":
            dec = ref.year // 10 + offset
            return _Resolved(str(dec), date(dec * 10, 1, 1), date(dec * 10 + 9, 12, 31), "decade", f"{dec * 10}s")
        if unit == "century":
            cen = ref.year // 100 + offset
            return _Resolved(
                f"{cen:02d}",
                date(max(cen * 100, 1), 1, 1),
                date(cen * 100 + 99, 12, 31),
                "span",
                f"{ordinal(cen + 1)} century",
            )
        return None

    def _so_far(self, r: _Resolved, part: str | None, offset: int) -> _Resolved:
        """'earlier this month' ends at publication, 'later this year' starts the day after."""
        if offset == 0 and part == "earlier":
            r.latest = self.pub
        elif offset == 0 and part == "later" and r.latest and self.pub < r.latest:
            r.earliest = self.pub + timedelta(days=1)
        return r

    def _weekend(self, c: Candidate, sent: tuple[int, int], offset: int) -> _Resolved:
        """'last weekend' is the one before this week's; 'next weekend' the one
        after the coming one once we are in it; 'this weekend' the coming
        one unless the verb is past; 'the weekend' follows the tense, else
        the nearer one (Mon-Wed: just past; Thu-Fri: coming)."""
        pub = self.pub
        this_sat = _monday(pub) + timedelta(days=5)
        in_weekend = pub.weekday() >= 5
        if offset < 0:
            sat = this_sat - timedelta(days=7)
        elif offset > 0:
            sat = this_sat + timedelta(days=7) if in_weekend else this_sat
        elif in_weekend:
            sat = this_sat
        elif self.text[c.start : c.end].lower().startswith("this"):
            # "won the election this weekend", written on Tuesday: the one just past
            sat = this_sat - timedelta(days=7) if self.tense(c, sent) == "past" else this_sat
        else:
            tense = self.tense(c, sent)
            past = tense == "past" or (tense is None and pub.weekday() <= 2)
            sat = this_sat - timedelta(days=7) if past else this_sat
        return _week(sat, weekend=True)

    def _offset(self, c: Candidate, sent: tuple[int, int]) -> _Resolved | None:
        n, unit = c.data["n"], c.data["unit"]
        ref = self.anchor if c.data["anaphoric"] else self.pub
        if unit == "day":
            if c.data["anaphoric"] and self.day_anchor:
                ref = self.day_anchor
            if ref + timedelta(days=n) < self.pub and c.data["anaphoric"] and self.tense(c, sent) == "future":
                # "Later in the day, Lee will attend a dinner": a day still
                # ahead is the news day, not an earlier day just named.
                ref = self.pub
            elif ref + timedelta(days=n) > self.pub and c.data["anaphoric"] and self._told_as_past(c, sent):
                # "announced it earlier in the day", after a day still ahead
                # was named: what has happened is dated from the news day.
                ref = self.pub
            return _day(ref + timedelta(days=n))
        if unit == "week":
            return _week(ref + timedelta(weeks=n))
        if unit == "month":
            y, m = _add_months(ref.year, ref.month, n)
            return _month(y, m)
        if unit == "year":
            return _year(ref.year + n)
        if unit == "decade":
            dec = (ref.year + 10 * n) // 10
            return _Resolved(str(dec), date(dec * 10, 1, 1), date(dec * 10 + 9, 12, 31), "decade", f"{dec * 10}s")
        return None

    def _told_as_past(self, c: Candidate, sent: tuple[int, int]) -> bool:
        """Past, or for "earlier in the day" not said to lie ahead ("announced
        earlier in the day that she will visit")."""
        tense = self.tense(c, sent)
        return tense == "past" or (tense is None and self.text[c.start : c.end].lower().startswith("earlier"))

    def _season(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        season, rel, y, part = c.data["season"], c.data["rel"], c.data["y"], c.data.get("part")
        if y is not None:
            return _season(season, y, part)
        pub = self.pub
        spans = [(yy, *_season_span(season, yy)) for yy in (pub.year - 1, pub.year, pub.year + 1, pub.year + 2)]
        if rel == "last":
            y = max(yy for yy, lo, hi in spans if hi < pub)
        elif rel == "next":
            y = min(yy for yy, lo, hi in spans if lo > pub)
        elif rel == "this":
            y = min((yy for yy, lo, hi in spans if hi >= pub), default=pub.year)
            y = y if _season_span(season, y)[0].year <= pub.year or season == "WI" else pub.year
        else:
            tense = self.tense(c, sent)
            current = [yy for yy, lo, hi in spans if lo <= pub <= hi]
            if current:
                y = current[0]
            elif tense == "past":
                y = max(yy for yy, lo, hi in spans if hi < pub)
            elif tense == "future":
                y = min(yy for yy, lo, hi in spans if lo > pub)
            else:
                y = min(spans, key=lambda s: min(abs((s[1] - pub).days), abs((s[2] - pub).days)))[0]
        return _season(season, y, part)

    def _quarter(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        kind, n, y, rel = c.data["kind"], c.data["n"], c.data["y"], c.data["rel"]
        pub = self.pub
        if y is None and rel and not (kind == "M" and rel == "the"):
            y = pub.year + {"last": -1, "next": 1}.get(rel, 0)
        if y is None and kind == "M":
            # "had grown in the first 10 months of the year", written in January: last year's.
            y = pub.year if n < pub.month or self.tense(c, sent) == "future" else pub.year - 1
        if y is None:
            size = 3 if kind == "Q" else 6
            current = (pub.month - 1) // size + 1
            tense = self.tense(c, sent)
            if n <= current or tense == "future":
                y = pub.year
            else:
                y = pub.year - 1 if tense == "past" or n > current else pub.year
        return _quarter(kind, n, y)

    def _ref(self, c: Candidate, sent: tuple[int, int]) -> _Resolved:
        v = c.data["value"]
        if v == "PRESENT_REF":
            return _Resolved(v, self.pub, self.pub, "present", "present")
        if v == "PAST_REF":
            return _Resolved(v, None, self.pub, "unknown", "past")
        return _Resolved(v, self.pub, None, "unknown", "future")
