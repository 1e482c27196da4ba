"""
How events connect, as readers see it: the relations of one event phrased
from its point of view ('In response to: …'), the chain of causes before it
and consequences after it, and the relations among the events a chart draws.
Plain queries on the models; nothing here knows about HTTP or Plotly.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy

from .models import Event, EventRelation

if TYPE_CHECKING:  # the stubs' helper types are for type checks only, not installed to serve
    from django_stubs_ext import StrOrPromise

K = EventRelation.Kind

# How a relation reads from each end: (seen from from_event, seen from to_event).
PHRASES = {
    K.LED_TO: (gettext_lazy("Led to"), gettext_lazy("Resulted from")),
    K.IN_RESPONSE_TO: (gettext_lazy("In response to"), gettext_lazy("Drew a response")),
    K.PART_OF: (gettext_lazy("Part of"), gettext_lazy("Includes")),
    K.FOLLOWS_UP: (gettext_lazy("Follows up"), gettext_lazy("Followed up by")),
}

# A chain longer than this is a story arc, not a chain; the cap also bounds
# the number of queries (one per step).
MAX_DEPTH = 6


@dataclass
class RelatedEvent:
    phrase: "StrOrPromise"
    event: Event
    relation: EventRelation


def published_relations():
    return EventRelation.objects.filter(from_event__is_published=True, to_event__is_published=True).select_related(
        "from_event", "to_event", "citation__source"
    )


def relations_of(event: Event) -> list[RelatedEvent]:
    """Every published relation of an event, phrased from its side, in date order."""
    found = []
    for relation in published_relations().filter(Q(from_event=event) | Q(to_event=event)):
        outgoing = relation.from_event_id == event.pk
        phrase = PHRASES[relation.kind][0 if outgoing else 1]
        other = relation.to_event if outgoing else relation.from_event
        found.append(RelatedEvent(phrase, other, relation))
    found.sort(key=lambda related: (related.event.earliest, related.event.latest, related.event.pk))
    return found


def cause_and_effect(relation: EventRelation) -> tuple[int, int]:
    """
    (earlier, later) ids of a relation as a story reads it. 'A led to B' runs
    from A; 'A in response to B' and 'A follows up B' run from B. 'Part of'
    says nothing about order, so the dates decide.
    """
    a, b = relation.from_event, relation.to_event
    if relation.kind == K.LED_TO:
        return a.pk, b.pk
    if relation.kind in (K.IN_RESPONSE_TO, K.FOLLOWS_UP):
        return b.pk, a.pk
    if (a.earliest, a.latest, a.pk) <= (b.earliest, b.latest, b.pk):
        return a.pk, b.pk
    return b.pk, a.pk


def chain(event: Event, depth: int = MAX_DEPTH) -> tuple[list[Event], list[Event]]:
    """
    The events that led up to this one and those that followed from it,
    walking relations transitively in both directions. One query per step,
    at most `depth` steps each way; an event already seen is not visited
    again, so cycles (A answers B answers A) end the walk.
    """
    return _walk(event, depth, backwards=True), _walk(event, depth, backwards=False)


def _walk(event: Event, depth: int, backwards: bool) -> list[Event]:
    seen = {event.pk}
    found: dict[int, Event] = {}
    frontier = {event.pk}
    for _ in range(depth):
        if not frontier:
            break
        next_frontier = set()
        relations = published_relations().filter(Q(from_event__in=frontier) | Q(to_event__in=frontier))
        for relation in relations:
            earlier, later = cause_and_effect(relation)
            here, there = (later, earlier) if backwards else (earlier, later)
            if here in frontier and there not in seen:
                seen.add(there)
                next_frontier.add(there)
                found[there] = relation.from_event if relation.from_event_id == there else relation.to_event
        frontier = next_frontier
    return sorted(found.values(), key=lambda e: (e.earliest, e.latest, -e.importance, e.pk))


def relations_among(events: list[Event]) -> list[EventRelation]:
    """The published relations both of whose ends are among these events, in one query."""
    ids = [event.pk for event in events]
    if not ids:
        return []
    return list(
        EventRelation.objects.filter(from_event__in=ids, to_event__in=ids).only("from_event_id", "to_event_id", "kind")
    )
