/* Previews of notes and bibliography entries on hover and keyboard focus; without JavaScript they stay plain links. */
(() => {
  "use strict";

  // What a link may preview: docutils/Sphinx footnotes and citations, sphinxcontrib-bibtex entries.
  const TARGETS =
    'aside.footnote, [role="doc-footnote"], [role="doc-endnote"], div.citation, [role="doc-biblioentry"]';
  const BIBLIOGRAPHY = '.bibliography, [role="doc-bibliography"], section#references';
  const SHOW_DELAY = 120; // ms: do not flash previews while the pointer merely crosses the text
  const HIDE_DELAY = 250; // ms: time to move the pointer into the preview (its links are clickable)
  const canHover = window.matchMedia("(hover: hover) and (pointer: fine)").matches;

  let tip = null;
  let current = null;
  let timer = 0;

  function targetOf(link) {
    const href = link.getAttribute("href") || "";
    if (!href.startsWith("#") || href.length < 2) return null;
    let el = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!el) return null;
    if (el.matches(TARGETS)) return el;
    // An entry of the References list, whatever markup the bibliography uses: the block holding the anchor,
    // or the block after an empty anchor.
    if (!el.closest(BIBLIOGRAPHY)) return null;
    if (!el.textContent.trim() && el.nextElementSibling) el = el.nextElementSibling;
    const block = el.closest("li, dd, p, div.citation");
    return block && block.closest(BIBLIOGRAPHY) && block.textContent.trim() ? block : null;
  }

  function previewLink(node) {
    const link = node instanceof Element ? node.closest("a[href^='#']") : null;
    return link && !link.closest(".note-preview") && targetOf(link) ? link : null;
  }

  function ensureTip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "note-preview";
      tip.id = "note-preview";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", () => clearTimeout(timer));
      tip.addEventListener("mouseleave", () => schedule(hide, HIDE_DELAY));
      document.body.appendChild(tip);
    }
    return tip;
  }

  function schedule(fn, delay) {
    clearTimeout(timer);
    timer = window.setTimeout(fn, delay);
  }

  function place(link) {
    const gap = 8;
    const box = link.getBoundingClientRect();
    const width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 2 * gap);
    let left = Math.min(Math.max(gap, box.left), document.documentElement.clientWidth - width - gap);
    // Below the link when it fits, else above it.
    let top = box.bottom + gap;
    if (top + tip.offsetHeight > window.innerHeight && box.top - gap - tip.offsetHeight > 0) {
      top = box.top - gap - tip.offsetHeight;
    }
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${top + window.scrollY}px`;
  }

  function show(link) {
    const target = targetOf(link);
    if (!target) return;
    const box = ensureTip();
    const content = target.cloneNode(true);
    // The preview is the note's text: drop its label and back-links, and ids that would be duplicated.
    content.querySelectorAll(".label, .backrefs, .housestyle-backrefs, [role='doc-backlink']").forEach((el) => el.remove());
    content.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
    box.replaceChildren(...content.childNodes);
    const label = link.textContent.replace(/[[\]]/g, "").trim();
    if (label && target.matches('aside.footnote, [role="doc-footnote"]')) {
      const mark = document.createElement("span");
      mark.className = "note-preview-label";
      mark.textContent = label;
      box.prepend(mark);
    }
    if (current && current !== link) unmark(current);
    current = link;
    link.setAttribute("aria-describedby", box.id);
    if (link.title) {
      // A native tooltip would cover the preview.
      link.dataset.title = link.title;
      link.removeAttribute("title");
    }
    box.hidden = false;
    place(link);
  }

  function unmark(link) {
    link.removeAttribute("aria-describedby");
    if (link.dataset.title) {
      link.title = link.dataset.title;
      delete link.dataset.title;
    }
  }

  function hide() {
    clearTimeout(timer);
    if (tip) tip.hidden = true;
    if (current) unmark(current);
    current = null;
  }

  if (canHover) {
    document.addEventListener("mouseover", (event) => {
      const link = previewLink(event.target);
      if (link) schedule(() => show(link), link === current ? 0 : SHOW_DELAY);
    });
    document.addEventListener("mouseout", (event) => {
      if (previewLink(event.target) && !(tip && tip.contains(event.relatedTarget))) schedule(hide, HIDE_DELAY);
    });
  }
  document.addEventListener("focusin", (event) => {
    const link = previewLink(event.target);
    // Keyboard focus only: a tap or click goes to the note, as without JavaScript.
    if (link && link.matches(":focus-visible")) show(link);
  });
  document.addEventListener("focusout", (event) => {
    if (previewLink(event.target)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && current) hide();
  });
  // Phones resize the viewport while scrolling (toolbars): follow the link rather than vanish.
  window.addEventListener("resize", () => current && !tip.hidden && place(current));
})();
