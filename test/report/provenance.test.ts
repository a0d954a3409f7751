/**
 * A progress tiendo inferred (from the result text, from a tick mark) carries its source in every
 * output: the JSON contract, "Chi tiết" (spec and the written .xlsx), the sentences and the terminal
 * line, the task pane's view, and `inspect` (text and --json).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../core/model';
import { checkView } from '../../addin/pane/check';
import { ownValues } from '../../addin/pane/classify-plan';
import { summaryLine } from '../../batch/aggregate/summary-line';
import { run as inspect } from '../../cli/commands/inspect';
import { fromTasks } from '../../report/report';
import type { Report } from '../../report/report-types';
import { summaryRows, summarySpec } from '../../report/layout/summary';
import { writeWorkbook } from '../../xlsx/write';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import { late, mkTask } from './rollup-helpers';

const REASON = 'Đầu cột Kết quả thực hiện ghi "Đã hoàn thành. Bộ đã ban hành…"';

function inferred(): Task[] {
  return [
    { ...mkTask({ row: 5, task: 'Ban hành quy chế', progress: 'done', category: 'done_on_time', result: 'Đã hoàn thành. Bộ đã ban hành Quy chế' }),
      progressText: '', progressSource: 'inferred', progressReason: REASON },
    { ...mkTask({ row: 6, task: 'Số hóa hồ sơ', progress: 'in_progress' }), progressSource: 'tick', progressReason: 'Dấu "x" ở cột "Đang thực hiện"' },
    mkTask({ row: 7, task: 'Kết nối dữ liệu', progress: 'unreported', result: 'Bộ đã gửi hồ sơ' }),
    late(['Bộ Y tế'], 10, { row: 8, task: 'Triển khai bệnh án điện tử' }),
  ];
}

function report(): Report {
  const r = fromTasks('2025-11-15', inferred());
  r.inputs = [{ file: 'a.xlsx', sheet: 'Phụ lục', tasks: 4, error: null, rows: 4 }];
  return r;
}

describe('an inferred progress carries its source in every output', () => {
  it('tong-hop.json: progressSource, progressReason, dueSource on each task; counts in totals', () => {
    const json = JSON.parse(JSON.stringify(report())) as Report;
    expect(json.tasks.map((t) => [t.progressSource, t.progressReason ?? null, t.dueSource])).toEqual([
      ['inferred', REASON, 'none'], ['tick', 'Dấu "x" ở cột "Đang thực hiện"', 'none'], ['none', null, 'none'], ['typed', null, 'none'],
    ]);
    expect(json.totals.progressSources).toEqual({ typed: 1, tick: 1, inferred: 1, none: 1 });
    expect(json.totals.unrecognised).toBe(1);
  });

  it('"Chi tiết": the progress marked "(suy ra)", its source and reason, in the spec and in the written workbook', async () => {
    const detail = summaryRows(report()).find((t) => t.name === 'Chi tiết')!;
    const col = (key: string) => detail.columns.findIndex((c) => c.key === key);
    expect(detail.rows.map((r) => [r.values[col('progress')], r.values[col('progressSource')], r.values[col('progressReason')]])).toEqual([
      ['Đã hoàn thành (suy ra)', 'Suy ra', REASON],
      ['Đang thực hiện (suy ra)', 'Suy ra từ dấu đánh dấu', 'Dấu "x" ở cột "Đang thực hiện"'],
      ['Chưa báo cáo', 'Không có', null],
      ['Chưa hoàn thành', 'Đơn vị ghi', null],
    ]);
    const dir = fixturePath('provenance');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'tong-hop.xlsx');
    await writeWorkbook(summarySpec(report()), path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Chi tiết')!;
    const values: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values).toContain('Đã hoàn thành (suy ra)');
    expect(values).toContain(REASON);
    expect(values).toContain('Nguồn tiến độ');
    expect(values).toContain('Nguồn thời hạn');
  });

  it('the sentences and the terminal line say how much was inferred or not recognised', () => {
    const r = report();
    expect(r.sentences[1]).toBe('Trong số 04 nhiệm vụ, 01 nhiệm vụ tiendo suy ra tiến độ (từ cột Kết quả thực hiện hoặc cách ghi cần diễn giải), '
      + '01 nhiệm vụ đọc tiến độ từ dấu đánh dấu, 01 nhiệm vụ không nhận ra tiến độ; cần kiểm tra lại các nhiệm vụ này.');
    expect(summaryLine(r)).toBe('Đã đọc 1/1 tệp, 4 nhiệm vụ (1 quá hạn); trong đó 01 nhiệm vụ tiendo suy ra tiến độ (từ cột Kết quả thực hiện '
      + 'hoặc cách ghi cần diễn giải), 01 nhiệm vụ đọc tiến độ từ dấu đánh dấu, 01 nhiệm vụ không nhận ra tiến độ.');
    const typedOnly = fromTasks('2025-11-15', [mkTask({ progress: 'done', category: 'done_on_time' })]);
    expect(typedOnly.sentences.some((s) => s.includes('suy ra'))).toBe(false);
  });

  it('the task pane lists inferred values apart, with the reason', () => {
    const tasks = inferred().map((t) => ({ ...t, cells: { status: `F${t.row}`, result: `E${t.row}` } }));
    const grid = { name: 'Phụ lục', rows: [], merges: [] };
    const read = { file: 'a.xlsx', sheet: 'Phụ lục', layout: null, tasks: [], issues: [], rowsScanned: 0 };
    const v = checkView(grid, read, tasks, { asOf: '2025-11-15', dueSoonDays: 7 });
    expect(v.inferred).toEqual([
      { sheet: 'Phụ lục', row: 5, stt: '1', cell: 'F5', value: 'Đã hoàn thành (suy ra)', source: 'Suy ra', reason: REASON },
      { sheet: 'Phụ lục', row: 6, stt: '1', cell: 'F6', value: 'Đang thực hiện (suy ra)', source: 'Suy ra từ dấu đánh dấu', reason: 'Dấu "x" ở cột "Đang thực hiện"' },
    ]);
    expect(v.sentences[1]).toMatch(/^Trong số 04 nhiệm vụ, 01 nhiệm vụ tiendo suy ra tiến độ/);
    // "Phân loại" writes the mark into its normalised-status column too
    expect(tasks.map((t) => ownValues(t)[0])).toEqual(['Đã hoàn thành (suy ra)', 'Đang thực hiện (suy ra)', 'Chưa báo cáo', 'Chưa hoàn thành']);
  });

  it('inspect: the text marks a tick-read progress with its source; --json carries progressSource', async () => {
    const file = await writeAppendix(fixturePath('provenance-ticks.xlsx'), {
      header: [['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', null], [null, null, null, null, 'Đã hoàn thành', 'Đang thực hiện']],
      rows: [['1', 'Cập nhật bản đồ số', 'Bộ Xây dựng', '31/12/2025', 'x', null], ['2', 'Chuẩn hóa dữ liệu', 'Bộ Xây dựng', '31/12/2025', null, 'x']],
    });
    const capture = async (...args: string[]): Promise<string> => {
      const out: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
      try {
        await inspect(args);
      } finally {
        log.mockRestore();
      }
      return out.join('\n');
    };
    const text = await capture(file, '--as-of', '2025-11-15');
    expect(text).toContain('Tiến độ: Đã hoàn thành (suy ra) [Suy ra từ dấu đánh dấu');
    expect(text).toContain('Tiến độ: Đang thực hiện (suy ra) [Suy ra từ dấu đánh dấu');
    const json = JSON.parse(await capture(file, '--as-of', '2025-11-15', '--json')) as Report;
    expect(json.tasks.map((t) => t.progressSource)).toEqual(['tick', 'tick']);
  });
});
