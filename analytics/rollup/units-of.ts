import type { Task } from '../../core/model';
import { NO_UNIT } from './types';

/** Canonical lead units of a task, each once (a group lead stays its group name); [NO_UNIT] when none. */
export function leadUnitsOf(t: Pick<Task, 'leadUnits'>): string[] {
  const names = [...new Set(t.leadUnits.map((u) => u.name).filter((n) => n !== ''))];
  return names.length ? names : [NO_UNIT];
}

const collator = new Intl.Collator('vi');

/** Vietnamese alphabetical comparison of unit names. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
