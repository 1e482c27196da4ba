"""The sitemap: the timeline, every published event and every source a published event cites."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event, Source


class TimelineSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["index"]

    def location(self, name):
        return reverse(name)


class EventSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.published().order_by("earliest", "pk")

    def lastmod(self, event):
        return event.updated_at


class SourceSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Source.objects.public().order_by("pk")

    def location(self, source):
        return reverse("source_detail", args=[source.pk])

    def lastmod(self, source):
        return source.updated_at


SITEMAPS = {"timeline": TimelineSitemap, "events": EventSitemap, "sources": SourceSitemap}
