/**
 * A parsed task at an explicit as-of date: VPCP category, overdue flag, days
 * late, and the contradictions between the reported status, the deadline and
 * the result text. Pure: never reads the clock; suggestions are never applied.
 */
import type { Category, ParsedTask, Task } from './model';
import { issue, type Issue } from './issue';
import { daysBetween } from './dates';
import { formatCount, formatDateVi } from './format';
import { readStatus } from './status/read';
import { missingRowIssues } from './checks';
import { completionClaim, completionDate } from './classify/evidence';
import { prefix, quote, where } from './classify/where';
import { tickIssues } from './classify/tick';

export { rowIssues } from './checks';

/**
 * Flags stay worth reading. An open task past its deadline is overdue: that is a count, not a contradiction,
 * so "Chưa hoàn thành" or "Đang thực hiện" past due carries no issue. What does need a person's look:
 * - OVERDUE_IN_PROGRESS (warning): the status cell itself says in time ("trong hạn", "chưa đến hạn",
 *   "đúng tiến độ") while the deadline has passed: the unit and the deadline disagree.
 * - LONG_OVERDUE (info): "Đang thực hiện" more than a quarter (90 days) past due: a status not updated
 *   since, or an extension nobody recorded. "Chưa hoàn thành" says as much already and gets none.
 */
const LONG_OVERDUE_DAYS = 90;

const OPEN = new Set(['in_progress', 'not_done', 'unreported', 'unknown']);

function categorise(t: ParsedTask, asOf: string): { category: Category; overdue: boolean; daysLate: number | null } {
  if (t.progress === 'stopped') return { category: 'stopped', overdue: false, daysLate: null };
  if (t.deadline.kind === 'recurring') return { category: 'recurring', overdue: false, daysLate: null };
  if (t.progress === 'done') return { category: 'done_on_time', overdue: false, daysLate: null };
  if (t.progress === 'done_late') return { category: 'done_late', overdue: false, daysLate: null };
  const due = t.deadline.due;
  if (due && due < asOf) return { category: 'open_overdue', overdue: true, daysLate: daysBetween(due, asOf) };
  return { category: 'open_in_time', overdue: false, daysLate: null };
}

function contradictions(t: ParsedTask, asOf: string, overdue: boolean, daysLate: number | null): Issue[] {
  const out: Issue[] = [];
  const due = t.deadline.due;
  const status = quote(t.progressText);
  if (overdue && (t.progress === 'in_progress' || t.progress === 'not_done')) {
    const said = readStatus(t.progressText).timeliness;
    if (said === 'on_time' || said === 'not_due') {
      // The cell itself says in time ("Đang thực hiện, trong hạn", "Chưa đến hạn") and the deadline has passed.
      out.push(issue('OVERDUE_IN_PROGRESS',
        `${prefix(t, 'status')}tiến độ ${status} ghi là còn trong hạn nhưng đã quá thời hạn ${formatDateVi(due)} (quá ${formatCount(daysLate ?? 0)} ngày tính đến ${formatDateVi(asOf)}); tính là quá hạn.`,
        where(t, 'status')));
    } else if (t.progress === 'in_progress' && said === null && (daysLate ?? 0) > LONG_OVERDUE_DAYS) {
      out.push(issue('LONG_OVERDUE',
        `${prefix(t, 'status')}tiến độ ${status} đã quá thời hạn ${formatDateVi(due)} ${formatCount(daysLate ?? 0)} ngày: kiểm tra tiến độ còn đúng không, hoặc nhiệm vụ đã được gia hạn chưa.`,
        { ...where(t, 'status'), severity: 'info' }));
    }
  }
  if (due && t.deadline.kind !== 'recurring' && (t.progress === 'done' || t.progress === 'done_late')) {
    const done = completionDate(t.resultText, asOf);
    if (done && t.progress === 'done' && done > due) {
      out.push(issue('DONE_AFTER_DEADLINE',
        `${prefix(t, 'status')}tiến độ ${status} nhưng kết quả thực hiện dẫn văn bản ngày ${formatDateVi(done)}, sau thời hạn ${formatDateVi(due)}.`,
        { ...where(t, 'status'), suggestion: 'Đã hoàn thành quá hạn' }));
    }
    if (done && t.progress === 'done_late' && done <= due) {
      out.push(issue('DONE_LATE_BUT_ON_TIME',
        `${prefix(t, 'status')}tiến độ ${status} nhưng kết quả thực hiện dẫn văn bản ngày ${formatDateVi(done)}, trong thời hạn ${formatDateVi(due)}.`,
        { ...where(t, 'status'), suggestion: 'Đã hoàn thành' }));
    }
  }
  if (t.progress === 'unreported') {
    const claim = completionClaim(t.resultText, t.task);
    if (claim) {
      out.push(issue('DONE_SUGGESTED',
        `${prefix(t, 'status')}chưa báo cáo tiến độ nhưng kết quả thực hiện cho biết đã hoàn thành (${quote(claim, 120)}); đề nghị ghi “Đã hoàn thành”.`,
        { ...where(t, 'status'), suggestion: 'Đã hoàn thành' }));
    }
  }
  return out;
}

