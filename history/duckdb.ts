/** One embedded DuckDB per job (no server, nothing left running): open, use, close. */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface DbOptions {
  /** DuckDB memory limit, e.g. '1GB' (default: DuckDB's own, 80% of RAM). */
  memoryLimit?: string;
  /** Worker threads (default: DuckDB's own, one per core). */
  threads?: number;
}

export async function withDb<T>(fn: (db: DuckDBConnection) => Promise<T>, opts: DbOptions = {}): Promise<T> {
  // Loaded here, not at the top: only the history commands open a database, and loading DuckDB's native library
  // had cost every start that reached this module (`tiendo --help`: 0,40 → 0,32 s).
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run('SET preserve_insertion_order = false');
    if (opts.memoryLimit) await db.run(`SET memory_limit = ${lit(opts.memoryLimit)}`);
    if (opts.threads) await db.run(`SET threads = ${Math.max(1, Math.floor(opts.threads))}`);
    return await fn(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** A SQL string literal (file paths, period names): single quotes doubled. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * The first column of a query's rows, streamed a chunk (2,048 rows) at a time: DuckDB never holds the whole result,
 * and neither does JS beside what `each` keeps (so-sanh's 200,000 task rows, issue 15).
 */
export async function eachFirst(db: DuckDBConnection, sql: string, each: (value: unknown) => void): Promise<void> {
  const result = await db.stream(sql);
  for await (const rows of result.yieldRowsJs()) for (const r of rows) each(r[0]);
}

/** The rows of a query as plain JSON values (dates as 'YYYY-MM-DD'; cast counts to INTEGER to get numbers). */
export async function rowsOf<T>(db: DuckDBConnection, sql: string): Promise<T[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as T[];
}
