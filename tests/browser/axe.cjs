// Run axe-core on a page in headless Chromium at given widths; print the violations as JSON (tests/test_axe.py).
// usage: node axe.cjs URL WIDTH... (puppeteer-core and axe-core from NODE_PATH, Chromium from PUPPETEER_EXECUTABLE_PATH)
"use strict";
const { launch } = require("./chromium.cjs");
const axeSource = require("axe-core").source;

(async () => {
  const [url, ...widths] = process.argv.slice(2);
  const browser = await launch();
  const violations = [];
  try {
    for (const width of widths) {
      const page = await browser.newPage();
      await page.setViewport({ width: Number(width), height: 900 });
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document));
      for (const v of result.violations) {
        violations.push({ width: Number(width), id: v.id, impact: v.impact, help: v.help,
                          targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(violations, null, 1) + "\n");
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
