/**
 * One sheet, two paths, the same numbers: each fixture sheet goes through the task pane's path
 * (Office.js-shaped grid → addin/pane analyse → checkView, summary sheet plan) and through the real
 * `tiendo aggregate` command (tong-hop.json, tom-tat.txt, tong-hop.xlsx, the terminal line), and every
 * number, label and sentence is compared: totals, units, each task's classification and provenance,
 * the pane's count lines against the "Tổng hợp" headers and totals row, the pane's summary sheet
 * against "Tổng hợp" cell for cell, and the overdue list against "Quá hạn".
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../core/grid';
import { toGrid } from '../../addin/excel-adapter';
import { analyse } from '../../addin/pane/actions';
import { checkView, type CheckView } from '../../addin/pane/check';
import { summaryLayout, summaryReport } from '../../addin/pane/summary';
import { reportOverdue } from '../../report/overdue-list';
import { confirmations } from '../../report/confirmation';
import type { Report } from '../../report/report-types';
import { NO_UNIT } from '../../report/labels';
import { DEFAULT_ATTACHED_TO } from '../../report/layout/report-template';
import { fixturePath, writeAppendix, type AppendixSheet } from '../fixtures/appendix';
import { readSeed, type SeedSheet } from './fixture-seed';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const AS_OF = '2025-11-15';
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const PROVINCES = ['Tỉnh Lào Cai', 'Tỉnh Cao Bằng', 'Tỉnh Sơn La', 'Tỉnh Lạng Sơn', 'Tỉnh Quảng Ninh', 'Tỉnh Thanh Hóa', 'Tỉnh Nghệ An',
  'Tỉnh Hà Tĩnh', 'Tỉnh Tuyên Quang', 'Tỉnh Thái Nguyên', 'Tỉnh Phú Thọ', 'Tỉnh Bắc Ninh'];

/** The sheets: each a case the pane and the CLI used to count differently, or a rule worth pinning. */
const SHEETS: Record<string, AppendixSheet> = {
  // the case: a recurring task reported done is done (02/02), its category stays "thường xuyên"
  recurring: {
    title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'],
    header: HEADER,
    rows: [
      ['1', 'Báo cáo định kỳ tình hình chuyển đổi số', 'Bộ Nội vụ', 'Thực hiện thường xuyên', 'Đã báo cáo hằng tháng', 'Đã hoàn thành'],
      ['2', 'Ban hành Kế hoạch chuyển đổi số năm 2025', 'Bộ Nội vụ', '31/03/2025', 'Đã ban hành Kế hoạch số 12/KH-BNV', 'Đã hoàn thành'],
    ],
  },
  // stopped, overdue, blank status, a result without a status, an unknown word
  stopped: {
    header: HEADER,
    rows: [
      ['1', 'Xây dựng Đề án bệnh viện vệ tinh giai đoạn 2', 'Bộ Y tế', d('2025-06-30'), 'Thủ tướng đồng ý dừng', 'Dừng thực hiện'],
      ['2', 'Liên thông dữ liệu giấy chứng sinh', 'Bộ Y tế', 'Quý III/2025', null, 'Đang thực hiện'],
      ['3', 'Sửa đổi Nghị định về hộ tịch', 'Bộ Tư pháp', '31/12/2025', null, null],
      ['4', 'Trình Chính phủ dự thảo Luật', 'Bộ Tư pháp', '31/10/2025', 'Bộ đã gửi hồ sơ thẩm định', null],
      ['5', 'Số hóa sổ hộ tịch', 'Bộ Tư pháp', '31/01/2025', null, 'Lúc được lúc không'],
    ],
  },
  // a task with no lead unit, one led by two units, a done-late task
  leads: {
    header: HEADER,
    rows: [
      ['1', 'Rà soát thủ tục hành chính nội bộ', null, '30/06/2025', null, 'Chưa hoàn thành'],
      ['2', 'Kết nối cơ sở dữ liệu tài chính công với dữ liệu cán bộ', 'Bộ Tài chính, Bộ Nội vụ', '31/08/2025', null, 'Đang thực hiện'],
      ['3', 'Ban hành Thông tư hướng dẫn', 'Bộ Tài chính', '30/09/2025', 'Ban hành ngày 15/10/2025', 'Đã hoàn thành quá hạn'],
      ['4', 'Tổng kết thí điểm', 'Bộ Nội vụ', '31/12/2025', null, 'Đang thực hiện'],
    ],
  },
  // 13 units with overdue tasks: the headline names ten, then "và 03 đơn vị khác"
  many: {
    header: HEADER,
    rows: [
      ...PROVINCES.map((p, i) => [String(i + 1), `Triển khai Đề án 06 tại địa phương (${i + 1})`, `UBND ${p.toLowerCase()}`, '30/09/2025', null, 'Đang thực hiện']),
      ['13', 'Cấp căn cước điện tử', 'UBND tỉnh Lào Cai', '31/07/2025', null, 'Chưa hoàn thành'],
      ['14', 'Thí điểm chính quyền số', 'Bộ Công an', '31/07/2025', null, 'Chưa hoàn thành'],
    ],
  },
  // progress read from tick marks: shown as inferred ("suy ra") everywhere
  ticks: {
    header: [
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', null, null],
      [null, null, null, null, 'Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành'],
    ],
    rows: [
      ['1', 'Xây dựng cơ sở dữ liệu đất đai', 'Bộ Nông nghiệp và Môi trường', 'Năm 2025', 'x', null, null],
      ['2', 'Cập nhật bản đồ số', 'Bộ Nông nghiệp và Môi trường', '30/06/2025', null, 'x', null],
      ['3', 'Chuẩn hóa dữ liệu quan trắc', 'Bộ Nông nghiệp và Môi trường', '31/12/2025', null, null, null],
    ],
  },
};

