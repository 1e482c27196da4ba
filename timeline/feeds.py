"""An Atom feed of newly published events, for readers and newsroom tools that follow the timeline."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Event
from .text import strip_control_characters


class LatestEventsFeed(Feed):
    feed_type = Atom1Feed
    title = _("summit: newly published events")
    subtitle = _("Events of the Japan–South Korea timeline, each cited to its sources, as they are published.")

    def link(self):
        return reverse("index")

    def items(self):
        return (
            Event.objects.published()
            .filter(published_at__isnull=False)
            .prefetch_related("citations__source")
            .order_by("-published_at", "-pk")[:50]
        )

    # XML cannot hold control characters, and text stored before they were
    # refused on entry may still carry some: they go, rather than the feed.
    def item_title(self, event):
        return strip_control_characters(f"{event.translated('title')} ({event.date_label})")

    def item_description(self, event):
        # Feed readers render this as HTML: the data goes in as text.
        summary = escape(event.translated("summary"))
        parts = [f"<p><strong>{escape(event.date_label)}</strong>: {summary}</p>"]
        parts += [
            f'<blockquote lang="{escape(citation.source.language)}">{escape(citation.quote)}</blockquote>'
            for citation in event.citations.all()
        ]
        return strip_control_characters("".join(parts))

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at
