"""
Hostile strings, as data: what a careless paste, a malicious source article or
a crafted link could put into summit. Every text field and every query
parameter gets each of them; none may turn into markup, script or style.
"""

from django.db import models

from timeline.text import refuse_control_characters

# Each string carries the marker "pwn" so the browser checks can tell data from page.
HOSTILE = [
    "<script>alert('pwn-script')</script>",
    '"><script>alert("pwn-attr")</script>',
    "<img src=x onerror=alert('pwn-img')>",
    "<svg onload=alert('pwn-svg')></svg>",
    "<a href=\"javascript:alert('pwn-link')\">pwn link</a>",
    "<a href='https://evil.example/pwn'>pwn plotly link</a>",
    '<b style="color:red;font-size:90px">pwn bold styled</b>',
    '<span style="position:fixed;inset:0;background:red">pwn overlay</span>',
    "<iframe src=\"data:text/html,<script>alert('pwn-iframe')</script>\"></iframe>",
    "&lt;b&gt;pwn entity&lt;/b&gt; &amp;amp;",
    "{{ request.META }} {% debug %} pwn template",
    "\u202epwn rtl override\u202c \u200f",
    "pwn' OR '1'='1'; --",
    "pwn</textarea></title></style></script><script>alert('pwn-close')</script>",
    "pwn<br>line<br/>break%{hovertext}<extra>x</extra>",
]
LONG = "pwn-long " + "x" * 5000

URL_HOSTILE = [
    "javascript:alert('pwn-url')",
    " JaVaScRiPt:alert('pwn-url2')",
    "data:text/html,<script>alert('pwn-data')</script>",
]


def hostile(index: int, max_length: int | None = None) -> str:
    """The index-th hostile string, cut to fit a column (keeping the marker)."""
    value = (HOSTILE + [LONG])[index % (len(HOSTILE) + 1)]
    if max_length and len(value) > max_length:
        value = value[:max_length]
        if "pwn" not in value:
            value = ("pwn" + value)[:max_length]
    return value


def free_text_fields(model) -> list[models.Field]:
    """Text a person writes: char and text fields without choices, slugs, validators or URLs."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, (models.SlugField, models.URLField))
        and not field.choices
        # Refusing control characters still leaves every hostile string in.
        and all(validator is refuse_control_characters for validator in field._validators)
        and field.name != "language"
    ]


def fill(instance, offset: int):
    """Put a different hostile string into every free-text field of an unsaved instance."""
    # Translations (title_ja, name_ko…) last, so every other field keeps the string it always had.
    fields = sorted(free_text_fields(type(instance)), key=lambda field: field.name.endswith(("_ja", "_ko")))
    for n, field in enumerate(fields):
        # A unique suffix, so unique names stay unique after cutting.
        suffix = f" #{offset}.{n}"
        limit = (field.max_length - len(suffix)) if field.max_length else None
        setattr(instance, field.name, hostile(offset + n, limit) + suffix)
    return instance


def make_hostile_world() -> dict:
    """Every model with hostile text in every free-text field, published and cited."""
    import datetime

    from timeline.models import Actor, Citation, Event, EventRelation, Place, Source, StoryArc, Topic

    day = datetime.date(2026, 1, 13)
    actors = []
    for i in range(3):
        actor = fill(Actor(slug=f"actor-{i}", kind="country", colour="#112233"), i)
        actor.save()
        actors.append(actor)
    place = fill(Place(slug="place"), 4)
    place.save()
    topic = fill(Topic(slug="topic", colour="#445566"), 5)
    topic.save()
    arc = fill(StoryArc(slug="arc"), 6)
    arc.save()
    # The source text holds every hostile string, so each can be quoted verbatim.
    source = fill(Source(published_on=day, url="https://news.example/article"), 7)
    source.text = "Opening line.\n" + "\n".join(HOSTILE) + "\n" + LONG + "\nEnd."
    source.save()
    bad_url_sources = []
    for i, url in enumerate(URL_HOSTILE):
        # Stored past validation (as loaddata or a raw import could): must stay inert.
        bad = fill(Source(published_on=day, url=url, text="Plain text. " + HOSTILE[i]), 20 + i)
        bad.save()
        bad_url_sources.append(bad)
    events = []
    for i in range(len(HOSTILE) + 1):
        event = fill(
            Event(
                slug=f"event-{i}",
                earliest=day + datetime.timedelta(days=i),
                latest=day + datetime.timedelta(days=i),
                status_as_of=day,
                arc=arc,
                importance=1 + i % 5,
                is_published=True,
            ),
            i,
        )
        event.save()
        event.actors.set([actors[i % 3]])
        event.places.set([place])
        event.topics.set([topic])
        quote = (HOSTILE + [LONG])[i]
        Citation.objects.create(event=event, source=source, quote=quote, start=0, end=1)
        if i < len(bad_url_sources):
            bad = bad_url_sources[i]
            Citation.objects.create(event=event, source=bad, quote=HOSTILE[i], start=0, end=1)
        events.append(event)
    for i in range(len(events) - 1):
        relation = fill(EventRelation(from_event=events[i], to_event=events[i + 1], kind="led_to"), 30 + i)
        relation.save()
    return {
        "actors": actors,
        "place": place,
        "topic": topic,
        "arc": arc,
        "source": source,
        "bad_url_sources": bad_url_sources,
        "events": events,
    }


# Query parameters of the public routes beyond the filter form (embed, oEmbed, pagination).
EXTRA_PARAMETERS = ["url", "format", "maxwidth", "maxheight", "theme", "limit", "cursor", "callback", "page"]


def query_parameters() -> list[str]:
    from timeline.filters import EventFilterForm

    return sorted(set(EventFilterForm.base_fields) | {"from", "to"} | set(EXTRA_PARAMETERS))


def public_routes():
    """(name, pattern, converter names) of every route outside the admin, read from the URLconf."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin" or pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                converters = list(getattr(pattern.pattern, "converters", {}))
                found.append((name, str(pattern.pattern), converters))

    walk(get_resolver().url_patterns, None)
    return found


def candidate_values(world: dict) -> dict[str, list]:
    """Real values for URL converters, most specific first; a route's first 200 wins."""
    events = world["events"]
    return {
        "slug": [events[0].slug, world["arc"].slug, world["actors"][0].slug, world["topic"].slug, world["place"].slug],
        "pk": [world["source"].pk, events[0].pk],
        "id": [world["source"].pk, events[0].pk],
        "event_slug": [events[0].slug],
        "source_pk": [world["source"].pk],
    }


def public_urls(client, world: dict) -> list[str]:
    """One working URL per public route; a route whose converters we cannot fill fails loudly."""
    from itertools import product

    from django.urls import NoReverseMatch, reverse

    values = candidate_values(world)
    urls = []
    for name, pattern, converters in public_routes():
        if not converters:
            urls.append(reverse(name))
            continue
        unknown = [c for c in converters if c not in values]
        assert not unknown, f"Add real values for {unknown} of route {pattern!r} to tests/hostile.py"
        chosen = None
        for combo in product(*(values[c] for c in converters)):
            try:
                url = reverse(name, kwargs=dict(zip(converters, combo)))
            except NoReverseMatch:
                continue
            chosen = chosen or url
            if client.get(url).status_code == 200:
                chosen = url
                break
        assert chosen, f"Cannot build a URL for {pattern!r}"
        urls.append(chosen)
    return urls
