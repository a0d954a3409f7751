/**
 * Row issues that need no as-of date: missing or unreadable deadline, blank or
 * unrecognised status. The table reader calls rowIssues(t) once per task;
 * classifyTask adds any of them still missing, so they are never lost or doubled.
 */
import type { ParsedTask } from './model';
import { issue, type Issue, type IssueCode } from './issue';
import { prefix, quote, where } from './classify/where';

interface RowCheck {
  code: IssueCode;
  applies: (t: ParsedTask) => boolean;
  make: (t: ParsedTask) => Issue;
}

/** Each check in the order its issue is listed. */
const CHECKS: readonly RowCheck[] = [
  {
    code: 'NO_DEADLINE',
    applies: (t) => t.deadline.kind === 'none' && t.cells.deadline !== undefined,
    make: (t) => issue('NO_DEADLINE', `${prefix(t, 'deadline')}chưa có thời hạn hoàn thành.`, where(t, 'deadline')),
  },
  {
    code: 'DEADLINE_UNPARSED',
    applies: (t) => t.deadline.kind === 'unparsed',
    make: (t) => issue('DEADLINE_UNPARSED',
      `${prefix(t, 'deadline')}không đọc được thời hạn ${quote(t.deadline.text)}; giữ nguyên nội dung, cần kiểm tra.`,
      where(t, 'deadline')),
  },
  {
    code: 'NO_STATUS',
    applies: (t) => t.progress === 'unreported' && t.cells.status !== undefined,
    make: (t) => issue('NO_STATUS', `${prefix(t, 'status')}chưa báo cáo tiến độ.`, where(t, 'status')),
  },
  {
    code: 'UNKNOWN_STATUS',
    applies: (t) => t.progress === 'unknown',
    make: (t) => issue('UNKNOWN_STATUS',
      `${prefix(t, 'status')}không nhận ra tiến độ ${quote(t.progressText)}; giữ nguyên, cần kiểm tra.`,
      where(t, 'status')),
  },
];

/**
 * @example rowIssues(task) // [{ code: 'DEADLINE_UNPARSED', message: 'Ô E12: không đọc được thời hạn “sau Tết”…', … }]
 */
export function rowIssues(t: ParsedTask): Issue[] {
  return missingRowIssues(t, []);
}

/** The row issues of t whose code is not among `present` (messages are only built for those). */
export function missingRowIssues(t: ParsedTask, present: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const check of CHECKS) {
    if (check.applies(t) && !present.some((i) => i.code === check.code)) out.push(check.make(t));
  }
  return out;
}
