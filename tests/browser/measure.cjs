// The measure of a page's running text: characters per line of its long paragraphs, at given window widths.
// usage: node measure.cjs URL WIDTH... → JSON {width: characters per line} (tests/test_html.py)
"use strict";
const { launch } = require("./chromium.cjs");

(async () => {
  const [url, ...widths] = process.argv.slice(2);
  const browser = await launch();
  const measures = {};
  try {
    for (const width of widths) {
      const page = await browser.newPage();
      await page.setViewport({ width: Number(width), height: 900 });
      await page.goto(url, { waitUntil: "load" });
      measures[width] = await page.evaluate(() => {
        let chars = 0;
        let lines = 0;
        for (const p of document.querySelectorAll("article section > p")) {
          const range = document.createRange();
          range.selectNodeContents(p);
          const count = new Set([...range.getClientRects()].map((box) => Math.round(box.bottom))).size;
          if (count >= 4) {
            chars += p.textContent.replace(/\s+/g, " ").trim().length;
            lines += count - 0.5; // the last line is on average half full
          }
        }
        return lines ? Math.round(chars / lines) : 0;
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(measures) + "\n");
})();
