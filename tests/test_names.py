"""Contested and language-dependent names: every form finds the events, each is shown neutrally."""

from django.test import TestCase
from django.urls import reverse

from timeline.models import Actor

from .story_data import make_story

ISLET_EVENTS = {"nara-summit", "takeshima-day"}
TAKAICHI_EVENTS = {"taiwan-remark", "nara-summit"}


class AliasSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()
        lee = Actor.objects.create(
            name="Lee Jae-myung", short_name="Lee", slug="lee-jae-myung", kind="person", colour="#003478"
        )
        cls.story["nara"].actors.add(lee)

    def page_slugs(self, q):
        response = self.client.get("/", {"q": q})
        assert response.status_code == 200
        return {event.slug for event in response.context["events"]}

    def api_slugs(self, q):
        response = self.client.get(reverse("api_events_json"), {"q": q})
        assert response.status_code == 200
        return {event["slug"] for event in response.json()["events"]}

    def assert_finds(self, q, expected):
        assert self.page_slugs(q) == expected, q
        assert self.api_slugs(q) == expected, q

    def test_every_name_of_the_islets_finds_the_same_events(self):
        for q in ("Dokdo", "Takeshima", "Liancourt", "Liancourt Rocks", "dokdo"):
            self.assert_finds(q, ISLET_EVENTS)

    def test_both_names_of_the_sea_find_it(self):
        for q in ("East Sea", "Sea of Japan", "east sea"):
            self.assert_finds(q, {"sea-naming"})

    def test_both_name_orders_find_the_prime_minister(self):
        for q in ("Takaichi Sanae", "Sanae Takaichi", "sanae takaichi", "高市早苗"):
            self.assert_finds(q, TAKAICHI_EVENTS)

    def test_a_name_in_the_other_order_is_found_without_an_alias(self):
        # Lee has no alias 'Jae-myung Lee': the search flips two-word names itself.
        self.assert_finds("Jae-myung Lee", {"nara-summit"})
        self.assert_finds("Lee Jae-myung", {"nara-summit"})

    def test_a_name_nobody_uses_finds_nothing(self):
        self.assert_finds("Ulleungdo", set())

    def test_unpublished_events_stay_hidden_from_name_search(self):
        hidden = self.story["hidden"]
        hidden.places.add(self.story["islets"])
        self.assert_finds("Dokdo", ISLET_EVENTS)


class NeutralNamesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()

    def test_event_page_gives_every_name_with_the_note_and_no_preference(self):
        html = self.client.get(reverse("event_detail", args=["takeshima-day"])).content.decode()
        assert "<strong>Liancourt Rocks</strong> is also called Takeshima / Dokdo." in html
        assert "Japan calls the islets Takeshima, South Korea Dokdo; both claim them." in html

    def test_panel_gives_the_name_order_note(self):
        html = self.client.get(reverse("event_panel", args=["taiwan-remark"])).content.decode()
        assert "<strong>Sanae Takaichi</strong> is also written Takaichi Sanae / 高市早苗." in html
        assert "Japanese order puts the family name first" in html

    def test_sea_names_both_shown(self):
        html = self.client.get(reverse("event_detail", args=["sea-naming"])).content.decode()
        assert "<strong>Sea of Japan</strong> is also called East Sea." in html
        assert "South Korea calls it the East Sea." in html


class OutletTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()

    def test_panel_says_which_countries_outlets_reported_the_event(self):
        html = self.client.get(reverse("event_panel", args=["nara-summit"])).content.decode()
        assert "Reported by outlets in: Hong Kong, Japan" in html

    def test_an_unnamed_outlet_is_said_so(self):
        html = self.client.get(reverse("event_panel", args=["travel-advisory"])).content.decode()
        assert "Reported by outlets in: outlet not named" in html

    def test_two_outlets_framing_an_event_differently_stand_side_by_side(self):
        response = self.client.get(reverse("event_detail", args=["nara-summit"]))
        html = response.content.decode()
        assert 'class="by-source compare"' in html
        kyodo = html.index("talks focused on stabilising rare-earth supply chains")
        scmp = html.index("Rare earths were not explicitly mentioned in the joint press release")
        columns = html.count('class="source-column"')
        assert columns == 2 and kyodo != scmp

    def test_one_outlet_is_not_presented_as_a_comparison(self):
        html = self.client.get(reverse("event_detail", args=["export-controls"])).content.decode()
        assert 'class="by-source compare"' not in html
        assert html.count('class="source-column"') == 1

    def test_panel_costs_the_same_queries_however_many_sources_and_links(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = []
        for slug in ("nara-summit", "takeshima-day", "export-controls"):
            with CaptureQueriesContext(connection) as queries:
                self.client.get(reverse("event_panel", args=[slug]))
            counts.append(len(queries))
        assert len(set(counts)) == 1, counts
