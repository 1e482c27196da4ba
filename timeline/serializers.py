"""Events as plain data, for the JSON API and the exports."""

from .models import Event


def citation_to_dict(citation) -> dict:
    source = citation.source
    return {
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
        "source": {
            "id": source.pk,
            "outlet": source.outlet,
            "title": source.title,
            "published_on": source.published_on.isoformat(),
            "url": source.url,
            # Quotes stay in the language they were published in.
            "language": source.language,
        },
    }


def event_to_dict(event: Event, base_url: str = "") -> dict:
    """The event in the active language; `lang` says which language each text is in (English where untranslated)."""
    title, summary = event.translated("title"), event.translated("summary")
    return {
        "slug": event.slug,
        "url": base_url + event.get_absolute_url(),
        "title": title,
        "summary": summary,
        "lang": {"title": title.lang, "summary": summary.lang},
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "precision": event.precision,
        "date_label": event.date_label,
        "status": event.status,
        "status_as_of": event.status_as_of.isoformat(),
        "importance": event.importance,
        "actors": [
            {
                "slug": actor.slug,
                "name": actor.translated("name"),
                "short_name": actor.translated("short_name"),
                "colour": actor.colour,
            }
            for actor in event.actors.all()
        ],
        "topics": [{"slug": topic.slug, "name": topic.translated("name")} for topic in event.topics.all()],
        "citations": [citation_to_dict(citation) for citation in event.citations.all()],
    }
