// Open an EPUB in epub.js, the reading system behind many web and app e-readers, in headless Chromium, page by
// page at each given screen size; print what a reader would meet as JSON (tests/test_ereader.py):
// per size, the contents entries that lead nowhere, and per spine item its pages, images that did not load,
// elements wider than the reading column (cut off or run into the next page), equation numbers and table
// captions apart from what they label (under it, or on another page), and the errors raised.
// usage: node ereader.cjs BOOK.epub SHOTS_DIR|- WIDTHxHEIGHT...  (SHOTS_DIR: a screenshot of every page; -: none)
// (puppeteer-core, epubjs and jszip from NODE_PATH, Chromium from PUPPETEER_EXECUTABLE_PATH)
"use strict";
const fs = require("fs");
const path = require("path");
const { launch } = require("./chromium.cjs");

const SCRIPTS = [require.resolve("jszip/dist/jszip.min.js"), require.resolve("epubjs/dist/epub.min.js")];

// Whether an element between ``el`` and ``body`` scrolls sideways: then it, not ``el``, is what the reader sees.
function scrolls(el, body) {
  for (let node = el.parentElement; node && node !== body; node = node.parentElement) {
    const overflow = node.ownerDocument.defaultView.getComputedStyle(node).overflowX;
    if (overflow === "auto" || overflow === "scroll") return true;
  }
  return false;
}

// Runs in the page: open the book, follow its contents, show every spine item and measure it.
async function read(b64, width, height) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  const errors = [];
  const book = window.ePub(bytes);
  book.on("openFailed", (e) => errors.push(String(e)));
  await book.ready;
  const rendition = book.renderTo("viewer", { width, height, flow: "paginated", spread: "none" });
  window.__rendition = rendition; // for the screenshots taken from outside
  const nav = await book.loaded.navigation;
  const unresolved = [];
  const walk = (items) => {
    for (const item of items) {
      if (!book.spine.get(item.href.split("#")[0])) unresolved.push(`${item.label.trim()} → ${item.href}`);
      walk(item.subitems || []);
    }
  };
  walk(nav.toc);
  const spine = [];
  for (const item of book.spine.spineItems) {
    await rendition.display(item.href);
    const contents = rendition.getContents()[0];
    const doc = contents.document;
    const root = doc.documentElement;
    const column = parseFloat(contents.window.getComputedStyle(root).columnWidth) || width;
    const wide = [];
    for (const el of doc.body.querySelectorAll("*")) {
      // One box per page an element runs over: a paragraph over three pages is three column-wide boxes.
      const widest = Math.max(0, ...[...el.getClientRects()].map((box) => box.width));
      if (widest > column + 1 && !scrolls(el, doc.body) && !wide.some(([outer]) => outer.contains(el))) {
        const text = (el.textContent || el.getAttribute("alt") || "").trim().slice(0, 60);
        wide.push([el, `<${el.tagName.toLowerCase()}> ${Math.round(widest)} px in a ${Math.round(column)} px column: ${text}`]);
      }
    }
    // An equation's number stands beside it, not on a line of its own under it (a float after a block does).
    const apart = [];
    for (const number of doc.body.querySelectorAll(".math > .eqno")) {
      const equation = number.parentElement.querySelector("math, .MathJax, img");
      if (equation && number.getBoundingClientRect().top >= equation.getBoundingClientRect().bottom - 1) {
        apart.push(number.textContent.trim());
      }
    }
    // A table's caption on the page its table starts on, not left at the foot of the page before.
    for (const caption of doc.body.querySelectorAll("table > caption")) {
      const row = caption.parentElement.querySelector("tr");
      if (row && Math.abs(row.getBoundingClientRect().left - caption.getBoundingClientRect().left) > column / 2) {
        apart.push(caption.textContent.trim().slice(0, 60));
      }
    }
    const broken = [...doc.images].filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.getAttribute("src"));
    const location = rendition.currentLocation();
    const pages = location && location.start ? location.start.displayed.total : 0;
    spine.push({ href: item.href, pages, words: (doc.body.textContent || "").split(/\s+/).filter(Boolean).length, broken, apart, wide: wide.slice(0, 10).map(([, line]) => line) });
  }
  return { toc: nav.toc.length, unresolved, spine, errors };
}

(async () => {
  const [file, shots, ...sizes] = process.argv.slice(2);
  const b64 = fs.readFileSync(file).toString("base64");
  const browser = await launch();
  const results = [];
  try {
    for (const size of sizes) {
      const [width, height] = size.split("x").map(Number);
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.setViewport({ width, height });
      await page.setContent('<!doctype html><html lang="en"><body style="margin:0"><div id="viewer"></div></body></html>');
      for (const script of SCRIPTS) await page.addScriptTag({ path: script });
      await page.addScriptTag({ content: scrolls.toString() });
      const result = await page.evaluate(read, b64, width, height);
      result.errors.push(...errors);
      if (shots !== "-") {
        fs.mkdirSync(shots, { recursive: true });
        // The first page of each spine item as the reader sees it.
        // Every page of every spine item, as the reader turns them.
        for (const [k, item] of result.spine.entries()) {
          await page.evaluate((href) => window.__rendition.display(href), item.href);
          for (let n = 0; n < item.pages; n++) {
            await page.screenshot({ path: path.join(shots, `${width}x${height}-${k}-${String(n).padStart(3, "0")}.png`) });
            await page.evaluate(() => window.__rendition.next());
          }
        }
      }
      results.push({ size, ...result });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
})().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(2);
});