interface Cli {
  report: Report;
  tomTat: string[];
  stderr: string;
  sheets: Map<string, CellValue[][]>;
}

interface Pane {
  view: CheckView;
  report: Report;
  layout: ReturnType<typeof summaryLayout>;
}

function gridOf(s: SeedSheet): Grid {
  const L = (c: number) => String.fromCharCode(65 + c);
  return toGrid({
    name: s.name, rowIndex: 0, columnIndex: 0,
    values: s.cells.map((r) => r.map((v) => v ?? '')),
    numberFormat: s.formats.map((r) => r.map((v) => v ?? 'General')),
    fonts: s.fonts.map((r) => r.map((f) => f ?? {})),
    mergedAddress: s.merges.map((m) => `'${s.name}'!${L(m.left)}${m.top + 1}:${L(m.right)}${m.bottom + 1}`).join(', '),
  });
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  return String(v);
}

async function sheetsOf(path: string): Promise<Map<string, CellValue[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, CellValue[][]>();
  for (const ws of wb.worksheets) {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        (rows[r - 1] ??= [])[c - 1] = plain(cell.value);
      });
    });
    out.set(ws.name, rows);
  }
  return out;
}

async function viaCli(name: string, file: string): Promise<Cli> {
  const out = fixturePath(`parity-${name}-out`);
  rmSync(out, { recursive: true, force: true });
  const args = ['scripts/tiendo.mjs', 'aggregate', relative(ROOT, file), '--as-of', AS_OF, '--out', relative(ROOT, out), '--kem-theo', DEFAULT_ATTACHED_TO];
  const { stderr } = await run(process.execPath, args, { cwd: ROOT });
  return {
    report: JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as Report,
    tomTat: readFileSync(join(out, 'tom-tat.txt'), 'utf8').trim().split('\n\n'),
    stderr,
    sheets: await sheetsOf(join(out, 'tong-hop.xlsx')),
  };
}

async function viaPane(file: string): Promise<Pane> {
  const grid = gridOf((await readSeed(file))[0]);
  const a = analyse(grid, AS_OF);
  const report = summaryReport(AS_OF, a.tasks);
  return { view: checkView(grid, a.read, a.tasks, { asOf: AS_OF, dueSoonDays: 7 }), report, layout: summaryLayout(report, grid.name) };
}

/** What the pane's summary sheet holds at each (row, col), 1-based. */
function paneCells(layout: Pane['layout']): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const b of layout.blocks) b.values.forEach((row, i) => row.forEach((v, j) => m.set(`${b.row + i}:${b.col + j}`, v === '' ? null : v)));
  return m;
}

const results = new Map<string, { cli: Cli; pane: Pane }>();

