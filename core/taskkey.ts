/**
 * A stable key for a task across files and re-submissions, used to merge a
 * unit's re-sent workbook with its earlier one and to match returns to the
 * master list.
 *
 * Rule:
 * 1. A tiendo-distributed workbook carries the task's ID in its hidden
 *    "Mã nhiệm vụ (tiendo)" column: the key is `id:<ID>`.
 * 2. Otherwise the key is the section label (the "A", "B", "II" of
 *    "B. Nhiệm vụ cụ thể …"; none for untitled sections) and the folded task
 *    text (case, diacritics, tone placement, punctuation and spacing ignored):
 *    `B|xay dung he thong thong tin …`. The label keeps apart the same wording
 *    given in two sections (seed 000 has one in A and again in B). STT, lead
 *    unit and deadline are left out: returns renumber rows and units rewrite
 *    their own names.
 */
import type { ParsedTask } from './model';
import { foldKey } from './text/normalize';
import { sectionLabel } from './table/classify-row';

/**
 * @example taskKey({ taskId: null, section: 'B. Nhiệm vụ cụ thể của các bộ, ngành', task: 'Xây dựng  Hệ thống…' }) // 'B|xay dung he thong'
 * @example taskKey({ taskId: 'CT07-C-01', … }) // 'id:CT07-C-01'
 */
export function taskKey(t: Pick<ParsedTask, 'taskId' | 'section' | 'task'>): string {
  if (t.taskId) return `id:${t.taskId.trim()}`;
  const label = sectionLabel(t.section);
  return `${label ?? ''}|${foldKey(t.task)}`;
}
