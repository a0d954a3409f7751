/** Inputs → SourceRead[]: discover files and folders, read them in the worker pool, stamp modification times. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { issue } from '../../core/issue';
import type { SourceRead } from '../../report/types';
import { readFiles } from '../read-files';
import { discoverInputs } from './discover';
import type { Spool } from '../spool';

export interface CollectOptions {
  /** Classify each file's tasks at this date while reading (ISO yyyy-mm-dd). */
  asOf: string;
  /** Worker threads; defaults to the machine's available parallelism. */
  concurrency?: number | null;
  onProgress?: (done: number, total: number) => void;
  /** Folders not to read (aggregate's --out: its own earlier report is not a return). */
  exclude?: readonly string[];
  /** Keep the tasks' texts in this spool rather than on the main heap (batch/spool.ts; aggregate at national scale). */
  spool?: Spool;
}

/**
 * What `aggregate` reads (and the scripting API's readReturns): every spreadsheet under the given files
 * and folders, a missing path as a FILE_NOT_FOUND source, each file with its mtime (newest re-submission wins).
 */
export async function collectSources(inputs: string[], opts: CollectOptions): Promise<SourceRead[]> {
  const cwd = process.cwd(); // relative paths are resolved against it (and reported relative to it)
  const found = await discoverInputs(inputs, cwd, opts.exclude);
  const reads = await readFiles(found.files, {
    asOf: opts.asOf,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.spool ? { spool: opts.spool } : {}),
  });
  return [
    ...found.missing.map((f) => ({ file: f, read: null, error: issue('FILE_NOT_FOUND', `Không tìm thấy tệp hoặc thư mục "${f}".`, { file: f }) })),
    ...(await withMtimes(reads, cwd)),
  ];
}

async function withMtimes(reads: SourceRead[], cwd: string): Promise<SourceRead[]> {
  return Promise.all(reads.map(async (r) => {
    const st = await stat(resolve(cwd, r.file)).catch(() => null);
    return { ...r, mtime: st?.mtimeMs ?? 0 };
  }));
}
