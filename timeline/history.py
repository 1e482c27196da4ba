"""
An event and what hangs on it (its citations, its relations to and from other
events, its actors, places and topics) are one unit of history: "no edit is
ever lost". Every version of an event records them (HistoricalEvent.linked);
a citation or relation saved or deleted adds a version of its event, with the
change as its reason; and a revert or an undelete puts them back as that
version had them.

simple-history already adds a version when an event's actors, places or
topics change; the receivers here add the rest.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils.text import Truncator
from simple_history.signals import pre_create_historical_record

from timeline.models import EVENT_HISTORY, Actor, Citation, Event, EventRelation, Place, Source, Topic

REASON_LENGTH = Event.history.model._meta.get_field("history_change_reason").max_length
M2M_MODELS = {"actors": Actor, "places": Place, "topics": Topic}

# Events being restored: their citations and relations change one by one, and
# the restore records one version when it is done, not one per change.
_restoring: contextvars.ContextVar[frozenset] = contextvars.ContextVar("restoring", default=frozenset())


def citation_state(citation: Citation) -> dict:
    return {"source": citation.source_id, "quote": citation.quote, "start": citation.start, "end": citation.end}


def relation_state(relation: EventRelation) -> dict:
    citation = relation.citation
    return {
        "from_event": relation.from_event_id,
        "to_event": relation.to_event_id,
        "kind": relation.kind,
        "note": relation.note,
        # By the passage, not the id: a restored citation is a new row.
        "citation": (
            {"event": citation.event_id, "source": citation.source_id, "start": citation.start, "end": citation.end}
            if citation
            else None
        ),
    }


def relations_of(event_id):
    return EventRelation.objects.filter(Q(from_event_id=event_id) | Q(to_event_id=event_id))


def linked_state(event: Event) -> dict:
    """What hangs on the event now, as JSON."""
    citations = Citation.objects.filter(event_id=event.pk).order_by("source_id", "start", "end")
    relations = relations_of(event.pk).select_related("citation").order_by("from_event_id", "to_event_id", "kind")
    return {
        **{name: sorted(getattr(event, name).values_list("pk", flat=True)) for name in M2M_MODELS},
        "citations": [citation_state(citation) for citation in citations],
        "relations": [relation_state(relation) for relation in relations],
    }


def citation_key(state: dict) -> tuple:
    return state["source"], state["start"], state["end"]


def relation_key(state: dict) -> tuple:
    return state["from_event"], state["to_event"], state["kind"]


def add_version(event_id: int, reason: str) -> None:
    """A new version of the event, recording what hangs on it now."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True) or event_id in _restoring.get():
        return
    event = Event.objects.filter(pk=event_id).first()
    if event is not None:
        # simple-history's documented way to give the next version a reason.
        event._change_reason = Truncator(reason).chars(REASON_LENGTH)  # type: ignore[attr-defined]
        EVENT_HISTORY.create_historical_record(event, "~")


@receiver(pre_create_historical_record, sender=Event.history.model)
def record_linked(sender, instance, history_instance, **kwargs):
    # A deleted event's citations and relations are gone by the time its
    # last version is written: pre_delete kept them.
    kept = instance.__dict__.pop("_linked_before_delete", None)
    deleted = history_instance.history_type == "-" and kept is not None
    history_instance.linked = kept if deleted else linked_state(instance)


@receiver(pre_delete, sender=Event)
def keep_linked_before_delete(sender, instance, **kwargs):
    instance._linked_before_delete = linked_state(instance)


def deleted_with_event(event_id: int, origin) -> bool:
    """Whether a deletion started from this event (its citations and relations go with it)."""
    if isinstance(origin, Event):
        return origin.pk == event_id
    if isinstance(origin, QuerySet) and origin.model is Event:
        # Children are deleted before their event, so it is still there to find.
        return origin.filter(pk=event_id).exists()
    return False


@receiver(post_save, sender=Citation)
def citation_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        add_version(instance.event_id, f"Citation {'added' if created else 'changed'}: {instance}")


@receiver(post_delete, sender=Citation)
def citation_deleted(sender, instance, origin=None, **kwargs):
    if not deleted_with_event(instance.event_id, origin):
        add_version(instance.event_id, f"Citation removed: {instance}")


@receiver(post_save, sender=EventRelation)
def relation_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        for event_id in (instance.from_event_id, instance.to_event_id):
            add_version(event_id, f"Relation {'added' if created else 'changed'}: {instance}")


