import type { Task } from '../core/model';
import { NO_UNIT } from './types';

const NONE = [NO_UNIT];

/** Canonical lead units of a task, each once (a group lead stays its group name); [NO_UNIT] when none. */
export function leadUnitsOf(t: { leadUnits: readonly Pick<Task['leadUnits'][number], 'name'>[] }): string[] {
  const lu = t.leadUnits;
  if (lu.length === 1) return lu[0].name ? [lu[0].name] : NONE;
  const names = [...new Set(lu.map((u) => u.name).filter((n) => n !== ''))];
  return names.length ? names : NONE;
}

const collator = new Intl.Collator('vi');

/** Vietnamese alphabetical comparison of unit names. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
