"""The reader's view in a real browser: cards, highlighting switches, fallbacks, accessibility.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright against the built site served
on 127.0.0.1. Skipped only outside CI when Chromium is missing.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from browser_support import AXE_SCRIPT, chromium_missing_reason, launch_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.browser,
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
HIGHLIGHTED = "a.glossary-mention[data-entity-type]"
PHONE = {"width": 360, "height": 740}
#: The page's title (search results are <article>s with <h1>s too).
TITLE = "article.md-content__inner h1"


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


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
                  href: entry.querySelector(".glossary-card__title").href};
        }""", entity)


def box(page, selector: str) -> dict[str, float]:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def decoration(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).textDecorationLine")


# ---- The card -------------------------------------------------------------------------------

def test_hovering_a_person_shows_a_card_with_name_type_role_summary_and_link(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    facts = card_facts(page, "kazbek-taysaev")
    assert facts["summary"] and facts["role"] and facts["type"] == "Tokoh"
    expect(page.locator(POPUP)).to_be_hidden()
    expect(page.locator(PERSON)).to_have_attribute("aria-expanded", "false")

    page.hover(PERSON)

    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    expect(popup.locator(".glossary-popup__name")).to_have_text(facts["name"])
    expect(popup.locator(".glossary-popup__type")).to_have_text("Tokoh")
    expect(popup.locator(".glossary-popup__role")).to_have_text(facts["role"])
    expect(popup.locator(".glossary-popup__summary")).to_have_text(facts["summary"])
    more = popup.locator("a.glossary-popup__more")
    expect(more).to_contain_text("Selengkapnya")
    assert more.evaluate("a => a.href") == facts["href"] == page.locator(PERSON).evaluate("a => a.href")
    expect(page.locator(PERSON)).to_have_attribute("aria-expanded", "true")
    assert page.locator(PERSON).get_attribute("aria-controls") == "glossary-popup"


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
    expect(page.locator(PERSON)).to_have_attribute("aria-expanded", "false")


def test_escape_closes_a_hovered_card(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.hover(PERSON)
    expect(page.locator(POPUP)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(POPUP)).to_be_hidden()


def test_tab_to_a_mention_shows_its_card_tab_enters_it_and_escape_keeps_focus(visit):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    page.click(TITLE)  # start of sequential focus navigation; the next link is in the standfirst
    page.keyboard.press("Tab")
    expect(page.locator(PLACE)).to_be_focused()
    popup = page.locator(POPUP)
    expect(popup).to_be_visible()
    expect(popup.locator(".glossary-popup__name")).to_have_text(card_facts(page, "pyongyang")["name"])

    # Disclosure pattern: the card follows its mention, so Tab reaches the card's link.
    page.keyboard.press("Tab")
    expect(popup.locator("a.glossary-popup__more")).to_be_focused()
    expect(popup).to_be_visible()
    page.keyboard.press("Shift+Tab")
    expect(page.locator(PLACE)).to_be_focused()

    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(page.locator(PLACE)).to_be_focused()
    expect(page.locator(PLACE)).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Tab")  # focus leaves for the next mention: its card opens
    expect(page.locator('a.glossary-mention[data-entity="moskow"]')).to_be_focused()
    expect(popup.locator(".glossary-popup__name")).to_have_text("Moskow")


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


def test_mentions_have_no_native_title_tooltip(visit):
    page = visit().open(ARTICLE)
    highlighted = page.locator(HIGHLIGHTED).count()
    assert highlighted > 5
    assert page.locator(".glossary-mention[title]").count() == 0
    assert page.locator(f"{HIGHLIGHTED}[data-title]").count() == highlighted
    assert page.locator(".md-tooltip, .md-tooltip2").count() == 0  # Material's own tooltips are off


# ---- Highlighting switches ------------------------------------------------------------------

def test_each_type_can_be_switched_off_and_the_choice_survives_instant_navigation(visit, base_url):
    page = visit(viewport={"width": 1280, "height": 900}).open(ARTICLE)
    switches = page.locator("fieldset.glossary-controls")
    expect(switches).to_be_visible()
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
    place = "a.glossary-mention--place"
    assert decoration(page, place) == "none"
    assert decoration(page, "a.glossary-mention--person") == "underline"

    # The new page's mentions have cards too (the script set it up again).
    page.locator("a.glossary-mention--person").first.hover()
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


# ---- Fallbacks ------------------------------------------------------------------------------

def test_without_javascript_a_mention_is_a_plain_link_to_its_entry(visit, base_url):
    page = visit(java_script_enabled=False).open(ARTICLE)
    mention = page.locator(PERSON)
    assert mention.evaluate("a => a.href") == base_url + PERSON_ENTRY
    assert mention.get_attribute("aria-expanded") is None
    assert page.locator("fieldset.glossary-controls").count() == 0
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
    if javascript:
        expect(page.locator("fieldset.glossary-controls")).to_be_hidden()


# ---- Accessibility, errors, requests --------------------------------------------------------

def serious_axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else json.dumps(node["target"])
                        for node in v["nodes"][:5])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [ARTICLE, ENTITY_PAGE, REGISTER], ids=["article", "entity", "register"])
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


def test_screenshot_script_photographs_light_dark_and_phone(browser, base_url, tmp_path):
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
