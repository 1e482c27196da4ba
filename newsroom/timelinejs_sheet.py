"""
A TimelineJS Google Sheet, downloaded as CSV, read as summit's own event
columns so the event list's Import takes it like one of its exports. The
sheet's columns are TimelineJS's template's (Year, Month, Day, Time, End
Year, …, Headline, Text, Media, …, Type, Group, Background); its title slide
(Type "title") is not an event and is left out. Each event's slug comes from
its headline and first day, so importing the same sheet again finds the
same events and changes nothing.
"""

import calendar
import datetime

from django.utils.html import strip_tags
from django.utils.text import slugify

from timeline.models import Event

COLUMNS = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
]
# Enough to tell the sheet from summit's own columns.
REQUIRED = {"Year", "Headline"}
TITLE_LENGTH = Event._meta.get_field("title").max_length
SLUG_LENGTH = Event._meta.get_field("slug").max_length


class SheetError(ValueError):
    """What is wrong with the sheet, for the editor; names the row."""


def is_timelinejs_sheet(headers) -> bool:
    return {str(header or "").strip() for header in headers} >= REQUIRED


def number(row: dict, column: str, line: int, low: int, high: int) -> int | None:
    text = str(row.get(column) or "").strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise SheetError(f"Row {line}: {column} “{text[:20]}” is not a number.") from None
    if not low <= value <= high:
        raise SheetError(f"Row {line}: {column} {value} is not between {low} and {high}.")
    return value


def read_day(row: dict, prefix: str, line: int) -> tuple[datetime.date, datetime.date, str] | None:
    """The first and last day a Year/Month/Day triple covers, and its precision; None when no year is given."""
    year = number(row, f"{prefix}Year", line, 1, 9999)
    month = number(row, f"{prefix}Month", line, 1, 12)
    day = number(row, f"{prefix}Day", line, 1, 31)
    if year is None:
        if month or day:
            raise SheetError(f"Row {line}: a {prefix}Month or {prefix}Day needs its {prefix}Year.")
        return None
    if day and not month:
        raise SheetError(f"Row {line}: a {prefix}Day needs its {prefix}Month.")
    try:
        if day:
            first = last = datetime.date(year, month, day)  # type: ignore[arg-type]
            return first, last, Event.Precision.DAY
        if month:
            end = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, end), Event.Precision.MONTH
    except ValueError:
        raise SheetError(f"Row {line}: there is no such day as {year}-{month:02}-{day:02}.") from None
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), Event.Precision.YEAR


def event_row(row: dict, line: int, today: datetime.date) -> dict | None:
    """One sheet row as summit's columns; None for the title slide and empty rows."""
    if str(row.get("Type") or "").strip().lower() == "title" or not any(str(v or "").strip() for v in row.values()):
        return None
    start = read_day(row, "", line)
    if start is None:
        raise SheetError(f"Row {line}: every event needs a Year (only the title slide goes without).")
    end = read_day(row, "End ", line)
    earliest, latest, precision = start
    if end is not None:
        latest = end[1]
        if latest < earliest:
            raise SheetError(f"Row {line}: the end date is before the start date.")
        if latest != start[1]:
            precision = Event.Precision.SPAN if precision == Event.Precision.DAY else precision
    title = " ".join(strip_tags(str(row.get("Headline") or "")).split())[:TITLE_LENGTH]
    if not title:
        raise SheetError(f"Row {line}: the Headline is empty; summit needs a title for each event.")
    return {
        "slug": slugify(f"{title[:80]} {earliest.isoformat()}")[:SLUG_LENGTH],
        "title": title,
        "summary": strip_tags(str(row.get("Text") or "")).strip(),
        "earliest": earliest.isoformat(),
        "latest": latest.isoformat(),
        "precision": precision,
        "status": Event.status_for(earliest, today),
        # The sheet says nothing of when it was reported: its own date for
        # what has happened, so that importing it again changes nothing.
        "status_as_of": min(latest, today).isoformat(),
    }


def translate(headers, rows, today: datetime.date) -> tuple[list[str], list[list[str]]]:
    """The sheet's rows as summit's event columns (headers, rows); SheetError names the first bad row."""
    headers = [str(header or "").strip() for header in headers]
    unknown = [header for header in headers if header and header not in COLUMNS]
    if unknown:
        raise SheetError(f"This looks like a TimelineJS sheet, but its column(s) {', '.join(unknown)} are not.")
    out_headers: list[str] = []
    out_rows = []
    slugs: dict[str, int] = {}
    for line, values in enumerate(rows, start=2):
        event = event_row(dict(zip(headers, values)), line, today)
        if event is None:
            continue
        if event["slug"] in slugs:
            raise SheetError(f"Row {line} repeats row {slugs[event['slug']]}: same headline on the same day.")
        slugs[event["slug"]] = line
        out_headers = list(event)
        out_rows.append(list(event.values()))
    if not out_rows:
        raise SheetError("The sheet holds no event rows (only a title slide, or nothing).")
    return out_headers, out_rows
