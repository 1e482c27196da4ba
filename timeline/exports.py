"""
The published events in the formats people take them elsewhere in: a
spreadsheet (CSV), a calendar (iCalendar) and TimelineJS3's JSON. Pure
functions from events (with related objects prefetched) to documents.
Control characters stored before text was checked on entry are dropped on the
way out: no reader can see them, and some formats cannot hold them.
"""

import csv
import datetime
import io

from django.utils.html import escape
from django.utils.translation import gettext
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event
from .text import strip_control_characters

DAY = datetime.timedelta(days=1)

CSV_COLUMNS = [
    "slug",
    "url",
    "title",
    "summary",
    "earliest",
    "latest",
    "precision",
    "date_label",
    "status",
    "status_as_of",
    "importance",
    "actors",
    "topics",
    "citations",
]
# A spreadsheet runs a cell that starts like a formula; a leading quote keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def citation_line(citation) -> str:
    source = citation.source
    where = ", ".join(
        part
        for part in (source.outlet or gettext("outlet not named"), source.title, source.published_on.isoformat())
        if part
    )
    return strip_control_characters(f"“{citation.quote}” ({where})")


def spreadsheet_safe(value) -> str:
    text = strip_control_characters(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def events_csv(events, base_url: str) -> str:
    """One row per event, citations joined; starts with a BOM so spreadsheets read UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = [
            event.slug,
            base_url + event.get_absolute_url(),
            event.translated("title"),
            event.translated("summary"),
            event.earliest.isoformat(),
            event.latest.isoformat(),
            event.precision,
            event.date_label,
            event.status,
            event.status_as_of.isoformat(),
            event.importance,
            "; ".join(actor.translated("name") for actor in event.actors.all()),
            "; ".join(topic.translated("name") for topic in event.topics.all()),
            "\n".join(citation_line(citation) for citation in event.citations.all()),
        ]
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()


def events_ics(events, base_url: str, host: str) -> bytes:
    """
    All-day calendar entries: an imprecise date covers its whole span (DTEND
    is exclusive, so the day after `latest`); the UID is the slug at our host,
    so calendar apps update an entry rather than add a second one.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//summit//timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", gettext("summit timeline"))
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"{event.slug}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.earliest)
        entry.add("dtend", event.latest + DAY)
        entry.add("summary", strip_control_characters(event.translated("title")))
        entry.add("description", calendar_description(event))
        entry.add("url", base_url + event.get_absolute_url())
        entry.add("last-modified", event.updated_at.replace(microsecond=0))
        if event.status == Event.Status.CANCELLED:
            entry.add("status", "CANCELLED")
        elif event.is_future_facing:
            entry.add("status", "TENTATIVE")
        else:
            entry.add("status", "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()


def calendar_description(event: Event) -> str:
    lines = [
        f"{event.date_label} ({event.get_precision_display().lower()})",
        gettext("%(status)s, as reported %(day)s")
        % {"status": event.get_status_display(), "day": event.status_as_of.isoformat()},
    ]
    summary = event.translated("summary")
    if summary:
        lines += ["", summary]
    citations = [citation_line(citation) for citation in event.citations.all()]
    if citations:
        lines += ["", gettext("What the sources say:"), *citations]
    return strip_control_characters("\n".join(lines))


def timelinejs_date(day: datetime.date, precision: str) -> dict:
    """Only the parts of a date that are known: a year-precise event has no month."""
    if precision == Event.Precision.YEAR:
        return {"year": day.year}
    if precision in (Event.Precision.DAY, Event.Precision.SPAN):
        return {"year": day.year, "month": day.month, "day": day.day}
    return {"year": day.year, "month": day.month}


def events_timelinejs(events, title: str) -> dict:
    """
    TimelineJS3's JSON (https://timeline.knightlab.com/docs/json-format.html).
    TimelineJS renders text as HTML, so every string from the data is escaped.
    """
    slides = []
    for event in events:
        start = timelinejs_date(event.earliest, event.precision)
        end = timelinejs_date(event.latest, event.precision)
        slide = {
            "unique_id": event.slug,
            "start_date": start,
            "display_date": escape(event.date_label),
            "text": {
                "headline": escape(strip_control_characters(event.translated("title"))),
                "text": timelinejs_text(event),
            },
        }
        # "late Oct 2025" is Oct 2025 at month detail: an end equal to the start says nothing.
        if end != start:
            slide["end_date"] = end
        actors = list(event.actors.all())
        if actors:
            slide["group"] = escape(strip_control_characters(actors[0].translated("name")))
        slides.append(slide)
    return {"title": {"text": {"headline": escape(title), "text": ""}}, "events": slides}


def timelinejs_text(event: Event) -> str:
    summary = event.translated("summary")
    parts = [f"<p>{escape(strip_control_characters(summary))}</p>"] if summary else []
    for citation in event.citations.all():
        parts.append(f"<blockquote>{escape(citation_line(citation))}</blockquote>")
    return "".join(parts)
