"""Relations between events: the rules, the chain, the panel's phrasing, the chart's connectors."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse

from timeline.models import EventRelation
from timeline.relations import chain, relations_of

from .story_data import make_story


class RelationRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()

    def test_an_event_cannot_be_linked_to_itself_in_the_admin(self):
        remark = self.story["remark"]
        relation = EventRelation(from_event=remark, to_event=remark, kind=EventRelation.Kind.LED_TO)
        with self.assertRaisesMessage(ValidationError, "cannot be related to itself"):
            relation.full_clean()

    def test_the_database_refuses_a_self_link(self):
        remark = self.story["remark"]
        with self.assertRaises(IntegrityError), transaction.atomic():
            EventRelation.objects.create(from_event=remark, to_event=remark, kind=EventRelation.Kind.LED_TO)
        assert not EventRelation.objects.filter(from_event=remark, to_event=remark).exists()

    def test_the_same_link_twice_is_refused(self):
        controls, remark = self.story["controls"], self.story["remark"]
        duplicate = EventRelation(from_event=controls, to_event=remark, kind=EventRelation.Kind.IN_RESPONSE_TO)
        with self.assertRaises(ValidationError):
            duplicate.full_clean()
        with self.assertRaises(IntegrityError), transaction.atomic():
            duplicate.save()
        assert EventRelation.objects.filter(from_event=controls, to_event=remark).count() == 1

    def test_two_kinds_of_link_between_the_same_events_are_allowed(self):
        controls, remark = self.story["controls"], self.story["remark"]
        EventRelation(from_event=controls, to_event=remark, kind=EventRelation.Kind.FOLLOWS_UP).full_clean()


class ChainTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()

    def slugs(self, events):
        return [event.slug for event in events]

    def test_chain_walks_back_to_the_cause_and_forward_to_the_consequences(self):
        before, after = chain(self.story["controls"])
        assert self.slugs(before) == ["taiwan-remark"]
        # Unpublished drafts never appear, even when linked.
        assert self.slugs(after) == ["rare-earth-talks", "nara-summit"]

    def test_chain_is_transitive_and_in_date_order(self):
        before, after = chain(self.story["nara"])
        assert self.slugs(before) == ["taiwan-remark", "export-controls", "rare-earth-talks"]
        assert after == []
        before, after = chain(self.story["remark"])
        assert before == []
        assert self.slugs(after) == [
            "travel-advisory",
            "export-controls",
            "rare-earth-talks",
            "nara-summit",
        ]

    def test_chain_stops_at_the_depth_cap(self):
        before, _ = chain(self.story["nara"], depth=1)
        assert self.slugs(before) == ["rare-earth-talks"]

    def test_a_cycle_does_not_loop(self):
        # The remark 'follows up' the talks: now the story runs in a circle.
        EventRelation.objects.create(
            from_event=self.story["remark"], to_event=self.story["nara"], kind=EventRelation.Kind.FOLLOWS_UP
        )
        before, after = chain(self.story["controls"])
        assert "export-controls" not in self.slugs(before) + self.slugs(after)
        assert len(set(self.slugs(after))) == len(after)

    def test_chain_costs_one_query_per_step_and_stops_when_nothing_is_left(self):
        # Backwards: one query finds nothing. Forwards: the advisory and the
        # controls, then the talks, then Nara, then an empty step.
        with self.assertNumQueries(1 + 4):
            chain(self.story["remark"], depth=6)

    def test_event_page_shows_the_chain_before_and_after_in_order(self):
        response = self.client.get(reverse("event_detail", args=["export-controls"]))
        assert response.status_code == 200
        html = response.content.decode()
        section = html[html.index('class="chain"') :]
        positions = [
            section.index("Takaichi&#x27;s remark on Taiwan"),
            section.index("China tightens export controls"),
            section.index("Rare-earth supply talks"),
            section.index("Takaichi–Lee summit in Nara"),
        ]
        assert positions == sorted(positions)
        assert 'aria-current="page"' in section
        assert "Draft: a further retaliation" not in html

    def test_panel_lists_relations_from_the_events_side(self):
        response = self.client.get(reverse("event_panel", args=["export-controls"]))
        html = response.content.decode()
        remark_url = reverse("event_detail", args=["taiwan-remark"])
        assert f'In response to: <a href="{remark_url}"' in html
        assert "Led to: <a" in html
        assert "Beijing tied them to the remark." in html
        assert "came in response to the remark on Taiwan" in html
        # The chain is for the full page; the panel stays short.
        assert 'class="chain"' not in html

    def test_the_other_end_reads_the_relation_backwards(self):
        phrases = {(r.phrase, r.event.slug) for r in relations_of(self.story["remark"])}
        assert phrases == {("Drew a response", "travel-advisory"), ("Drew a response", "export-controls")}
        phrases = {(r.phrase, r.event.slug) for r in relations_of(self.story["nara"])}
        assert phrases == {("Includes", "rare-earth-talks")}


class ConnectorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = make_story()

    def test_connectors_run_from_cause_to_effect_between_shown_events(self):
        chart = self.client.get("/?links=on&lanes=none").context["chart"]
        pairs = {(link.cause, link.effect) for link in chart.links}
        assert ("taiwan-remark", "export-controls") in pairs
        assert ("export-controls", "rare-earth-talks") in pairs
        assert not any("draft-retaliation" in pair for pair in pairs)

    def test_links_param_adds_a_separate_connector_trace(self):
        plain = self.client.get("/").context["figure"]
        linked = self.client.get("/?links=on").context["figure"]
        assert len(linked["data"]) == len(plain["data"]) + 1
        trace = linked["data"][-1]
        assert trace["meta"] == "links" and "customdata" not in trace
        assert 'name="links"' in self.client.get("/?links=on").content.decode()

    def test_connector_labels_are_escaped(self):
        remark = self.story["remark"]
        remark.title = "<b>bold</b> remark"
        remark.save()
        figure = self.client.get("/?links=on").context["figure"]
        trace = next(trace for trace in figure["data"] if trace["meta"] == "links")
        assert all("<b>bold" not in text for text in trace["hovertext"])

    def test_story_arc_is_a_filter(self):
        response = self.client.get("/?arc=japan-china-dispute")
        slugs = {event.slug for event in response.context["events"]}
        assert slugs == {"taiwan-remark", "travel-advisory", "export-controls", "rare-earth-talks"}
        assert self.client.get("/?arc=no-such-story").status_code == 400


# A window around the story's events, for the endpoint the page calls after a zoom or pan.
STORY_WINDOW = {"from": "2025-10-01", "to": "2026-03-31"}


def link_traces(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return [trace for trace in response.json()["data"] if trace.get("meta") == "links"]


@pytest.mark.django_db
def test_a_zoomed_window_draws_connectors_only_when_links_are_asked_for(client):
    make_story()
    window = reverse("api_window_json")
    assert link_traces(client.get(window, STORY_WINDOW)) == []
    assert len(link_traces(client.get(window, {**STORY_WINDOW, "links": "on"}))) == 1
