/** The report's tasks as history rows (one Parquet row each) for one period. */
import type { DueSource } from '../../core/model';
import { taskKey } from '../../core/taskkey';
import type { ReportTask } from '../report-types';
import { NO_UNIT } from '../types';
import { hasRecoveryPlan, mentionsExtension } from './plan';
import type { HistoryRow, Period } from './types';

/**
 * How a task is found again in another period: its tiendo ID when it has one (`id:CT07-C-01`),
 * otherwise its lead units (sorted, "; "-joined) and task key (`Bộ Nội vụ|B|xay dung …`).
 * Two rows of one period with the same key are an ambiguous match (reported, never guessed).
 */
export function matchKey(t: Pick<ReportTask, 'taskId' | 'section' | 'task' | 'leadUnits'>): string {
  const key = taskKey(t);
  if (key.startsWith('id:')) return key;
  return `${leadUnitsOf(t).slice().sort().join('; ')}|${key}`;
}

function leadUnitsOf(t: Pick<ReportTask, 'leadUnits'>): string[] {
  const names = [...new Set(t.leadUnits.filter((n) => n !== ''))];
  return names.length ? names : [NO_UNIT];
}

/** A report task; `dueSource` is used when the task carries it (an approved extension is not flagged). */
export type HistoryInput = ReportTask & { dueSource?: DueSource };

/** @example historyRows(report.tasks, '2025-11', report.asOf)[0].matchKey // 'Bộ Nội vụ|A|xay dung ke hoach …' */
export function historyRows(tasks: readonly HistoryInput[], period: Period, asOf: string): HistoryRow[] {
  return tasks.map((t) => ({
    period,
    asOf,
    matchKey: matchKey(t),
    taskId: t.taskId,
    taskKey: taskKey(t),
    leadUnit: t.leadUnit || NO_UNIT,
    leadUnits: leadUnitsOf(t),
    stt: t.stt,
    section: t.section,
    task: t.task,
    deadlineText: t.deadline.text,
    due: t.deadline.due,
    dueSource: t.dueSource ?? null,
    progress: t.progress,
    progressText: t.progressText,
    category: t.category,
    overdue: t.overdue,
    daysLate: t.daysLate,
    result: t.result,
    hasPlan: hasRecoveryPlan(t.result, asOf),
    extensionNoted: mentionsExtension(t.deadline.text, t.result),
    file: t.file,
    sheet: t.sheet,
    row: t.row,
  }));
}
