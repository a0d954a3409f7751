/**
 * The Word return reader in Node (batch input, `inspect`, `trich-xuat`): the platform-neutral reader (./document.ts) with
 * node:zlib's capped inflate and Buffer's UTF-8 decoder, plus reading from disk with the size checked first.
 *
 * @example
 *   const { grids, error } = readDocx(readFileSync('bo-y-te.docx'), { file: 'bo-y-te.docx' });
 */
import { readFileSync, statSync } from 'node:fs';
import { issue } from '../core/issue';
import { ReadFailure, resolveLimits, type ReadLimits } from '../xlsx/reader/limits';
import { baseName, failureIssue } from '../xlsx/reader/read-workbook';
import { NODE_CODEC } from '../xlsx/zip/node-codec';
import { readDocxWith, type DocxRead, type ReadDocxOptions } from './document';

export { parseDocument } from './document';
export type { DocBlock, DocCell, DocParagraph, DocRow, DocRun, DocTable, DocxRead, ReadDocxOptions, TableBudget } from './document';

/** Reads a .docx held in memory. */
export function readDocx(bytes: Uint8Array, opts: ReadDocxOptions): DocxRead {
  return readDocxWith(bytes, opts, NODE_CODEC);
}

/** Reads a .docx file (size checked before reading). */
export function readDocxFile(path: string, opts: { limits?: Partial<ReadLimits> } = {}): DocxRead {
  const limits = resolveLimits(opts.limits);
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ReadFailure('FILE_NOT_XLSX', 'không phải là tệp');
    if (st.size > limits.maxFileBytes) throw new ReadFailure('FILE_TOO_LARGE', `tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB`);
    return readDocx(readFileSync(path), { file: path, limits });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { grids: [], blocks: [], error: issue('FILE_NOT_FOUND', `Không tìm thấy tệp ${baseName(path)}.`, { file: path }) };
    return { grids: [], blocks: [], error: failureIssue(err, path) };
  }
}
