// Opens pages in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// for each page, a screenshot, the page weight, every network request other than the page
// itself, whether the flow is drawn, and the axe-core accessibility violations.
// Usage: node browse.mjs OUT_DIR PAGE.html... ; prints one JSON object per page, one per line.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf-8");
const [out, ...pages] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "tthc-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1000, height: 1200 },
});
try {
  for (const page of pages) {
    const url = "file://" + resolve(page);
    const tab = await context.newPage();
    const requests = [];
    tab.on("request", (request) => { if (request.url() !== url) requests.push(request.url()); });
    await tab.goto(url, { waitUntil: "load" });
    const shot = join(out, basename(page).replace(/\.html$/, ".png"));
    await tab.screenshot({ path: shot, fullPage: true });
    const drawn = await tab.evaluate(() => {
      const svg = document.querySelector("svg.flow");
      return svg ? svg.querySelectorAll("rect").length : 0;
    });
    const searchShown = await tab.evaluate(() => {
      const box = document.getElementById("search-box");
      return box ? !box.hidden : null;
    });
    // The index's search: typing a few words (accents optional) leaves the matching rows.
    let searchRows = null;
    if (searchShown) {
      await tab.fill("#search", "khai sinh");
      searchRows = await tab.evaluate(() =>
        [...document.querySelectorAll("tr.entry")].filter((row) => !row.hidden).length);
      await tab.fill("#search", "");
    }
    // axe-core is evaluated in the page, not fetched: the request log stays as the page made it.
    const before = requests.length;
    await tab.evaluate(axeSource);
    const axe = await tab.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    console.log(JSON.stringify({
      page, screenshot: shot, bytes: statSync(page).size, requests: requests.slice(0, before),
      drawnBoxes: drawn, searchShown, searchRows, lang: await tab.evaluate(() => document.documentElement.lang),
      violations: axe,
    }));
    await tab.close();
  }
} finally {
  await context.close();
}
