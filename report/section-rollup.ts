/** Per section ("A. Nhiệm vụ chung…"): counts of each task once, in first-seen order. */
import type { ColumnTable } from 'arquero';
import { countExprs } from './counts';
import { eachTaskOnce } from './task-table';

/** Arquero rollup of taskTable() by file and section: file, section, first, tasks, overdue, done, p_*, c_*. */
export function sectionRollup(tasks: ColumnTable): ColumnTable {
  return eachTaskOnce(tasks)
    .groupby('file', 'section')
    .rollup({ first: 'd => op.min(d.i)', ...countExprs() })
    .orderby('first');
}
