// run-axe.mjs — axe-core in headless Chromium (Debian's) on a web page, in light and dark:
// prints {"light": {...}, "dark": {...}} with each run's WCAG 2.1 A/AA violations, and takes a
// screenshot of each, and one 360 px wide, when a folder for them is given.
//   node run-axe.mjs file:///…/index.html [SHOT-DIR]
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const [url, shots] = process.argv.slice(2);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const result = {};
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const run = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
        })),
        passes: r.passes.map((p) => p.id),
        incomplete: r.incomplete.map((p) => p.id),
      };
    });
    run.background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    run.filterShown = await page.evaluate(() => !document.getElementById('filter')?.hidden);
    result[scheme] = run;
    if (shots) {
      await page.screenshot({ path: path.join(shots, `programme-${scheme}.png`), fullPage: false });
      if (scheme === 'light') {
        await page.setViewport({ width: 360, height: 800 });
        await page.screenshot({ path: path.join(shots, 'programme-360.png'), fullPage: false });
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result) + '\n');
