/** Arquero rollup expressions shared by the unit, section and file rollups. */
import { table, type ColumnTable } from 'arquero';
import { CATEGORY_KEYS, PROGRESS_KEYS, PROGRESS_SOURCES, type Category, type Progress } from '../core/model';
import type { CategoryCounts, ProgressCounts, ProgressSourceCounts } from './report-types';

const PROGRESS_INDEX = new Map<unknown, number>(PROGRESS_KEYS.map((p, k) => [p, k]));
const CATEGORY_INDEX = new Map<unknown, number>(CATEGORY_KEYS.map((c, k) => [c, k]));
/** Progress codes 0…P−1 and P for any other value; category codes likewise. */
const NP = PROGRESS_KEYS.length + 1, NC = CATEGORY_KEYS.length + 1;

/** A reducer of `rollupCounts` beside the counts: `op` of the column, per group. */
export interface ExtraReducer {
  column: string;
  op: 'min' | 'max' | 'sum';
}

/** Which rows and columns `rollupCounts` counts. */
export interface RollupRows {
  /** Only the rows where this 0/1 column is 1 (taskTable's `first`: each task once), as a filter would, without one. */
  only?: string;
  /** The columns counted, when not progress, category, overdue and done (taskTable's taskProgress…). */
  columns?: { progress: string; category: string; overdue: string; done: string };
}

/**
 * `t.groupby(...keys).rollup({ ...extra, ...countExprs() })`: the same table (columns, values, group order) at a
 * fraction of the cost. countExprs() evaluates one `=== 'x' ? 1 : 0` expression per column per row (15 per row,
 * each row's key a new string: most of the rollup time at 200,000 tasks). Here one pass numbers the groups (first
 * seen first, as groupby does) and codes each row's (group, progress, category) as one integer; Arquero then
 * groups that integer column once with three plain reducers (count, sum of overdue, sum of done, plus `extra`),
 * and the few (group, progress, category) rows are folded into the p_* and c_* columns. No keys: one row, the
 * table's totals.
 */
export function rollupCounts(t: ColumnTable, keys: readonly string[], extra: Record<string, ExtraReducer> = {}, opts: RollupRows = {}): ColumnTable {
  const rows = t.numRows();
  const keyCols = keys.map((k) => columnOf(t, k));
  const names = opts.columns ?? { progress: 'progress', category: 'category', overdue: 'overdue', done: 'done' };
  const prog = columnOf(t, names.progress), cat = columnOf(t, names.category);
  const only = opts.only ? columnOf(t, opts.only) as ArrayLike<number> : null;
  const groupOf = new Map<unknown, number>();
  const firstRow: number[] = [];
  const code = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (only && only[r] !== 1) {
      code[r] = -1; // left out: folded nowhere
      continue;
    }
    const id = keys.length === 0 ? 0 : keys.length === 1 ? keyCols[0][r] : keyCols.map((c) => tupleKey(c[r])).join('|');
    let g = groupOf.get(id);
    if (g === undefined) {
      groupOf.set(id, (g = firstRow.length));
      firstRow.push(r);
    }
    code[r] = (g * NP + (PROGRESS_INDEX.get(prog[r]) ?? NP - 1)) * NC + (CATEGORY_INDEX.get(cat[r]) ?? NC - 1);
  }
  if (keys.length === 0 && rows === 0) firstRow.push(0); // a rollup without keys is one row, zeros on an empty table
  const extraNames = Object.keys(extra);
  const cols: Record<string, ArrayLike<unknown>> = { code, overdue: columnOf(t, names.overdue), done: columnOf(t, names.done) };
  const exprs: Record<string, string> = { n: 'd => op.count()', overdue: 'd => op.sum(d.overdue)', done: 'd => op.sum(d.done)' };
  extraNames.forEach((name, j) => {
    cols['x' + j] = columnOf(t, extra[name].column);
    exprs['x' + j] = `d => op.${extra[name].op}(d.x${j})`;
  });
  const rolled = table(cols).groupby('code').rollup(exprs);
  const groups = firstRow.length;
  const tasks = new Array<number>(groups).fill(0), od = new Array<number>(groups).fill(0), dn = new Array<number>(groups).fill(0);
  const progress = PROGRESS_KEYS.map(() => new Array<number>(groups).fill(0));
  const category = CATEGORY_KEYS.map(() => new Array<number>(groups).fill(0));
  const outExtra = extraNames.map(() => new Array<unknown>(groups).fill(undefined));
  const rc = rolled.array('code') as ArrayLike<number>, n = rolled.array('n') as ArrayLike<number>;
  const ro = rolled.array('overdue') as ArrayLike<number>, rd = rolled.array('done') as ArrayLike<number>;
  const rx = extraNames.map((_, j) => rolled.array('x' + j) as ArrayLike<number>);
  for (let k = 0; k < rolled.numRows(); k++) {
    if (rc[k] < 0) continue;
    const c = rc[k] % NC, p = Math.floor(rc[k] / NC) % NP, g = Math.floor(rc[k] / (NC * NP));
    tasks[g] += n[k]; od[g] += ro[k]; dn[g] += rd[k];
    if (p < NP - 1) progress[p][g] += n[k];
    if (c < NC - 1) category[c][g] += n[k];
    extraNames.forEach((name, j) => {
      const v = rx[j][k], was = outExtra[j][g] as number | undefined, how = extra[name].op;
      outExtra[j][g] = was === undefined ? v : how === 'sum' ? was + v : how === 'min' ? Math.min(was, v) : Math.max(was, v);
    });
  }
  const out: Record<string, ArrayLike<unknown>> = {};
  keys.forEach((k, j) => { out[k] = firstRow.map((r) => keyCols[j][r]); });
  extraNames.forEach((name, j) => { out[name] = outExtra[j]; });
  out.tasks = tasks; out.overdue = od; out.done = dn;
  PROGRESS_KEYS.forEach((p, j) => { out['p_' + p] = progress[j]; });
  CATEGORY_KEYS.forEach((c, j) => { out['c_' + c] = category[j]; });
  return table(out);
}

/** A column's values in row order: the column itself when the table is neither filtered nor ordered (array() copies it). */
function columnOf(t: ColumnTable, name: string): ArrayLike<unknown> {
  const c = t.column(name) as unknown;
  if (!t.isFiltered() && !t.isOrdered() && (Array.isArray(c) || ArrayBuffer.isView(c))) return c as ArrayLike<unknown>;
  return t.array(name) as ArrayLike<unknown>;
}

/** A grouping key's part as Arquero's key function writes it (strings quoted), so tuples group alike. */
function tupleKey(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
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
