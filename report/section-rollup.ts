/** Per section ("A. Nhiệm vụ chung…"): counts of each task once, in first-seen order. */
import type { ColumnTable } from 'arquero';
import { rollupCounts } from './counts';
import { eachTaskOnceRows } from './task-table';

/** Arquero rollup of taskTable() by file and section: file, section, first, tasks, overdue, done, p_*, c_*. */
export function sectionRollup(tasks: ColumnTable): ColumnTable {
  return rollupCounts(tasks, ['file', 'section'], { first: { column: 'i', op: 'min' } }, eachTaskOnceRows(tasks)).orderby('first');
}
