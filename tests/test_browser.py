"""The reader's view in a real browser: cards, highlighting switches, fallbacks, accessibility.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright against the built site served
on 127.0.0.1. Skipped only outside CI when Chromium is missing.
"""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers import edition_project
from browser_support import AXE_SCRIPT, chromium_missing_reason, serve

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(chromium_missing_reason() is not None, reason=chromium_missing_reason() or ""),
]

ARTICLE = "artikel/halaman-1/"
ENTITY_PAGE = "glosarium/tokoh/vladimir-putin/"
REGISTER = "glosarium/"
POPUP = "#glossary-popup"
#: A person mentioned in the second paragraph of page 1, and a place in the standfirst.
PERSON = 'a.glossary-mention[data-entity="kazbek-taysaev"]'
PERSON_ENTRY = "glosarium/tokoh/kazbek-taysaev/"
PLACE = 'a.glossary-mention[data-entity="pyongyang"]'
#: A person whose role the summary does not repeat, so the card shows it, dated; and their page.
DATED_ROLE = 'a.glossary-mention[data-entity="artyom-lukin"]'
ARTICLE_WITH_DATED_ROLE = "artikel/halaman-3/"
HIGHLIGHTED = "a.glossary-mention[data-entity-type]"
SWITCHES = "div.glossary-controls"
#: The card's small print: number of sources and review date, e.g. "3 sumber · ditinjau 26 Nov 2026".
SMALL_PRINT = re.compile(r"^\d+ sumber · ditinjau \d{1,2} \w{3} \d{4}$")
PHONE = {"width": 360, "height": 740}
#: The page's title (search results are <article>s with <h1>s too).
TITLE = "article.md-content__inner h1"


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    with serve(built_site) as url:
        yield url


class Visit:
    """A browser context that records what the pages ask for and complain about."""

    def __init__(self, browser, base_url: str, **options) -> None:
        self.base_url = base_url
        self.context = browser.new_context(**options)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page


@pytest.fixture
def visit(browser, base_url):
    """visit(**context_options) -> Visit; contexts are closed after the test."""
    visits = []

    def make(**options) -> Visit:
        visits.append(Visit(browser, base_url, **options))
        return visits[-1]

    yield make
    for v in visits:
        v.context.close()


def card_facts(page, entity: str) -> dict[str, str]:
    """What the page glossary (the card's source) says about an entity."""
    return page.evaluate(
        """id => {
          const entry = document.querySelector(`aside.glossary-page .glossary-card[data-entity="${id}"]`);
          const text = sel => (entry.querySelector(sel) || {textContent: ""}).textContent.trim();
          return {name: text(".glossary-card__title"), type: text(".glossary-card__type"),
                  role: text(".glossary-card__role"), summary: text(".glossary-card__summary"),
                  meta: text(".glossary-card__meta"),
                  // The page glossary holds no links: the entry's address is its mentions' link.
                  href: document.querySelector(`a.glossary-mention[data-entity="${id}"]`).href.split("#")[0]};
        }""", entity)


def box(page, selector: str) -> dict[str, float]:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def decoration(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).textDecorationLine")


# ---- The card -------------------------------------------------------------------------------

def test_hovering_a_person_shows_a_card_with_name_type_role_summary_sources_and_link(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE_WITH_DATED_ROLE)
    facts = card_facts(page, "artyom-lukin")
    assert facts["summary"] and facts["type"] == "Tokoh"
    assert facts["role"].endswith(" · per 1 Feb 2024"), facts["role"]  # the role's date, as on the entry page
    assert SMALL_PRINT.match(facts["meta"]), facts["meta"]
    expect(page.locator(POPUP)).to_be_hidden()

    page.hover(DATED_ROLE)

    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    expect(popup.locator(".glossary-popup__name")).to_have_text(facts["name"])
    expect(popup.locator(".glossary-popup__type")).to_have_text("Tokoh")
    expect(popup.locator(".glossary-popup__role")).to_have_text(facts["role"])
    expect(popup.locator(".glossary-popup__summary")).to_have_text(facts["summary"])
    expect(popup.locator(".glossary-popup__meta")).to_have_text(facts["meta"])
    more = popup.locator("a.glossary-popup__more")
    expect(more).to_have_text("Selengkapnya")
    assert more.evaluate("a => a.href") == facts["href"] == page.locator(DATED_ROLE).evaluate("a => a.href")
    assert facts["href"].endswith("/glosarium/tokoh/artyom-lukin/"), facts["href"]
    # The card takes the type's colour from the markup (no type is named in the CSS or script).
    border = popup.evaluate("el => getComputedStyle(el).borderTopColor")
    assert border == page.locator(DATED_ROLE).evaluate("el => getComputedStyle(el).textDecorationColor") == "rgb(138, 63, 252)"


def test_every_card_of_every_article_page_shows_its_sources_and_review_date(visit):
    v = visit(viewport={"width": 1280, "height": 900})
    for number in range(1, 5):
        page = v.open(f"artikel/halaman-{number}/")
        metas = page.locator("aside.glossary-page .glossary-card__meta").all_inner_texts()
        assert metas and len(metas) == page.locator("aside.glossary-page .glossary-card").count()
        assert all(SMALL_PRINT.match(meta) for meta in metas), metas
        page.locator(HIGHLIGHTED).first.focus()
        expect(page.locator(f"{POPUP} .glossary-popup__meta")).to_have_text(SMALL_PRINT)


