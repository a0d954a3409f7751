/**
 * tiendo for analysts' scripts: `import { readReturns, summarize } from 'tiendo'` (TypeScript through
 * `npx tsx`, or plain JavaScript through `node`). See docs/scripting.md and docs/scripts/.
 *
 * readReturns reads returns exactly as `aggregate` does (same discovery, worker pool, classification at
 * the as-of date, re-submission merge and `--sent` check) and hands back the merged tasks as an Arquero
 * table, one row per task. Filter, derive and group it with Arquero; give any filtered table to the
 * report functions (summarize, rollupByUnit, overdueList, sentences…) for the numbers and sentences the
 * CLI would write for those tasks.
 */
import type { ColumnTable } from 'arquero';
import { isIsoDate } from '../core/dates';
import type { Issue } from '../core/issue';
import { collectSources } from '../batch/aggregate/sources';
import { loadSent } from '../batch/aggregate/sent';
import { todayInVietnam } from '../batch/aggregate/today';
import { inputOf, mergeReturns, toReportTask } from '../report';
import type { ReportInput } from '../report/report-types';
import { sentences as reportSentences, type SentenceInput } from '../report/sentences';
import { overdueListOf, summarize, taskFrame } from '../report/task-frame';
import type { SentTask } from '../report/types';
import type { OverdueEntry } from '../report/overdue-list';

export interface ReadReturnsOptions {
  /** The as-of date (yyyy-mm-dd) for overdue, categories and days late; default today in Việt Nam, as `aggregate`. */
  asOf?: string;
  /** The `distribute` manifest (danh-sach-giao.json path, or its tasks): adds `notReturned` and NOT_RETURNED issues. */
  sent?: string | SentTask[];
  /** Keep every copy of a task reported in several files (marked DUPLICATE_TASK) instead of merging. */
  keepDuplicates?: boolean;
  /** Read worker threads (default: every core). */
  concurrency?: number;
  /** Called after each file is read, with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface Returns {
  asOf: string;
  /**
   * One row per kept task. Columns (report/task-frame.ts FRAME_COLUMNS): file, sheet, row, stt, section, task,
   * leadUnit, leadUnits (string[]), coUnits (string[]), deadline (Date at 00:00 UTC, or null), deadlineText,
   * deadlineKind, dueSource, result, progressText, progress, progressSource, progressReason, category,
   * overdue (boolean), daysLate, taskId, issues (the codes of the row's issues, string[]).
   */
  tasks: ColumnTable;
  /** File-, sheet- and aggregation-level issues (rejected files, NO_TABLE, RESUBMISSION_CONFLICT, NOT_RETURNED…). */
  issues: Issue[];
  /** Every input file: sheet read, tasks, rows examined, or why it was rejected (as in tong-hop.json). */
  inputs: ReportInput[];
  /** With `sent`: per unit, tasks sent but not returned. */
  notReturned: { unit: string; tasks: number }[];
  /** Each row's issues in full (code, severity, cell, message, suggestion), by row of `tasks` as read. */
  taskIssues: Issue[][];
}

/**
 * Reads returns (files and folders, as `aggregate` takes them; relative paths from the current directory).
 * @example
 * const { tasks } = await readReturns(['nop/'], { asOf: '2025-11-15' });
 * tasks.filter((d) => d.overdue).groupby('leadUnit').count().print();
 */
export async function readReturns(paths: string | string[], opts: ReadReturnsOptions = {}): Promise<Returns> {
  const asOf = opts.asOf ?? todayInVietnam();
  if (!isIsoDate(asOf)) throw new Error(`asOf không hợp lệ: "${asOf}" (cần dạng YYYY-MM-DD, ví dụ 2025-11-15)`);
  const sources = await collectSources(Array.isArray(paths) ? paths : [paths], {
    asOf,
    concurrency: opts.concurrency ?? null,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const sent = typeof opts.sent === 'string' ? await loadSent(opts.sent) : opts.sent;
  const merged = mergeReturns({ asOf, sources, keepDuplicates: opts.keepDuplicates, sent });
  return {
    asOf,
    tasks: taskFrame(merged.tasks.map(toReportTask)),
    issues: merged.issues,
    inputs: sources.map((s) => inputOf(s, merged.duplicateOf.get(s.file))),
    notReturned: merged.notReturned ?? [],
    taskIssues: merged.tasks.map((t) => t.issues),
  };
}

/**
 * The ready-to-paste sentences (tom-tat.txt) for a task table, or for totals and units already computed.
 * @example sentences(tasks.filter((d) => op.startswith(d.section, 'B.')))[0] // "Đã hoàn thành 00/06 (0,0%) nhiệm vụ; …"
 */
export function sentences(of: ColumnTable | SentenceInput): string[] {
  return isTable(of) ? summarize(of).sentences : reportSentences(of);
}

/** The "Quá hạn" list of a task table: overdue tasks per lead unit, most days late first. */
export function overdueList(tasks: ColumnTable): OverdueEntry[] {
  return overdueListOf(tasks);
}

function isTable(x: unknown): x is ColumnTable {
  return typeof (x as ColumnTable).numRows === 'function';
}

export {
  summarize, taskFrame, unitTable, totalsOfFrame as totals, rollupByUnit, rollupBySection, rollupByFile,
  FRAME_COLUMNS, isoToDate, dateToIso, type FrameTask,
} from '../report/task-frame';
export { headline, unitList, type SentenceInput, type UnitCount } from '../report/sentences';
export { formatCount, formatDateVi, formatNumber, formatPercent } from '../core/format';
export { writeTasks, tasksCsv, tasksArrow, tasksParquet } from '../batch/export-tasks';
export { NO_UNIT, type SentTask } from '../report/types';
export type { Report, ReportInput, ReportTotals, ReportUnit, ReportTask } from '../report/report-types';
export type { OverdueEntry } from '../report/overdue-list';
export type { Issue } from '../core/issue';
export type { Category, Progress, ProgressSource, DueSource, DeadlineKind } from '../core/model';
/** Arquero itself, so a script needs no second install: `import { aq, op } from 'tiendo'`. */
export * as aq from 'arquero';
export { op, desc, escape } from 'arquero';
