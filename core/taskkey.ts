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
  const prefix = taskKeyPrefix(t);
  if (t.taskId) return prefix;
  const key = prefix + foldKey(t.task);
  // foldKey builds the key piece by piece: V8 keeps such a string as a tree of its pieces (about 2 KB for a
  // 100-character key) until it is read by index, which flattens it in place. Keys live until the merge, one
  // per task (the largest workbook the reader allows: 100,000 keys, 200 MB as trees, 20 MB flat).
  key.charCodeAt(0);
  return key;
}

/**
 * taskKey(t) up to its folded task text: the whole key for a task with an ID, else "label|" (taskKey(t) is this
 * followed by foldKey(t.task)). Lets a key be hashed from foldKeyCodes without building it (batch/read-one.ts).
 */
export function taskKeyPrefix(t: Pick<ParsedTask, 'taskId' | 'section'>): string {
  if (t.taskId) return `id:${t.taskId.trim()}`;
  return `${sectionLabel(t.section) ?? ''}|`;
}
