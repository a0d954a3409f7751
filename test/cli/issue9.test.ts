/**
 * Issue 9, "No silent wrong number": the layouts ministries and provinces send, each pattern in more than one
 * spelling, through `inspect --json` (exact counts and issue codes) and through core readWorkbook (provenance:
 * progressSource, progressReason, dueSource, per-lead progress). As of 2025-11-12.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as F from '../fixtures/issue9';
import { run } from '../../cli/commands/inspect';
import { readFixture } from '../core/table/helpers';
import { classifyRead } from '../../core/table/read';
import type { Report } from '../../report/report-types';
import type { Task } from '../../core/model';

const AS_OF = '2025-11-12';

async function inspect(path: string): Promise<Report> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    expect(await run([path, '--as-of', AS_OF, '--json'])).toBe(0);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return JSON.parse(out.join('\n')) as Report;
}

async function tasks(path: string): Promise<Task[]> {
  return classifyRead(await readFixture(path), AS_OF);
}

const codes = (t: { issues: { code: string }[] }, ...only: string[]): string[] =>
  t.issues.map((i) => i.code).filter((c) => !only.length || only.includes(c));
const STATUS_CODES = ['NO_STATUS', 'UNKNOWN_STATUS', 'TICK_CONFLICT', 'TICK_CONTRADICTS_DEADLINE', 'MULTI_LEAD_PROGRESS', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'DONE_SUGGESTED'];

const paths: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, build] of Object.entries(F)) if (typeof build === 'function') paths[name] = await (build as () => Promise<string>)();
}, 60_000);

describe('2. no "Tiến độ" column: the status is read from the result text, marked inferred', () => {
  it('opening, closing and "… (Đã hoàn thành quá hạn)": 5 inferred, 3 unreported each with NO_STATUS', async () => {
    const r = await inspect(paths.buildResultOnly);
    expect(r.totals.tasks).toBe(8);
    expect(r.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'not_done', 'unreported', 'unreported', 'unreported', 'done_late', 'done_late']);
    expect(r.tasks.map((t) => t.category)).toEqual(['done_on_time', 'open_in_time', 'open_overdue', 'open_in_time', 'open_overdue', 'open_overdue', 'done_late', 'done_late']);
    expect(r.tasks.map((t) => codes(t, 'NO_STATUS'))).toEqual([[], [], [], ['NO_STATUS'], ['NO_STATUS'], ['NO_STATUS'], [], []]);
    const ts = await tasks(paths.buildResultOnly);
    expect(ts.map((t) => t.progressSource)).toEqual(['inferred', 'inferred', 'inferred', 'none', 'none', 'none', 'inferred', 'inferred']);
    expect(ts[0].progressReason).toBe('suy ra từ đầu nội dung cột “Kết quả thực hiện”: “Đã hoàn thành”');
    expect(ts[6].progressReason).toMatch(/^suy ra từ cuối nội dung/);
    expect(ts[3].issues.find((i) => i.code === 'NO_STATUS')?.message).toMatch(/không nêu rõ tiến độ; tính là chưa báo cáo/);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['MISSING_COLUMN', 'warning']]);
    expect(r.issues[0].message).toMatch(/tiến độ được suy ra từ đầu hoặc cuối nội dung cột "Kết quả thực hiện"/);
  });

  it('"Tình hình thực hiện" of long text, another header wording: a dash, a "Tiến độ:" label, capitals, partial', async () => {
    const r = await inspect(paths.buildSituationText);
    expect(r.tasks.map((t) => [t.row, t.progress])).toEqual([[5, 'in_progress'], [6, 'done'], [7, 'not_done'], [8, 'in_progress'], [9, 'done'], [10, 'unreported']]);
    expect(r.tasks.map((t) => codes(t, ...STATUS_CODES))).toEqual([[], [], [], [], [], ['EXTENSION_APPROVED', 'NO_STATUS']]);
    // An approved extension written in "Ghi chú" moves the deadline too.
    expect(r.tasks[5].deadline.due).toBe('2026-03-31');
    const ts = await tasks(paths.buildSituationText);
    expect(ts.map((t) => t.progressSource)).toEqual(['inferred', 'inferred', 'inferred', 'inferred', 'inferred', 'none']);
    expect(ts[5].dueSource).toBe('extension');
    expect(ts[1].progressReason).toMatch(/nhãn tiến độ.*“Tình hình thực hiện”/);
  });

  it('"Tình hình thực hiện" of short status words is the status column (typed), beside or without a result column', async () => {
    const beside = await tasks(paths.buildSituationStatus);
    expect(beside.map((t) => [t.progress, t.progressSource])).toEqual([['done', 'typed'], ['in_progress', 'typed'], ['not_done', 'typed'], ['unreported', 'none']]);
    expect(beside[0].resultText).toBe('Bộ đã ban hành Thông tư số 05/2025/TT-BTP');
    const alone = await inspect(paths.buildSituationStatusOnly);
    expect(alone.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'not_done']);
    expect(alone.issues.map((i) => i.code)).toEqual([]);
  });
});

describe('3. the VPCP four-way tick form: parent and sub-headers read together', () => {
  it('two header rows, marks ✓ x X • 1: exact categories, two ticks and a tick against the deadline flagged', async () => {
    const r = await inspect(paths.buildFourWay);
    expect(r.tasks.map((t) => t.category)).toEqual(['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'open_overdue', 'open_overdue', 'open_in_time', 'done_on_time']);
    expect(r.tasks.map((t) => t.progress)).toEqual(['done', 'done_late', 'not_done', 'not_done', 'not_done', 'not_done', 'unreported', 'done']);
    expect(r.tasks.map((t) => codes(t, ...STATUS_CODES))).toEqual([[], [], [], [], ['TICK_CONFLICT'], ['TICK_CONTRADICTS_DEADLINE'], ['NO_STATUS'], []]);
    expect(r.totals).toMatchObject({ tasks: 8, overdue: 3 });
    const ts = await tasks(paths.buildFourWay);
    expect(ts.map((t) => t.progressSource)).toEqual(['tick', 'tick', 'tick', 'tick', 'tick', 'tick', 'none', 'tick']);
    expect(ts[1].progressReason).toBe('đánh dấu ở cột “Đã hoàn thành / Quá hạn”');
  });

  it('three header rows in other words ("Hoàn thành / Chậm", "Chưa xong / Còn trong hạn"), marks ✔ v 1 x', async () => {
    const r = await inspect(paths.buildFourWayThreeRows);
    expect(r.tasks.map((t) => t.row)).toEqual([6, 7, 8, 9, 10]);
    expect(r.tasks.map((t) => t.category)).toEqual(['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'open_in_time']);
    expect(r.tasks.map((t) => codes(t, ...STATUS_CODES))).toEqual([[], [], [], [], ['TICK_CONTRADICTS_DEADLINE']]);
    expect(r.issues.map((i) => i.code)).toEqual([]);
  });
});

describe('3c. tick columns in other words, and ones tiendo cannot read', () => {
  it('"Đã xong | Chưa xong" read as done / not done; marks under "Đạt | Không đạt" counted open and flagged UNKNOWN_STATUS', async () => {
    const xong = await inspect(paths.buildDoneNotDoneTicks);
    expect(xong.tasks.map((t) => t.category)).toEqual(['done_on_time', 'open_overdue']);
    const odd = await inspect(paths.buildOddTicks);
    expect(odd.tasks.map((t) => t.progress)).toEqual(['unknown', 'unknown', 'unreported']);
    expect(odd.tasks.map((t) => codes(t, ...STATUS_CODES))).toEqual([['UNKNOWN_STATUS'], ['UNKNOWN_STATUS'], []]);
    expect(odd.issues.map((i) => i.code)).toEqual(['MISSING_COLUMN']);
  });
});

describe('4. where the table ends, and several appendix sheets', () => {
  it('a per-unit summary with a title and "Tổng cộng" below the tasks: 3 tasks, its rows ROW_AFTER_TABLE', async () => {
    const r = await inspect(paths.buildSummaryBelow);
    expect(r.totals).toMatchObject({ tasks: 3, overdue: 1 });
    expect(r.tasks.map((t) => t.row)).toEqual([2, 3, 4]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([6, 7, 8, 9, 10].map((row) => ['ROW_AFTER_TABLE', row]));
  });

  it('a count table straight under the tasks (no title, no blank row): 3 tasks, 4 ROW_AFTER_TABLE', async () => {
    const r = await inspect(paths.buildCountsBelow);
    expect(r.totals.tasks).toBe(3);
    expect(r.tasks.map((t) => t.task)).toEqual(['Cập nhật cơ sở dữ liệu hộ tịch', 'Triển khai dịch vụ công liên thông', 'Rà soát văn bản quy phạm pháp luật']);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([7, 8, 9, 10].map((row) => ['ROW_AFTER_TABLE', row]));
  });

  it('"Phụ lục I" and "Phụ lục II" both read, each task naming its sheet; a visible older copy is named, not counted', async () => {
    const two = await tasks(paths.buildTwoAppendices);
    expect(two.map((t) => [t.sheet, t.row])).toEqual([['Phụ lục I', 5], ['Phụ lục I', 6], ['Phụ lục I', 7], ['Phụ lục II', 5], ['Phụ lục II', 6]]);
    const r = await inspect(paths.buildTwoAppendices);
    expect(r.totals.tasks).toBe(5);
    const copy = await inspect(paths.buildVisibleCopy);
    expect(copy.totals.tasks).toBe(3);
    expect(copy.issues.map((i) => [i.code, i.sheet])).toEqual([['SHEET_NOT_READ', 'Phụ lục (tháng 10)']]);
  });
});

describe('5. status phrases: partial, late, abbreviations, task-dependent, "Không thực hiện"', () => {
  it('every row as documented; the task-dependent ones marked inferred with a reason', async () => {
    const r = await inspect(paths.buildPhrases);
    expect(r.tasks.map((t) => [t.progressText, t.progress])).toEqual(F.PHRASE_ROWS.map(([s, , p]) => [s, p]));
    expect(r.tasks.flatMap((t) => codes(t, 'UNKNOWN_STATUS'))).toEqual([]);
    const ts = await tasks(paths.buildPhrases);
    expect(ts.filter((t) => t.progressSource === 'inferred').map((t) => t.progressText)).toEqual(F.PHRASE_INFERRED);
    expect(ts.filter((t) => t.progressSource === 'inferred').every((t) => /^ghi “/.test(t.progressReason ?? ''))).toBe(true);
    // "Không thực hiện" past due is open and overdue; with a recorded decision it is stopped.
    expect(r.tasks.filter((t) => /^Không thực hiện/.test(t.progressText)).map((t) => t.category)).toEqual(['open_overdue', 'open_in_time', 'stopped']);
  });
});

describe('6. deadlines with an extension', () => {
  it('requested keeps the original date, approved takes the new one; both flagged', async () => {
    const r = await inspect(paths.buildExtensions);
    expect(r.tasks.map((t) => t.deadline.due)).toEqual(F.EXTENSION_ROWS.map(([, due]) => due));
    expect(r.tasks.map((t) => t.overdue)).toEqual(F.EXTENSION_ROWS.map(([, , overdue]) => overdue));
    expect(r.tasks.map((t) => codes(t, 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED'))).toEqual(F.EXTENSION_ROWS.map(([, , , code]) => (code ? [code] : [])));
    expect(r.totals.overdue).toBe(4);
    const ts = await tasks(paths.buildExtensions);
    expect(ts.map((t) => t.dueSource)).toEqual(['typed', 'typed', 'extension', 'extension', 'typed', 'typed', 'extension']);
    expect(ts[0].issues.find((i) => i.code === 'EXTENSION_REQUESTED')?.message).toMatch(/vẫn tính theo thời hạn 31\/10\/2025/);
  });
});

describe('7. one task over several rows, one per lead unit', () => {
  it('merged STT/task/deadline: each lead keeps its status, the task takes the least advanced reported, with a note', async () => {
    const r = await inspect(paths.buildPerLeadMerged);
    expect(r.totals.tasks).toBe(3);
    expect(r.tasks[0]).toMatchObject({ row: 2, progress: 'in_progress', leadUnit: 'Bộ Y tế; Bộ Công an; Bộ Tài chính' });
    expect(codes(r.tasks[0], ...STATUS_CODES)).toEqual(['MULTI_LEAD_PROGRESS']);
    const ts = await tasks(paths.buildPerLeadMerged);
    expect(ts[0].leadProgress?.map((x) => [x.lead, x.row, x.progress])).toEqual([
      ['Bộ Y tế', 2, 'unreported'], ['Bộ Công an', 3, 'in_progress'], ['Bộ Tài chính', 4, 'done'],
    ]);
    // Each lead counts for what it reported: Bộ Tài chính's row is done, Bộ Công an's in progress, Bộ Y tế's unreported;
    // the totals count the task once, at its least advanced reported status (in progress).
    const unit = (name: string) => r.units.find((u) => u.unit === name)!;
    expect(unit('Bộ Tài chính').progress).toMatchObject({ done: 1, in_progress: 0 });
    expect(unit('Bộ Công an').progress).toMatchObject({ in_progress: 1, done: 0 });
    expect(unit('Bộ Y tế').progress).toMatchObject({ unreported: 1, in_progress: 0 });
    expect(r.totals.progress.in_progress - r.tasks.slice(1).filter((t) => t.progress === 'in_progress').length).toBe(1);
    expect(r.totals.progress.done).toBe(r.tasks.filter((t) => t.progress === 'done').length);
    // The result-only row under task 2 is appended to its result, not dropped or reported as ROW_NOT_TASK.
    expect(r.tasks[1].result).toBe('Đã ban hành Quyết định số 10/QĐ-BTP. Quy chế đã được gửi các đơn vị ngày 5/6/2025.');
    expect(r.issues).toEqual([]);
  });

  it('lead rows with STT and task left blank: least advanced is "Chưa thực hiện"; all leads done → done', async () => {
    const r = await inspect(paths.buildPerLeadBlank);
    expect(r.tasks.map((t) => [t.row, t.progress, t.category])).toEqual([[2, 'not_done', 'open_overdue'], [4, 'done', 'done_on_time']]);
    expect(r.issues).toEqual([]);
    const ts = await tasks(paths.buildPerLeadBlank);
    expect(ts.map((t) => t.leadProgress?.map((x) => x.progress))).toEqual([['not_done', 'done'], ['done', 'done']]);
  });
});

describe('aggregate over a folder of these returns', () => {
  it('counts every task once, with the same categories as inspect', async () => {
    const { copyFileSync, mkdirSync, rmSync } = await import('node:fs');
    const { basename, join, relative } = await import('node:path');
    const { fixturePath } = await import('../fixtures/appendix');
    const { parseArgs } = await import('../../batch/aggregate/args');
    const { aggregate } = await import('../../batch/aggregate/run');
    const dir = fixturePath('i9-folder');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const names = ['buildFourWay', 'buildResultOnly', 'buildExtensions', 'buildPerLeadMerged', 'buildTwoAppendices'];
    for (const n of names) copyFileSync(paths[n], join(dir, basename(paths[n])));
    const parsed = parseArgs([]);
    if (!parsed.ok) throw new Error(parsed.message);
    const out = relative(process.cwd(), fixturePath('i9-folder-out'));
    const { report } = await aggregate({ ...parsed.args, quiet: true, asOf: AS_OF, inputs: [dir], out });
    expect(report.inputs.map((i) => i.tasks)).toEqual([7, 8, 3, 8, 5]); // files in name order: extensions, four-way, per-lead, result-only, two appendices
    expect(report.totals.tasks).toBe(31);
    expect(report.totals.overdue).toBe(3 + 3 + 4 + 0 + 1);
    expect(report.totals.categories).toMatchObject({ done_on_time: 2 + 1 + 1 + 2, done_late: 1 + 2 });
  }, 120_000);
});