@receiver(post_delete, sender=EventRelation)
def relation_deleted(sender, instance, origin=None, **kwargs):
    for event_id in (instance.from_event_id, instance.to_event_id):
        if not deleted_with_event(event_id, origin):
            add_version(event_id, f"Relation removed: {instance}")


@contextmanager
def restoring(event: Event):
    """Changes to what hangs on the event add no version of it while it is restored."""
    token = _restoring.set(_restoring.get() | {event.pk})
    # simple-history's own flag: no version per actor, place or topic set.
    event.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del event.skip_history_when_saving  # type: ignore[attr-defined]
        _restoring.reset(token)


def restore_linked(event: Event, state: dict) -> list[str]:
    """
    Make what hangs on the (saved) event what `state` recorded: citations with
    the same source, quote and offsets, relations whose other event still
    exists, the same actors, places and topics. Returns what could not be
    restored, for the editor.
    """
    missing: list[str] = []
    with restoring(event):
        for name, model in M2M_MODELS.items():
            getattr(event, name).set(model._default_manager.filter(pk__in=state.get(name, [])))
        missing += restore_citations(event, state.get("citations", []))
        missing += restore_relations(event, state.get("relations", []))
    return missing


def restore_citations(event: Event, states: list[dict]) -> list[str]:
    wanted = {citation_key(state): state for state in states}
    current = {citation_key(citation_state(citation)): citation for citation in event.citations.all()}
    for key, citation in current.items():
        if key not in wanted:
            citation.delete()
    missing: list[str] = []
    sources = Source.objects.in_bulk({state["source"] for state in states})
    for key, state in wanted.items():
        kept = current.get(key)
        if kept is not None:
            if kept.quote != state["quote"]:
                kept.quote = state["quote"]
                kept.save()
        elif state["source"] in sources:
            Citation.objects.create(event=event, **{**state, "source": sources[state["source"]]})
        else:
            missing.append(f"the citation “{state['quote'][:60]}”: its source was deleted")
    return missing


def find_citation(state: dict | None) -> Citation | None:
    if state is None:
        return None
    return Citation.objects.filter(
        event_id=state["event"], source_id=state["source"], start=state["start"], end=state["end"]
    ).first()


def restore_relations(event: Event, states: list[dict]) -> list[str]:
    wanted = {relation_key(state): state for state in states}
    current = {relation_key(relation_state(relation)): relation for relation in relations_of(event.pk)}
    for key, relation in current.items():
        if key not in wanted:
            relation.delete()
    missing = []
    existing = set(Event.objects.filter(pk__in={pk for key in wanted for pk in key[:2]}).values_list("pk", flat=True))
    for key, state in wanted.items():
        if not existing.issuperset(key[:2]):
            other = key[1] if key[0] == event.pk else key[0]
            kind = EventRelation.Kind(state["kind"]).label
            missing.append(f"the relation “{kind}” with event {other}: that event was deleted")
            continue
        relation = current.get(key) or EventRelation(from_event_id=key[0], to_event_id=key[1], kind=key[2])
        citation = find_citation(state["citation"])
        unchanged = relation.pk is not None and (relation.note, relation.citation) == (state["note"], citation)
        if not unchanged:
            relation.note, relation.citation = state["note"], citation
            relation.save()
    return missing


def restore_version(event: Event, record, *, save) -> list[str]:
    """
    Bring the event back as `record` (one of its versions) had it: `save`
    writes the event's own fields; then what hung on it is restored, and one
    version records the result. An undeleted event comes back unpublished,
    for an editor to check and republish.
    """
    undeleting = not Event.objects.filter(pk=event.pk).exists()
    if undeleting:
        event.is_published = False
        event.published_at = None
    with restoring(event):
        save()
    if undeleting:
        # Inserting the row again stamped it as created now.
        event.created_at = record.created_at
        Event.objects.filter(pk=event.pk).update(created_at=record.created_at)
    missing = restore_linked(event, record.linked) if record.linked is not None else []
    verb = "Restored" if undeleting else "Reverted to"
    event._change_reason = f"{verb} the version of {record.history_date:%Y-%m-%d %H:%M:%S}"  # type: ignore[attr-defined]
    EVENT_HISTORY.create_historical_record(event, "+" if undeleting else "~")
    return missing
