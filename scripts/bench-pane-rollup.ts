/**
 * The task pane's "Tổng hợp nhiều tệp" next to the CLI on the same returns:
 *   npx tsx scripts/bench-pane-rollup.ts [count=500]
 * Uses the commune workbooks (60 task rows) of scripts/bench-reader.ts under bench-data/reader/ (run it first with
 * the same count to make them). Builds the pane with webpack, opens it in headless Chromium over the Excel stand-in,
 * chooses the files through the file input and times the whole action (read in the Web Worker, buildReport, writing
 * the sheets into the stand-in); reports ms per file and the page's peak JS heap; then times `tiendo aggregate`.
 * Measured (2-core shared machine, 500 returns): pane 3715 ms, 7.4 ms per file, page JS heap peak 112 MB;
 * CLI 3750 ms, 7.5 ms per file (tsx start-up and tong-hop.xlsx included): pane/CLI 0.99x.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = Number(process.argv[2] ?? 500);
const DIR = join(ROOT, 'bench-data/reader');
const OUT = join(ROOT, 'test-output/bench-pane');
const DIST = join(OUT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const files = Array.from({ length: COUNT }, (_, i) => join(DIR, `xa-${String(i).padStart(4, '0')}.xlsx`));
if (!files.every((f) => existsSync(f))) {
  console.error(`Missing bench-data/reader/xa-*.xlsx: run "npx tsx scripts/bench-reader.ts ${COUNT}" first.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', DIST], { cwd: ROOT, stdio: 'pipe' });
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const file = join(DIST, normalize(new URL(req.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
try {
  const page = await browser.newPage();
  const standin = readFileSync(join(ROOT, 'test/addin/excel-standin.js'), 'utf8');
  const body = `window.__TIENDO_SEED__ = ${JSON.stringify({ active: 'Sheet1', sheets: [{ name: 'Sheet1', cells: [] }] })};\n${standin}`;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    return url.startsWith(base) ? route.continue() : route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.fill('#as-of', '2025-11-15');
  // Peak JS heap of the page, sampled every 50 ms while the action runs.
  await page.evaluate(() => {
    const w = window as unknown as { __peak: number };
    w.__peak = 0;
    setInterval(() => { w.__peak = Math.max(w.__peak, (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize); }, 50);
  });
  const chooser = page.waitForEvent('filechooser');
  await page.click('#btn-rollup');
  const t0 = performance.now();
  await (await chooser).setFiles(files);
  await page.waitForFunction(() => Number(document.body.dataset.done ?? 0) > 0, undefined, { timeout: 600_000 });
  const paneMs = performance.now() - t0;
  const status = await page.locator('#status').innerText();
  const error = await page.locator('#error').innerText();
  const peak = await page.evaluate(() => (window as unknown as { __peak: number }).__peak);
  console.log(`${COUNT} returns of 60 rows`);
  console.log(`pane (Chromium, Web Worker, write into the stand-in) ${Math.round(paneMs)} ms, ${(paneMs / COUNT).toFixed(1)} ms per file, page JS heap peak ${Math.round(peak / 1048576)} MB`);
  console.log(`  ${error || status}`);
  const c0 = performance.now();
  const cli = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'cli/main.ts'), 'aggregate', ...files, '--as-of', '2025-11-15', '--out', join(OUT, 'cli'), '--quiet'], { encoding: 'utf8' });
  const cliMs = performance.now() - c0;
  console.log(`CLI aggregate (worker pool, writes tong-hop.xlsx, tsx start-up included) ${Math.round(cliMs)} ms, ${(cliMs / COUNT).toFixed(1)} ms per file (exit ${cli.status})`);
  console.log(`  ratio pane/CLI ${(paneMs / cliMs).toFixed(2)}×`);
} finally {
  await browser.close();
  server.close();
}
