// Show the preview notes.js gives on keyboard focus for links from the notes to bibliography entries; print JSON.
// usage: node preview.cjs URL (puppeteer-core from NODE_PATH, Chromium from PUPPETEER_EXECUTABLE_PATH)
"use strict";
const { launch } = require("./chromium.cjs");

(async () => {
  const [url] = process.argv.slice(2);
  const browser = await launch();
  const previews = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    const count = await page.$$eval("aside.footnote a[href^='#cite-']", (links) => links.length);
    for (let i = 0; i < Math.min(count, 5); i++) {
      const link = (await page.$$("aside.footnote a[href^='#cite-']"))[i];
      // Keyboard focus (headless Chromium cannot hover): a Tab first, so that the focus counts as keyboard focus.
      await page.keyboard.press("Tab");
      await link.focus();
      await page.waitForSelector("#note-preview:not([hidden])", { timeout: 2000 });
      const text = await page.$eval("#note-preview", (tip) => tip.textContent);
      const href = await link.evaluate((a) => a.getAttribute("href"));
      previews.push({ href, text });
      await page.keyboard.press("Escape");
      await page.waitForSelector("#note-preview[hidden]", { timeout: 2000 });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(previews, null, 1) + "\n");
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
