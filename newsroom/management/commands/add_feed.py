from django.core.management.base import BaseCommand, CommandError

from newsroom.feeds import add_feed
from newsroom.ingest import IngestError


class Command(BaseCommand):
    help = (
        "Follow an outlet's RSS or Atom feed for a story: each poll stores its new items whose title or "
        "summary contains any keyword (any case; no keywords: every item) and proposes their dated events."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="The feed's http(s) address.")
        parser.add_argument("--story", required=True, metavar="SLUG", help="The story arc's slug.")
        parser.add_argument("--keywords", nargs="+", default=[], metavar="WORD")

    def handle(self, *args, url, story, keywords, **options):
        from django.core.exceptions import ValidationError

        from timeline.text import web_url_validator

        try:
            web_url_validator(url)
        except ValidationError:
            raise CommandError(f"{url!r} is not an http:// or https:// address.") from None
        try:
            feed = add_feed(url, story, keywords)
        except IngestError as error:
            raise CommandError(str(error)) from None
        words = ", ".join(feed.keywords) or "every item"
        self.stdout.write(self.style.SUCCESS(f"Following {feed.url} for {feed.story} (feed #{feed.pk}; {words})."))
