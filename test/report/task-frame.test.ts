/** The task frame: one row per task with the contract's fields, and the CLI's rollups from any filtered frame. */
import { escape } from 'arquero';
import { describe, expect, it } from 'vitest';
import { fromTasks, toReportTask } from '../../report/report';
import { overdueList } from '../../report/overdue-list';
import { taskTable } from '../../report/task-table';
import { dateToIso, FRAME_COLUMNS, isoToDate, overdueListOf, rollupByUnit, summarize, taskFrame, totalsOfFrame, unitTable } from '../../report/task-frame';
import type { Task } from '../../core/model';
import { late, mkTask } from './rollup-helpers';

const TASKS: Task[] = [
  mkTask({ units: ['Bộ Nội vụ'], progress: 'done', category: 'done_on_time', due: '2025-03-31', section: 'A. Nhiệm vụ chung' }),
  late(['Bộ Nội vụ', 'Bộ Tài chính'], 45, { due: '2025-10-01', section: 'B. Nhiệm vụ cụ thể', stt: '2' }),
  late(['Bộ Y tế'], 12, { due: '2025-11-03', section: 'B. Nhiệm vụ cụ thể', stt: '3' }),
  mkTask({ units: [''], progress: 'unreported', category: 'open_in_time', due: '2025-12-31', section: null }),
  mkTask({ units: ['Các bộ, ngành, địa phương'], group: true, progress: 'in_progress', category: 'recurring', due: null }),
  mkTask({ units: ['Bộ Y tế', 'Bộ Y tế'], progress: 'done_late', category: 'done_late', due: '2025-06-30', section: 'B. Nhiệm vụ cụ thể' }),
];
TASKS[1].coUnits = [{ name: 'Bộ Công an', known: true }];
TASKS[1].progressSource = 'inferred';
TASKS[1].progressReason = 'Kết quả thực hiện mở đầu bằng "Chưa hoàn thành"';
TASKS[2].issues = [{ code: 'OVERDUE_IN_PROGRESS', severity: 'warning', message: 'Quá hạn', file: 'a.xlsx', sheet: 'Phụ lục', row: 5 }];

const frame = taskFrame(TASKS.map(toReportTask));

describe('taskFrame', () => {
  it('has one row per task and the contract fields as typed columns', () => {
    expect(frame.numRows()).toBe(TASKS.length);
    expect(frame.columnNames()).toEqual([...FRAME_COLUMNS]);
    const row = frame.object(1) as Record<string, unknown>;
    expect(row.leadUnits).toEqual(['Bộ Nội vụ', 'Bộ Tài chính']);
    expect(row.coUnits).toEqual(['Bộ Công an']);
    expect(row.deadline).toEqual(new Date('2025-10-01T00:00:00Z'));
    expect(row.deadlineText).toBe('01/10/2025');
    expect(row.overdue).toBe(true);
    expect(row.daysLate).toBe(45);
    expect(row.progressSource).toBe('inferred');
    expect(row.progressReason).toMatch(/Chưa hoàn thành/);
    expect(row.dueSource).toBe('typed');
    expect(frame.object(2)).toMatchObject({ issues: ['OVERDUE_IN_PROGRESS'] });
    expect(frame.object(4)).toMatchObject({ deadline: null, deadlineKind: 'none', section: null });
  });

  it('leaves out the provenance columns when the tasks do not carry them (an older tong-hop.json)', () => {
    const bare = taskFrame(TASKS.map(toReportTask).map(({ progressSource: _p, progressReason: _r, dueSource: _d, ...t }) => t));
    expect(bare.columnNames()).not.toContain('progressSource');
    expect(bare.columnNames()).not.toContain('dueSource');
    expect(bare.numRows()).toBe(TASKS.length);
  });

  it('dates go to 00:00 UTC and back', () => {
    expect(dateToIso(isoToDate('2025-02-28'))).toBe('2025-02-28');
    expect(isoToDate(null)).toBeNull();
    expect(dateToIso(new Date(NaN))).toBeNull();
  });
});

describe('rollups from a frame equal the report of the same tasks', () => {
  it('whole frame: totals, units, sentences, overdue list', () => {
    const report = fromTasks('2025-11-15', TASKS);
    const s = summarize(frame);
    expect(s.totals).toEqual(report.totals);
    expect(s.units).toEqual(report.units);
    expect(s.sentences).toEqual(report.sentences);
    expect(rollupByUnit(frame)).toEqual(report.units);
    expect(overdueListOf(frame)).toEqual(overdueList(taskTable(TASKS), TASKS));
    // The multi-unit task counts for both units and once in the totals; the blank unit and the duplicate are folded.
    expect(report.totals.tasks).toBe(6);
    expect(unitTable(frame).numRows()).toBe(7);
  });

  it('a filtered frame: the same numbers as the report of those tasks only', () => {
    const keep = (t: { section: string | null }): boolean => (t.section ?? '').startsWith('B.');
    const part = frame.filter(escape(keep));
    const report = fromTasks('2025-11-15', TASKS.filter(keep));
    expect(part.numRows()).toBe(3);
    expect(totalsOfFrame(part)).toEqual(report.totals);
    expect(summarize(part)).toEqual({ totals: report.totals, units: report.units, sentences: report.sentences });
    const list = overdueListOf(part);
    expect(list.map((e) => [e.unit, e.daysLate, e.i])).toEqual([['Bộ Nội vụ', 45, 0], ['Bộ Tài chính', 45, 0], ['Bộ Y tế', 12, 1]]);
  });

  it('an empty frame: zero totals and the no-task sentence', () => {
    const none = frame.filter(() => false);
    expect(summarize(none).totals.tasks).toBe(0);
    expect(summarize(none).sentences[0]).toMatch(/^Đã hoàn thành 00\/00/);
  });
});
