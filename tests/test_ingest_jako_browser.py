"""A Japanese and a Korean article taken through the admin in headless
Chromium: stored, read in their own language, proposed with the original
quote, its date and the seed event each most likely reports."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.curation_data import PASSWORD, make_editor
from timeline.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JAPANESE = "高市首相は１３日、奈良市で韓国の李在明大統領と首脳会談を行った。両首脳は１４日、法隆寺を訪れる予定だ。"
KOREAN = "이재명 대통령은 13일 나라현에서 다카이치 총리와 정상회담을 했다.두 정상은 14일 호류지를 방문할 예정이다."


def add_article(page, live_server, title, text):
    call_command("loaddata", "seed", verbosity=0)
    make_editor()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"{live_server.url}/admin/timeline/source/add/")
    page.fill("#id_title", title)
    page.fill("#id_published_on", "2026-01-13")
    page.fill("#id_text", text)
    page.click("input[name=_save]")
    expect(page.locator("section.proposal")).to_have_count(2)
    return page.locator("section.proposal")


def test_a_japanese_article_is_stored_and_proposed_in_its_own_words(page, live_server):
    proposals = add_article(page, live_server, "日韓首脳会談", JAPANESE)
    first = proposals.first
    expect(first.locator("blockquote.proposal-quote")).to_have_attribute("lang", "ja")
    expect(first.locator("mark")).to_have_text("１３日")
    expect(first.locator("blockquote.proposal-quote")).to_contain_text("首脳会談を行った")
    expect(first.locator("h2")).to_contain_text("2026-01-13 to 2026-01-13")
    expect(first.locator(".matches")).to_contain_text("Takaichi and Lee hold a summit in Nara")
    expect(proposals.nth(1).locator(".matches")).to_contain_text("Takaichi and Lee visit Horyu-ji Temple")
    assert Source.objects.get(title="日韓首脳会談").language == "ja"


def test_a_korean_article_is_stored_and_proposed_in_its_own_words(page, live_server):
    proposals = add_article(page, live_server, "한일 정상회담", KOREAN)
    first = proposals.first
    expect(first.locator("blockquote.proposal-quote")).to_have_attribute("lang", "ko")
    expect(first.locator("mark")).to_have_text("13일")
    expect(proposals.nth(1)).to_contain_text("Suggested status: Scheduled")
    expect(first.locator(".matches")).to_contain_text("Takaichi and Lee hold a summit in Nara")
    expect(proposals.nth(1).locator(".matches")).to_contain_text("Takaichi and Lee visit Horyu-ji Temple")
    assert Source.objects.get(title="한일 정상회담").language == "ko"
