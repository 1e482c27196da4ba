from django.core.management import BaseCommand, call_command

from timeline.models import Event, Source


class Command(BaseCommand):
    help = (
        "Load the seed (fixtures/seed.json) into a database that holds no events or sources yet. "
        "A database with either is left alone, so restarting `make run` never overwrites an edit."
    )

    def handle(self, *args, **options):
        if Event.objects.exists() or Source.objects.exists():
            self.stdout.write("The database already holds the timeline's data: the seed was not loaded.")
            return
        call_command("loaddata", "seed", verbosity=options["verbosity"])
