import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Report, ReportTask } from '../../../report/report-types';
import { writeWorkbook } from '../../../xlsx/write';
import type { Category, Progress } from '../../../core/model';
import { statusChart, summaryRows, summarySpec } from '../../../report/layout/summary';

const P = (o: Partial<Record<Progress, number>>): Record<Progress, number> => ({ done: 0, done_late: 0, in_progress: 0, not_done: 0, stopped: 0, unreported: 0, unknown: 0, ...o });
const C = (o: Partial<Record<Category, number>>): Record<Category, number> => ({ done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 0, recurring: 0, stopped: 0, ...o });

function task(o: Partial<ReportTask> & Pick<ReportTask, 'stt' | 'task' | 'leadUnit'>): ReportTask {
  return {
    file: 'bo-noi-vu.xlsx', sheet: 'Báo cáo', row: 7, section: null, leadUnits: [o.leadUnit], coUnits: [],
    deadline: { text: '31/10/2025', due: '2025-10-31', kind: 'date' }, result: '', progressText: '', progress: 'unreported', progressSource: 'none', dueSource: 'typed',
    category: 'open_overdue', overdue: true, daysLate: 15, taskId: null, issues: [], ...o,
  };
}

const REPORT: Report = {
  asOf: '2025-11-15',
  inputs: [
    { file: 'bo-noi-vu.xlsx', sheet: 'Báo cáo', tasks: 3, error: null, rows: 4 },
    { file: 'hong.xlsx', sheet: null, tasks: 0, error: 'Tệp không phải .xlsx', errorCode: 'FILE_NOT_XLSX' },
  ],
  totals: { tasks: 4, overdue: 3, progress: P({ done: 1, not_done: 2, unreported: 1 }), categories: C({ done_on_time: 1, open_overdue: 3 }), progressSources: { typed: 3, tick: 0, inferred: 0, none: 1 }, unrecognised: 0 },
  units: [
    { unit: 'Bộ Nội vụ', tasks: 3, overdue: 2, progress: P({ done: 1, not_done: 1, unreported: 1 }), categories: C({ done_on_time: 1, open_overdue: 2 }), doneRate: 1 / 3 },
    { unit: 'Bộ Y tế', tasks: 1, overdue: 1, progress: P({ not_done: 1 }), categories: C({ open_overdue: 1 }), doneRate: 0 },
  ],
  tasks: [
    task({ stt: '1', task: 'Ban hành kế hoạch', leadUnit: 'Bộ Nội vụ', overdue: false, progress: 'done', progressText: 'Đã hoàn thành', category: 'done_on_time', daysLate: null }),
    task({ stt: '2', task: '=HYPERLINK("http://evil.example","x")', leadUnit: 'Bộ Nội vụ', row: 8, progress: 'not_done', progressText: 'Chưa hoàn thành', daysLate: 15 }),
    task({ stt: '3', task: 'Số hóa hồ sơ', leadUnit: 'Bộ Nội vụ', row: 9, daysLate: 45, deadline: { text: 'Quý III/2025', due: '2025-09-30', kind: 'quarter' },
      issues: [{ code: 'NO_STATUS', severity: 'warning', message: 'Ô G9: chưa báo cáo tiến độ.', file: 'bo-noi-vu.xlsx', sheet: 'Báo cáo', row: 9, cell: 'G9' }] }),
    task({ stt: '4', task: 'Kết nối dữ liệu y tế', leadUnit: 'Bộ Y tế', file: 'bo-y-te.xlsx', progress: 'not_done', progressText: 'Chưa hoàn thành', daysLate: 5 }),
  ],
  issues: [{ code: 'FILE_NOT_XLSX', severity: 'error', message: 'Tệp không phải .xlsx', file: 'hong.xlsx' }],
  sentences: ['Đã hoàn thành 01/04 (25,0%) nhiệm vụ; 03 nhiệm vụ quá hạn.'],
  notReturned: [{ unit: 'Bộ Tư pháp', tasks: 2 }],
};