beforeAll(async () => {
  for (const [name, sheet] of Object.entries(SHEETS)) {
    const dir = fixturePath(`parity-${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = await writeAppendix(join(dir, `${name}.xlsx`), sheet);
    const pane = await viaPane(file);
    results.set(name, { cli: await viaCli(name, dir), pane });
  }
}, 240_000);

describe.each(Object.keys(SHEETS))('sheet "%s": the pane and aggregate agree', (name) => {
  const get = () => results.get(name)!;

  it('on the totals, the units and every task\u2019s classification and provenance', () => {
    const { cli, pane } = get();
    expect(pane.report.totals).toEqual(cli.report.totals);
    expect(pane.report.units).toEqual(cli.report.units);
    const keyOf = (t: Report['tasks'][number]) => ({
      row: t.row, stt: t.stt, leadUnits: t.leadUnits, deadline: t.deadline, progress: t.progress, progressSource: t.progressSource,
      progressReason: t.progressReason, dueSource: t.dueSource, category: t.category, overdue: t.overdue, daysLate: t.daysLate,
    });
    expect(pane.report.tasks.map(keyOf)).toEqual(cli.report.tasks.map(keyOf));
    expect(pane.view.tasks).toBe(cli.report.totals.tasks);
  });

  it('on every sentence: pane, tong-hop.json, tom-tat.txt and the "Tổng hợp" footer', () => {
    const { cli, pane } = get();
    expect(pane.view.summary).toBe(cli.report.sentences[0]);
    expect(pane.view.sentences).toEqual(cli.report.sentences);
    expect(cli.tomTat).toEqual(cli.report.sentences);
    const footer = (cli.sheets.get('Tổng hợp') ?? []).flatMap((r) => r ?? []).filter((v) => typeof v === 'string');
    for (const s of cli.report.sentences) expect(footer).toContain(s);
  });

  it('on the count lines: each is the "Tổng cộng" cell under the same header in "Tổng hợp"', () => {
    const { cli, pane } = get();
    const sheet = cli.sheets.get('Tổng hợp')!;
    const headerRows = sheet.filter((r) => r?.includes('Đơn vị chủ trì') || r?.includes('Đã hoàn thành'));
    const total = sheet.find((r) => r?.[1] === 'Tổng cộng')!;
    const bottom = headerRows[headerRows.length - 1];
    for (const line of pane.view.counts.filter((c) => c.key !== 'due_soon')) {
      const cols = bottom.map((h, i) => (h === line.label ? i : -1)).filter((i) => i >= 0);
      // "Dừng thực hiện" is both a progress and a category header: the category column is the later one
      const col = cols[cols.length - 1];
      expect(col, `header "${line.label}"`).toBeGreaterThan(1);
      expect(total[col], line.label).toBe(line.count);
    }
  });

  it('on the summary sheet: the pane writes "Tổng hợp" cell for cell (numbers, labels, sentences)', () => {
    const { cli, pane } = get();
    const sheet = cli.sheets.get('Tổng hợp')!;
    const cells = paneCells(pane.layout);
    let compared = 0;
    for (const [key, v] of cells) {
      const [r, c] = key.split(':').map(Number);
      if (r === 4) {
        // the as-of line: the pane adds the sheet its numbers come from
        expect(v).toBe(`${String(sheet[3]?.[0]).slice(0, -1)}; nguồn: trang tính "Phụ lục")`);
        continue;
      }
      expect(sheet[r - 1]?.[c - 1] ?? null, `${key}`).toEqual(v);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(pane.layout.chart?.series.map((s) => s.name)).toEqual(['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Trong hạn', 'Quá hạn', 'Thường xuyên', 'Dừng thực hiện']);
  });

  it('on the overdue list: report/overdue-list.ts gives "Quá hạn" row for row', () => {
    const { cli, pane } = get();
    const sheet = (cli.sheets.get('Quá hạn') ?? []).slice(5).filter((r) => r && r.some((v) => v !== null));
    const expected: CellValue[][] = [];
    let unit = '';
    const list = reportOverdue(pane.report);
    for (const e of list) {
      if (e.unit !== unit) {
        unit = e.unit;
        expected.push([`${unit} (${String(list.filter((x) => x.unit === unit).length).padStart(2, '0')} nhiệm vụ)`]);
      }
      expected.push([e.task, e.lead, e.daysLate]);
    }
    expect(sheet.map((r) => (r.filter((v) => v !== null).length === 1 ? [r.find((v) => v !== null)!] : [r[1], r[2], r[5]]))).toEqual(expected);
    expect(list.length).toBe(cli.report.units.reduce((n, u) => n + u.overdue, 0));
  });
});

describe('what each sheet pins', () => {
  const r = (name: string) => results.get(name)!;

  it('a recurring task reported done is done: 02/02, category "thường xuyên"', () => {
    expect(r('recurring').pane.view.summary).toBe('Đã hoàn thành 02/02 (100,0%) nhiệm vụ; không có nhiệm vụ quá hạn.');
    expect(r('recurring').cli.report.totals.categories).toMatchObject({ recurring: 1, done_on_time: 1 });
  });

  it('a stopped task is neither done nor overdue; a result without a status is "không nhận ra"', () => {
    const t = r('stopped').cli.report.totals;
    expect(t).toMatchObject({ tasks: 5, overdue: 3, unrecognised: 2 });
    expect(t.categories.stopped).toBe(1);
    expect(r('stopped').cli.report.sentences[1]).toBe('Trong số 05 nhiệm vụ, 02 nhiệm vụ không nhận ra tiến độ; cần kiểm tra lại các nhiệm vụ này.');
    expect(r('stopped').cli.stderr).toContain('; trong đó 02 nhiệm vụ không nhận ra tiến độ.');
  });

  it('a task without a lead is listed under one name everywhere; a two-lead task counts for each lead', () => {
    const { cli, pane } = r('leads');
    expect(cli.report.units.map((u) => [u.unit, u.tasks, u.overdue])).toEqual([
      ['Bộ Nội vụ', 2, 1], ['Bộ Tài chính', 2, 1], [NO_UNIT, 1, 1],
    ]);
    expect(cli.report.totals).toMatchObject({ tasks: 4, overdue: 2 });
    expect(reportOverdue(pane.report).map((e) => [e.unit, e.lead])).toEqual([
      ['Bộ Nội vụ', 'Bộ Tài chính; Bộ Nội vụ'], ['Bộ Tài chính', 'Bộ Tài chính; Bộ Nội vụ'], [NO_UNIT, NO_UNIT],
    ]);
    expect((cli.sheets.get('Tổng hợp') ?? []).flat()).toContain('Ghi chú: nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị, và một lần ở dòng Tổng cộng.');
    // the per-unit confirmation appendices (--xac-nhan) take their overdue lists from the same list
    expect(confirmations(cli.report).map((c) => [c.unit, c.overdue.rows.length])).toEqual(cli.report.units.map((u) => [u.unit, u.overdue]));
  });

  it('a sentence names at most ten units, then "và N đơn vị khác"', () => {
    const s = r('many').cli.report.sentences[0];
    expect(s).toMatch(/thuộc trách nhiệm của 13 đơn vị: .* và 03 đơn vị khác \(03 nhiệm vụ\)\.$/);
    const named = r('many').cli.report.units.filter((u) => s.includes(u.unit));
    expect(named).toHaveLength(10);
  });

  it('tick marks are tiendo\u2019s reading: counted in the sentences and the terminal line, marked in the pane and in "Chi tiết"', () => {
    const { cli, pane } = r('ticks');
    expect(cli.report.totals.progressSources).toEqual({ typed: 0, tick: 2, inferred: 0, none: 1 });
    expect(cli.report.tasks.map((t) => t.progressSource)).toEqual(['tick', 'tick', 'none']);
    expect(cli.report.sentences[1]).toBe('Trong số 03 nhiệm vụ, 02 nhiệm vụ đọc tiến độ từ dấu đánh dấu; cần kiểm tra lại các nhiệm vụ này.');
    expect(cli.stderr).toContain('; trong đó 02 nhiệm vụ đọc tiến độ từ dấu đánh dấu.');
    expect(pane.view.inferred.map((l) => [l.value, l.source])).toEqual([
      ['Đã hoàn thành (suy ra)', 'Suy ra từ dấu đánh dấu'], ['Đang thực hiện (suy ra)', 'Suy ra từ dấu đánh dấu'],
    ]);
    const detail = cli.sheets.get('Chi tiết')!;
    const header = detail.find((row) => row?.includes('Nguồn tiến độ'))!;
    const rows = detail.filter((row) => row?.[2] === 'Xây dựng cơ sở dữ liệu đất đai' || row?.[2] === 'Chuẩn hóa dữ liệu quan trắc');
    expect(rows.map((row) => [row[header.indexOf('Tiến độ')], row[header.indexOf('Nguồn tiến độ')]])).toEqual([
      ['Đã hoàn thành (suy ra)', 'Suy ra từ dấu đánh dấu'], ['Chưa báo cáo', 'Không có'],
    ]);
  });
});
