/** Tasks sent by `distribute` and not returned ("chưa báo cáo"), and returned IDs nobody sent. */
import { issue, type Issue } from '../../core/issue';
import type { Task } from '../../core/model';
import type { SentTask } from './types';

/** One NOT_RETURNED issue per sent task whose ID is in no returned workbook. */
export function notReturned(sent: SentTask[], tasks: Task[]): Issue[] {
  const returned = new Set(tasks.map((t) => t.taskId).filter((id): id is string => !!id));
  return sent
    .filter((s) => !returned.has(s.taskId))
    .map((s) => issue('NOT_RETURNED',
      `${s.unit} chưa báo cáo nhiệm vụ${s.stt ? ' STT ' + s.stt : ''}${s.task ? ` "${short(s.task)}"` : ''} (mã ${s.taskId}).`,
      { file: s.file, severity: 'warning' }));
}

/** The unit named by a NOT_RETURNED issue's sent task, keyed by task ID. */
export function notReturnedByUnit(sent: SentTask[], tasks: Task[]): Map<string, number> {
  const returned = new Set(tasks.map((t) => t.taskId));
  const byUnit = new Map<string, number>();
  for (const s of sent) if (!returned.has(s.taskId)) byUnit.set(s.unit, (byUnit.get(s.unit) ?? 0) + 1);
  return byUnit;
}

/** UNKNOWN_TASK_ID for a returned task whose ID was not sent. */
export function unknownId(t: Task, sentIds: Set<string>): Issue | null {
  if (!t.taskId || sentIds.has(t.taskId)) return null;
  return issue('UNKNOWN_TASK_ID', `Mã nhiệm vụ "${t.taskId}" không có trong danh sách đã giao.`,
    { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.id });
}

function short(s: string): string {
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
