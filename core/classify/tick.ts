/**
 * A tick in a four-way form ("Đã hoàn thành / Đúng hạn | Quá hạn", "Chưa hoàn thành / Trong hạn | Quá hạn")
 * says when as well as whether; a tick whose "when" the deadline contradicts gets TICK_CONTRADICTS_DEADLINE.
 * The progress stays as ticked (never changed silently).
 */
import type { ParsedTask } from '../model';
import { issue, type Issue } from '../issue';
import { readStatus } from '../status/read';
import { formatDateVi } from '../format';
import { prefix, quote, where } from './where';

export function tickIssues(t: ParsedTask, asOf: string, overdue: boolean): Issue[] {
  if (t.progressSource !== 'tick' || t.deadline.kind === 'recurring') return [];
  const due = t.deadline.due;
  const { timeliness } = readStatus(t.progressText);
  const open = t.progress === 'in_progress' || t.progress === 'not_done';
  const tick = quote(t.progressText);
  let why: string | null = null;
  if (open && timeliness === 'not_due' && overdue && due) why = `thời hạn ${formatDateVi(due)} đã qua (tính đến ${formatDateVi(asOf)})`;
  else if ((open || t.progress === 'done_late') && timeliness === 'late' && due && due >= asOf) why = `thời hạn ${formatDateVi(due)} chưa đến (tính đến ${formatDateVi(asOf)})`;
  if (!why) return [];
  return [issue('TICK_CONTRADICTS_DEADLINE', `${prefix(t, 'status')}đánh dấu ở cột ${tick} nhưng ${why}; giữ theo đánh dấu, cần kiểm tra.`, where(t, 'status'))];
}
