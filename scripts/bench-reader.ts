/**
 * Lean reader speed check: `npx tsx scripts/bench-reader.ts [count=300]`.
 * Generates commune-style workbooks with ExcelJS (60 task rows, title block, merges, dates,
 * Vietnamese text) plus one 20,000-row workbook under bench-data/reader/, then times on one
 * thread: a raw lower bound (inflate the sheet XML and shared strings with zlib, decode, scan
 * the cell values), the lean reader (readXlsx → Grids), and ExcelJS `load`. Then readFiles
 * (worker pool, both cores, including core readWorkbook) on 100 of them.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { readFiles } from '../batch/read-files';
import { readWorkbook } from '../core/table/read';
import { lowerBound } from './bench-lower-bound';
import { readXlsx } from '../xlsx/read';
import { DEFAULT_LIMITS } from '../xlsx/reader/limits';
import { findEntry, openZip } from '../xlsx/zip/read';

const DIR = 'bench-data/reader';
const COUNT = Number(process.argv[2] ?? 300);

const TASKS = ['Rà soát, cập nhật quy hoạch sử dụng đất giai đoạn 2021-2030', 'Triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư',
  'Kiện toàn tổ chức bộ máy chính quyền địa phương hai cấp', 'Tổ chức tuyên truyền, phổ biến pháp luật về phòng, chống tham nhũng',
  'Báo cáo kết quả thực hiện chỉ tiêu phát triển kinh tế - xã hội', 'Xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu'];
const STATUSES = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành', 'Đã hoàn thành quá hạn', ''];
const UNITS = ['UBND xã', 'Công an xã', 'Văn phòng HĐND và UBND xã', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'];

async function makeWorkbook(path: string, rows: number, seed: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = 'PHỤ LỤC: TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO';
  ws.getCell('A1').font = { name: 'Times New Roman', bold: true };
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = `(Kèm theo Báo cáo số ${seed}/BC-UBND)`;
  ws.addRow([]);
  ws.addRow(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ']).font = { name: 'Times New Roman', bold: true };
  for (let i = 1; i <= rows; i++) {
    const k = (i * 7 + seed) % 997;
    const row = ws.addRow([i, `${TASKS[k % TASKS.length]} (${i})`, UNITS[k % UNITS.length], UNITS[(k + 2) % UNITS.length],
      new Date(Date.UTC(2025, k % 12, 1 + (k % 28))), k % 3 ? `Đã ban hành Kế hoạch số ${k}/KH-UBND ngày ${1 + (k % 28)}/${1 + (k % 12)}/2025` : '',
      STATUSES[k % STATUSES.length]]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
  }
  await wb.xlsx.writeFile(path);
}

async function ensureData(): Promise<{ small: string[]; big: string }> {
  mkdirSync(DIR, { recursive: true });
  const small: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const p = join(DIR, `xa-${String(i).padStart(4, '0')}.xlsx`);
    if (!existsSync(p)) await makeWorkbook(p, 60, i);
    small.push(p);
  }
  const big = join(DIR, 'quoc-gia-20000.xlsx');
  if (!existsSync(big)) await makeWorkbook(big, 20_000, 1);
  return { small, big };
}

/** Lower bound: central directory, inflate sheet + shared strings, decode, visit every <v> and <t> value. */
function rawScan(bytes: Buffer): number {
  const zip = openZip(bytes, DEFAULT_LIMITS);
  let n = 0;
  for (const e of zip.entries.values()) {
    if (e.method !== 8 || (!e.name.startsWith('xl/worksheets/sheet') && e.name !== 'xl/sharedStrings.xml')) continue;
    const xml = inflateRawSync(bytes.subarray(dataStart(bytes, e.localOffset), dataStart(bytes, e.localOffset) + e.compressedSize)).toString('utf8');
    const open = e.name === 'xl/sharedStrings.xml' ? '<t' : '<v>';
    for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 3)) {
      const s = xml.indexOf('>', i) + 1;
      n += xml.slice(s, xml.indexOf('<', s)).length;
    }
  }
  return n + (findEntry(zip, 'xl/workbook.xml') ? 1 : 0);
}

