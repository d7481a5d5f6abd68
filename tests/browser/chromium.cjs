// Debian's Chromium (PUPPETEER_EXECUTABLE_PATH), started headless as every browser check here starts it: no sandbox
// (root in a container), no GPU, no first-run or background connections (the machine's network is closed).
"use strict";
const puppeteer = require("puppeteer-core");

function launch(extra = []) {
  return puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", ...extra],
  });
}

module.exports = { launch };
