/**
 * "Tổng hợp nhiều tệp" end to end: the task pane built by webpack (the reader in its Web Worker), in headless
 * Chromium over the Excel stand-in. The sample returns (one of them a re-submission), a Word return (.docx: a section
 * row across the width, a lead merged down, a table split over two pages), a broken file and a legacy Word .doc are
 * chosen through the pane's file input; the written sheets must equal, cell for cell, the tong-hop.xlsx that
 * `tiendo aggregate` writes for the same files, and the pane's sentences and counts its `--json` report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/grid';
import type { Report } from '../../report/report-types';
import { readXlsxFile } from '../../xlsx/read';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-output', 'addin-rollup');
const DIST = join(OUT, 'dist');
const RETURNS = join(OUT, 'nop');
const SENT = join(OUT, 'danh-sach-giao.json');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const AS_OF = '2025-11-15';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

interface Snapshot { sheets: { name: string; cells: (string | number | null)[][] }[]; maxPayload: number; charts: { sheet: string; title: string }[] }

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

function serve(dir: string): Promise<Server> {
  const srv = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}

/** A written or read cell as the stand-in holds it: text, number, or '' for empty (Dates as Excel serials). */
function norm(v: CellValue | undefined): string | number {
  if (v === null || v === undefined || v === '') return '';
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Rows with trailing empty cells and trailing empty rows dropped. */
function trimmed(rows: ((CellValue | undefined)[] | null | undefined)[]): (string | number)[][] {
  const out = Array.from(rows, (r) => {
    const x = Array.from(r ?? [], norm);
    while (x.length && x[x.length - 1] === '') x.pop();
    return x;
  });
  while (out.length && !out[out.length - 1].length) out.pop();
  return out;
}

const WORD_RETURN = 'bo-giao-duc-va-dao-tao.docx';
const LEGACY_DOC = 'bo-cong-thuong.doc';

const wcell = (text: string, o: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph({ children: text.split('\n').map((l, i) => new TextRun({ text: l, break: i ? 1 : undefined })) })], ...o });

