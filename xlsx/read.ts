/**
 * The lean .xlsx reader in Node (batch input): the platform-neutral reader (./reader/read-workbook.ts)
 * with node:zlib's capped inflate and Buffer's UTF-8 decoder, plus reading from disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { issue } from '../core/issue';
import { ReadFailure, resolveLimits, type ReadLimits } from './reader/limits';
import { baseName, failureIssue, readXlsxWith, type ReadXlsxOptions, type XlsxRead } from './reader/read-workbook';
import { NODE_CODEC } from './zip/node-codec';

export type { ReadLimits } from './reader/limits';
export type { ReadXlsxOptions, XlsxRead } from './reader/read-workbook';

/**
 * Reads an .xlsx held in memory.
 * @example
 * const { grids, error } = readXlsx(bytes, { file: 'bo-noi-vu.xlsx' });
 * if (error) console.error(error.message); else console.log(grids[0].rows[0]);
 */
export function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions): XlsxRead {
  return readXlsxWith(bytes, opts, NODE_CODEC);
}

/**
 * Reads an .xlsx file from disk; checks its size before reading it.
 * @example
 * const { grids, error } = await readXlsxFile('nop/bo-y-te.xlsx', { limits: { maxFileBytes: 50e6 } });
 */
export async function readXlsxFile(path: string, opts: { limits?: Partial<ReadLimits> } = {}): Promise<XlsxRead> {
  const limits = resolveLimits(opts.limits);
  try {
    // Sync fs: for many small files (read one at a time in a worker) it is far cheaper than promise fs.
    const st = statSync(path);
    if (!st.isFile()) throw new ReadFailure('FILE_NOT_XLSX', 'không phải là tệp');
    if (st.size > limits.maxFileBytes) throw new ReadFailure('FILE_TOO_LARGE', `tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB`);
    return readXlsx(readFileSync(path), { file: path, limits });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return { grids: [], error: issue('FILE_NOT_FOUND', `Không tìm thấy tệp ${baseName(path)}.`, { file: path }) };
    return { grids: [], error: failureIssue(err, path) };
  }
}
