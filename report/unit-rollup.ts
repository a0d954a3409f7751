/** Per lead unit: tasks, each progress value, each VPCP category, overdue, % done. */
import type { ColumnTable } from 'arquero';
import type { ReportUnit } from './report-types';
import { categoriesOf, progressOf, rollupCounts } from './counts';
import { compareVi } from './units-of';

/** Arquero rollup of taskTable() by unit: columns unit, tasks, overdue, done, doneRate, p_*, c_*. */
export function unitRollup(tasks: ColumnTable): ColumnTable {
  const rolled = rollupCounts(tasks, ['unit']);
  const t = rolled.array('tasks') as number[], done = rolled.array('done') as number[];
  return rolled.assign({ doneRate: Array.from(t, (n, k) => (n ? done[k] / n : 0)) });
}

/** The rollup as the report's `units`, in Vietnamese alphabetical order. */
export function unitsOf(rollup: ColumnTable): ReportUnit[] {
  return (rollup.objects() as Record<string, unknown>[])
    .map((r) => ({
      unit: String(r.unit),
      tasks: Number(r.tasks),
      overdue: Number(r.overdue),
      progress: progressOf(r),
      categories: categoriesOf(r),
      doneRate: Number(r.doneRate),
    }))
    .sort((a, b) => compareVi(a.unit, b.unit));
}
