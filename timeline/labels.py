"""
How a date known only to lie in [earliest, latest] reads to a person, in
English, Japanese or Korean: "13 Jan 2026" / 2026年1月13日 / 2026년 1월 13일,
"late Oct 2025" / 2025年10月下旬 / 2025년 10월 하순, "2025–26".
Presentation only, shared by pages, exports and the chart; plain Python, no
Django: callers pass the language ("en", "ja", "ko"; anything else is English).
"""

import datetime

SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
SEASON_WORDS = {
    "ja": {"spring": "春", "summer": "夏", "autumn": "秋", "winter": "冬"},
    "ko": {"spring": "봄", "summer": "여름", "autumn": "가을", "winter": "겨울"},
}
# Early, mid and late in a month: 上旬/中旬/下旬, 초순/중순/하순, as newspapers write them.
PARTS = {
    "en": ("early", "mid", "late"),
    "ja": ("上旬", "中旬", "下旬"),
    "ko": ("초순", "중순", "하순"),
}
# Between two dates: an en dash in English, a wave dash in Japanese, a tilde in Korean.
RANGE = {"en": "–", "ja": "～", "ko": "~"}


def date_label(
    earliest: datetime.date | None, latest: datetime.date | None, precision: str, language: str = "en"
) -> str:
    """A human label for a date known to lie in [earliest, latest], at the precision the sources give."""
    if earliest is None or latest is None:
        return ""
    if language in ("ja", "ko"):
        return cjk_label(earliest, latest, precision, language)
    if precision == "day" or earliest == latest:
        return f"{earliest.day} {month_year(earliest)}"
    if precision == "part_of_month":
        return f"{PARTS['en'][part_of_month(earliest)]} {month_year(earliest)}"
    if precision == "month":
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return month_year(earliest)
        if earliest.year == latest.year:
            return f"{earliest:%b}–{month_year(latest)}"
        return f"{month_year(earliest)} – {month_year(latest)}"
    if precision == "season":
        season = SEASONS.get(earliest.month, "")
        if season == "winter":
            return f"winter {earliest.year}–{str(latest.year)[-2:]}"
        return f"{season} {earliest.year}" if season else f"{earliest:%b}–{month_year(latest)}"
    if precision == "year":
        if earliest.year == latest.year:
            return str(earliest.year)
        return f"{earliest.year}–{latest.year}"
    # A span of days: a weekend, a week, a multi-day visit.
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}–{latest.day} {month_year(earliest)}"
    if earliest.year == latest.year:
        return f"{earliest.day} {earliest:%b} – {latest.day} {month_year(latest)}"
    return f"{earliest.day} {month_year(earliest)} – {latest.day} {month_year(latest)}"


def part_of_month(day: datetime.date) -> int:
    """0 for early (1st–10th), 1 for mid (11th–20th), 2 for late."""
    return 0 if day.day <= 10 else 1 if day.day <= 20 else 2


def month_year(day: datetime.date) -> str:
    # Not strftime's %Y, which pads years before 1000 inconsistently across platforms.
    return f"{day:%b} {day.year}"


def cjk_date(day: datetime.date, language: str, *, year: bool = True, month: bool = True, date: bool = True) -> str:
    """2026年1月13日 / 2026년 1월 13일, or the parts asked for (年 and 月 stay with their numbers)."""
    units = ("年", "月", "日") if language == "ja" else ("년", "월", "일")
    parts = [
        f"{value}{unit}"
        for value, unit, wanted in zip((day.year, day.month, day.day), units, (year, month, date))
        if wanted
    ]
    return ("" if language == "ja" else " ").join(parts)


def cjk_label(earliest: datetime.date, latest: datetime.date, precision: str, language: str) -> str:
    """The label as a Japanese or Korean newspaper writes it: year, month, day, biggest first."""
    space, dash = ("" if language == "ja" else " "), RANGE[language]
    year_unit = "年" if language == "ja" else "년"
    if precision == "day" or earliest == latest:
        return cjk_date(earliest, language)
    if precision == "part_of_month":
        return cjk_date(earliest, language, date=False) + space + PARTS[language][part_of_month(earliest)]
    if precision == "month":
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return cjk_date(earliest, language, date=False)
        if earliest.year == latest.year:
            # 2025年10～12月 / 2025년 10~12월
            month_unit = "月" if language == "ja" else "월"
            return f"{earliest.year}{year_unit}{space}{earliest.month}{dash}{latest.month}{month_unit}"
        return f"{cjk_date(earliest, language, date=False)}{dash}{cjk_date(latest, language, date=False)}"
    if precision == "season":
        season = SEASONS.get(earliest.month, "")
        if season == "winter":
            return f"{earliest.year}{dash}{str(latest.year)[-2:]}{year_unit}{space}{SEASON_WORDS[language][season]}"
        if season:
            return f"{earliest.year}{year_unit}{space}{SEASON_WORDS[language][season]}"
        return f"{cjk_date(earliest, language, date=False)}{dash}{cjk_date(latest, language, date=False)}"
    if precision == "year":
        if earliest.year == latest.year:
            return f"{earliest.year}{year_unit}"
        return f"{earliest.year}{dash}{latest.year}{year_unit}"
    # A span of days: 2026年1月13～14日, 2026년 1월 30일~2월 2일.
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        day_unit = "日" if language == "ja" else "일"
        return f"{cjk_date(earliest, language, date=False)}{space}{earliest.day}{dash}{latest.day}{day_unit}"
    if earliest.year == latest.year:
        return f"{cjk_date(earliest, language)}{dash}{cjk_date(latest, language, year=False)}"
    return f"{cjk_date(earliest, language)}{dash}{cjk_date(latest, language)}"


def day_label(day: datetime.date, language: str = "en") -> str:
    """One day: 13 Jan 2026 / 2026年1月13日 / 2026년 1월 13일."""
    return date_label(day, day, "day", language)


def month_label(day: datetime.date, language: str = "en", *, long: bool = False) -> str:
    """A day's month: Jan 2026 (January 2026 when `long`) / 2026年1月 / 2026년 1월."""
    if language in ("ja", "ko"):
        return cjk_date(day, language, date=False)
    return f"{day:%B} {day.year}" if long else month_year(day)


def year_label(day: datetime.date, language: str = "en") -> str:
    """A day's year: 2026 / 2026年 / 2026년."""
    return {"ja": f"{day.year}年", "ko": f"{day.year}년"}.get(language, str(day.year))
