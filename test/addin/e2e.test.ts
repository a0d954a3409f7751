/**
 * End to end: the task pane built by webpack, served on 127.0.0.1, driven in headless Debian
 * Chromium. office.js is routed to test/addin/excel-standin.js, an in-page Excel API stand-in
 * backed by a fixture workbook written with ExcelJS and read back with ExcelJS. Clicks each
 * button, asserts on the resulting cells, formats and the rendered pane; screenshots go to
 * test-output/addin/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OWN_HEADERS } from '../../addin/pane/own-columns';
import { rowFills, sheetHtml } from './cf-eval';
import { FORMULA_TASK, HOSTILE_STATUS, readSeed, writeFixture, type SeedSheet } from './fixture-seed';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-output', 'addin');
const DIST = join(OUT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const AS_OF = '2025-11-15';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh (apt-get install -y chromium)`);
if (!hasChromium) console.warn(`[e2e add-in] SKIPPED: ${CHROMIUM} not found. Install it with: bash scripts/system-deps.sh`);

interface Snapshot {
  active: string;
  runs: number;
  syncs: number;
  maxPayload: number;
  formulas: string[];
  selected: { sheet: string; address: string } | null;
  sheets: {
    name: string; cells: (string | number | null)[][]; formats: (string | null)[][]; frozenRows: number;
    looks: { address: string; property: string; value: unknown }[]; mergedWrites: string[]; pageLayout: Record<string, unknown>;
  }[];
  conditionalFormats: { sheet: string; address: string; type: string; formula: string; fill: string }[];
  validations: { sheet: string; address: string; rule: { list: { source: string } } }[];
  tables: { sheet: string; address: string }[];
  charts: { sheet: string; type: string; address: string; title: string; categories: string[]; series: string[] }[];
}

let server: Server;
let baseUrl: string;
let browser: Browser;
let page: Page;
let seed: SeedSheet[];
const pageErrors: string[] = [];

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

function serve(dir: string): Promise<Server> {
  const srv = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}

async function openPane(): Promise<void> {
  pageErrors.length = 0;
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.fill('#as-of', AS_OF);
}

async function click(selector: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.done ?? 0));
  await page.click(selector);
  await page.waitForFunction((n) => Number(document.body.dataset.done ?? 0) > n, before);
}

/** Clicks a button that asks a question in the pane, answers it with `answer`, and waits for the action to end. */
async function clickAnswering(selector: string, answer: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.done ?? 0));
  await page.click(selector);
  await page.waitForSelector('#ask:not([hidden])');
  await page.click(answer);
  await page.waitForFunction((n) => Number(document.body.dataset.done ?? 0) > n, before);
}

const snapshot = (): Promise<Snapshot> => page.evaluate(() => (window as unknown as { __excel: { snapshot(): Snapshot } }).__excel.snapshot());
const sheet = (s: Snapshot, name: string) => s.sheets.find((x) => x.name === name)!;
const text = (sel: string) => page.locator(sel).innerText();

