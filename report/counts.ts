/** Arquero rollup expressions shared by the unit, section and file rollups. */
import { CATEGORY_KEYS, PROGRESS_KEYS, PROGRESS_SOURCES, type Category, type Progress } from '../core/model';
import type { CategoryCounts, ProgressCounts, ProgressSourceCounts } from './report-types';

/** `{tasks, overdue, done, p_<progress>…, c_<category>…}` as Arquero rollup expressions. */
export function countExprs(): Record<string, string> {
  const exprs: Record<string, string> = {
    tasks: 'd => op.count()',
    overdue: 'd => op.sum(d.overdue)',
    done: 'd => op.sum(d.done)',
  };
  for (const p of PROGRESS_KEYS) exprs['p_' + p] = `d => op.sum(d.progress === '${p}' ? 1 : 0)`;
  for (const c of CATEGORY_KEYS) exprs['c_' + c] = `d => op.sum(d.category === '${c}' ? 1 : 0)`;
  return exprs;
}

export function progressOf(row: Record<string, unknown>): ProgressCounts {
  return Object.fromEntries(PROGRESS_KEYS.map((p) => [p, Number(row['p_' + p] ?? 0)])) as Record<Progress, number>;
}

export function categoriesOf(row: Record<string, unknown>): CategoryCounts {
  return Object.fromEntries(CATEGORY_KEYS.map((c) => [c, Number(row['c_' + c] ?? 0)])) as Record<Category, number>;
}

export function emptyProgress(): ProgressCounts {
  return Object.fromEntries(PROGRESS_KEYS.map((p) => [p, 0])) as ProgressCounts;
}

export function emptyCategories(): CategoryCounts {
  return Object.fromEntries(CATEGORY_KEYS.map((c) => [c, 0])) as CategoryCounts;
}

export function emptySources(): ProgressSourceCounts {
  return Object.fromEntries(PROGRESS_SOURCES.map((s) => [s, 0])) as ProgressSourceCounts;
}
