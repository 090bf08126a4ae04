/*
 * Glossary cards and highlighting switches for the annotated edition.
 *
 * Progressive enhancement. The glossary extension renders everything on the server: each first
 * mention is an ordinary link to its entry, described (aria-describedby) by the entry's summary
 * in the page glossary (aside.glossary-page, hidden on screen, printed); the highlighting
 * switches sit above the title. With this script:
 *
 * - A card opens on a mention after a short hover, on keyboard focus, or on the first tap of a
 *   touch screen (the second tap, or the card's link, goes to the entry). Its content is read
 *   from the page glossary (name, type, role with its date, summary, small print); the entry's
 *   address is the mention's own link, so the page glossary holds no links.
 * - On a wide screen the card sits below the mention (or above it). On a narrow one (a phone)
 *   it is a sheet at the bottom of the screen, and the page scrolls, if it must, so that the
 *   mention and the lines after it (a quarter of the screen, two lines at least) stay in view
 *   above the sheet: the reader goes on reading, and the next mention is not under the card.
 *   Where the page cannot scroll that far, the sheet goes to the top instead. The card's close button ("Tutup"), Esc, or a tap elsewhere close it.
 * - WCAG 2.1 SC 1.4.13: Esc closes the card without moving focus; the pointer can travel from
 *   the mention onto the card (CLOSE_DELAY of grace); the card stays until Esc, until focus and
 *   pointer have both left the mention and the card, or until a tap elsewhere.
 * - The card is a visual preview, out of the Tab order and hidden from assistive technology:
 *   the mention already links to the entry, and screen readers hear the summary as the
 *   mention's description. So Tab goes from one mention to the next, one stop each.
 * - The switches turn the highlighting of a type off and on; the choice is kept in
 *   localStorage. A switched-off mention looks like plain text and behaves like a plain link
 *   (no hover card, no tap interception), but still shows its card on keyboard focus.
 * - Types are data: this script reads them from data-entity-type and never names one; the
 *   colours and the underline style come with the markup as the custom properties
 *   --glossary-colour(-dark) and --glossary-underline, which the card copies from the page glossary.
 *
 * Material's instant navigation replaces the page content without reloading this script, so the
 * page is set up again for every document that Material's `document$` observable announces.
 */
