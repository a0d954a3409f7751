/**
 * With a `distribute` manifest: tasks sent and not returned ("chưa báo cáo"), returned IDs nobody
 * sent, and returned rows whose ID column was lost (matched on the core task key + unit instead).
 */
import { issue, type Issue } from '../core/issue';
import type { Task } from '../core/model';
import { taskKey } from '../core/taskkey';
import type { SentTask } from './types';
import { leadUnitsOf } from './units-of';

export interface ReturnCheck {
  /** Sent tasks found in no returned workbook. */
  missing: SentTask[];
  /** NOT_RETURNED, one per missing task. */
  issues: Issue[];
  /** Issues to add to a returned task (UNKNOWN_TASK_ID, NO_TASK_ID), by task. */
  taskIssues: Map<Task, Issue>;
}

const keyOf = (section: string | null | undefined, task: string, unit: string): string =>
  taskKey({ taskId: null, section: section ?? null, task }) + '|' + unit;

/** Match returned tasks to the sent list: by ID, else (flagged NO_TASK_ID) by task key and lead unit. */
export function checkReturns(sent: SentTask[], tasks: Task[]): ReturnCheck {
  const sentIds = new Set(sent.map((s) => s.taskId));
  const returnedIds = new Set<string>();
  const returnedKeys = new Set<string>();
  const taskIssues = new Map<Task, Issue>();
  for (const t of tasks) {
    if (t.taskId) {
      returnedIds.add(t.taskId);
      if (!sentIds.has(t.taskId)) taskIssues.set(t, unknownId(t));
      continue;
    }
    for (const u of leadUnitsOf(t)) returnedKeys.add(keyOf(t.section, t.task, u));
    taskIssues.set(t, issue('NO_TASK_ID',
      'Dòng không có mã nhiệm vụ (cột mã ẩn đã bị xoá hoặc đây không phải tệp được giao); đối chiếu theo nội dung nhiệm vụ và đơn vị chủ trì.',
      { file: t.file, sheet: t.sheet, row: t.row, severity: 'info' }));
  }
  const missing = sent.filter((s) => !returnedIds.has(s.taskId) && !(s.task && returnedKeys.has(keyOf(s.section, s.task, s.unit))));
  return { missing, issues: missing.map(notReturnedIssue), taskIssues };
}

/** Per unit, how many sent tasks are missing, in Vietnamese alphabetical order by the caller. */
export function countByUnit(missing: SentTask[]): Map<string, number> {
  const byUnit = new Map<string, number>();
  for (const s of missing) byUnit.set(s.unit, (byUnit.get(s.unit) ?? 0) + 1);
  return byUnit;
}

function notReturnedIssue(s: SentTask): Issue {
  return issue('NOT_RETURNED',
    `${s.unit} chưa báo cáo nhiệm vụ${s.stt ? ' STT ' + s.stt : ''}${s.task ? ` "${short(s.task)}"` : ''} (mã ${s.taskId}).`,
    { file: s.file, severity: 'warning' });
}

function unknownId(t: Task): Issue {
  return issue('UNKNOWN_TASK_ID', `Mã nhiệm vụ "${t.taskId}" không có trong danh sách đã giao.`,
    { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.id });
}

function short(s: string): string {
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
