"""
The OpenAPI 3.1 description of summit's read API, served at /api/openapi.json; its schemas are JSON Schema.

The parameters are generated from the filter forms the endpoints validate with, so the document
cannot promise a value the code refuses or leave out one it reads (tests/test_openapi_drift.py).
"""

from django import forms

from .filters import MAX_DATE, MIN_DATE, EventFilterForm, EventPageForm, LooseDateField, SlugChoiceField, WindowField
from .models import Actor, Event, StoryArc, Topic
from .views.api import PAGE_ORDER

SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"
DESCRIPTIONS = {
    "actor": "Events of any of these actors (slugs); repeat the parameter for several.",
    "topic": "Events of any of these topics (slugs); repeat the parameter for several.",
    "arc": "Events of this story arc (slug).",
    "q": "Free text over titles, summaries, quotes and every name of actors and places.",
    "from": "Events that end on or after this date.",
    "to": "Events that start on or before this date.",
    "lanes": "The chart's lanes: one per story arc (the default), actor or topic, or one for all.",
    "links": "Draw connectors between related events.",
    "window": "The chart's zoom, first..last day shown; it frames the chart and filters nothing.",
    "width": "The chart's plot width in CSS pixels, so the layout fits the reader's screen.",
    "page": "The page of the chronological list (100 events a page); past the end, the last one.",
    "limit": "Events per page.",
    "cursor": "Opaque cursor from a previous page's `next`.",
}
LOOSE_DATE_HELP = (
    "YYYY-MM-DD, YYYY-MM, YYYY or what dateparser reads ('Nov 2025'); a month or year means all of it. "
    f"Dates lie between {MIN_DATE.year} and {MAX_DATE.year}."
)


# What lies outside a chart's window ("3 earlier ←", "→ 2 later"), and where to go to see it.
_SIDE_WINDOW = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$"}
OUTSIDE = {
    "type": "object",
    "required": ["earlier", "later", "earlier_window", "later_window"],
    "properties": {
        "earlier": {"type": "integer", "description": "Events of the filters wholly before the window."},
        "later": {"type": "integer", "description": "Events of the filters beginning after the window."},
        "earlier_window": {**_SIDE_WINDOW, "description": "The `window` that takes the earlier events in, or null."},
        "later_window": {**_SIDE_WINDOW, "description": "The `window` that takes the later events in, or null."},
    },
}


def examples(*values: str) -> dict:
    return {"examples": {f"e{number}": {"value": value} for number, value in enumerate(values) if value}}


def published_slug(model) -> str:
    """An example slug that the filters accept: one a published event uses."""
    used = model.objects.filter(pk__in=model.objects.filter(events__in=Event.objects.published()).values("pk"))
    if model is StoryArc:
        used = StoryArc.objects.filter(events__in=Event.objects.published())
    return used.order_by("slug").values_list("slug", flat=True).first() or ""


def field_schema(name: str, field: forms.Field) -> tuple[dict, dict]:
    """The JSON Schema of one form field, and examples where no enum or bounds say what it takes."""
    if isinstance(field, SlugChoiceField):
        model = Actor if name == "actor" else Topic
        return {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}}, examples(published_slug(model))
    if isinstance(field, LooseDateField):
        return {"type": "string", "maxLength": field.max_length, "description": LOOSE_DATE_HELP}, examples(
            "2026-01-13", "2025-11", "Nov 2025", f"{MIN_DATE.year:04d}", f"{MAX_DATE.year:04d}"
        )
    if isinstance(field, WindowField):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$"}, examples(
            "2026-01-13..2026-01-15"
        )
    if isinstance(field, forms.BooleanField):
        return {"type": "string", "enum": ["on"]}, {}
    if isinstance(field, forms.IntegerField):
        return {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}, {}
    if isinstance(field, forms.ChoiceField) and name != "arc":
        return {"type": "string", "enum": [value for value, _ in list(field.choices) if value]}, {}  # type: ignore[arg-type]
    if name == "arc":
        return {"type": "string", "pattern": SLUG_PATTERN}, examples(published_slug(StoryArc))
    example = {"q": "Nara", "cursor": ""}.get(name, "")
    return {"type": "string", "maxLength": getattr(field, "max_length", None)}, examples(example)


def parameters(form_class: type[forms.Form], required: tuple[str, ...] = ()) -> list[dict]:
    """Every field of an endpoint's form as an OpenAPI query parameter, in the form's order."""
    listed = []
    for name, field in form_class().fields.items():
        schema, extra = field_schema(name, field)
        listed.append(
            {
                "name": name,
                "in": "query",
                "required": name in required,
                "schema": schema,
                "description": DESCRIPTIONS.get(name) or str(field.label or name),
                "style": "form",
                "explode": True,
                **extra,
            }
        )
    return listed


