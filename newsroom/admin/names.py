"""Who and what events are about, and the stories they belong to."""

from django.contrib import admin

from timeline.models import Actor, Place, StoryArc, Topic

from .history import HistoryAdmin


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(HistoryAdmin):
    list_display = ["name"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "colour"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StoryArc)
class StoryArcAdmin(HistoryAdmin):
    list_display = ["title"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
