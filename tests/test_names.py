"""Contested and language-dependent names: every form finds the events, each is shown neutrally."""

from django.test import TestCase
from django.urls import reverse

from newsroom.names import actor_patterns, names_in
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


class FamilyNameAndTitleTests(TestCase):
    """Japanese and Korean news name a person again by family name and title."""

    @classmethod
    def setUpTestData(cls):
        cls.yamada = Actor.objects.create(
            name="Hanako Yamada",
            name_ja="山田花子",
            name_ko="야마다 하나코",
            short_name="Yamada",
            short_name_ja="山田",
            short_name_ko="야마다",
            slug="hanako-yamada",
            kind="person",
        )
        cls.kim = Actor.objects.create(
            name="Kim Min-su", name_ja="金敏洙", name_ko="김민수", slug="kim-min-su", kind="person"
        )
        cls.trent = Actor.objects.create(
            name="Donna Trent", name_ja="トレント", name_ko="트렌트", slug="donna-trent", kind="person"
        )

    def named(self, sentence):
        return {actor.slug for actor in names_in(sentence, actor_patterns())}

    def test_a_japanese_family_name_with_any_title_names_the_person(self):
        for sentence in (
            "山田総理は12日に帰国した。",
            "山田首相が述べた。",
            "山田総理大臣は",
            "山田外相と会談",
            "山田氏は",
        ):
            assert self.named(sentence) == {"hanako-yamada"}, sentence
        for sentence in ("야마다 총리는 12일 귀국했다.", "야마다 외무상은", "야마다총리가"):
            assert self.named(sentence) == {"hanako-yamada"}, sentence

    def test_a_korean_family_name_of_one_syllable_names_the_person_with_an_office(self):
        for sentence in (
            "김 장관은 12일 방일했다.",
            "김장관은",
            "김 전 대통령은",
            "金外相は12日に来日した。",
            "金大統領と会談した。",
        ):
            assert self.named(sentence) == {"kim-min-su"}, sentence

    def test_one_syllable_alone_or_with_a_courtesy_title_names_nobody(self):
        for sentence in (
            "金融庁は12日に発表した。",
            "金曜日に会談した。",
            "김 씨는 말했다.",
            "金氏は語った。",
            "김치 장관",
        ):
            assert self.named(sentence) == set(), sentence

    def test_a_family_name_inside_a_longer_word_names_nobody(self):
        assert self.named("도시김 장관") == set()
        assert self.named("韓国金正男首相") == set()

    def test_a_short_transliteration_is_not_a_family_name(self):
        assert self.named("트 대통령은") == set()
        assert self.named("트렌트 대통령은") == {"donna-trent"}

    def test_a_korean_name_in_katakana_gives_its_family_name_too(self):
        self.kim.aliases = "キム・ミンス"
        self.kim.save()
        assert self.named("キム・ミンス氏は") == {"kim-min-su"}
        assert self.named("キム大統領は12日に来日した。") == {"kim-min-su"}
        assert self.named("キムチ大統領") == set()
        assert self.named("ボキム大統領") == set()

    def test_a_korean_headline_writes_the_han_family_name_with_a_korean_title(self):
        assert self.named("金대통령, 12일 방일") == {"kim-min-su"}
        assert self.named("金 장관 방미") == {"kim-min-su"}
