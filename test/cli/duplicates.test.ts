/**
 * The same return twice (issue 9, item 1): a byte copy "phu-luc (1).xlsx", a renamed copy in another folder,
 * and a re-save written by a different writer pass (inline strings, dates as date cells, another sheet name,
 * other metadata) all count once; a DUPLICATE_FILE issue names both files. As of 2025-11-15.
 *
 * The appendix: 49 tasks. 1–13 done (due 30/06/2025); 14–30 open and due 30/09/2025 (17 overdue);
 * 31–49 open and due 31/12/2025. Nine tasks have a group lead: 3 and 14, 16, …, 28 (eight of them overdue),
 * so counting one copy twice would give 58 tasks and 25 overdue.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, type AggregateArgs } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';
import type { Report } from '../../report/report-types';
import { fixturePath, writeAppendix, type RowSpec } from '../fixtures/appendix';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];
const GROUPS = new Map<number, string>([
  [3, 'Các bộ, ngành, địa phương'], [14, 'UBND các tỉnh, thành phố'], [16, 'Các bộ, ngành'], [18, 'Các địa phương'],
  [20, 'Các bộ, ngành, địa phương'], [22, 'UBND các tỉnh, thành phố'], [24, 'Các bộ, ngành'], [26, 'Các địa phương'],
  [28, 'Các bộ, ngành, địa phương'],
]);
const MINISTRIES = ['Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Y tế', 'Bộ Khoa học và Công nghệ'];

/** Row i of the appendix (1-based); `changeStatus` rewrites task i's status (a corrected re-send). */
function row(i: number, over: { status?: string; result?: string } = {}): RowSpec {
  const lead = GROUPS.get(i) ?? MINISTRIES[i % MINISTRIES.length];
  const due = i <= 13 ? '30/06/2025' : i <= 30 ? '30/09/2025' : '31/12/2025';
  const status = over.status ?? (i <= 13 ? 'Đã hoàn thành' : i % 2 ? 'Đang thực hiện' : 'Chưa hoàn thành');
  const result = over.result ?? (i <= 13 ? `Đã ban hành văn bản số ${100 + i}/QĐ` : '');
  return [String(i), `Nhiệm vụ số ${i}: triển khai nội dung ${i} của Kế hoạch chuyển đổi số`, lead, due, result || null, status];
}

async function appendix(path: string, rows: RowSpec[]): Promise<void> {
  await writeAppendix(path, { title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'], header: HEADER, rows });
}

const rows49 = (): RowSpec[] => Array.from({ length: 49 }, (_, k) => row(k + 1));

/**
 * Read `from` and write it again as another writer would: inline strings instead of shared strings,
 * "dd/mm/yyyy" deadline texts as real date cells, sheet renamed, other author and dates.
 */
async function resave(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  wb.creator = 'LibreOffice';
  wb.lastModifiedBy = 'Văn thư';
  wb.modified = new Date('2025-11-12T08:00:00Z');
  const ws = wb.worksheets[0];
  ws.name = 'Sheet1';
  ws.eachRow((r) => r.eachCell((c) => {
    const m = typeof c.value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(c.value) : null;
    if (m) {
      c.value = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
      c.numFmt = 'dd/mm/yyyy';
    }
  }));
  await wb.xlsx.writeFile(to, { useSharedStrings: false, zip: { compression: 'STORE' } } as never);
}

function args(inputs: string[], out: string, over: Partial<AggregateArgs> = {}): AggregateArgs {
  const parsed = parseArgs([]);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.args, quiet: true, asOf: '2025-11-15', inputs, out: relative(process.cwd(), fixturePath(out)), ...over };
}

const sameTime = (paths: string[]): void => paths.forEach((p) => utimesSync(p, new Date('2025-11-10T00:00:00Z'), new Date('2025-11-10T00:00:00Z')));

describe('the same return twice', () => {
  let dir: string;
  const p = (f: string): string => join(dir, f);
  const rel = (f: string): string => relative(process.cwd(), f);

  beforeAll(async () => {
    dir = fixturePath('duplicates');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'gui-lai'), { recursive: true });
    await appendix(p('phu-luc.xlsx'), rows49());
    copyFileSync(p('phu-luc.xlsx'), p('phu-luc (1).xlsx'));
    copyFileSync(p('phu-luc.xlsx'), p('gui-lai/bao-cao-thang-11.xlsx'));
    await resave(p('phu-luc.xlsx'), p('phu-luc-luu-lai.xlsx'));
    sameTime(['phu-luc.xlsx', 'phu-luc (1).xlsx', 'gui-lai/bao-cao-thang-11.xlsx', 'phu-luc-luu-lai.xlsx'].map(p));
  }, 60_000);

  it('the re-save really is a different file', () => {
    expect(readFileSync(p('phu-luc-luu-lai.xlsx')).equals(readFileSync(p('phu-luc.xlsx')))).toBe(false);
    expect(readFileSync(p('phu-luc-luu-lai.xlsx')).length).toBeGreaterThan(readFileSync(p('phu-luc.xlsx')).length);
  });

  it('one file alone: 49 tasks, 17 overdue', async () => {
    const { report } = await aggregate(args([p('phu-luc.xlsx')], 'duplicates-one'));
    expect([report.totals.tasks, report.totals.overdue]).toEqual([49, 17]);
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_FILE')).toEqual([]);
  });

  it('a byte copy "phu-luc (1).xlsx" counts once, group-led tasks included, and is named', async () => {
    const { report } = await aggregate(args([p('phu-luc.xlsx'), p('phu-luc (1).xlsx')], 'duplicates-copy'));
    expect([report.totals.tasks, report.totals.overdue]).toEqual([49, 17]);
    const dup = report.issues.filter((i) => i.code === 'DUPLICATE_FILE');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', file: rel(p('phu-luc (1).xlsx')) });
    expect(dup[0].message).toContain('phu-luc (1).xlsx');
    expect(dup[0].message).toContain(`"${rel(p('phu-luc.xlsx'))}"`);
    expect(report.inputs.map((i) => [basename(i.file), i.tasks, i.duplicateOf ? basename(i.duplicateOf) : null]))
      .toEqual([['phu-luc (1).xlsx', 49, 'phu-luc.xlsx'], ['phu-luc.xlsx', 49, null]]);
    // The copy's tasks are not merged task by task: no DUPLICATE_TASK noise, all tasks from the kept file.
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_TASK')).toEqual([]);
    expect(new Set(report.tasks.map((t) => basename(t.file)))).toEqual(new Set(['phu-luc.xlsx']));
  });

  it('a copy, a renamed copy elsewhere and a re-save with other cells and strings: still 49 and 17', async () => {
    const { report } = await aggregate(args([dir], 'duplicates-all'));
    expect([report.totals.tasks, report.totals.overdue]).toEqual([49, 17]);
    expect(report.totals.progress.done).toBe(13);
    const dup = report.issues.filter((i) => i.code === 'DUPLICATE_FILE').map((i) => basename(i.file!)).sort();
    expect(dup).toEqual(['bao-cao-thang-11.xlsx', 'phu-luc (1).xlsx', 'phu-luc-luu-lai.xlsx']);
    expect(report.inputs.filter((i) => !i.duplicateOf).map((i) => basename(i.file))).toEqual(['phu-luc.xlsx']);
    // Group-led tasks are in once each.
    expect(report.tasks.filter((t) => GROUPS.has(Number(t.stt)))).toHaveLength(9);
  });

  it('the CLI: exit 0, the summary line and the Nguồn sheet say so', async () => {
    const out = fixturePath('duplicates-cli-out');
    const json = fixturePath('duplicates-cli.json');
    const r = await run('npx', ['tsx', 'cli/main.ts', 'aggregate', dir, '--as-of', '2025-11-15', '--out', out, '--json', json], { cwd: ROOT });
    expect(r.stderr).toContain('Đã đọc 4/4 tệp, 49 nhiệm vụ (17 quá hạn)');
    const rep = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(rep.issues.filter((i) => i.code === 'DUPLICATE_FILE')).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tong-hop.xlsx'));
    const nguon: string[] = [];
    wb.getWorksheet('Nguồn')!.eachRow((rw) => rw.eachCell((c) => nguon.push(String(c.text))));
    expect(nguon.filter((t) => t.startsWith('Trùng nội dung với tệp'))).toHaveLength(3);
  }, 60_000);

  it('--keep-duplicates keeps both copies and still names them', async () => {
    const { report } = await aggregate(args([p('phu-luc.xlsx'), p('phu-luc (1).xlsx')], 'duplicates-keep', { keepDuplicates: true }));
    expect(report.totals.tasks).toBe(98);
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_FILE').map((i) => i.message)).toEqual([expect.stringContaining('--keep-duplicates')]);
  });
});

