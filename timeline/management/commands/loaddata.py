"""
Django's loaddata, with the events it loads starting their history whole.

Fixtures save rows raw, so simple-history records nothing for them, except
when an event's actors, places or topics are set, which happens before its
citations and relations are loaded: those versions record an event with no
citations, and "revert to the original" would strip them. Here the versions
written during the load are replaced by one per loaded event, recording
everything that hangs on it once the whole fixture is in. A backup restored
with SIMPLE_HISTORY_ENABLED=0 brings its own history and is left as it is.
"""

from django.conf import settings
from django.core.management.commands import loaddata
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from timeline.models import EVENT_HISTORY, Event

REASON = "Loaded from a fixture"


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        loaded: set[int] = set()

        def note_event(sender, instance, raw=False, **kwargs):
            if raw:
                loaded.add(instance.pk)

        started = timezone.now()
        post_save.connect(note_event, sender=Event, weak=False)
        try:
            with transaction.atomic(using=options.get("database") or "default"):
                super().handle(*fixture_labels, **options)
                if loaded and getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
                    record_loaded_events(loaded, started)
        finally:
            post_save.disconnect(note_event, sender=Event)


def record_loaded_events(pks: set[int], since) -> None:
    """One first version per loaded event, with its citations, relations, actors, places and topics."""
    Event.history.filter(id__in=pks, history_date__gte=since).delete()
    for event in Event.objects.filter(pk__in=pks):
        event._change_reason = REASON  # type: ignore[attr-defined]
        EVENT_HISTORY.create_historical_record(event, "+")