# Not a filter: every endpoint answers in English, Japanese or Korean (timeline/languages.py):
# this, else a /ja/ or /ko/ prefix on the path, else the Accept-Language header, else English.
LANGUAGE = {
    "name": "lang",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["en", "ja", "ko"]},
    "description": "The language of titles, names, date labels and messages; a text not translated yet "
    "stays in English (an event's `lang` says which). Without it: the /ja/ or /ko/ prefix, then Accept-Language.",
    "style": "form",
    "explode": True,
}


SOURCE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "outlet": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"]},
        "published_on": {"type": "string", "format": "date"},
        "url": {"type": ["string", "null"]},
        "language": {"type": "string", "description": "The language the article, and so its quotes, is written in."},
    },
}
EVENT = {
    "type": "object",
    "required": ["slug", "url", "title", "earliest", "latest", "precision", "date_label", "status", "citations"],
    "properties": {
        "slug": {"type": "string"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "lang": {
            "type": "object",
            "description": "The language `title` and `summary` are in: the one asked for, or en where not translated.",
        },
        "earliest": {"type": "string", "format": "date"},
        "latest": {"type": "string", "format": "date"},
        "precision": {"type": "string", "enum": ["day", "part_of_month", "month", "season", "year", "span"]},
        "date_label": {"type": "string"},
        "status": {"type": "string", "enum": ["happened", "scheduled", "expected", "cancelled"]},
        "status_as_of": {"type": "string", "format": "date"},
        "importance": {"type": "integer", "minimum": 1, "maximum": 5},
        "actors": {"type": "array", "items": {"type": "object"}},
        "topics": {"type": "array", "items": {"type": "object"}},
        "citations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "quote": {"type": "string"},
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "source": SOURCE,
                },
            },
        },
    },
}
ERROR = {
    "description": "A parameter could not be used; `errors` names each one.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "errors"],
                "properties": {
                    "error": {"type": "string"},
                    "errors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
                        },
                    },
                },
            }
        }
    },
}


def operation(summary, parameters, content_type, schema, description):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": parameters,
            "responses": {
                "200": {"description": "OK", "content": {content_type: {"schema": schema}}},
                "304": {"description": "Not modified since the ETag or date the client holds."},
                "400": ERROR,
            },
        }
    }


def openapi_document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "summit",
            "version": "1",
            "description": "Published events of the summit timeline, each cited to the passages of its sources. "
            "Every endpoint takes the same filters as the timeline page. Responses carry ETag and "
            "Last-Modified and answer conditional requests with 304.",
        },
        "servers": [{"url": server_url}],
        "paths": paths(),
    }


def paths() -> dict:
    text = {"type": "string"}
    filters = [*parameters(EventFilterForm), LANGUAGE]
    order = ", ".join("id" if key == "pk" else key for key in PAGE_ORDER)
    return {
        "/api/events.json": operation(
            "Published events of the filters, in date order, a page at a time",
            [*parameters(EventPageForm), LANGUAGE],
            "application/json",
            {
                "type": "object",
                "required": ["count", "events", "next"],
                "properties": {
                    "count": {"type": "integer", "description": "Events on this page."},
                    "next": {"type": ["string", "null"], "description": "The next page, or null."},
                    "events": {"type": "array", "items": EVENT},
                },
            },
            f"Ordered by ({order}); `next` carries a cursor to the following page.",
        ),
        "/api/window.json": operation(
            "The chart's figure for one time window",
            [*parameters(EventFilterForm, required=("from", "to")), LANGUAGE],
            "application/json",
            {
                "type": "object",
                "required": ["data", "layout", "outside"],
                "properties": {"data": {"type": "array"}, "layout": {"type": "object"}, "outside": OUTSIDE},
            },
            "Every event of the window when there are few, else the most important and a density band; "
            "a Plotly figure (data and layout), and `outside`: the events of the filters before and after "
            "the window, each side with the `window` that takes it in. `from` and `to` may be left out "
            "when `window` is given.",
        ),
        "/api/events.csv": operation(
            "The events as CSV (UTF-8 with BOM, ISO dates), one row per event",
            filters,
            "text/csv",
            text,
            "Citations are joined in one cell; cells that would start a spreadsheet formula begin with a quote.",
        ),
        "/api/events.ics": operation(
            "The events as an iCalendar feed of all-day entries",
            filters,
            "text/calendar",
            text,
            "Imprecise dates cover their whole span; UIDs are stable, so calendar apps update entries.",
        ),
        "/api/events.timelinejs.json": operation(
            "The events in TimelineJS3's JSON format",
            filters,
            "application/json",
            {
                "type": "object",
                "required": ["events"],
                "properties": {"title": {"type": "object"}, "events": {"type": "array"}},
            },
            "Dates carry only the parts that are known; text is HTML-escaped.",
        ),
    }
