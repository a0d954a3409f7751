/**
 * A synthetic aggregate Report of `n` tasks spread over communes (about 60 tasks
 * each, like 3,321 commune returns): the input of the writer tests and of
 * scripts/bench-writer.ts. Deterministic; includes texts that look like formulas,
 * XML metacharacters, control characters and leading/trailing spaces.
 */
import type { Report, ReportTask, ReportUnit } from '../../report/report-types';
import type { Category, Progress } from '../../core/model';

const PROGRESS: Progress[] = ['done', 'done_late', 'in_progress', 'not_done', 'unreported', 'stopped'];
const CATEGORY: Record<Progress, Category> = {
  done: 'done_on_time', done_late: 'done_late', in_progress: 'open_in_time', not_done: 'open_overdue',
  unreported: 'open_overdue', stopped: 'stopped', unknown: 'open_in_time',
};
const TEXT: Record<Progress, string> = {
  done: 'Đã hoàn thành', done_late: 'Đã hoàn thành quá hạn', in_progress: 'Đang thực hiện', not_done: 'Chưa hoàn thành',
  unreported: '', stopped: 'Dừng thực hiện', unknown: 'Đang làm',
};
const ODD = ['=HYPERLINK("http://evil.example","Bấm")', '+84 912 345 678', '-3 ngày', '@SUM(A1:A2)', 'A & B <c> "d"', '  lề hai bên  ', 'dòng\u0001lỗi', 'Dòng 1\nDòng 2'];

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const PROGRESS_KEYS = ['done', 'done_late', 'in_progress', 'not_done', 'stopped', 'unreported', 'unknown'] as const;
const CATEGORY_KEYS = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'recurring', 'stopped'] as const;

export function syntheticReport(n: number, perUnit = 60): Report {
  const tasks: ReportTask[] = [];
  const units = new Map<string, ReportUnit>();
  for (let i = 0; i < n; i++) {
    const u = Math.floor(i / perUnit);
    const unit = `UBND xã Phước ${u + 1}`;
    const file = `xa-${String(u + 1).padStart(4, '0')}.xlsx`;
    const progress = PROGRESS[(i * 7 + u) % PROGRESS.length];
    const category = CATEGORY[progress];
    const overdue = category === 'open_overdue';
    const day = 1 + (i % 28);
    const due = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    tasks.push({
      file, sheet: 'Báo cáo', row: 8 + (i % perUnit), stt: String((i % perUnit) + 1), section: i % perUnit < 30 ? 'A. Nhiệm vụ chung' : 'B. Nhiệm vụ cụ thể',
      task: i % 97 === 5 ? ODD[i % ODD.length] : `Triển khai nhiệm vụ số ${(i % perUnit) + 1} về chuyển đổi số, cải cách hành chính và dữ liệu dân cư`,
      leadUnit: unit, leadUnits: [unit], coUnits: i % 3 ? ['Công an xã'] : [],
      deadline: { text: `${due.slice(8)}/${due.slice(5, 7)}/2025`, due, kind: 'date' },
      result: progress === 'unreported' ? '' : `Đã ban hành Kế hoạch số ${i}/KH-UBND ngày ${day}/${1 + (i % 12)}/2025 triển khai thực hiện`,
      progressText: TEXT[progress], progress, progressSource: progress === 'unreported' ? 'none' : 'typed', dueSource: 'typed', category, overdue, daysLate: overdue ? 1 + (i % 200) : null,
      taskId: `T${String(i).padStart(6, '0')}`,
      issues: progress === 'unreported'
        ? [{ code: 'NO_STATUS', severity: 'warning', message: `Ô G${8 + (i % perUnit)}: chưa báo cáo tiến độ.`, file, sheet: 'Báo cáo', row: 8 + (i % perUnit), cell: `G${8 + (i % perUnit)}` }]
        : [],
    });
    let ru = units.get(unit);
    if (!ru) units.set(unit, (ru = { unit, tasks: 0, overdue: 0, progress: zero(PROGRESS_KEYS), categories: zero(CATEGORY_KEYS), doneRate: 0 }));
    ru.tasks++;
    ru.progress[progress]++;
    ru.categories[category]++;
    if (overdue) ru.overdue++;
  }
  const totals = { tasks: n, overdue: 0, progress: zero(PROGRESS_KEYS), categories: zero(CATEGORY_KEYS), progressSources: { typed: 0, tick: 0, inferred: 0, none: 0 }, unrecognised: 0 };
  for (const u of units.values()) {
    u.doneRate = (u.progress.done + u.progress.done_late) / u.tasks;
    totals.overdue += u.overdue;
    for (const k of PROGRESS_KEYS) totals.progress[k] += u.progress[k];
    for (const k of CATEGORY_KEYS) totals.categories[k] += u.categories[k];
  }
  totals.progressSources.none = totals.progress.unreported;
  totals.progressSources.typed = n - totals.progress.unreported;
  const files = [...new Set(tasks.map((t) => t.file))];
  return {
    asOf: '2025-11-15',
    inputs: files.map((file) => ({ file, sheet: 'Báo cáo', tasks: perUnit, error: null, rows: perUnit })),
    totals,
    units: [...units.values()],
    tasks,
    issues: [{ code: 'FILE_NOT_XLSX', severity: 'error', message: 'Tệp không phải .xlsx', file: 'hong.xlsx' }],
    sentences: [`Đã hoàn thành ${totals.progress.done + totals.progress.done_late}/${n} nhiệm vụ; ${totals.overdue} nhiệm vụ quá hạn.`],
    notReturned: [{ unit: 'UBND xã Hòa Bình', tasks: 60 }],
  };
}
