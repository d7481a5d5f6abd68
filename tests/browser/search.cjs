// Search a Sphinx site in headless Chromium; print the result links as JSON (tests/test_series.py).
// usage: node search.cjs SEARCH_PAGE_URL WORD (puppeteer-core from NODE_PATH, Chromium from PUPPETEER_EXECUTABLE_PATH)
"use strict";
const { launch } = require("./chromium.cjs");

(async () => {
  const [url, word] = process.argv.slice(2);
  const browser = await launch(["--allow-file-access-from-files"]);
  try {
    const page = await browser.newPage();
    await page.goto(`${url}?q=${encodeURIComponent(word)}`, { waitUntil: "load" });
    // Sphinx's searchtools.js fills ul.search once the index has loaded; the status line says when it is done.
    await page.waitForFunction(
      () => document.querySelector("#search-results .search-summary") !== null,
      { timeout: 30000 },
    );
    const links = await page.$$eval("#search-results ul.search li a", (as) => as.map((a) => a.getAttribute("href")));
    process.stdout.write(JSON.stringify(links) + "\n");
  } finally {
    await browser.close();
  }
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
