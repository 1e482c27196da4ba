"""`make run` loads the seed only into an empty database, so a restart keeps an editor's edits."""

from django.core.management import call_command

from timeline.models import Event


def test_loading_the_seed_twice_keeps_an_edit_made_in_between(db):
    call_command("load_seed", verbosity=0)
    event = Event.objects.order_by("pk").first()
    event.title = "Retitled by an editor"
    event.save()

    call_command("load_seed", verbosity=0)

    event.refresh_from_db()
    assert event.title == "Retitled by an editor"
    assert Event.objects.count() == 30


def test_the_seed_loads_into_an_empty_database(db):
    call_command("load_seed", verbosity=0)
    assert Event.objects.published().count() > 0
