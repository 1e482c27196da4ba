"""Who and what events are about, and the stories they belong to."""

from django.contrib import admin

from timeline.models import Actor, Place, StoryArc, Topic

from .history import HistoryAdmin
from .translations import SideBySideTranslations


@admin.register(Actor)
class ActorAdmin(SideBySideTranslations, HistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "name_ja", "name_ko", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(SideBySideTranslations, HistoryAdmin):
    list_display = ["name"]
    search_fields = ["name", "name_ja", "name_ko", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(SideBySideTranslations, HistoryAdmin):
    list_display = ["name", "colour"]
    search_fields = ["name", "name_ja", "name_ko"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StoryArc)
class StoryArcAdmin(SideBySideTranslations, HistoryAdmin):
    list_display = ["title"]
    search_fields = ["title", "title_ja", "title_ko", "summary"]
    prepopulated_fields = {"slug": ["title"]}
