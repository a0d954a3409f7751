/**
 * The history store: a folder with one Parquet file per period (`2025-11.parquet`), written and
 * read with embedded DuckDB. Any Parquet reader (DuckDB, Spark, Trino, BigQuery external tables)
 * reads the same folder; columns are listed in docs/lich-su.md.
 *
 *   tiendo-lich-su/
 *     2025-09.parquet   one row per task of the period (period, as_of, match_key, task_id, …)
 *     2025-10.parquet
 *     2025-11.parquet
 *
 * Re-recording a period replaces its file: the new file is written beside it under a dot-name
 * (which Spark, Hive and Trino skip) and renamed over the old one, so a failed run leaves the old one.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { HistoryRow, Period } from '../report/history/types';
import { isPeriod } from '../report/history/types';
import { lit, withDb, type DbOptions } from './duckdb';

/** Version of the file layout, in each file's Parquet key-value metadata (`tiendo_schema`). */
export const SCHEMA_VERSION = '1';

export const DEFAULT_HISTORY_DIR = 'tiendo-lich-su';

/** The columns of a period file, in order (DuckDB types; the staging table holds dates as text). */
const COLUMNS: readonly [string, string][] = [
  ['period', 'VARCHAR'], ['as_of', 'DATE'], ['match_key', 'VARCHAR'], ['task_id', 'VARCHAR'], ['task_key', 'VARCHAR'],
  ['lead_unit', 'VARCHAR'], ['lead_units', 'VARCHAR[]'], ['stt', 'VARCHAR'], ['section', 'VARCHAR'], ['task', 'VARCHAR'],
  ['deadline_text', 'VARCHAR'], ['due', 'DATE'], ['due_source', 'VARCHAR'], ['progress', 'VARCHAR'], ['progress_text', 'VARCHAR'],
  ['category', 'VARCHAR'], ['overdue', 'BOOLEAN'], ['days_late', 'INTEGER'], ['result', 'VARCHAR'], ['has_plan', 'BOOLEAN'],
  ['extension_noted', 'BOOLEAN'], ['file', 'VARCHAR'], ['sheet', 'VARCHAR'], ['row', 'INTEGER'],
];

export interface StoredPeriod {
  period: Period;
  file: string;
}

function periodFile(dir: string, period: Period): string {
  return join(resolve(dir), `${period}.parquet`);
}

/** The periods in the store, oldest first (files named YYYY-MM.parquet; anything else is ignored). */
export async function listPeriods(dir: string): Promise<StoredPeriod[]> {
  const names = await readdir(resolve(dir)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  return names
    .map((n) => /^(\d{4}-\d{2})\.parquet$/.exec(n)?.[1])
    .filter((p): p is string => !!p && isPeriod(p))
    .sort()
    .map((period) => ({ period, file: periodFile(dir, period) }));
}

/** Write (or replace) one period's file. Returns its path. */
export async function recordPeriod(dir: string, period: Period, rows: readonly HistoryRow[], opts: DbOptions = {}): Promise<string> {
  if (!isPeriod(period)) throw new Error(`Kỳ báo cáo không hợp lệ: "${period}" (cần dạng YYYY-MM, ví dụ 2025-11).`);
  const bad = rows.find((r) => r.period !== period);
  if (bad) throw new Error(`Dòng của kỳ ${bad.period} không thuộc kỳ ${period}.`);
  await mkdir(resolve(dir), { recursive: true });
  const target = periodFile(dir, period);
  const tmp = join(resolve(dir), `.${period}.parquet.tmp`);
  await withDb(async (db) => {
    const staging = COLUMNS.map(([c, t]) => `"${c}" ${t === 'DATE' ? 'VARCHAR' : t}`).join(', ');
    await db.run(`CREATE TABLE t (${staging})`);
    const ap = await db.createAppender('t');
    const text = (s: string | null): void => (s === null ? ap.appendNull() : ap.appendVarchar(s));
    for (const r of rows) {
      text(r.period); text(r.asOf); text(r.matchKey); text(r.taskId); text(r.taskKey);
      text(r.leadUnit); ap.appendList(r.leadUnits); text(r.stt); text(r.section); text(r.task);
      text(r.deadlineText); text(r.due); text(r.dueSource); text(r.progress); text(r.progressText);
      text(r.category); ap.appendBoolean(r.overdue);
      if (r.daysLate === null) ap.appendNull(); else ap.appendInteger(r.daysLate);
      text(r.result); ap.appendBoolean(r.hasPlan);
      ap.appendBoolean(r.extensionNoted); text(r.file); text(r.sheet); ap.appendInteger(r.row);
      ap.endRow();
    }
    ap.closeSync();
    const select = COLUMNS.map(([c, t]) => (t === 'DATE' ? `CAST("${c}" AS DATE) AS "${c}"` : `"${c}"`)).join(', ');
    await db.run(`COPY (SELECT ${select} FROM t ORDER BY match_key) TO ${lit(tmp)}
      (FORMAT parquet, COMPRESSION zstd, KV_METADATA { tiendo_schema: ${lit(SCHEMA_VERSION)} })`);
  }, opts).catch(async (e: unknown) => {
    await rm(tmp, { force: true });
    throw e;
  });
  await rename(tmp, target);
  return target;
}