describe('copies that are not the same return', () => {
  let dir: string;
  const p = (f: string): string => join(dir, f);

  beforeAll(async () => {
    dir = fixturePath('duplicates-not');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await appendix(p('phu-luc.xlsx'), rows49());
    // Corrected re-send: task 15 (Bộ Khoa học và Công nghệ) now done late; everything else word for word.
    await appendix(p('phu-luc-sua.xlsx'), rows49().map((r, k) => (k + 1 === 15 ? row(15, { status: 'Đã hoàn thành quá hạn', result: 'Đã xong 10/11' }) : r)));
    // Hà Nội reports its own part of the group-led tasks, in its own words.
    await appendix(p('ha-noi.xlsx'), [...GROUPS.keys()].map((i) => row(i, { status: 'Đã hoàn thành', result: `Thành phố Hà Nội đã triển khai nội dung ${i}` })));
    utimesSync(p('phu-luc.xlsx'), new Date('2025-11-01T00:00:00Z'), new Date('2025-11-01T00:00:00Z'));
    utimesSync(p('phu-luc-sua.xlsx'), new Date('2025-11-12T00:00:00Z'), new Date('2025-11-12T00:00:00Z'));
  }, 60_000);

  it('a corrected re-send is no DUPLICATE_FILE: the newer copy wins task by task, identical group rows count once', async () => {
    const { report } = await aggregate(args([p('phu-luc.xlsx'), p('phu-luc-sua.xlsx')], 'duplicates-corrected'));
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_FILE')).toEqual([]);
    // Group-led tasks 1–13 carry the same result in both files: one unit's words, merged. Tasks 14–49 under a
    // group lead have a status and no result: two copies cannot be told apart from two units' reports, kept (8).
    const groupOpen = [...GROUPS.keys()].filter((i) => i > 13).length;
    expect(report.totals.tasks).toBe(49 + groupOpen);
    expect(report.issues.filter((i) => i.code === 'RESUBMISSION_CONFLICT').map((i) => [basename(i.file!), i.row])).toEqual([['phu-luc.xlsx', 4 + 15]]);
    const t15 = report.tasks.filter((t) => t.stt === '15');
    expect(t15.map((t) => [basename(t.file), t.progress])).toEqual([['phu-luc-sua.xlsx', 'done_late']]);
  });

  it('another unit reporting the group-led tasks in its own words counts for that unit (group-lead rule)', async () => {
    const { report } = await aggregate(args([p('phu-luc.xlsx'), p('ha-noi.xlsx')], 'duplicates-member'));
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_FILE')).toEqual([]);
    expect(report.totals.tasks).toBe(49 + 9);
    expect(report.totals.overdue).toBe(17);
  });
});