describe('summaryRows (pure tables)', () => {
  it('builds the per-unit table with a totals row', () => {
    const [units] = summaryRows(REPORT);
    expect(units.name).toBe('Tổng hợp');
    expect(units.columns.map((c) => c.header)).toEqual([
      'STT', 'Đơn vị chủ trì', 'Số nhiệm vụ',
      'Đã hoàn thành', 'Đã hoàn thành quá hạn', 'Đang thực hiện', 'Chưa hoàn thành', 'Dừng thực hiện', 'Chưa báo cáo', 'Không xác định',
      'Đã hoàn thành đúng hạn', 'Đã hoàn thành quá hạn', 'Chưa hoàn thành, trong hạn', 'Chưa hoàn thành, quá hạn', 'Nhiệm vụ thường xuyên', 'Dừng thực hiện',
      'Quá hạn', 'Tỷ lệ hoàn thành',
    ]);
    expect(units.rows[0].values).toEqual(['1', 'Bộ Nội vụ', 3, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 2, 0, 0, 2, 1 / 3]);
    expect(units.rows[2]).toEqual({ kind: 'total', values: ['', 'Tổng cộng', 4, 1, 0, 0, 2, 0, 1, 0, 1, 0, 0, 3, 0, 0, 3, 0.25] });
  });

  it('groups overdue tasks by unit, most days late first, with zero-padded counts', () => {
    const overdue = summaryRows(REPORT).find((t) => t.name === 'Quá hạn')!;
    expect(overdue.rows.map((r) => [r.kind, r.values[0], r.values[1], r.values[4], r.values[5]])).toEqual([
      ['section', 'Bộ Nội vụ (02 nhiệm vụ)', undefined, undefined, undefined],
      ['data', '1', 'Số hóa hồ sơ', '2025-09-30', 45],
      ['data', '2', '=HYPERLINK("http://evil.example","x")', '2025-10-31', 15],
      ['section', 'Bộ Y tế (01 nhiệm vụ)', undefined, undefined, undefined],
      ['data', '1', 'Kết nối dữ liệu y tế', '2025-10-31', 5],
    ]);
  });

  it('lists every issue, every input and the units that did not report', () => {
    const tables = summaryRows(REPORT);
    expect(tables.map((t) => t.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Chưa báo cáo', 'Chi tiết', 'Cảnh báo', 'Nguồn']);
    const issues = tables.find((t) => t.name === 'Cảnh báo')!;
    expect(issues.rows.map((r) => r.values.slice(1, 7))).toEqual([
      ['FILE_NOT_XLSX', 'Lỗi', 'hong.xlsx', null, null, null],
      ['NO_STATUS', 'Cảnh báo', 'bo-noi-vu.xlsx', 'Báo cáo', 9, 'G9'],
    ]);
    const sources = tables.find((t) => t.name === 'Nguồn')!;
    expect(sources.rows.map((r) => r.values.slice(1, 6))).toEqual([
      ['bo-noi-vu.xlsx', 'Báo cáo', 4, 3, 'Đã đọc'],
      ['hong.xlsx', null, null, 0, 'Không đọc được: Tệp không phải .xlsx'],
    ]);
    expect(tables.find((t) => t.name === 'Chưa báo cáo')!.rows[0].values).toEqual(['1', 'Bộ Tư pháp', 2]);
    const detail = tables.find((t) => t.name === 'Chi tiết')!;
    expect(detail.rows).toHaveLength(4);
    expect(detail.rows[2].values.slice(-4)).toEqual(['bo-noi-vu.xlsx', 'Báo cáo', 9, 'NO_STATUS']);
  });
});

describe('summarySpec → tong-hop.xlsx', () => {
  it('writes the appendix look, the totals row, percents, dates and the stacked chart', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tiendo-sum-')), 'tong-hop.xlsx');
    await writeWorkbook(summarySpec(REPORT, { title: 'Tình hình thực hiện Đề án 06', kemTheo: '(Kèm theo Báo cáo số 12/BC-VPCP)' }), path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Chưa báo cáo', 'Chi tiết', 'Cảnh báo', 'Nguồn']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A1').value).toBe('Phụ lục');
    expect(ws.getCell('A2').value).toBe('TÌNH HÌNH THỰC HIỆN ĐỀ ÁN 06');
    expect(ws.getCell('A3').value).toBe('(Kèm theo Báo cáo số 12/BC-VPCP)');
    expect(ws.getCell('A4').value).toBe('(Số liệu tính đến ngày 15/11/2025)');
    // Header rows 6-7 (groups over progress and categories), data from row 8.
    expect(ws.getCell('D6').value).toBe('Tiến độ đơn vị báo cáo');
    expect(ws.getCell('K6').value).toBe('Phân loại theo thời hạn');
    expect(ws.getCell('B6').value).toBe('Đơn vị chủ trì');
    expect(ws.getCell('B8').value).toBe('Bộ Nội vụ');
    expect(ws.getCell('R8').value).toBeCloseTo(1 / 3);
    expect(ws.getCell('R8').numFmt).toBe('0.0%');
    expect(ws.getCell('B10').value).toBe('Tổng cộng');
    expect(ws.getCell('B10').font.bold).toBe(true);
    expect(ws.getCell('C10').value).toBe(4);
    expect(ws.getCell('R10').value).toBe(0.25);
    expect(ws.getCell('A12').value).toBe('Đã hoàn thành 01/04 (25,0%) nhiệm vụ; 03 nhiệm vụ quá hạn.');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '6:7' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7, xSplit: 2 });
    const late = wb.getWorksheet('Quá hạn')!;
    expect(late.getCell('A6').value).toBe('Bộ Nội vụ (02 nhiệm vụ)');
    expect(late.getCell('B7').value).toBe('Số hóa hồ sơ');
    expect(late.getCell('E7').value).toEqual(new Date(Date.UTC(2025, 8, 30)));
    expect(late.getCell('E7').numFmt).toBe('dd/mm/yyyy');
    expect(late.getCell('B8').value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(late.getCell('B8').type).toBe(ExcelJS.ValueType.String);

    const files = unzipSync(new Uint8Array(await readFile(path)));
    const chart = strFromU8(files['xl/charts/chart1.xml']);
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(chart).toContain("<c:cat><c:strRef><c:f>'Tổng hợp'!$B$8:$B$9</c:f>");
    expect(chart).toContain("<c:f>'Tổng hợp'!$N$8:$N$9</c:f>");
    expect(chart).toContain('<c:v>Hoàn thành đúng hạn</c:v>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(6);
    for (const name of Object.keys(files)) expect(strFromU8(files[name])).not.toMatch(/<f>[^<]*HYPERLINK/);
  });

  it('writes no chart when no unit has tasks', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tiendo-sum-')), 'rong.xlsx');
    const empty: Report = { ...REPORT, units: [], tasks: [], issues: [], notReturned: undefined, totals: { tasks: 0, overdue: 0, progress: P({}), categories: C({}), progressSources: { typed: 0, tick: 0, inferred: 0, none: 0 }, unrecognised: 0 }, sentences: [] };
    await writeWorkbook(summarySpec(empty), path);
    const files = unzipSync(new Uint8Array(await readFile(path)));
    expect(Object.keys(files).some((f) => f.startsWith('xl/charts/'))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('Tổng hợp')!.getCell('B7').value).toBe('Tổng cộng');
  });
});

describe('statusChart', () => {
  it('plots every unit up to 60, then the first 60 with a note in the title', () => {
    expect(statusChart(2)).toMatchObject({ rows: { first: 0, last: 1 }, title: 'Tình hình thực hiện nhiệm vụ theo đơn vị', grouping: 'stacked' });
    expect(statusChart(3321)).toMatchObject({ rows: { first: 0, last: 59 }, title: 'Tình hình thực hiện nhiệm vụ theo đơn vị (60/3.321 đơn vị đầu bảng)' });
    expect(statusChart(0)).toBeNull();
  });
});
