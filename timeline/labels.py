"""
How a date known only to lie in [earliest, latest] reads to a person:
"13 Jan 2026", "late Oct 2025", "2025–26". Presentation only, shared by
pages, exports and the chart; plain Python, no Django.
"""

import datetime

SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def date_label(earliest: datetime.date | None, latest: datetime.date | None, precision: str) -> str:
    """A human label for a date known to lie in [earliest, latest], at the precision the sources give."""
    if earliest is None or latest is None:
        return ""
    if precision == "day" or earliest == latest:
        return f"{earliest.day} {month_year(earliest)}"
    if precision == "part_of_month":
        part = "early" if earliest.day <= 10 else "mid" if earliest.day <= 20 else "late"
        return f"{part} {month_year(earliest)}"
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


def month_year(day: datetime.date) -> str:
    # Not strftime's %Y, which pads years before 1000 inconsistently across platforms.
    return f"{day:%b} {day.year}"