describe.skipIf(!hasChromium)('add-in task pane in headless Chromium', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', DIST], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    seed = await readSeed(await writeFixture(join(OUT, 'fixture.xlsx')));
    server = await serve(DIST);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--lang=vi-VN', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 360, height: 1100 }, locale: 'vi-VN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const standin = readFileSync(join(ROOT, 'test/addin/excel-standin.js'), 'utf8');
    const body = `window.__TIENDO_SEED__ = ${JSON.stringify({ active: 'Phụ lục', sheets: seed })};\n${standin}`;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (url.startsWith(baseUrl)) return route.continue();
      return route.abort(); // no network: anything else is refused
    });
    await openPane();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  it('loads office.js from the Office CDN URL and shows the Vietnamese pane', async () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    expect(html).toContain(`<script src=${OFFICE_JS}></script>`);
    expect(await page.inputValue('#as-of')).toBe(AS_OF);
    expect(await text('#btn-check')).toBe('Kiểm tra bảng');
    expect(await text('#btn-classify')).toBe('Phân loại');
    expect(await text('#btn-summary')).toBe('Tạo phụ lục tổng hợp');
    expect(await page.isHidden('#error')).toBe(true);
  });

  it('Kiểm tra bảng: header matched, counts by category, issues; no HTML from cells', async () => {
    await click('#btn-check');
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text('#summary-line')).toBe('Đã hoàn thành 02/08 (25,0%) nhiệm vụ, trong đó 01 nhiệm vụ hoàn thành quá hạn; 02 nhiệm vụ quá hạn, chưa hoàn thành, thuộc trách nhiệm của 02 đơn vị: Bộ Khoa học và Công nghệ, Bộ Tư pháp mỗi đơn vị 01 nhiệm vụ.');
    expect(await text('#header-rows')).toBe('Trang tính "Phụ lục", hàng tiêu đề 5, 6; 08 nhiệm vụ.');
    // the report's other sentences, as tom-tat.txt has them (the seed has one status tiendo cannot read)
    const sentences = await page.locator('#sentences li').allInnerTexts();
    expect(sentences[0]).toMatch(/^Trong số 08 nhiệm vụ, .*không nhận ra tiến độ/);
    const headerRows = await page.locator('#headers tbody tr').allInnerTexts();
    expect(headerRows[2]).toBe('Đơn vị chủ trì\tCơ quan thực hiện / Chủ trì\tD6');
    expect(headerRows).toHaveLength(7);
    const counts = await page.locator('#counts tbody tr').allInnerTexts();
    expect(counts).toEqual([
      'Đã hoàn thành đúng hạn\t01',
      'Đã hoàn thành quá hạn\t01',
      'Chưa hoàn thành, trong hạn\t03',
      'Chưa hoàn thành, quá hạn\t02',
      'Nhiệm vụ thường xuyên\t01',
      'Dừng thực hiện\t00',
      'Chưa báo cáo\t02',
      'Sắp đến hạn trong 7 ngày\t01',
    ]);
    expect(await page.locator('#issues li').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.code}@${(li as HTMLElement).dataset.cell}`))).toEqual([
      'NO_STATUS@H10',
      'UNKNOWN_STATUS@H15',
      'NO_STATUS@H16',
    ]);
    // Task 2 ("Đang thực hiện", 46 days past due) is counted overdue without a warning (issue 9: flags stay worth reading).
    expect(await text('#issue-count')).toBe('03');
    // the hostile status never becomes markup
    expect(await page.locator('#issues img, #results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(HOSTILE_STATUS).toContain('<img');
    const s = await snapshot();
    expect(s.syncs).toBe(1); // the read: one run, one sync
    await page.screenshot({ path: join(OUT, 'pane-check.png'), fullPage: true });
  });

  it('clicking an issue selects its cell', async () => {
    await click('#issues li[data-cell="H15"]');
    const s = await snapshot();
    expect(s.selected).toEqual({ sheet: 'Phụ lục', address: 'H15' });
    expect(await text('#status')).toBe('Đã chọn ô H15.');
  });

  it('Phân loại beside the table: own columns, row colours, status dropdown; idempotent', async () => {
    await click('#btn-classify');
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text('#status')).toBe('Đã phân loại 08 nhiệm vụ vào trang tính "Phụ lục".');
    let s = await snapshot();
    const p = sheet(s, 'Phụ lục');
    expect(p.cells[5].slice(8, 13)).toEqual([...OWN_HEADERS]);
    expect(p.cells[7].slice(8, 13)).toEqual(['Đã hoàn thành', 'Đã hoàn thành đúng hạn', '', '', '']);
    expect(p.cells[8].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, quá hạn', 'Quá hạn', 46, '']);
    expect(p.cells[9].slice(8, 13)).toEqual(['Chưa báo cáo', 'Chưa hoàn thành, trong hạn', '', '', 46]);
    expect(p.cells[11].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, trong hạn', '', '', 5]);
    expect(p.cells[15].slice(8, 13)).toEqual(['Chưa báo cáo', 'Chưa hoàn thành, quá hạn', 'Quá hạn', 15, '']);
    expect(p.formats[8].slice(8, 13)).toEqual(['@', '@', '@', '0', '0']);
    // the table itself is untouched
    expect(p.cells[14][7]).toBe(HOSTILE_STATUS);
    expect(s.conditionalFormats.map((c) => `${c.address} ${c.formula} ${c.fill}`)).toEqual([
      'B7:M16 =AND($K7="Quá hạn",N("tiendo")=0) #F8CBAD',
      'B7:M16 =AND(AND(ISNUMBER($M7),$M7<=7),N("tiendo")=0) #FFEB9C',
      'B7:M16 =AND(OR($J7="Đã hoàn thành đúng hạn",$J7="Đã hoàn thành quá hạn"),N("tiendo")=0) #C6EFCE',
    ]);
    // what Excel would colour: evaluate the rules on the written cells
    const fills = rowFills(p.cells, s.conditionalFormats.filter((c) => c.sheet === 'Phụ lục'));
    expect(Object.fromEntries(fills)).toEqual({ 8: '#C6EFCE', 9: '#F8CBAD', 12: '#FFEB9C', 14: '#C6EFCE', 16: '#F8CBAD' });
    const view = await browser.newPage({ viewport: { width: 1500, height: 520 } });
    await view.setContent(sheetHtml('Phụ lục', p.cells, fills, 1, 13));
    await view.screenshot({ path: join(OUT, 'sheet-classified.png'), fullPage: true });
    await view.close();
    expect(s.validations).toHaveLength(1);
    expect(s.validations[0].address).toBe('H7:H16');
    expect(s.validations[0].rule.list.source).toBe('Đã hoàn thành,Đã hoàn thành quá hạn,Đang thực hiện,Chưa hoàn thành,Dừng thực hiện');
    expect(s.formulas).toEqual([]);
    expect(s.maxPayload).toBeLessThan(5 * 1024 * 1024);

    // again, with a different as-of date: same columns, values updated, nothing stacked
    await page.fill('#as-of', '2025-11-18');
    await click('#btn-classify');
    s = await snapshot();
    const q = sheet(s, 'Phụ lục');
    expect(q.cells.flat().filter((v) => (OWN_HEADERS as readonly unknown[]).includes(v))).toHaveLength(5);
    expect(q.cells[5].length).toBe(13);
    expect(q.cells[8].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, quá hạn', 'Quá hạn', 49, '']);
    expect(q.cells[11].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, trong hạn', '', '', 2]);
    expect(s.conditionalFormats).toHaveLength(3);
    expect(s.validations).toHaveLength(1);
    await page.fill('#as-of', AS_OF);
    await page.screenshot({ path: join(OUT, 'pane-classify.png'), fullPage: true });
  });

  it('Phân loại into a new sheet: one row per task, formula-like text stays text', async () => {
    await page.check('input[name="target"][value="sheet"]');
    await click('#btn-classify');
    expect(await page.isHidden('#error')).toBe(true);
    const s = await snapshot();
    const c = sheet(s, 'Phân loại (tiendo)');
    expect(c.cells[0].slice(0, 4)).toEqual(['Trang tính', 'Dòng', 'STT', 'Tên nhiệm vụ']);
    expect(c.cells).toHaveLength(9);
    expect(c.cells[6].slice(0, 4)).toEqual(['Phụ lục', 14, '6', FORMULA_TASK]);
    expect(c.formats[6][3]).toBe('@');
    expect(c.frozenRows).toBe(1);
    expect(s.formulas).toEqual([]);
    expect(s.active).toBe('Phân loại (tiendo)');
    expect(s.conditionalFormats.filter((x) => x.sheet === 'Phân loại (tiendo)').map((x) => x.address)).toEqual(['A2:M9', 'A2:M9', 'A2:M9']);
    // running it again asks first, then replaces the sheet's contents in place (no Worksheet.delete: undo survives)
    await page.evaluate(() => (window as unknown as { __excel: { state: { active: string } } }).__excel.state.active = 'Phụ lục');
    await clickAnswering('#btn-classify', '#ask-yes');
    const s2 = await snapshot();
    expect(s2.sheets.filter((x) => x.name === 'Phân loại (tiendo)')).toHaveLength(1);
    expect((s2 as unknown as { undoCleared: number }).undoCleared).toBe(0);
    expect(await page.isHidden('#error')).toBe(true);
    await page.check('input[name="target"][value="beside"]');
    await page.evaluate(() => (window as unknown as { __excel: { state: { active: string } } }).__excel.state.active = 'Phụ lục');
  });

  it('Tạo phụ lục tổng hợp: summary sheet with a table, totals, sentences and a native chart', async () => {
    await click('#btn-summary');
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text('#status')).toBe('Đã tạo trang tính "Tổng hợp (tiendo)" (07 đơn vị).');
    const s = await snapshot();
    const t = sheet(s, 'Tổng hợp (tiendo)');
    // the CLI's "Tổng hợp" appendix: Phụ lục, title, (Kèm theo …), as-of line, two-row header
    expect(t.cells[0][0]).toBe('Phụ lục');
    expect(t.cells[1][0]).toBe('TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(t.cells[2][0]).toMatch(/^\(Kèm theo /);
    expect(t.cells[3][0]).toBe('(Số liệu tính đến ngày 15/11/2025; nguồn: trang tính "Phụ lục")');
    expect(t.cells[6].slice(0, 4)).toEqual(['', '', '', 'Đã hoàn thành']);
    expect(t.cells[5].slice(0, 3)).toEqual(['STT', 'Đơn vị chủ trì', 'Số nhiệm vụ']);
    const tuPhap = t.cells.find((r) => r?.[1] === 'Bộ Tư pháp');
    expect(tuPhap?.slice(2)).toEqual([2, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0.5]);
    const totals = t.cells.find((r) => r?.[1] === 'Tổng cộng');
    expect(totals?.slice(2)).toEqual([8, 1, 1, 3, 0, 0, 2, 1, 1, 1, 3, 2, 1, 0, 2, 0.25]);
    expect(t.cells.flatMap((r) => r ?? []).some((v) => typeof v === 'string' && v.startsWith('Đã hoàn thành 02/08 (25,0%) nhiệm vụ'))).toBe(true);
    expect(t.looks.some((l) => l.property === 'font.name' && l.value === 'Times New Roman')).toBe(true);
    expect(t.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$6:$7' });
    expect(t.mergedWrites).toContain('A1:R1');
    expect(s.tables).toEqual([]);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ sheet: 'Tổng hợp (tiendo)', type: 'BarStacked', title: 'Tình hình thực hiện nhiệm vụ theo đơn vị' });
    expect(s.charts[0].categories).toContain('Bộ Tư pháp');
    expect(s.charts[0].series).toEqual(['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Trong hạn', 'Quá hạn', 'Thường xuyên', 'Dừng thực hiện']);
    expect(s.formulas).toEqual([]);
    // the user's own "Tổng hợp" sheet is never touched
    expect(sheet(s, 'Tổng hợp').cells).toEqual([['Số liệu tự tổng hợp của người dùng']]);
    await page.screenshot({ path: join(OUT, 'pane-summary.png'), fullPage: true });
  });

  it('errors are Vietnamese messages in the pane', async () => {
    await page.evaluate(() => (window as unknown as { __excel: { state: { active: string } } }).__excel.state.active = 'Trống');
    await click('#btn-check');
    expect(await text('#error')).toBe('Trang tính đang trống.');
    // on tiendo's own summary sheet, the pane reads the user's table, not the summary
    await page.evaluate(() => (window as unknown as { __excel: { state: { active: string } } }).__excel.state.active = 'Tổng hợp (tiendo)');
    await click('#btn-check');
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text('#header-rows')).toBe('Trang tính "Phụ lục", hàng tiêu đề 5, 6; 08 nhiệm vụ.');
    await page.evaluate(() => (window as unknown as { __excel: { state: { active: string } } }).__excel.state.active = 'Phụ lục');
    await page.fill('#due-soon', '-3');
    await click('#btn-check');
    expect(await text('#error')).toBe('Số ngày "sắp đến hạn" phải là số nguyên từ 0 đến 365.');
    await page.fill('#due-soon', '7');
    // an Excel error (a sheet deleted behind the pane's back) surfaces as a Vietnamese message
    await click('#btn-check');
    await page.evaluate(() => {
      const st = (window as unknown as { __excel: { state: { sheets: { name: string }[] } } }).__excel.state;
      st.sheets = st.sheets.filter((x) => x.name !== 'Phụ lục');
    });
    await click('#issues li[data-cell="H10"]');
    expect(await text('#error')).toBe('Không tìm thấy trang tính hoặc ô cần dùng (có thể đã bị xoá hoặc đổi tên). Hãy bấm "Kiểm tra bảng" lại.');
    await page.screenshot({ path: join(OUT, 'pane-error.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('the selection scope reads only the selected range', async () => {
    await openPane();
    await page.evaluate(() => (window as unknown as { __excel: { select(s: string, a: string): void } }).__excel.select('Phụ lục', 'B5:H10'));
    await page.check('input[name="scope"][value="selection"]');
    await click('#btn-check');
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text('#header-rows')).toBe('Trang tính "Phụ lục", hàng tiêu đề 5, 6; 03 nhiệm vụ.');
    // a single selected cell means "no selection": the whole sheet is read
    await page.evaluate(() => (window as unknown as { __excel: { select(s: string, a: string): void } }).__excel.select('Phụ lục', 'D9'));
    await click('#btn-check');
    expect(await text('#header-rows')).toBe('Trang tính "Phụ lục", hàng tiêu đề 5, 6; 08 nhiệm vụ.');
  });
  it('overwrite guard: a selection that leaves out table columns writes nothing and offers to widen it (README screenshots)', async () => {
    await openPane();
    await page.fill('#as-of', '15/11/2025'); // as the user types it
    await page.check('input[name="scope"][value="selection"]');
    await page.check('input[name="target"][value="beside"]');
    await page.evaluate(() => (window as unknown as { __excel: { select(s: string, a: string): void } }).__excel.select('Phụ lục', 'B5:F16'));
    const before = sheet(await snapshot(), 'Phụ lục').cells;
    await click('#btn-classify');
    expect(await text('#error')).toMatch(/^Vùng chọn bỏ sót cột G "Kết quả thực hiện", H "Tiến độ" của bảng/);
    expect(await page.isVisible('#btn-widen')).toBe(true);
    const s = await snapshot();
    expect(sheet(s, 'Phụ lục').cells).toEqual(before);
    const assets = OUT; // copied to assets/ for the README (the "before" pair was taken once from the pane before the fix)
    await page.screenshot({ path: join(assets, 'overwrite-after-pane.png'), clip: { x: 0, y: 0, width: 360, height: 620 } });
    const view = await browser.newPage({ viewport: { width: 1300, height: 480 } });
    await view.setContent(sheetHtml('Phụ lục — sau khi bấm "Phân loại" (B5:F16 được chọn): không ô nào bị ghi', sheet(s, 'Phụ lục').cells, new Map(), 1, 13));
    await view.screenshot({ path: join(assets, 'overwrite-after-sheet.png'), fullPage: true });
    await view.close();
    // "Mở rộng vùng chọn" selects the whole table; classifying then keeps G and H and writes I..M
    await click('#btn-widen');
    expect((await snapshot()).selected).toEqual({ sheet: 'Phụ lục', address: 'B5:H16' });
    await page.evaluate(() => (window as unknown as { __excel: { select(s: string, a: string): void } }).__excel.select('Phụ lục', 'B5:H16'));
    await click('#btn-classify');
    expect(await page.isHidden('#error')).toBe(true);
    const p = sheet(await snapshot(), 'Phụ lục');
    const gh = (g: (string | number | null)[][], r: number) => [g[r]?.[6] ?? null, g[r]?.[7] ?? null];
    for (let r = 4; r < 16; r++) expect(gh(p.cells, r), `row ${r + 1}`).toEqual(gh(before, r));
    expect(p.cells[7][8]).toBe('Đã hoàn thành');
    await page.check('input[name="scope"][value="sheet"]');
  });

  it('keyboard: Tab reaches an issue, Enter selects its cell; the date field shows dd/mm/yyyy; dark mode', async () => {
    await openPane();
    await click('#btn-check');
    const li = page.locator('#issues li[data-cell="H15"]');
    expect(await li.getAttribute('tabindex')).toBe('0');
    expect(await li.getAttribute('role')).toBe('button');
    await li.focus();
    const before = await page.evaluate(() => Number(document.body.dataset.done ?? 0));
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => Number(document.body.dataset.done ?? 0) > n, before);
    expect((await snapshot()).selected).toEqual({ sheet: 'Phụ lục', address: 'H15' });
    const fresh = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'en-US', colorScheme: 'dark' });
    await fresh.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
    await fresh.goto(`${baseUrl}/taskpane.html`);
    await fresh.waitForSelector('body[data-ready="1"]');
    expect(await fresh.inputValue('#as-of')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/); // an en-US WebView still shows dd/mm/yyyy
    const bg = await fresh.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(31, 31, 31)');
    await fresh.screenshot({ path: join(OUT, 'pane-dark-no-office.png'), fullPage: true });
    await fresh.close();
  });

  it('Office.js blocked (closed network, or opened outside Excel): says so, buttons stay disabled', async () => {
    const fresh = await browser.newPage({ viewport: { width: 360, height: 700 } });
    await fresh.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
    await fresh.goto(`${baseUrl}/taskpane.html`);
    await fresh.waitForSelector('body[data-ready="1"]');
    expect(await fresh.locator('#error').innerText()).toMatch(/^Không tải được thư viện Office\.js/);
    for (const id of ['#btn-check', '#btn-classify', '#btn-summary']) expect(await fresh.isDisabled(id), id).toBe(true);
    await fresh.close();
  });
});
