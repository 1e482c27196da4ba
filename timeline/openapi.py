"""The OpenAPI 3.1 description of summit's read API, served at /api/openapi.json; its schemas are JSON Schema."""

from .filters import MAX_QUERY_LENGTH

SLUG_LIST = {"type": "array", "items": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}}
LOOSE_DATE = {
    "type": "string",
    "maxLength": 40,
    "description": "YYYY-MM-DD, YYYY-MM, YYYY or what dateparser reads ('Nov 2025'); "
    "a month or year means all of it. Between 1800 and 2200.",
}


def query(name, schema, description, required=False, explode=True):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
        "style": "form",
        "explode": explode,
    }


FILTERS = [
    query("actor", SLUG_LIST, "Events of any of these actors (slugs); repeat the parameter for several."),
    query("topic", SLUG_LIST, "Events of any of these topics (slugs)."),
    query("arc", {"type": "string"}, "Events of this story arc (slug)."),
    query(
        "q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "Free text over titles, summaries, quotes and names."
    ),
    query("from", LOOSE_DATE, "Events that end on or after this date."),
    query("to", LOOSE_DATE, "Events that start on or before this date."),
]
# Every endpoint answers in English, Japanese or Korean: this, else a /ja/ or /ko/ prefix, else Accept-Language.
LANGUAGE = [
    query(
        "lang",
        {"type": "string", "enum": ["en", "ja", "ko"]},
        "The language of titles, names, date labels and messages (English where a text is not translated).",
    )
]
CHART = [
    query("lanes", {"type": "string", "enum": ["actor", "topic"]}, "One chart lane per actor or per topic."),
    query("links", {"type": "string", "enum": ["on"]}, "Draw connectors between related events."),
]
PAGING = [
    query("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}, "Events per page."),
    query("cursor", {"type": "string", "maxLength": 200}, "Opaque cursor from a previous page's `next`."),
]

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
    text = {"type": "string"}
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
        "paths": {
            "/api/events.json": operation(
                "Published events of the filters, in date order, a page at a time",
                FILTERS + PAGING + LANGUAGE,
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
                "Ordered by (earliest, latest, -importance, id); `next` carries a cursor to the following page.",
            ),
            "/api/window.json": operation(
                "The chart's figure for one time window",
                [
                    {**FILTERS[4], "required": True},
                    {**FILTERS[5], "required": True},
                    *FILTERS[:4],
                    *CHART,
                    *LANGUAGE,
                ],
                "application/json",
                {
                    "type": "object",
                    "required": ["data", "layout"],
                    "properties": {"data": {"type": "array"}, "layout": {"type": "object"}},
                },
                "Every event of the window when there are few, else the most important and a density band; "
                "a Plotly figure (data and layout).",
            ),
            "/api/events.csv": operation(
                "The events as CSV (UTF-8 with BOM, ISO dates), one row per event",
                FILTERS + LANGUAGE,
                "text/csv",
                text,
                "Citations are joined in one cell; cells that would start a spreadsheet formula begin with a quote.",
            ),
            "/api/events.ics": operation(
                "The events as an iCalendar feed of all-day entries",
                FILTERS + LANGUAGE,
                "text/calendar",
                text,
                "Imprecise dates cover their whole span; UIDs are stable, so calendar apps update entries.",
            ),
            "/api/events.timelinejs.json": operation(
                "The events in TimelineJS3's JSON format",
                FILTERS + LANGUAGE,
                "application/json",
                {
                    "type": "object",
                    "required": ["events"],
                    "properties": {"title": {"type": "object"}, "events": {"type": "array"}},
                },
                "Dates carry only the parts that are known; text is HTML-escaped.",
            ),
        },
    }
