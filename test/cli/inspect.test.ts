import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildDuplicateStt, buildFootnotes, buildMultiSheet, buildNfd, buildReturnB6, buildSeed000, buildStatuses, buildTwoRowHeader,
  SMALL_ROWS, STATUS_VARIANTS,
} from '../fixtures/samples';
import { buildTcvn3, buildVni } from '../fixtures/legacy-samples';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import { parseArgs, run } from '../../cli/commands/inspect';
import { todayInVietnam } from '../../core/dates';
import type { Report } from '../../report/report-types';
import { cli as runCli } from '../support/cli';


const cli = (...args: string[]) => runCli('inspect', ...args);

/** run() with console captured: faster than a child process for the cheap paths. */
async function inProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  try {
    return { code: await run(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const taskLines = (out: string) => out.split('\n').filter((l) => /^ {2}\[dòng \d+/.test(l));

let paths: Record<string, string>;
beforeAll(async () => {
  paths = {
    seed: await buildSeed000('inspect-seed000.xlsx'),
    b6: await buildReturnB6('inspect-b6.xlsx'),
    foot: await buildFootnotes('inspect-footnotes.xlsx'),
    multi: await buildMultiSheet('inspect-multi.xlsx'),
    twoRow: await buildTwoRowHeader('inspect-two-row.xlsx'),
    nfd: await buildNfd('inspect-nfd.xlsx'),
    tcvn3: await buildTcvn3('inspect-tcvn3.xlsx'),
    vni: await buildVni('inspect-vni.xlsx'),
    statuses: await buildStatuses('inspect-statuses.xlsx'),
    dupStt: await buildDuplicateStt('inspect-duplicate-stt.xlsx'),
    none: await writeAppendix(fixturePath('inspect-no-table.xlsx'), { sheets: [{ sheet: 'Công văn', plain: [['Kính gửi: Văn phòng Chính phủ'], ['Báo cáo tình hình thực hiện như sau.']] }] }),
  };
}, 60_000);

describe('tiendo inspect', () => {
  it('--json gives the Report of the one file: every task, nothing else', async () => {
    const { code, out } = await cli(paths.b6, '--as-of', '2025-11-01', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;
    expect(report.asOf).toBe('2025-11-01');
    expect(report.inputs).toMatchObject([{ file: paths.b6, sheet: 'Báo cáo', tasks: 6, error: null }]);
    expect(report.tasks.map((t) => t.row)).toEqual([9, 10, 11, 12, 14, 16]);
    expect(report.tasks.map((t) => t.category)).toEqual(['done_on_time', 'open_overdue', 'done_late', 'recurring', 'open_in_time', 'open_overdue']);
    expect(report.totals).toMatchObject({ tasks: 6, overdue: 2 });
    expect(report.tasks[1]).toMatchObject({ leadUnit: 'Bộ Y tế', progress: 'in_progress', overdue: true, deadline: { due: '2025-06-30', kind: 'quarter' } });
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['ROW_NOT_TASK', 15]]);
  }, 30_000);

  it('prints the table, each of the 112 seed tasks once, sections and issues in Vietnamese', async () => {
    const { code, out } = await cli(paths.seed, '--as-of', '2025-11-01');
    expect(code).toBe(0);
    expect(out).toContain('Bảng: trang tính "Phụ lục", tiêu đề ở dòng 5');
    expect(out).toContain('D = Đơn vị phối hợp');
    const lines = taskLines(out);
    expect(lines).toHaveLength(112);
    expect(lines.filter((l) => l.includes('] 1. '))).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/^ {2}\[dòng 138\] 5\. Nghiên cứu, báo cáo Hội đồng nhân dân/);
    expect(out).toContain('  [dòng 132–134] 1. - 04 địa phương');
    for (const s of ['A. Nhiệm vụ chung của các bộ, ngành, địa phương', 'B. Nhiệm vụ cụ thể của các bộ, ngành', 'C. Nhiệm vụ của các địa phương']) {
      expect(out.split('\n')).toContain(s);
    }
    expect(out).toContain('[MISSING_COLUMN]');
    expect(out).not.toMatch(/<\/?[pb]>/);
  }, 30_000);

  it('shows nothing of the footnotes and signature block', async () => {
    const { code, out } = await cli(paths.foot, '--as-of', '2025-11-01');
    expect(code).toBe(0);
    expect(taskLines(out).map((l) => l.slice(0, 14))).toEqual(['  [dòng 6] 1. ', '  [dòng 7] 2. ', '  [dòng 8] 3. ']);
    expect(out).not.toContain('Nguyễn Văn An');
    expect(out).not.toContain('BỘ TRƯỞNG');
  }, 30_000);

  it('names the chosen sheet of a multi-sheet workbook and the task IDs (in process)', async () => {
    const { code, out } = await inProcess(paths.multi, '--as-of', '2025-11-01');
    expect(code).toBe(0);
    expect(out).toContain('trang tính "Phụ lục"');
    expect(out).toContain('G = Mã nhiệm vụ');
    expect(out).toContain('Bỏ qua các trang tính khác: Bìa, Hướng dẫn, Sheet2 (ẩn).');
    expect(taskLines(out)).toHaveLength(3);
    expect(out).toContain('Mã nhiệm vụ: CT07-C-05');
  }, 30_000);

  it('exits 1 for a workbook without a table or a missing file', async () => {
    const none = await cli(paths.none, '--json', '--as-of', '2025-11-01');
    expect(none.code).toBe(1);
    const report = JSON.parse(none.out) as Report;
    expect(report.inputs[0]).toMatchObject({ tasks: 0, errorCode: 'NO_TABLE' });
    expect(report.tasks).toEqual([]);
    const missing = await inProcess(fixturePath('khong-co.xlsx'));
    expect(missing.code).toBe(1);
    // The reason goes to stderr, in aggregate's form; stdout keeps the code only.
    expect(missing.err).toMatch(/^Từ chối: .*khong-co\.xlsx: .*Không tìm thấy tệp/);
    expect(missing.out).toContain('FILE_NOT_FOUND');
    expect(missing.out).not.toContain('Không tìm thấy tệp');
  }, 30_000);

  it('exits 2 on usage errors (in process)', async () => {
    expect((await inProcess()).code).toBe(2);
    const bad = await inProcess(paths.b6, '--as-of', '31/10/2025');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of');
  }, 30_000);
});

/** Task texts of the small return (NFD, TCVN3, VNI fixtures), as typed in Unicode NFC. */
const SMALL_TASKS = SMALL_ROWS.filter(Array.isArray).map((r) => r[1]);

describe('inspect on every other fixture: every task, nothing else', () => {
  const json = async (name: string): Promise<Report> => {
    const { code, out } = await inProcess(paths[name], '--as-of', '2025-11-01', '--json');
    expect(code).toBe(0);
    return JSON.parse(out) as Report;
  };

  it('two-row merged header: the 5 tasks under their sections, the header and column-number rows skipped', async () => {
    const r = await json('twoRow');
    expect(r.tasks.map((t) => [t.row, t.stt, t.section])).toEqual([
      [8, '1', 'I. NHIỆM VỤ VỀ THỂ CHẾ'], [9, '2', 'I. NHIỆM VỤ VỀ THỂ CHẾ'], [10, '3', 'I. NHIỆM VỤ VỀ THỂ CHẾ'],
      [12, '1', 'II. NHIỆM VỤ CỦA ĐỊA PHƯƠNG'], [13, '2', 'II. NHIỆM VỤ CỦA ĐỊA PHƯƠNG'],
    ]);
    expect(r.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'not_done', 'in_progress', 'stopped']);
  });

  it.each(['nfd', 'tcvn3', 'vni'])('%s: the 4 tasks of the small return, in Unicode NFC', async (name) => {
    const r = await json(name);
    expect(r.tasks.map((t) => t.row)).toEqual([7, 8, 10, 11]);
    expect(r.tasks.map((t) => t.task)).toEqual(SMALL_TASKS);
    expect(r.tasks.map((t) => t.leadUnit)).toEqual(['Bộ Khoa học và Công nghệ', 'Bộ Khoa học và Công nghệ', 'Bộ Y tế', 'Bộ Công an']);
    expect(r.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'in_progress', 'not_done']);
  });

  it('statuses: one task per variant, each mapped as listed', async () => {
    const r = await json('statuses');
    expect(r.tasks.map((t) => t.row)).toEqual(STATUS_VARIANTS.map((_, i) => i + 2));
    expect(r.tasks.map((t) => t.progress)).toEqual(STATUS_VARIANTS.map(([, p]) => p));
  });

  it('duplicate and out-of-order STT: every row kept, the two flagged', async () => {
    const r = await json('dupStt');
    expect(r.tasks.map((t) => t.row)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(r.tasks.map((t) => t.stt)).toEqual(['1', '2', '2', '4', '3', '1', '1.1', '1.2', 'a)', '2']);
    const flagged = r.tasks.flatMap((t) => t.issues.filter((i) => /STT/.test(i.code)).map((i) => [i.code, t.row]));
    expect(flagged).toEqual([['DUPLICATE_STT', 4], ['STT_OUT_OF_ORDER', 6]]);
  });
});

describe('inspect arguments', () => {
  it('parses options and defaults --as-of to today in Asia/Ho_Chi_Minh', () => {
    expect(parseArgs(['a.xlsx', '--json', '--as-of=2025-10-31'])).toEqual({ file: 'a.xlsx', asOf: '2025-10-31', json: true });
    expect(parseArgs(['a.xlsx', 'b.xlsx'])).toMatch(/Thừa đối số: "b.xlsx"/);
    expect(parseArgs([])).toBe('Thiếu tên tệp .xlsx.');
    expect(parseArgs(['--verbose', 'a.xlsx'])).toMatch(/--verbose/);
    expect(todayInVietnam(new Date('2025-10-31T18:30:00Z'))).toBe('2025-11-01');
    expect(todayInVietnam(new Date('2025-10-31T16:59:00Z'))).toBe('2025-10-31');
  });
});
