from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from timeline.feeds import LatestEventsFeed
from timeline.sitemaps import SITEMAPS
from timeline.views import api, details, exports, oembed, timeline

# What readers and publishers see, in their language: English at the
# addresses summit always had, Japanese under /ja/, Korean under /ko/.
urlpatterns = i18n_patterns(
    path("", timeline.index, name="index"),
    path("embed/", timeline.embed, name="embed"),
    path("events/<slug:slug>/", details.event_detail, name="event_detail"),
    path("events/<slug:slug>/panel/", details.event_panel, name="event_panel"),
    path("sources/<int:pk>/", details.source_detail, name="source_detail"),
    path("api/events.json", api.events_json, name="api_events_json"),
    path("api/window.json", api.window_json, name="api_window_json"),
    path("api/events.csv", exports.events_csv, name="api_events_csv"),
    path("api/events.ics", exports.events_ics, name="api_events_ics"),
    path("api/events.timelinejs.json", exports.events_timelinejs, name="api_events_timelinejs"),
    path("oembed", oembed.oembed, name="oembed"),
    path("feed/", LatestEventsFeed(), name="feed"),
    prefix_default_language=False,
)

urlpatterns += [
    path("api/openapi.json", exports.openapi, name="api_openapi"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The admin speaks the editor's language (their browser's), at one address.
    path("admin/", admin.site.urls),
]

# A database that drops out mid-request answers 503, not the 500 page.
handler500 = "timeline.middleware.server_error"