/** Bộ Giáo dục và Đào tạo's return as a Word table, split over two pages with its header typed again. */
async function wordReturn(): Promise<Buffer> {
  const head = () => new TableRow({ tableHeader: true, children: ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'].map((h) => wcell(h)) });
  const unit = 'Bộ Giáo dục và Đào tạo';
  const first = [
    head(),
    new TableRow({ children: [wcell('I. NHIỆM VỤ CHUYỂN ĐỔI SỐ', { columnSpan: 6 })] }),
    new TableRow({ children: [wcell('1'), wcell('Xây dựng cơ sở dữ liệu ngành giáo dục\nkết nối với Cơ sở dữ liệu quốc gia về dân cư'), wcell(unit, { rowSpan: 3 }), wcell('30/06/2025'), wcell('Đã kết nối 63/63 sở'), wcell('Đã hoàn thành')] }),
    new TableRow({ children: [wcell('2'), wcell('Cấp văn bằng, chứng chỉ điện tử'), wcell('31/08/2025'), wcell('Đang thí điểm tại 5 trường'), wcell('Đang thực hiện')] }),
    new TableRow({ children: [wcell('3'), wcell('Số hóa học bạ tiểu học'), wcell('Tháng 10/2025'), wcell(''), wcell('   ')] }),
  ];
  const second = [
    head(),
    new TableRow({ children: [wcell('4'), wcell('Ban hành Thông tư hướng dẫn tuyển sinh trực tuyến'), wcell(unit), wcell('15/03/2025'), wcell('Đã ban hành ngày 20/04/2025'), wcell('Đã hoàn thành quá hạn')] }),
    new TableRow({ children: [wcell('5'), wcell('Tổng kết 5 năm thực hiện Chương trình giáo dục phổ thông'), wcell(unit), wcell('31/12/2025'), wcell('Chưa triển khai'), wcell('Chưa hoàn thành')] }),
  ];
  const doc = new Document({ sections: [{ children: [new Paragraph('Phụ lục'), new Table({ rows: first }), new Paragraph(''), new Table({ rows: second })] }] });
  return Packer.toBuffer(doc);
}

let server: Server;
let browser: Browser;
let page: Page;
let report: Report;
const pageErrors: string[] = [];

describe.skipIf(!hasChromium)('Tổng hợp nhiều tệp in headless Chromium', () => {
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(RETURNS, { recursive: true });
    // The sample returns, the Bộ Y tế re-submission a day newer than the first, and one broken file.
    const day = Date.UTC(2025, 10, 10) / 1000;
    for (const f of readdirSync(join(ROOT, 'samples/bao-cao'))) {
      copyFileSync(join(ROOT, 'samples/bao-cao', f), join(RETURNS, f));
      utimesSync(join(RETURNS, f), day, f.includes('ban-sua') ? day + 86_400 : day);
    }
    copyFileSync(join(ROOT, 'samples/tep-loi/bo-xay-dung.xlsx'), join(RETURNS, 'bo-xay-dung.xlsx'));
    utimesSync(join(RETURNS, 'bo-xay-dung.xlsx'), day, day);
    // A Word return, and a Word 97-2003 .doc (refused with FILE_LEGACY_DOC by the CLI and by the pane alike).
    writeFileSync(join(RETURNS, WORD_RETURN), await wordReturn());
    writeFileSync(join(RETURNS, LEGACY_DOC), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(1024)]));
    for (const f of [WORD_RETURN, LEGACY_DOC]) utimesSync(join(RETURNS, f), day, day);
    // The list of tasks sent (as `tiendo distribute` writes it): Bộ Xây dựng's task never came back (its file is broken).
    writeFileSync(SENT, JSON.stringify({ units: [{ unit: 'Bộ Xây dựng', file: 'bo-xay-dung.xlsx', tasks: [{ id: 'XD-01', stt: '1', task: 'Rà soát quy hoạch xây dựng vùng' }] }] }));
    // The reference: `tiendo aggregate` on the same files (exit code 1: two files refused).
    const cli = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'cli/main.ts'), 'aggregate', '.', '--as-of', AS_OF, '--json', '../tong-hop.json', '--out', '../cli', '--sent', SENT], { cwd: RETURNS, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(1);
  }, 300_000);

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', DIST], { cwd: ROOT, stdio: 'pipe' });
    server = await serve(DIST);
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=vi-VN', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 360, height: 1400 }, locale: 'vi-VN', acceptDownloads: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const standin = readFileSync(join(ROOT, 'test/addin/excel-standin.js'), 'utf8');
    const seed = { active: 'Sheet1', sheets: [{ name: 'Sheet1', cells: [['Dữ liệu của người dùng']] }] };
    const body = `window.__TIENDO_SEED__ = ${JSON.stringify(seed)};\n${standin}`;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body });
      if (url.startsWith(baseUrl)) return route.continue();
      return route.abort();
    });
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.fill('#as-of', AS_OF);
    report = JSON.parse(readFileSync(join(OUT, 'tong-hop.json'), 'utf8')) as Report;
    const before = await page.evaluate(() => Number(document.body.dataset.done ?? 0));
    const chooser = page.waitForEvent('filechooser');
    await page.click('#btn-rollup');
    await (await chooser).setFiles([...readdirSync(RETURNS).sort().map((f) => join(RETURNS, f)), SENT]);
    await page.waitForFunction((n) => Number(document.body.dataset.done ?? 0) > n, before, { timeout: 120_000 });
    await page.screenshot({ path: join(OUT, 'pane-rollup.png'), fullPage: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  it('reads every file with a progress line, and lists the refused one with the CLI message', async () => {
    expect(await page.isHidden('#error'), await page.locator('#error').innerText()).toBe(true);
    expect(pageErrors).toEqual([]);
    // read in a Web Worker: the pane started one from its own chunk
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/\d+\.js$/.test(e.name) && (e as PerformanceResourceTiming).initiatorType === 'other'))).toBe(true);
    const lines = await page.locator('#rollup-progress li').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.file}:${(li as HTMLElement).dataset.code}`));
    expect(lines).toHaveLength(11);
    expect(lines.filter((l) => !l.endsWith(':OK'))).toEqual([`${LEGACY_DOC}:FILE_LEGACY_DOC`, 'bo-xay-dung.xlsx:FILE_TRUNCATED']);
    expect(lines).toContain(`${WORD_RETURN}:OK`);
    const cliRefused = report.inputs.filter((i) => i.error);
    expect(await page.locator('#rollup-refused li .msg').allInnerTexts()).toEqual(cliRefused.map((i) => i.error));
    expect(await page.locator('#status').innerText()).toMatch(/^Đã tổng hợp 09\/11 tệp vào các trang tính "Tổng hợp \(tiendo\)"/);
  });

  it('offers tong-hop.json, the same report as aggregate --json', async () => {
    const download = page.waitForEvent('download');
    await page.click('#btn-rollup-json');
    const d = await download;
    expect(d.suggestedFilename()).toBe('tong-hop.json');
    const mine = JSON.parse(readFileSync(await d.path(), 'utf8')) as Report;
    expect(mine).toEqual(report);
  });

  it('shows the sentences of aggregate --json', async () => {
    expect(report.sentences.length).toBeGreaterThan(2);
    const shown = [await page.locator('#rollup-line').innerText(), ...await page.locator('#rollup-sentences li').allInnerTexts()];
    expect(shown).toEqual(report.sentences);
  });

  it('writes the sheets of tong-hop.xlsx, cell for cell, with the numbers and sentences of the CLI', async () => {
    const s = await page.evaluate(() => (window as unknown as { __excel: { snapshot(): Snapshot } }).__excel.snapshot());
    const cli = await readXlsxFile(join(OUT, 'cli', 'tong-hop.xlsx'));
    expect(cli.error).toBeNull();
    const written = s.sheets.filter((x) => x.name.endsWith(' (tiendo)'));
    expect(written.map((x) => x.name.replace(' (tiendo)', ''))).toEqual(cli.grids.map((g) => g.name));
    expect(s.sheets[0].cells[0][0]).toBe('Dữ liệu của người dùng'); // the user's sheet is untouched
    for (const g of cli.grids) {
      const mine = written.find((x) => x.name === `${g.name} (tiendo)`)!;
      expect(trimmed(mine.cells), g.name).toEqual(trimmed(g.rows));
    }
    // The numbers of the JSON report are those written: the totals row of "Tổng hợp" holds the task and overdue totals.
    const flat = written[0].cells.flat();
    for (const sentence of report.sentences) expect(flat).toContain(sentence);
    const totalRow = written[0].cells.find((r) => r?.some((v) => typeof v === 'string' && /^Tổng (cộng|số)$/i.test(v)));
    expect(totalRow).toBeDefined();
    expect(totalRow).toContain(report.totals.tasks);
    expect(totalRow).toContain(report.totals.overdue);
    // The Bộ Y tế re-submission replaced the first return's 5 tasks instead of adding to them (the same merge as the CLI's).
    const y = report.inputs.filter((i) => basename(i.file).startsWith('bo-y-te'));
    expect(y.map((i) => i.tasks)).toEqual([5, 5]);
    expect(report.totals.tasks).toBe(report.inputs.reduce((n, i) => n + i.tasks, 0) - 5);
    expect(s.charts.some((c) => c.sheet === 'Tổng hợp (tiendo)')).toBe(true);
    // The Word return was read in the pane as by the CLI: its five tasks (the split table joined), one of them overdue-done.
    const word = report.inputs.find((i) => basename(i.file) === WORD_RETURN)!;
    expect(word.error ?? null).toBeNull();
    expect(word.tasks).toBe(5);
    const detail = JSON.stringify(written.map((x) => x.cells));
    expect(detail).toContain('Tổng kết 5 năm thực hiện Chương trình giáo dục phổ thông');
    expect(detail).toContain(WORD_RETURN);
    expect(report.inputs.find((i) => basename(i.file) === LEGACY_DOC)?.errorCode).toBe('FILE_LEGACY_DOC');
    // danh-sach-giao.json was taken from the same file input: the task sent and not returned is reported as in the CLI.
    expect(report.notReturned?.length).toBeGreaterThan(0);
    expect(JSON.stringify(written.map((x) => x.cells))).toContain('XD-01');
    expect(s.maxPayload).toBeLessThan(5_000_000);
  });
});
