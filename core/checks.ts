/**
 * Row issues that need no as-of date: missing or unreadable deadline, blank or
 * unrecognised status. The table reader calls rowIssues(t) once per task;
 * classifyTask adds any of them still missing, so they are never lost or doubled.
 */
import type { ParsedTask } from './model';
import { issue, type Issue } from './issue';
import { prefix, quote, where } from './classify/where';

/**
 * @example rowIssues(task) // [{ code: 'DEADLINE_UNPARSED', message: 'Ô E12: không đọc được thời hạn “sau Tết”…', … }]
 */
export function rowIssues(t: ParsedTask): Issue[] {
  const out: Issue[] = [];
  const hasDeadlineCell = t.cells.deadline !== undefined;
  if (t.deadline.kind === 'none' && hasDeadlineCell) {
    out.push(issue('NO_DEADLINE', `${prefix(t, 'deadline')}chưa có thời hạn hoàn thành.`, where(t, 'deadline')));
  }
  if (t.deadline.kind === 'unparsed') {
    out.push(issue('DEADLINE_UNPARSED',
      `${prefix(t, 'deadline')}không đọc được thời hạn ${quote(t.deadline.text)}; giữ nguyên nội dung, cần kiểm tra.`,
      where(t, 'deadline')));
  }
  if (t.progress === 'unreported' && t.cells.status !== undefined) {
    out.push(issue('NO_STATUS', `${prefix(t, 'status')}chưa báo cáo tiến độ.`, where(t, 'status')));
  }
  if (t.progress === 'unknown') {
    out.push(issue('UNKNOWN_STATUS',
      `${prefix(t, 'status')}không nhận ra tiến độ ${quote(t.progressText)}; giữ nguyên, cần kiểm tra.`,
      where(t, 'status')));
  }
  return out;
}
