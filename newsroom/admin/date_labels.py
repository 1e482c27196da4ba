"""
The label beside every ISO date field of the admin, as the editor types:
"Wed 14 Jan 2026" for the day typed, and beside a range's latest date what
readers will see ("late Oct 2025"); or what is wrong with what was typed.
Worked out here, on the server, so the admin says exactly what pages and
exports will say (timeline/labels.py), with no second copy in JavaScript.
"""

import datetime

from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from timeline.labels import date_label, month_year
from timeline.models import Event, current_language, date_errors

ISO_DATE_MESSAGE = _("Enter the date as YYYY-MM-DD, for example 2026-01-13.")
# Monday first, as date.weekday() counts: how a Japanese or Korean calendar abbreviates the days.
WEEKDAYS = {"ja": "月火水木金土日", "ko": "월화수목금토일"}


def read_iso(text: str) -> tuple[datetime.date | None, str]:
    """A typed YYYY-MM-DD as a date, or why it is not one; ("", None) for nothing typed."""
    text = text.strip()
    if not text:
        return None, ""
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d").date(), ""
    except ValueError:
        parts = text.split("-")
        if len(parts) == 3 and all(part.isdigit() for part in parts) and len(parts[0]) == 4:
            return None, gettext("There is no such day as %(day)s.") % {"day": text}
        return None, str(ISO_DATE_MESSAGE)


def day_with_weekday(day: datetime.date, language: str = "en") -> str:
    # The weekday, so "on Wednesday" in the quote can be checked at a glance:
    # Wed 14 Jan 2026 / 2026年1月14日（水） / 2026년 1월 14일 (수).
    if language == "ja":
        return f"{date_label(day, day, 'day', language)}（{WEEKDAYS[language][day.weekday()]}）"
    if language == "ko":
        return f"{date_label(day, day, 'day', language)} ({WEEKDAYS[language][day.weekday()]})"
    return f"{day:%a} {day.day} {month_year(day)}"


def read_label(day: datetime.date | None, error: str) -> dict:
    return {"text": error or (day_with_weekday(day, current_language()) if day else ""), "error": bool(error)}


def typed_date_labels(earliest: str, latest: str | None = None, precision: str = "") -> dict[str, dict]:
    """
    For each date given, {"text": …, "error": bool}: the day it reads as, or
    what is wrong. `latest` is None for a lone date field (only `earliest`
    is labelled); with it, the latest date's label adds what readers see.
    """
    first, first_error = read_iso(earliest)
    labels = {"earliest": read_label(first, first_error)}
    if latest is None:
        if first:
            problem = date_errors(first, None).get("earliest")
            if problem:
                labels["earliest"] = {"text": problem, "error": True}
        return labels
    last, last_error = read_iso(latest)
    labels["latest"] = read_label(last, last_error)
    for name, problem in date_errors(first, last).items():
        labels[name] = {"text": problem, "error": True}
    if first and last and not any(label["error"] for label in labels.values()):
        if precision not in Event.Precision.values:
            precision = Event.Precision.DAY
        seen = date_label(first, last, precision, current_language())
        labels["latest"]["text"] += " · " + gettext("readers see “%(label)s”") % {"label": seen}
    return labels


@require_GET
def date_label_view(request):
    """
    ?earliest=…[&latest=…][&precision=…] → the labels as JSON, for
    static/admin_review/date-labels.js. Staff only: routed through the admin
    site's admin_view (login, never cached).
    """
    latest = request.GET.get("latest")
    labels = typed_date_labels(
        request.GET.get("earliest", "")[:40],
        latest[:40] if latest is not None else None,
        request.GET.get("precision", "")[:40],
    )
    return JsonResponse(labels)