def test_the_dark_scheme_draws_the_types_in_their_dark_colour(visit):
    page = visit(viewport={"width": 1280, "height": 900}, color_scheme="dark").open(ARTICLE)
    assert page.locator(PERSON).evaluate("el => getComputedStyle(el).textDecorationColor") == "rgb(198, 160, 255)"
    page.hover(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    assert page.locator(POPUP).evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(198, 160, 255)"


def test_the_pointer_can_move_onto_the_card_and_it_stays(visit, base_url):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.hover(PERSON)
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()

    card, mention = box(page, POPUP), box(page, PERSON)
    # Through the gap between them (neither mention nor card is under the pointer there)...
    gap_y = (mention["top"] + card["bottom"]) / 2 if card["bottom"] <= mention["top"] \
        else (mention["bottom"] + card["top"]) / 2
    page.mouse.move((mention["left"] + mention["right"]) / 2, gap_y)
    # ...onto the card, and stay there.
    page.mouse.move((card["left"] + card["right"]) / 2, (card["top"] + card["bottom"]) / 2, steps=4)
    page.wait_for_timeout(1000)  # well past the script's grace delay: the card must still be there
    expect(popup).to_be_visible()

    popup.locator("a.glossary-popup__more").click()
    expect(page).to_have_url(base_url + PERSON_ENTRY)


def test_the_card_closes_when_the_pointer_leaves_mention_and_card(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.hover(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    page.mouse.move(5, 890, steps=4)
    expect(page.locator(POPUP)).to_be_hidden()


def test_escape_closes_a_hovered_card(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.hover(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(POPUP)).to_be_hidden()


def test_tab_goes_from_mention_to_mention_never_into_the_card_and_escape_keeps_focus(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.click(TITLE)  # start of sequential focus navigation; the next links are the page's
    labels = page.locator("p.glossary-change-labels a")  # correction labels, then the standfirst
    for _ in range(labels.count()):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(PLACE)).to_be_focused()
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    expect(popup.locator(".glossary-popup__name")).to_have_text(card_facts(page, "pyongyang")["name"])

    # The mention already links to the entry: the card's link is no Tab stop.
    page.keyboard.press("Tab")
    expect(page.locator('a.glossary-mention[data-entity="moskow"]')).to_be_focused()
    expect(popup.locator(".glossary-popup__name")).to_have_text("Moskow")
    page.keyboard.press("Shift+Tab")
    expect(page.locator(PLACE)).to_be_focused()

    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(page.locator(PLACE)).to_be_focused()


def test_tab_order_through_the_article_is_its_links_in_order_with_one_stop_per_mention(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    expected = page.evaluate("""() => Array.from(
        document.querySelectorAll("article.md-content__inner a[href], article.md-content__inner input"))
      .filter(el => !el.closest("#glossary-popup") && el.tabIndex >= 0 && el.getClientRects().length)
      .map(el => el.id || el.tagName + " " + (el.getAttribute("href") || el.dataset.entityType))""")
    assert sum(1 for stop in expected if stop.startswith("sebut-")) > 5

    page.click(TITLE)
    seen = []
    for _ in expected:
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const el = document.activeElement;
            return {stop: el.id || el.tagName + " " + (el.getAttribute("href") || el.dataset.entityType),
                    inCard: !!el.closest("#glossary-popup")}; }""")
        assert not focused["inCard"], f"Tab went into the card after {seen[-1:]}"
        seen.append(focused["stop"])
    # The switches come before the title, so the walk starts after them.
    links = [stop for stop in expected if not stop.startswith("INPUT")]
    assert seen[:len(links)] == links


def test_a_mention_is_described_by_its_summary_and_the_card_is_hidden_from_screen_readers(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    mentions = page.locator(HIGHLIGHTED)
    assert mentions.count() > 5
    pairs = page.evaluate("""sel => Array.from(document.querySelectorAll(sel), a => {
        const target = document.getElementById(a.getAttribute("aria-describedby") || "");
        return {entity: a.dataset.entity,
                target: target && target.closest(".glossary-card") && target.closest(".glossary-card").dataset.entity,
                isSummary: !!target && target.matches("aside.glossary-page .glossary-card__summary")};
      })""", HIGHLIGHTED)
    assert all(pair["isSummary"] and pair["target"] == pair["entity"] for pair in pairs), pairs

    summary = card_facts(page, "kazbek-taysaev")["summary"]
    expect(page.locator(PERSON)).to_have_accessible_description(summary)
    page.locator(PERSON).focus()
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    expect(popup).to_have_attribute("aria-hidden", "true")
    expect(popup.locator("a.glossary-popup__more")).to_have_attribute("tabindex", "-1")


def test_first_tap_opens_the_card_without_navigating_second_tap_follows_the_link(visit, base_url):
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(ARTICLE)
    page.tap(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    assert page.url == base_url + ARTICLE

    page.tap(PERSON)
    expect(page).to_have_url(base_url + PERSON_ENTRY)
    expect(page.locator(TITLE)).to_have_text("Kazbek Taysaev")


def test_the_link_in_a_tapped_card_goes_to_the_entry_and_a_tap_elsewhere_closes_it(visit, base_url):
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(ARTICLE)
    page.tap(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    page.tap(TITLE)
    expect(page.locator(POPUP)).to_be_hidden()

    page.tap(PERSON)
    page.tap(f"{POPUP} a.glossary-popup__more")
    expect(page).to_have_url(base_url + PERSON_ENTRY)


@pytest.mark.parametrize("path", [f"artikel/halaman-{n}/" for n in range(1, 5)] + [ENTITY_PAGE])
def test_at_360px_every_card_stays_in_the_viewport_and_never_covers_its_mention(visit, path):
    page = visit(viewport=PHONE).open(path)
    mentions = page.locator(HIGHLIGHTED)
    assert mentions.count() > 0
    for index in range(mentions.count()):
        mention = mentions.nth(index)
        mention.focus()
        expect(page.locator(POPUP)).to_be_visible()
        card = box(page, POPUP)
        where = f"{path} {mention.get_attribute('data-entity')}: card {card}"
        assert card["left"] >= 0 and card["right"] <= PHONE["width"], where
        assert card["top"] >= 0 and card["bottom"] <= PHONE["height"], where
        for line in mention.evaluate("el => Array.from(el.getClientRects(), r => r.toJSON())"):
            overlaps = (line["left"] < card["right"] and card["left"] < line["right"]
                        and line["top"] < card["bottom"] and card["top"] < line["bottom"])
            assert not overlaps, f"{where} covers its mention at {line}"


def test_the_close_button_closes_the_card_on_a_phone_and_on_a_desktop(visit, base_url):
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(ARTICLE)
    page.tap(PERSON)
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    close = popup.locator("button.glossary-popup__close")
    expect(close).to_have_attribute("aria-label", "Tutup")
    assert min(close.bounding_box()["width"], close.bounding_box()["height"]) >= 24  # WCAG 2.5.8
    close.tap()
    expect(popup).to_be_hidden()
    assert page.url == base_url + ARTICLE
    page.tap(PERSON)  # and it opens again
    expect(popup).to_be_visible()

    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.hover(PERSON)
    expect(popup := page.locator(POPUP)).to_be_visible()
    popup.locator("button.glossary-popup__close").click()
    expect(popup).to_be_hidden()
    assert page.url == base_url + ARTICLE


def test_a_role_the_summary_repeats_is_said_once_and_a_role_shown_says_its_date(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    putin = 'a.glossary-mention[data-entity="vladimir-putin"]'
    facts = card_facts(page, "vladimir-putin")
    assert facts["role"] == "" and facts["summary"].startswith("Presiden Rusia")
    page.locator(putin).focus()
    popup = page.locator(POPUP)
    expect(popup.locator(".glossary-popup__summary")).to_have_text(facts["summary"])
    expect(popup.locator(".glossary-popup__role")).to_be_hidden()
    assert popup.inner_text().count("Presiden Rusia") == 1

    # Every card on every article page: a role is either dated or left to the summary that says it.
    for number in range(1, 5):
        page = visit(viewport={"width": 1280, "height": 900}).open(f"artikel/halaman-{number}/")
        roles = page.locator("aside.glossary-page .glossary-card__role").all_inner_texts()
        assert all(role.endswith(" · per 1 Feb 2024") for role in roles), roles
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE_WITH_DATED_ROLE)
    page.locator(DATED_ROLE).focus()
    expect(page.locator(f"{POPUP} .glossary-popup__role")).to_have_text(re.compile(r"^Profesor madya .* · per 1 Feb 2024$"))


def _covers(card: dict, rect: dict) -> bool:
    return (rect["left"] < card["right"] and card["left"] < rect["right"]
            and rect["top"] < card["bottom"] and card["top"] < rect["bottom"])


@pytest.mark.parametrize("path", [f"artikel/halaman-{n}/" for n in range(1, 5)])
def test_on_a_phone_a_tapped_card_leaves_the_mention_and_the_next_line_readable(visit, path):
    """A sheet at the bottom (or top) of a 360 x 740 screen, never over the mention, the line after
    it, or the header; the page scrolls, if it must, to keep them in view."""
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(path)
    mentions = page.locator(HIGHLIGHTED)
    popup = page.locator(POPUP)
    header = box(page, ".md-header")
    for index in range(mentions.count()):
        mention = mentions.nth(index)
        mention.tap()
        expect(popup).to_be_visible()
        card = box(page, POPUP)
        where = f"{path} {mention.get_attribute('data-entity')}: card {card}"
        assert card["left"] == 0 and card["right"] == PHONE["width"], where
        assert card["top"] >= header["bottom"] and card["bottom"] <= PHONE["height"], where
        lines = mention.evaluate("el => Array.from(el.getClientRects(), r => r.toJSON())")
        line_height = mention.evaluate("el => parseFloat(getComputedStyle(el.parentNode).lineHeight)")
        last = lines[-1]
        next_line = {"left": 0, "right": PHONE["width"], "top": last["bottom"], "bottom": last["bottom"] + line_height}
        for rect in lines + [next_line]:
            assert not _covers(card, rect), f"{where} covers {rect}"
            assert rect["top"] >= header["bottom"] - 1, f"{where}: {rect} is under the header"
        popup.locator("button.glossary-popup__close").tap()
        expect(popup).to_be_hidden()


def test_on_a_phone_the_next_mention_is_not_under_the_card(visit, base_url):
    """The reader taps Ukraina, reads on, and taps Vladimir Putin two lines later: the tap reaches
    Putin, not the card (it used to cover him)."""
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(ARTICLE)
    ukraina, putin = 'a.glossary-mention[data-entity="ukraina"]', 'a.glossary-mention[data-entity="vladimir-putin"]'
    page.locator(ukraina).evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - 500)")  # low on the screen
    page.tap(ukraina)
    popup = page.locator(POPUP)
    expect(popup.locator(".glossary-popup__name")).to_have_text("Ukraina")
    target = box(page, putin)
    assert target["bottom"] <= box(page, POPUP)["top"], (target, box(page, POPUP))
    x, y = (target["left"] + target["right"]) / 2, (target["top"] + target["bottom"]) / 2
    assert page.evaluate("([x, y, sel]) => document.elementFromPoint(x, y).closest(sel) !== null", [x, y, putin])
    page.touchscreen.tap(x, y)
    expect(popup.locator(".glossary-popup__name")).to_have_text("Vladimir Putin")
    assert page.url == base_url + ARTICLE


def test_mentions_have_no_native_title_tooltip(visit):
    page = visit().open(ARTICLE)
    highlighted = page.locator(HIGHLIGHTED).count()
    assert highlighted > 5
    # No copy of the summary in a title at all: screen readers hear it through aria-describedby.
    assert page.locator(".glossary-mention[title], .glossary-mention[data-title]").count() == 0
    assert page.locator(".md-tooltip, .md-tooltip2").count() == 0  # Material's own tooltips are off


# ---- Highlighting switches ------------------------------------------------------------------

def test_each_type_can_be_switched_off_and_the_choice_survives_instant_navigation(visit, base_url):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    switches = page.locator(SWITCHES)
    expect(switches).to_be_visible()
    expect(switches).to_have_attribute("role", "group")
    # The switches sit above the title, outside the article's paragraphs.
    assert switches.evaluate("el => el.closest('p') === null && "
                             "!!(el.compareDocumentPosition(document.querySelector('article h1')) & 4)")
    assert decoration(page, PLACE) == "underline"

    page.get_by_role("checkbox", name="Tempat").uncheck()
    assert decoration(page, PLACE) == "none"
    assert decoration(page, PERSON) == "underline"
    assert page.locator(PLACE).get_attribute("href")  # still a link

    page.evaluate("window.sameDocument = true")  # survives instant navigation, not a reload
    page.click("a.article-pager__next")
    expect(page).to_have_url(base_url + "artikel/halaman-2/")
    assert page.evaluate("window.sameDocument === true")
    expect(page.get_by_role("checkbox", name="Tempat")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Tokoh")).to_be_checked()
    place = 'a.glossary-mention[data-entity-type="place"]'
    assert decoration(page, place) == "none"
    assert decoration(page, 'a.glossary-mention[data-entity-type="person"]') == "underline"
    # The switch's label, which is also the legend, is drawn like its (now plain) mentions.
    assert decoration(page, f"{SWITCHES} label:has(input[data-entity-type=place]) .glossary-controls__sample") == "none"

    # The new page's mentions have cards too (the script set it up again).
    page.locator('a.glossary-mention[data-entity-type="person"]').first.hover()
    expect(page.locator(POPUP)).to_be_visible()
    page.keyboard.press("Escape")

    page.reload()
    expect(page.get_by_role("checkbox", name="Tempat")).not_to_be_checked()
    page.get_by_role("checkbox", name="Tempat").check()
    assert decoration(page, place) == "underline"


def test_a_switched_off_type_opens_no_card_on_hover_but_still_on_focus(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.get_by_role("checkbox", name="Tokoh").uncheck()
    page.hover(PERSON)
    page.wait_for_timeout(1000)  # well past the hover delay
    expect(page.locator(POPUP)).to_be_hidden()
    page.locator(PERSON).focus()
    expect(page.locator(POPUP)).to_be_visible()


def test_the_switches_only_list_the_types_on_the_page_and_each_carries_its_colour(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    on_page = set(page.evaluate(f"() => Array.from(document.querySelectorAll('{HIGHLIGHTED}'), a => a.dataset.entityType)"))
    switches = page.locator(f"{SWITCHES} input[type=checkbox]")
    assert {switches.nth(i).get_attribute("data-entity-type") for i in range(switches.count())} == on_page
    for index in range(switches.count()):
        sample = page.locator(f"{SWITCHES} .glossary-controls__sample").nth(index)
        assert sample.evaluate("el => getComputedStyle(el).textDecorationColor") != "rgba(0, 0, 0, 0)"


def test_each_type_has_its_own_underline_style_from_the_type_table_in_text_switches_and_cards(visit):
    """Types differ without colour (WCAG 1.4.1): each has its underline style, in the mentions,
    in the switches (the legend) and on the card's type label; the style comes with the markup."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        from glossary.types import ENTITY_TYPES
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    table = {t.id: t.underline for t in ENTITY_TYPES}
    assert len(set(table.values())) == len(table), table

    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    styles = page.evaluate("""sel => Array.from(document.querySelectorAll(sel), a =>
        [a.dataset.entityType, getComputedStyle(a).textDecorationStyle, getComputedStyle(a).textDecorationLine])""", HIGHLIGHTED)
    on_page = {}
    for kind, style, line in styles:
        assert line == "underline"
        on_page.setdefault(kind, set()).add(style)
    assert on_page == {kind: {table[kind]} for kind in on_page}, on_page
    assert len(on_page) == 3  # page 1 names a person, an institution and a place
    for kind, style in table.items():
        if kind not in on_page:
            continue
        sample = page.locator(f"{SWITCHES} label:has(input[data-entity-type={kind}]) .glossary-controls__sample")
        assert sample.evaluate("el => getComputedStyle(el).textDecorationStyle") == style
        page.locator(f'a.glossary-mention[data-entity-type="{kind}"]').first.focus()
        label = page.locator(f"{POPUP} .glossary-popup__type")
        expect(label).to_be_visible()
        assert label.evaluate("el => [getComputedStyle(el).textDecorationLine, getComputedStyle(el).textDecorationStyle]") \
            == ["underline", style]


def test_keyboard_focus_on_a_switch_is_visible(visit):
    """WCAG 2.4.7: Tab onto a switch draws an outline round it."""
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    first_switch = page.locator(f"{SWITCHES} input[type=checkbox]").first
    label = page.locator(f"{SWITCHES} label").first
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") == "none"  # not before focus
    for _ in range(40):
        page.keyboard.press("Tab")
        if first_switch.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first switch")
    outline = label.evaluate("""el => { const s = getComputedStyle(el);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor}; }""")
    assert outline["style"] == "solid" and outline["width"] >= 2, outline
    assert outline["colour"] not in ("transparent", "rgba(0, 0, 0, 0)"), outline
    page.keyboard.press("Tab")  # the next switch takes the outline; the first loses it
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") == "none"
    assert page.locator(f"{SWITCHES} label").nth(1).evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


# ---- The page as it loads -------------------------------------------------------------------

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("switched_off", [False, True], ids=["default", "a-type-switched-off"])
def test_an_article_page_does_not_shift_while_it_loads(visit, switched_off):
    v = visit(viewport={"width": 1280, "height": 900})
    if switched_off:
        v.context.add_init_script("localStorage.setItem('glosarium.sorotan-mati', 'place')")
    page = v.open(ARTICLE)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(LAYOUT_SHIFT) == 0
    expect(page.locator(SWITCHES)).to_be_visible()
    expect(page.get_by_role("checkbox", name="Tempat")).to_be_checked(checked=not switched_off)


# ---- Article pages --------------------------------------------------------------------------

def test_the_pager_stays_within_the_article(visit, base_url):
    v = visit()
    for number in range(1, 5):
        page = v.open(f"artikel/halaman-{number}/")
        pager = page.locator("nav.article-pager")
        expect(pager.locator(".article-pager__position")).to_have_text(f"Halaman {number} dari 4")
        # Under the source line only where the article does not say it: pages 2-4 open with
        # their verbatim marker, and the two together would read "Halaman 2 dari 4 / 2 dari 4 halaman".
        if number == 1:
            assert page.locator(".page-marker").count() == 0
            expect(page.locator(".article-source .article-page")).to_have_text("Halaman 1 dari 4")
        else:
            expect(page.locator(".page-marker")).to_have_text(f"{number} dari 4 halaman")
            assert page.locator(".article-source .article-page").count() == 0
        previous, following = pager.locator("a[rel=prev]"), pager.locator("a[rel=next]")
        if number == 1:
            assert previous.count() == 0
        else:
            assert previous.evaluate("a => a.href") == f"{base_url}artikel/halaman-{number - 1}/"
        if number == 4:
            assert following.count() == 0
        else:
            assert following.evaluate("a => a.href") == f"{base_url}artikel/halaman-{number + 1}/"
    for path in ["", ENTITY_PAGE, REGISTER]:
        page = v.open(path)
        assert page.locator("nav.article-pager, .article-source").count() == 0, path


# ---- Fallbacks ------------------------------------------------------------------------------

def test_without_javascript_a_mention_is_a_plain_link_to_its_entry(visit, base_url):
    page = visit(java_script_enabled=False).open(ARTICLE)
    mention = page.locator(PERSON)
    assert mention.evaluate("a => a.href") == base_url + PERSON_ENTRY
    expect(mention).to_have_accessible_description(card_facts(page, "kazbek-taysaev")["summary"])
    # The switches are in the page but would do nothing: not shown, and they take no room.
    assert page.locator(SWITCHES).count() == 1
    expect(page.locator(SWITCHES)).to_be_hidden()
    expect(page.locator("aside.glossary-page")).to_be_hidden()
    mention.click()
    expect(page).to_have_url(base_url + PERSON_ENTRY)
    expect(page.locator(TITLE)).to_have_text("Kazbek Taysaev")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_print_shows_the_page_glossary_and_no_screen_controls(visit, javascript):
    page = visit(java_script_enabled=javascript).open(ARTICLE)
    page.emulate_media(media="print")
    aside = page.locator("aside.glossary-page")
    expect(aside).to_be_visible()
    expect(aside.get_by_role("heading", name="Glosarium halaman ini")).to_be_visible()
    expect(aside.locator('.glossary-card[data-entity="kazbek-taysaev"]')).to_be_visible()
    assert decoration(page, PERSON) == "underline"
    expect(page.locator(SWITCHES)).to_be_hidden()
    # The summary's last word and the small print's count do not run together ("2021.5 sumber").
    duma = aside.locator('.glossary-card[data-entity="duma-negara"]')
    summary, meta = duma.locator(".glossary-card__summary"), duma.locator(".glossary-card__meta")
    assert summary.evaluate("el => el.textContent").endswith("September 2021.")
    assert summary.bounding_box()["y"] + summary.bounding_box()["height"] <= meta.bounding_box()["y"] + 0.5


def test_editors_notes_are_set_near_body_size(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    sizes = page.evaluate("""() => {
        const px = el => parseFloat(getComputedStyle(el).fontSize);
        const note = document.querySelector("article .admonition");
        return {body: px(document.querySelector("article h1 ~ p:not(.standfirst):not(.page-marker)")),
                note: px(note.querySelector("p:not(.admonition-title)")), title: px(note.querySelector(".admonition-title")),
                sup: Math.min(...Array.from(note.querySelectorAll("sup"), px))}; }""")
    assert sizes["body"] == 16 and sizes["note"] >= 15 and sizes["title"] >= 15 and sizes["sup"] >= 12, sizes


def test_print_gives_each_source_its_address(visit):
    page = visit().open(ENTITY_PAGE)
    page.emulate_media(media="print")
    links = page.locator(".glossary-sources a[href^='http']")
    assert links.count() > 0
    for index in range(links.count()):
        link = links.nth(index)
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in after, after


# ---- Accessibility, errors, requests --------------------------------------------------------

def serious_axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else json.dumps(node["target"])
                        for node in v["nodes"][:5])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [ARTICLE, "artikel/halaman-2/", ENTITY_PAGE, REGISTER, "linimasa/", "ralat/"],
                         ids=["article", "article-corrected", "entity", "register", "timeline", "corrections"])
def test_axe_finds_no_serious_or_critical_violations(visit, path, scheme):
    page = visit(viewport={"width": 1280, "height": 900}, color_scheme=scheme).open(path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    if page.locator(HIGHLIGHTED).count():
        page.locator(HIGHLIGHTED).first.focus()  # check the open card too
        expect(page.locator(POPUP)).to_be_visible()
    assert serious_axe_violations(page) == []


def test_pages_log_no_errors_and_ask_nothing_of_other_hosts(visit, base_url):
    v = visit(viewport={"width": 1280, "height": 900})
    for path in ["", ARTICLE, ENTITY_PAGE, REGISTER]:
        page = v.open(path)
        feed = page.locator('head link[rel=alternate][type="application/atom+xml"]')
        assert feed.evaluate("link => link.href") == base_url + "feed.xml", path
        if page.locator(HIGHLIGHTED).count():
            page.locator(HIGHLIGHTED).first.hover()
            expect(page.locator(POPUP)).to_be_visible()
    page.keyboard.press("/")  # Material's search: loads its worker and the index
    page.keyboard.type("Putin")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    entry = page.locator("ul.glossary-register a").first
    name = entry.inner_text()
    entry.click()  # instant navigation: Material fetches the page itself
    expect(page.locator(TITLE)).to_have_text(name)

    assert v.errors == []
    assert v.requests, "the pages requested nothing?"
    foreign = [url for url in v.requests if urlsplit(url).hostname != "127.0.0.1"]
    assert foreign == []


# ---- Pictures -------------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_screenshot_script_photographs_light_dark_phone_and_timeline(browser, base_url, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from screenshots import take_screenshots
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    written = take_screenshots(browser, base_url, tmp_path)
    sizes = {path.name: png_size(path) for path in written}
    assert sizes == {
        "artikel-kartu-terang.png": (1280, 960),
        "artikel-kartu-gelap.png": (1280, 960),
        "artikel-ponsel.png": (720, 1480),
        "linimasa.png": (1280, 960),
    }


# ---- Timeline and quotes (issue: who said what, and when) ------------------------------------

@pytest.mark.parametrize("path", ["linimasa/", "siapa-berkata-apa/"])
def test_timeline_and_quotes_render_at_phone_width_without_horizontal_scrolling(visit, path):
    page = visit(viewport=PHONE).open(path)
    events = page.locator(".timeline__event, .quote-list > li")
    assert events.count() >= 8
    widths = page.evaluate("() => ({scroll: document.documentElement.scrollWidth,"
                           " client: document.documentElement.clientWidth})")
    assert widths["scroll"] <= widths["client"], widths
    for index in range(events.count()):
        right = events.nth(index).evaluate("el => el.getBoundingClientRect().right")
        assert right <= PHONE["width"], (path, index, right)
    assert serious_axe_violations(page) == []



# ---- One chronology (issue 20, point 7) -------------------------------------------------------

TIMELINE = "linimasa/"
TIMELINE_ROWS = ".timeline__list > li"
PUBLISHED = "2024-02-01"


def _date_key(iso: str) -> tuple[int, ...]:
    """"2023-10" -> (2023, 10, 0): a month or a year without a day comes before its days."""
    parts = [int(part) for part in iso.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_the_timeline_is_one_date_order_with_the_publication_in_its_place(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(TIMELINE)
    rows = page.locator(TIMELINE_ROWS).evaluate_all(
        "rows => rows.map(li => ({id: li.id, category: li.dataset.kategori || null,"
        " when: li.querySelector(':scope > time').getAttribute('datetime')}))")
    assert len(rows) >= 10
    keys = [_date_key(row["when"]) for row in rows]
    assert keys == sorted(keys), [row["when"] for row in rows]
    # One list per year, no other grouping: every year's heading is in the page's contents.
    years = page.locator("section.timeline > h2").all_inner_texts()
    assert years == sorted(set(years)) and len(years) == page.locator("ol.timeline__list").count()
    # The publication is marked once, between the last event before it and the first after it.
    marks = [index for index, row in enumerate(rows) if row["id"] == "artikel-terbit"]
    assert len(marks) == 1
    mark = marks[0]
    assert rows[mark]["when"] == PUBLISHED and rows[mark]["category"] is None
    assert 0 < mark < len(rows) - 1
    assert all(key < _date_key(PUBLISHED) for key in keys[:mark]), rows[:mark]
    assert all(key > _date_key(PUBLISHED) for key in keys[mark + 1:]), rows[mark + 1:]
    expect(page.locator("#artikel-terbit")).to_contain_text("Artikel terbit")
    # Every event carries its category as a label, in words, matching its data-kategori.
    for row_index, row in enumerate(rows):
        if row["category"]:
            label = page.locator(TIMELINE_ROWS).nth(row_index).locator(".timeline__category")
            expect(label).to_have_class(re.compile(rf"\btimeline__category--{row['category']}\b"))
            assert label.inner_text().strip()
    # Choe Son Hui's arrival (14 January) and her talks (16 January) are in one list, in order.
    january = page.locator("#tahun-2024 + ol.timeline__list > li").evaluate_all(
        "rows => rows.map(li => li.querySelector(':scope > time').getAttribute('datetime'))")
    assert "2024-01-14" in january and "2024-01-16" in january


def test_the_category_labels_differ_by_more_than_colour(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(TIMELINE)
    cues = page.locator(".timeline-filter .timeline__category").evaluate_all(
        "labels => labels.map(el => [getComputedStyle(el, '::before').content, getComputedStyle(el).borderTopStyle])")
    assert len(cues) == 3
    assert len({glyph for glyph, _ in cues}) == 3 and len({style for _, style in cues}) == 3, cues


def test_unchecking_a_category_hides_exactly_its_events(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(TIMELINE)
    rows = page.locator(TIMELINE_ROWS)
    categories = rows.evaluate_all("rows => rows.map(li => li.dataset.kategori || null)")
    assert categories.count("konteks") >= 2 and categories.count("artikel") >= 2

    def shown() -> list[bool]:
        return rows.evaluate_all("rows => rows.map(li => li.getClientRects().length > 0)")

    assert all(shown())
    filter_bar = page.locator("fieldset.timeline-filter")
    expect(filter_bar).to_be_visible()
    box = filter_bar.get_by_label("Konteks sebelum artikel")
    expect(box).to_have_id("saring-konteks")
    box.uncheck()
    assert shown() == [category != "konteks" for category in categories]
    expect(page.locator("#artikel-terbit")).to_be_visible()
    box.check()
    assert all(shown())
    # Two categories off at once: only the third's events and the publication stay.
    filter_bar.get_by_label("Disebut dalam artikel").uncheck()
    filter_bar.get_by_label("Sesudah artikel").uncheck()
    assert shown() == [category in ("konteks", None) for category in categories]


# ---- Citations: back-links and tap targets (issue 20, point 6) --------------------------------

def _fragment(link) -> str:
    return "#" + urlsplit(link.get_attribute("href")).fragment


def _in_view_below_header(page, selector: str) -> bool:
    """Whether the element ends up between the header and the bottom of the window (the browser and
    Material's instant navigation may still be scrolling when the address changes: wait up to 2 s)."""
    try:
        page.wait_for_function(
            """selector => { const el = document.querySelector(selector); if (!el) return false;
                             const r = el.getBoundingClientRect();
                             const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                             return r.top >= header - 1 && r.bottom <= window.innerHeight; }""",
            arg=selector, timeout=2000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: not in view
        return False
    return True


def test_a_sources_back_link_scrolls_to_its_marker(visit, base_url):
    page = visit(viewport={"width": 1280, "height": 900}).open(TIMELINE)
    items = page.locator(".glossary-sources li[id^='sumber-']")
    assert items.count() >= 10
    # A source cited once: its "↑" is the link.
    single = page.locator("li#sumber-1 .glossary-backrefs a")
    expect(single).to_have_count(1)
    expect(single).to_have_text("↑")
    target = _fragment(single)  # Material's instant navigation makes the hrefs absolute
    assert re.fullmatch(r"#rujukan-1-\d+", target)
    single.click()
    expect(page).to_have_url(base_url + TIMELINE + target)
    marker = page.locator(target)
    expect(marker).to_have_count(1)
    assert marker.evaluate("a => a.closest('sup.glossary-ref') !== null")
    assert _fragment(marker) == "#sumber-1"
    assert _in_view_below_header(page, target)
    # A source cited twice: "↑ a b", a link each, each to its own marker.
    twice = page.locator(".glossary-sources li").filter(has=page.locator(".glossary-backrefs a:nth-of-type(2)")).first
    backrefs = twice.locator(".glossary-backrefs")
    assert " ".join(backrefs.inner_text().split()) == "↑ a b"
    links = backrefs.locator("a")
    expect(links).to_have_count(2)
    source_id = twice.get_attribute("id")
    number = source_id.removeprefix("sumber-")
    hrefs = [_fragment(links.nth(i)) for i in range(2)]
    assert hrefs == [f"#rujukan-{number}-1", f"#rujukan-{number}-2"]
    page.mouse.wheel(0, 100000)  # from the end of the page, so that the click has to scroll
    links.nth(1).click()
    expect(page).to_have_url(base_url + TIMELINE + hrefs[1])
    assert _in_view_below_header(page, hrefs[1])
    assert _fragment(page.locator(hrefs[1])) == f"#{source_id}"
    # And the marker leads back to the source.
    page.locator(hrefs[1]).click()
    expect(page).to_have_url(base_url + TIMELINE + f"#{source_id}")
    assert _in_view_below_header(page, f"#{source_id}")


@pytest.mark.parametrize("path", [f"artikel/halaman-{n}/" for n in range(1, 5)] + [ENTITY_PAGE, TIMELINE])
def test_on_a_phone_every_citation_marker_is_a_24px_target(visit, path):
    page = visit(viewport=PHONE, has_touch=True, is_mobile=True).open(path)
    groups = page.locator("sup.glossary-ref").evaluate_all(
        """sups => sups.map(sup => [...sup.querySelectorAll('a')].map(a => {
             const r = a.getBoundingClientRect();
             return {text: a.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                     width: r.width, height: r.height}; }))""")
    assert groups, path
    if path == "artikel/halaman-2/":  # a grouped marker, "[3, 4]"
        assert any(len(group) > 1 for group in groups)
    for group in groups:
        for link in group:
            assert link["width"] >= 24 and link["height"] >= 24, (path, link)
        for before, after in zip(group, group[1:]):  # neighbours never overlap, and stay on one line
            assert after["left"] >= before["right"] - 0.5 and abs(after["top"] - before["top"]) < 1, (path, before, after)
    # The targets do not push the lines apart: each takes no more of its line's height than the
    # paragraph's line height (the margin box is what a line makes room for).
    room = page.locator("sup.glossary-ref a").evaluate_all(
        """links => links.map(a => { const s = getComputedStyle(a);
             const p = getComputedStyle(a.closest('p, li'));
             return [a.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom),
                     parseFloat(p.lineHeight)]; })""")
    assert all(taken <= line for taken, line in room), room


# ---- Hostile entries (issue: hardening) -----------------------------------------------------

#: Entity fields an attacker might write. Every one must reach the reader as plain text.
HOSTILE_ENTITIES = {
    "tokoh/vlad.md": {
        # Names refuse '<' and '>' (a host without our hook prints titles raw); quotes and '&' stay.
        "title": "Vlad \" onmouseover=\"alert(1)",
        "type": "person",
        "aliases": ["Vlad", "Vladi' onfocus='alert(2)"],
        "summary": "<img src=x onerror=alert(3)> Tokoh uji.",
        "role": "<svg onload=alert(4)>",
    },
    "tokoh/zed.md": {
        "title": "Zed &lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt; & co",
        "type": "person",
        "aliases": ["Zed"],
        "summary": "\"><script>alert(6)</script>",
        "role": "Peran </script><script>alert(7)</script>",
    },
}

#: Anything that could run: an on* attribute, a script with the payload, the payload's <img>.
LIVE_MARKUP = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    if (el.getAttributeNames().some(name => name.startsWith("on"))) found.push(el.outerHTML.slice(0, 120));
  }
  for (const script of document.querySelectorAll("script")) {
    const type = (script.type || "").toLowerCase();
    const runs = !type || type.includes("javascript") || type === "module";
    if (runs && script.textContent.includes("alert(")) found.push(script.outerHTML.slice(0, 120));
  }
  for (const img of document.querySelectorAll('img[src="x"]')) found.push(img.outerHTML);
  return found;
}"""


def build_hostile_site(root: Path) -> Path:
    """The real configuration, hooks, templates and assets, with hostile entries and one article."""
    edition_project(root)
    for path, fields in HOSTILE_ENTITIES.items():
        target = root / "docs" / "glosarium" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # JSON strings are YAML strings: the payloads reach the engine exactly as written.
        front = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
        target.write_text(f"---\n{front}---\n\nIsi entri.\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Beranda\n\nEdisi uji.\n", encoding="utf-8")
    (root / "docs" / "artikel.md").write_text(textwrap.dedent("""\
        # Artikel uji

        Vlad bertemu Zed di kota. Kemudian Vlad dan Zed berbicara.
        """), encoding="utf-8")
    site = root / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                           cwd=root, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr
    return site


def test_hostile_entries_never_run_in_the_page_the_card_or_search(browser, tmp_path):
    site = build_hostile_site(tmp_path)
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            for path in ["glosarium/tokoh/vlad/", "glosarium/tokoh/zed/", "glosarium/", "artikel/"]:
                page.goto(url + path)
                expect(page.locator(TITLE)).to_be_visible()
                assert page.evaluate(LIVE_MARKUP) == [], path

            mentions = page.locator(HIGHLIGHTED)
            assert mentions.count() == 2
            for index in range(2):
                mentions.nth(index).focus()  # the card shows the hostile fields
                expect(page.locator(POPUP)).to_be_visible()
                assert page.evaluate(LIVE_MARKUP) == []
            expect(page.locator(f"{POPUP} .glossary-popup__summary")).to_contain_text("<script>")

            page.keyboard.press("Escape")
            page.keyboard.press("/")  # Material's search
            search = page.locator(".md-search__input")
            expect(search).to_be_focused()
            for name in ["Vlad", "Zed"]:
                search.fill("")
                page.keyboard.type(name)
                expect(page.locator(".md-search-result__item").first).to_be_visible()
                expect(page.locator(".md-search-result__meta")).to_contain_text("ditemukan")
                assert page.evaluate(LIVE_MARKUP) == [], name
            page.wait_for_timeout(500)
            assert dialogs == []
        finally:
            context.close()
