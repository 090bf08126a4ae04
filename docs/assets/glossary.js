/*
 * Glossary cards and highlighting controls for the annotated edition.
 *
 * Progressive enhancement. Without this script every highlighted mention is an ordinary link to
 * its entry, and the page glossary (aside.glossary-page, hidden on screen) is printed. With it:
 *
 * - A card opens on a mention after a short hover, on keyboard focus, or on the first tap of a
 *   touch screen (the second tap, or the card's link, goes to the entry). Its content is read
 *   from the page glossary: name, type, role, summary and the entry's address.
 * - WCAG 2.1 SC 1.4.13: Esc closes the card without moving focus; the pointer can travel from
 *   the mention onto the card (CLOSE_DELAY of grace); the card stays until Esc, until focus and
 *   pointer have both left the mention and the card, or until a tap elsewhere.
 * - The card holds a link, and a role=tooltip must not hold interactive content. So this is the
 *   disclosure pattern: the mention gets aria-expanded and aria-controls, and the card is placed
 *   right after the mention in the DOM, so Tab goes from the mention into the card and a screen
 *   reader reads it where it belongs. It is made of spans because it may sit inside a paragraph.
 * - Readers can switch the highlighting of people, institutions and places off and on; the choice
 *   is kept in localStorage. A switched-off mention looks like plain text and behaves like a plain
 *   link (no hover card, no tap interception), but still shows its card on keyboard focus.
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
  var STORAGE_KEY = "glosarium.sorotan-mati";
  var TYPES = [["person", "Tokoh"], ["institution", "Lembaga"], ["place", "Tempat"]];

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
  applySwitchedOff();

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
    parts.type = el.appendChild(element("span", "glossary-popup__type"));
    parts.name = el.appendChild(element("strong", "glossary-popup__name"));
    parts.role = el.appendChild(element("span", "glossary-popup__role"));
    parts.summary = el.appendChild(element("span", "glossary-popup__summary"));
    parts.more = el.appendChild(element("a", "glossary-popup__more", "Selengkapnya"));
    // Heard by screen readers, not shown: "Selengkapnya tentang <name>".
    parts.moreAbout = parts.more.appendChild(element("span", "glossary-popup__context"));
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

  function fill(mention) {
    var entry = entryFor(mention);
    if (!entry) return false;
    var type = entry.getAttribute("data-entity-type");
    var name = textOf(entry, ".glossary-card__title");
    card.className = "glossary-popup glossary-popup--" + type;
    parts.type.textContent = textOf(entry, ".glossary-card__type");
    parts.name.textContent = name;
    parts.role.textContent = textOf(entry, ".glossary-card__role");
    parts.role.hidden = !parts.role.textContent;
    parts.summary.textContent = textOf(entry, ".glossary-card__summary");
    parts.more.href = entry.querySelector(".glossary-card__title").href;
    parts.moreAbout.textContent = " tentang " + name;
    return true;
  }

  function show(mention) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (open === mention) return;
    if (open) hide();
    if (!fill(mention)) return;
    mention.parentNode.insertBefore(card, mention.nextSibling);
    card.hidden = false;
    mention.setAttribute("aria-expanded", "true");
    open = mention;
    place();
  }

  function hide() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (open) {
      if (card.contains(document.activeElement)) open.focus();  // never strand focus in a hidden card
      open.setAttribute("aria-expanded", "false");
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

  /** Below the mention, or above it when there is more room there; always inside the viewport. */
  function place() {
    if (!open) return;
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

  function typeOf(mention) {
    return mention.getAttribute("data-entity-type");
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
    mention.setAttribute("aria-expanded", "false");
    mention.setAttribute("aria-controls", card.id);

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

  /* ---- Highlighting controls ------------------------------------------------------------ */

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
    var list = TYPES.map(function (t) { return t[0]; }).filter(function (type) { return switchedOff[type]; });
    try { localStorage.setItem(STORAGE_KEY, list.join(",")); } catch (error) { /* not kept */ }
  }

  function applySwitchedOff() {
    TYPES.forEach(function (t) {
      document.documentElement.classList.toggle("glossary-hide-" + t[0], !!switchedOff[t[0]]);
    });
  }

  function buildControls() {
    var box = element("fieldset", "glossary-controls");
    box.appendChild(element("legend", "glossary-controls__legend", "Sorotan"));
    TYPES.forEach(function (t) {
      var label = element("label", "glossary-controls__option");
      var input = element("input");
      input.type = "checkbox";
      input.name = "glossary-highlight";
      input.value = t[0];
      input.checked = !switchedOff[t[0]];
      input.addEventListener("change", function () {
        switchedOff[t[0]] = !input.checked;
        saveSwitchedOff();
        applySwitchedOff();
        if (open && typeOf(open) === t[0] && !because.focus) hide();
      });
      label.appendChild(input);
      // The label is itself the legend: it looks like a highlighted mention of that type.
      label.appendChild(element("span", "glossary-controls__sample glossary-controls__sample--" + t[0], t[1]));
      box.appendChild(label);
    });
    return box;
  }

  /* ---- Page set-up ---------------------------------------------------------------------- */

  function init() {
    hide();
    var content = document.querySelector("article.md-content__inner");
    var mentions = document.querySelectorAll("a.glossary-mention[data-entity-type]");
    if (!content || !mentions.length) return;
    for (var i = 0; i < mentions.length; i++) setUpMention(mentions[i]);
    // Above the title, never inside the article's text.
    var title = content.querySelector("h1");
    if (title) title.parentNode.insertBefore(buildControls(), title);
    else content.insertBefore(buildControls(), content.firstChild);
    fill(mentions[0]);  // the parked card's link gets a real address (crawlers, Lighthouse SEO)
    content.appendChild(card);  // parked: aria-controls always points at an element
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