(function () {
  "use strict";

  var OPEN_DELAY = 300;   // ms of hover before a card opens: passing pointers open nothing
  var CLOSE_DELAY = 300;  // ms of grace to move the pointer from the mention onto the card
  var GAP = 6;            // px between the mention and the card
  var MARGIN = 8;         // px the card keeps from the viewport's edges
  var MAX_WIDTH = 352;    // px (22rem)
  var SHEET_SHARE = 0.45; // the sheet takes at most this share of a narrow screen's height
  var READ_ON = 0.25;     // ...and leaves at least this share of it, after the mention, to read on
  // Narrow: where Material's layout turns into the phone layout (its own breakpoint).
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 44.9375em)") : { matches: false };
  var STORAGE_KEY = "glosarium.sorotan-mati";
  var TYPE_STYLE = "--glossary-";  // the custom properties the markup gives each type (colours, underline)
  var MENTIONS = "a.glossary-mention[data-entity-type]";
  var SWITCHES = ".glossary-controls input[type=checkbox][data-entity-type]";

  if (window.glossaryReaderReady) return;
  window.glossaryReaderReady = true;

  var parts = {};         // the card's fields, filled for each mention
  var card = buildCard();
  var open = null;        // the mention whose card is showing
  var because = { hover: false, focus: false, tap: false };
  var openTimer = 0;
  var closeTimer = 0;
  var press = { mention: null, touch: false, wasOpen: false };
  var switchedOff = loadSwitchedOff();

  /* ---- Card ---------------------------------------------------------------------------- */

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function buildCard() {
    var el = element("span", "glossary-popup");
    el.id = "glossary-popup";
    el.hidden = true;
    // A preview for eyes and pointers only: screen readers get the summary through the
    // mention's aria-describedby, and keyboards have the mention's own link.
    el.setAttribute("aria-hidden", "true");
    parts.close = el.appendChild(element("button", "glossary-popup__close", "\u00d7"));
    parts.close.type = "button";
    parts.close.setAttribute("aria-label", "Tutup");
    parts.close.tabIndex = -1;  // like the card's link: a pointer's and finger's control, Esc for keys
    parts.close.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep focus
    parts.close.addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();
      hide();
    });
    parts.type = el.appendChild(element("span", "glossary-popup__type"));
    parts.name = el.appendChild(element("strong", "glossary-popup__name"));
    parts.role = el.appendChild(element("span", "glossary-popup__role"));
    parts.summary = el.appendChild(element("span", "glossary-popup__summary"));
    parts.meta = el.appendChild(element("span", "glossary-popup__meta"));
    parts.more = el.appendChild(element("a", "glossary-popup__more", "Selengkapnya"));
    parts.more.tabIndex = -1;  // out of the Tab order: Tab goes on to the next mention
    el.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "touch") { clearTimeout(closeTimer); because.hover = true; }
    });
    el.addEventListener("pointerleave", function (event) {
      if (event.pointerType !== "touch") scheduleClose();
    });
    el.addEventListener("focusout", onFocusOut);
    return el;
  }

  /** The page glossary's entry for a mention, or null. */
  function entryFor(mention) {
    var id = mention.getAttribute("data-entity");
    var entries = document.querySelectorAll("aside.glossary-page .glossary-card");
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].getAttribute("data-entity") === id) return entries[i];
    }
    return null;
  }

  function textOf(root, selector) {
    var el = root.querySelector(selector);
    return el ? el.textContent.trim() : "";
  }

  /** Show `text` in `part`, or hide the part when there is none. */
  function setText(part, text) {
    part.textContent = text;
    part.hidden = !text;
  }

  function fill(mention) {
    var entry = entryFor(mention);
    if (!entry) return false;
    for (var i = 0; i < entry.style.length; i++) {  // the type's colours and underline style
      var name = entry.style[i];
      if (name.indexOf(TYPE_STYLE) === 0) card.style.setProperty(name, entry.style.getPropertyValue(name));
    }
    setText(parts.type, textOf(entry, ".glossary-card__type"));
    parts.name.textContent = textOf(entry, ".glossary-card__title");
    setText(parts.role, textOf(entry, ".glossary-card__role"));
    parts.summary.textContent = textOf(entry, ".glossary-card__summary");
    setText(parts.meta, textOf(entry, ".glossary-card__meta"));
    parts.more.href = addressOf(mention);
    return true;
  }

  /** The entry's address: the mention's link, without a fragment an editor may have given it. */
  function addressOf(mention) {
    var href = mention.href;
    var hash = href.indexOf("#");
    return hash < 0 ? href : href.slice(0, hash);
  }

  function show(mention) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (open === mention) return;
    if (open) hide();
    if (!fill(mention)) return;
    mention.parentNode.insertBefore(card, mention.nextSibling);
    card.hidden = false;
    open = mention;
    place();
    if (NARROW.matches) keepReadingInView();
  }

  function hide() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (open) {
      if (card.contains(document.activeElement)) open.focus();  // never strand focus in a hidden card
      card.hidden = true;
      open = null;
    }
    because = { hover: false, focus: false, tap: false };
  }

  /** Close once nothing (hover, focus, tap) keeps the card open. */
  function settle() {
    if (!because.hover && !because.focus && !because.tap) hide();
  }

  function scheduleClose() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(function () { because.hover = false; settle(); }, CLOSE_DELAY);
  }

  /** The mention's line boxes, and the height of a line of the text around it. */
  function linesOf(mention) {
    var lines = mention.getClientRects();
    var lineHeight = parseFloat(getComputedStyle(mention.parentNode).lineHeight);
    if (!(lineHeight > 0)) lineHeight = lines.length ? lines[0].height * 1.5 : 24;
    return { lines: lines, lineHeight: lineHeight };
  }

  /** The bottom of Material's fixed header: nothing is readable above it. */
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  function place() {
    if (!open) return;
    if (NARROW.matches) placeSheet(); else placeNear();
  }

  /** A narrow screen: a sheet across the bottom (or, see keepReadingInView, the top). */
  var sheetCap = 0;  // px: the sheet's height limit chosen as it opened (0: the share of the screen)
  function placeSheet() {
    var viewHeight = document.documentElement.clientHeight;
    var height = Math.round(viewHeight * SHEET_SHARE);
    card.classList.add("glossary-popup--sheet");
    card.style.left = card.style.width = "";
    card.style.maxHeight = (sheetCap ? Math.min(height, sheetCap) : height) + "px";
    var atTop = card.classList.contains("glossary-popup--top");
    card.style.top = atTop ? headerBottom() + "px" : "";
  }

  /**
   * As the sheet opens: scroll the page, once, so that the mention and what follows it (READ_ON
   * of the screen, two lines at least) are above the sheet. Where the page cannot scroll so
   * far, the sheet goes where there is more room (below the next line, or above the mention)
   * and keeps to it. Not on later scrolls: then the reader is moving the page.
   */
  function keepReadingInView() {
    card.classList.remove("glossary-popup--top");
    sheetCap = 0;
    placeSheet();
    var measure = linesOf(open);
    if (!measure.lines.length) return;
    var viewHeight = document.documentElement.clientHeight;
    var readOn = Math.max(2 * measure.lineHeight, READ_ON * viewHeight);
    var need = measure.lines[measure.lines.length - 1].bottom + readOn + GAP - card.getBoundingClientRect().top;
    if (need <= 0) return;
    var room = measure.lines[0].top - headerBottom() - GAP;  // how far the mention may move up
    if (room > 0) window.scrollBy({ top: Math.min(need, room), behavior: "instant" });  // measured next
    var lines = open.getClientRects();
    var below = viewHeight - (lines[lines.length - 1].bottom + measure.lineHeight + GAP);
    if (card.getBoundingClientRect().top >= viewHeight - below) return;  // it fits now
    var above = lines[0].top - GAP - headerBottom();
    if (above > below) card.classList.add("glossary-popup--top");
    sheetCap = Math.max(above, below, 96);  // a short sheet scrolls inside itself
    placeSheet();
  }

  /** A wide screen: below the mention, or above it when there is more room there; always inside the viewport. */
  function placeNear() {
    card.classList.remove("glossary-popup--sheet", "glossary-popup--top");
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = document.documentElement.clientHeight;
    var width = Math.min(MAX_WIDTH, viewWidth - 2 * MARGIN);
    card.style.width = width + "px";
    card.style.maxHeight = "";
    var lines = open.getClientRects();
    if (!lines.length) return;
    var first = lines[0];
    var last = lines[lines.length - 1];
    var height = card.offsetHeight;
    var below = viewHeight - last.bottom - GAP - MARGIN;
    var above = first.top - GAP - MARGIN;
    var top;
    var line;
    if (height <= below || below >= above) {
      line = last;
      top = last.bottom + GAP;
      if (height > below) card.style.maxHeight = Math.max(below, 0) + "px";
    } else {
      line = first;
      if (height > above) card.style.maxHeight = above + "px";
      top = first.top - GAP - Math.min(height, above);
    }
    var left = Math.max(MARGIN, Math.min(line.left, viewWidth - width - MARGIN));
    card.style.left = left + "px";
    card.style.top = top + "px";
  }

  var placing = false;
  function placeSoon() {
    if (!open || placing) return;
    placing = true;
    requestAnimationFrame(function () { placing = false; place(); });
  }

  /* ---- Mentions ------------------------------------------------------------------------- */

  function typeOf(el) {
    return el.getAttribute("data-entity-type");
  }

  function onFocusOut(event) {
    var next = event.relatedTarget;
    if (next && open && (next === open || card.contains(next))) return;
    because.focus = false;
    settle();
  }

  function setUpMention(mention) {
    // Our card replaces the browser's tooltip; keep the text for anyone who needs it.
    if (mention.hasAttribute("title")) {
      mention.setAttribute("data-title", mention.getAttribute("title"));
      mention.removeAttribute("title");
    }

    mention.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "touch" || switchedOff[typeOf(mention)]) return;
      if (open === mention) { clearTimeout(closeTimer); because.hover = true; return; }
      clearTimeout(openTimer);
      openTimer = setTimeout(function () {
        show(mention);
        if (open === mention) because.hover = true;
      }, OPEN_DELAY);
    });
    mention.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "touch") return;
      clearTimeout(openTimer);
      if (open === mention) scheduleClose();
    });
    mention.addEventListener("focus", function () {
      show(mention);
      if (open === mention) because.focus = true;
    });
    mention.addEventListener("focusout", onFocusOut);
    mention.addEventListener("pointerdown", function (event) {
      press = { mention: mention, touch: event.pointerType === "touch", wasOpen: open === mention };
    });
    mention.addEventListener("pointercancel", function () {  // e.g. the touch became a scroll
      press = { mention: null, touch: false, wasOpen: false };
    });
    mention.addEventListener("click", function (event) {
      // First tap on a touch screen: show the card instead of leaving the page. Stop the event
      // too, because Material's instant navigation listens on <body> and ignores defaultPrevented.
      var firstTap = press.mention === mention && press.touch && !press.wasOpen;
      press = { mention: null, touch: false, wasOpen: false };
      if (!firstTap || switchedOff[typeOf(mention)]) return;
      event.preventDefault();
      event.stopPropagation();
      show(mention);
      if (open === mention) because.tap = true;
    });
  }

  /* ---- Highlighting switches (rendered by the extension above the title) ---------------- */

  function loadSwitchedOff() {
    var result = {};
    try {
      (localStorage.getItem(STORAGE_KEY) || "").split(",").forEach(function (type) {
        if (type) result[type] = true;
      });
    } catch (error) { /* storage blocked: every type stays highlighted */ }
    return result;
  }

  function saveSwitchedOff() {
    var list = Object.keys(switchedOff).filter(function (type) { return switchedOff[type]; }).sort();
    try { localStorage.setItem(STORAGE_KEY, list.join(",")); } catch (error) { /* not kept */ }
  }

  /** A switched-off type's mentions look like plain text (glossary.css, .glossary-mention--off). */
  function applySwitchedOff() {
    var mentions = document.querySelectorAll(MENTIONS);
    for (var i = 0; i < mentions.length; i++) {
      mentions[i].classList.toggle("glossary-mention--off", !!switchedOff[typeOf(mentions[i])]);
    }
  }

  function bindSwitch(input) {
    var type = typeOf(input);
    input.checked = !switchedOff[type];
    input.addEventListener("change", function () {
      switchedOff[type] = !input.checked;
      saveSwitchedOff();
      applySwitchedOff();
      if (open && typeOf(open) === type && !because.focus) hide();
    });
  }

  /* ---- Page set-up ---------------------------------------------------------------------- */

  function init() {
    hide();
    var switches = document.querySelectorAll(SWITCHES);
    for (var s = 0; s < switches.length; s++) bindSwitch(switches[s]);
    applySwitchedOff();
    var content = document.querySelector("article.md-content__inner");
    var mentions = document.querySelectorAll(MENTIONS);
    if (!content || !mentions.length) return;
    for (var i = 0; i < mentions.length; i++) setUpMention(mentions[i]);
    fill(mentions[0]);  // the parked card's link gets a real address (crawlers, Lighthouse SEO)
    content.appendChild(card);  // parked until a mention opens it
  }

  document.addEventListener("keydown", function (event) {
    if (open && (event.key === "Escape" || event.key === "Esc")) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (open && !open.contains(event.target) && !card.contains(event.target)) {
      because.tap = false;
      if (event.pointerType === "touch") because.hover = false;
      settle();
    }
  });
  window.addEventListener("scroll", placeSoon, { passive: true, capture: true });
  window.addEventListener("resize", placeSoon);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