/**
 * Classify a task at asOf (ISO yyyy-mm-dd). Overdue = not done, not stopped, not
 * recurring, and due before asOf (due == asOf is still in time); blank-status tasks
 * count as open. Declared statuses are kept; contradictions become issues.
 *
 * @example classifyTask(task, '2025-11-12') // { …task, category: 'open_overdue', overdue: true, daysLate: 12, … }
 */
export function classifyTask(t: ParsedTask, asOf: string): Task {
  const { category, overdue, daysLate } = categorise(t, asOf);
  const missing = missingRowIssues(t, t.issues);
  const leadUnit = t.leadUnits.length ? t.leadUnits.map((u) => u.name).join('; ') : t.leadUnitText;
  const issues = [...t.issues, ...missing, ...contradictions(t, asOf, overdue, daysLate), ...tickIssues(t, asOf, overdue)];
  // Same as { ...t, issues, leadUnit, asOf, category, overdue, daysLate } (same keys, same order). A task as the
  // table reader builds it (core/table/rows.ts) is written out key by key: every such Task then shares one hidden
  // class, where a copy (below) leaves a 25-key dictionary that each later reader pays for (the read worker's
  // pack: 0.29 ms per realistic file). Any other key order is copied, then set (adding keys after a spread
  // makes a new hidden class per object in V8, ~15× slower).
  const keys = Object.keys(t);
  if (sameKeys(keys, READER_KEYS)) {
    return {
      file: t.file, sheet: t.sheet, row: t.row, stt: t.stt, section: t.section, task: t.task, leadUnitText: t.leadUnitText,
      leadUnits: t.leadUnits, coUnitsText: t.coUnitsText, coUnits: t.coUnits, deadline: t.deadline, resultText: t.resultText,
      progressText: t.progressText, progress: t.progress, progressSource: t.progressSource, dueSource: t.dueSource, extra: t.extra,
      taskId: t.taskId, cells: t.cells, issues, leadUnit, asOf, category, overdue, daysLate,
    };
  }
  if (sameKeys(keys, READER_KEYS_REASON)) {
    return {
      file: t.file, sheet: t.sheet, row: t.row, stt: t.stt, section: t.section, task: t.task, leadUnitText: t.leadUnitText,
      leadUnits: t.leadUnits, coUnitsText: t.coUnitsText, coUnits: t.coUnits, deadline: t.deadline, resultText: t.resultText,
      progressText: t.progressText, progress: t.progress, progressSource: t.progressSource, progressReason: t.progressReason,
      dueSource: t.dueSource, extra: t.extra, taskId: t.taskId, cells: t.cells, issues, leadUnit, asOf, category, overdue, daysLate,
    };
  }
  const out = Object.assign({}, t) as Task;
  out.issues = issues;
  out.leadUnit = leadUnit;
  out.asOf = asOf;
  out.category = category;
  out.overdue = overdue;
  out.daysLate = daysLate;
  return out;
}

/** The keys of a ParsedTask as core/table/rows.ts builds it, in order, without and with a progress reason. */
const READER_KEYS: readonly string[] = ['file', 'sheet', 'row', 'stt', 'section', 'task', 'leadUnitText', 'leadUnits', 'coUnitsText', 'coUnits',
  'deadline', 'resultText', 'progressText', 'progress', 'progressSource', 'dueSource', 'extra', 'taskId', 'cells', 'issues'];
const READER_KEYS_REASON: readonly string[] = [...READER_KEYS.slice(0, 15), 'progressReason', ...READER_KEYS.slice(15)];

function sameKeys(keys: readonly string[], want: readonly string[]): boolean {
  if (keys.length !== want.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== want[i]) return false;
  return true;
}

/** True for progress values that leave a task open (for counts: blank and unknown count as open). */
export function isOpen(t: Pick<ParsedTask, 'progress'>): boolean {
  return OPEN.has(t.progress);
}
