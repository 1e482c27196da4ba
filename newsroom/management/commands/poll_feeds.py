from django.core.management.base import BaseCommand, CommandError

from newsroom.feeds import poll_feed
from newsroom.fetch import FetchError
from newsroom.models import Feed


class Command(BaseCommand):
    help = (
        "Poll every feed now (the workers also poll them on a schedule) and store its new matching items "
        "as sources with their proposals, before exiting. Exits non-zero when a feed failed."
    )

    def handle(self, *args, **options):
        failed = 0
        for feed in Feed.objects.filter(active=True):
            try:
                result = poll_feed(feed)
            except FetchError as error:
                failed += 1
                self.stderr.write(f"{feed.url}: {error}")
                continue
            if result.not_modified:
                self.stdout.write(f"{feed.url}: not modified since the last poll")
                continue
            self.stdout.write(
                f"{feed.url}: {result.new_items} new item(s), {len(result.sources)} source(s) stored"
                + (f", {len(result.linked)} already stored" if result.linked else "")
            )
            for problem in result.errors:
                self.stderr.write(f"  {problem}")
        if failed:
            raise CommandError(f"{failed} feed(s) failed; see their last error in the admin.")
