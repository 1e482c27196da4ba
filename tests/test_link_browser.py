"""Paste a link in the admin: a worker fetches it, the desk follows the job, the editor checks and saves."""

import datetime

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.curation_data import PASSWORD, make_editor
from tests.local_site import LocalSite
from tests.worker_thread import worker_thread
from timeline.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pasted_link_is_fetched_checked_and_saved_with_its_proposals(page, live_server):
    make_editor()
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[site.host]), worker_thread():
        url = site.page("/world/ferry-timetable", "article.html")
        page.goto(f"{live_server.url}/admin/login/?next=/admin/timeline/source/add/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")

        page.fill("#id_title", "Typed, then Enter: the article's own form")
        page.fill("#id_link", url + "?utm_source=mail")
        page.press("#id_link", "Enter")  # the link's form: Fetch
        job = page.locator("tr.job")
        expect(job).to_have_attribute("data-job-state", "done", timeout=20_000)
        expect(page.locator("#jobs")).to_have_attribute("data-polling", "off")

        page.click("a.job-link")
        expect(page.locator("#id_title")).to_have_value("Harbour ministers agree on a ferry timetable")
        expect(page.locator("#id_author")).to_have_value("Mira Okonkwo")
        expect(page.locator("#id_outlet")).to_have_value("The Lakeside Courier")
        expect(page.locator("#id_published_on")).to_have_value("2026-01-12")
        expect(page.locator("#id_url")).to_have_value(url)
        expect(page.locator("#id_outlet_country")).to_have_value("")  # not on the page: left empty

        page.fill("#id_outlet_country", "Examplestan")
        page.click("input[name=_save]")
        expect(page.locator("section.proposal").first).to_be_visible()

    source = Source.objects.get()
    assert (source.url, source.published_on, source.outlet_country) == (url, datetime.date(2026, 1, 12), "Examplestan")
    assert source.proposals.filter(earliest=datetime.date(2026, 2, 2)).exists()