function dataStart(buf: Buffer, p: number): number {
  return p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
}

function time(label: string, fn: () => void, repeat = 7): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(7)} ms`);
  return best;
}

async function timeAsync(label: string, fn: () => Promise<unknown>, repeat = 2): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(0).padStart(7)} ms`);
  return best;
}

async function main(): Promise<void> {
  const { small, big } = await ensureData();
  const files = small.map((p) => readFileSync(p));
  const bigBytes = readFileSync(big);
  console.log(`${files.length} workbooks of 60 rows (${Math.round(files.reduce((s, b) => s + b.length, 0) / 1024)} KB), one of 20,000 rows (${Math.round(bigBytes.length / 1024)} KB); one thread unless noted\n`);
  for (const b of files.slice(0, 20)) { rawScan(b); readXlsx(b, { file: 'warm' }); } // warm-up

  const raw = time('raw lower bound (inflate + scan values)', () => { for (const b of files) rawScan(b); });
  const lean = time('lean reader readXlsx → Grids', () => { for (const b of files) if (readXlsx(b, { file: 'x' }).error) throw new Error('read failed'); });
  const official = (await lowerBound(small, 1)).seconds * 1000;
  console.log(`${'npm run bench lower bound, 1 thread (from disk)'.padEnd(44)} ${official.toFixed(0).padStart(7)} ms`);
  const exceljs = await timeAsync('ExcelJS load', async () => { for (const b of files) await new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer); }, 1);
  console.log(`  ratios: lean/raw ${(lean / raw).toFixed(2)}×, lean/bench-bound ${(lean / official).toFixed(2)}×, ExcelJS/raw ${(exceljs / raw).toFixed(2)}×\n`);

  const rawBig = time('20,000 rows: raw lower bound', () => rawScan(bigBytes));
  const leanBig = time('20,000 rows: lean reader', () => readXlsx(bigBytes, { file: 'big' }));
  const officialBig = (await lowerBound([big], 1)).seconds * 1000;
  console.log(`${'20,000 rows: npm run bench lower bound'.padEnd(44)} ${officialBig.toFixed(0).padStart(7)} ms`);
  const excelBig = await timeAsync('20,000 rows: ExcelJS load', () => new ExcelJS.Workbook().xlsx.load(bigBytes as unknown as ArrayBuffer), 1);
  console.log(`  ratios: lean/raw ${(leanBig / rawBig).toFixed(2)}×, lean/bench-bound ${(leanBig / officialBig).toFixed(2)}×, ExcelJS/raw ${(excelBig / rawBig).toFixed(2)}×\n`);

  // Where the rest of the per-file time goes: core readWorkbook on already-read grids.
  const subset = small.slice(0, 100);
  const grids = subset.map((p, i) => readXlsx(files[i], { file: p }).grids);
  const core = time(`core readWorkbook on ${subset.length} read workbooks`, () => grids.forEach((g, i) => readWorkbook(g, { file: subset[i] })), 1);
  const pool = await timeAsync(`readFiles ${subset.length} files (pool, reader + core)`, () => readFiles(subset, { inProcessBelow: 0 }), 1);
  const one = await timeAsync(`readFiles ${subset.length} files in-process`, () => readFiles(subset, { concurrency: 1, inProcessBelow: Infinity }), 1);
  console.log(`  core per file ${(core / subset.length).toFixed(1)} ms vs reader ${(lean / files.length).toFixed(2)} ms; pool speed-up ${(one / pool).toFixed(2)}×`);
}

void main().then(() => writeFileSync(join(DIR, '.done'), new Date().toISOString()), (err) => { console.error(err); process.exitCode = 1; });
