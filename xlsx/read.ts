/**
 * The lean .xlsx reader (batch input): zip central directory → capped inflate → hand-written
 * XML scan → core Grids. The only file besides read/* that knows the SpreadsheetML layout.
 *
 * Dates: a numeric cell whose number format is a date/time format becomes a `Date` holding
 * that instant in UTC (whole serials → UTC midnight), honouring the workbook's 1904 system;
 * the cell's style keeps its `numFmt`. `t="d"` ISO cells become Dates too.
 * Formulas give their cached result; errors their text ("#N/A"); rich text is flattened
 * (phonetic runs dropped); hyperlinks are their displayed text. Bad files never throw:
 * they return `{ grids: [], error }` with a stable code and a Vietnamese message naming the file.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Grid } from '../core/grid';
import { issue, type Issue } from '../core/issue';
import { ReadFailure, resolveLimits, type ReadLimits } from './reader/limits';
import { parseSharedStrings } from './reader/shared-strings';
import { parseSheet } from './reader/sheet-xml';
import { sniff, sniffZip } from './reader/sniff';
import { EMPTY_STYLES, parseStyles } from './reader/styles';
import { officeDocumentPath, parseRels, parseWorkbook } from './reader/workbook';
import { findEntry, openZip, readEntry, type ZipArchive, type ZipEntry } from './zip/read';

export type { ReadLimits } from './reader/limits';
export { DEFAULT_LIMITS } from './reader/limits';

export interface XlsxRead {
  grids: Grid[];
  error: Issue | null;
}

export interface ReadXlsxOptions {
  file: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Reads an .xlsx held in memory.
 * @example
 * const { grids, error } = readXlsx(bytes, { file: 'bo-noi-vu.xlsx' });
 * if (error) console.error(error.message); else console.log(grids[0].rows[0]);
 */
export function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions): XlsxRead {
  const limits = resolveLimits(opts.limits);
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length > limits.maxFileBytes) throw new ReadFailure('FILE_TOO_LARGE', `tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB`);
    sniff(buf, opts.file);
    return { grids: readWorkbookParts(openZip(buf, limits), limits), error: null };
  } catch (err) {
    return { grids: [], error: failureIssue(err, opts.file) };
  }
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

function readWorkbookParts(zip: ZipArchive, limits: ReadLimits): Grid[] {
  const direct = zip.entries.get('xl/workbook.xml');
  // No workbook where Excel puts it: a Word or OpenDocument file under any name is named as such.
  if (!direct) sniffZip(zip, () => text(zip, zip.folded.get('mimetype')!).trim());
  const wbEntry = direct ?? mainPart(zip);
  if (!wbEntry) throw new ReadFailure('FILE_CORRUPT', 'tệp nén không chứa workbook.xml (không phải bảng tính Excel)');
  const baseDir = wbEntry.name.includes('/') ? wbEntry.name.slice(0, wbEntry.name.lastIndexOf('/') + 1) : '';
  const relsEntry = findEntry(zip, `${baseDir}_rels/${wbEntry.name.slice(baseDir.length)}.rels`);
  const rels = relsEntry ? parseRels(text(zip, relsEntry), baseDir) : new Map();
  const wb = parseWorkbook(text(zip, wbEntry), rels);
  const stylesEntry = findEntry(zip, wb.stylesPath ?? baseDir + 'styles.xml');
  const styles = stylesEntry ? parseStyles(text(zip, stylesEntry)) : EMPTY_STYLES;
  const ssEntry = findEntry(zip, wb.sharedStringsPath ?? baseDir + 'sharedStrings.xml');
  const shared = ssEntry ? parseSharedStrings(text(zip, ssEntry)) : [];
  let budget = limits.maxCells;
  const grids: Grid[] = [];
  wb.sheets.forEach((ref, i) => {
    const entry = findEntry(zip, ref.path ?? `${baseDir}worksheets/sheet${i + 1}.xml`);
    const grid: Grid = { name: ref.name, rows: [], merges: [], styles: [], origin: { row: 1, col: 1 }, date1904: wb.date1904, hidden: ref.hidden };
    if (entry) {
      const data = parseSheet(text(zip, entry), { shared, styles, date1904: wb.date1904, cellBudget: budget });
      budget -= data.cells;
      grid.rows = data.rows;
      grid.styles = data.styles;
      grid.merges = data.merges;
    }
    grids.push(grid);
  });
  return grids;
}

/** The workbook part named by the package relationships (_rels/.rels), for packages not using xl/workbook.xml. */
function mainPart(zip: ZipArchive): ZipEntry | undefined {
  const root = findEntry(zip, '_rels/.rels');
  const path = root ? officeDocumentPath(text(zip, root)) : null;
  return (path ? findEntry(zip, path) : undefined) ?? findEntry(zip, 'xl/workbook.xml');
}

/** An entry's XML as one string, decoded in one go (never chunked: split UTF-8 sequences stay whole). */
function text(zip: ZipArchive, entry: ZipEntry): string {
  return readEntry(zip, entry).toString('utf8');
}

const INTRO: Record<ReadFailure['code'], string> = {
  FILE_NOT_XLSX: 'Không đọc được tệp',
  FILE_LEGACY_XLS: 'Không đọc được tệp',
  FILE_LEGACY_DOC: 'Không đọc được tệp',
  FILE_CSV: 'Không đọc được tệp',
  FILE_ODS: 'Không đọc được tệp',
  FILE_WORD: 'Không đọc được tệp',
  FILE_PDF: 'Không đọc được tệp',
  FILE_ENCRYPTED: 'Không đọc được tệp',
  FILE_TRUNCATED: 'Tệp bị hỏng',
  FILE_CORRUPT: 'Tệp bị hỏng',
  FILE_TOO_LARGE: 'Từ chối đọc tệp',
  FILE_EMPTY: 'Không đọc được tệp',
};

function failureIssue(err: unknown, file: string): Issue {
  const name = baseName(file);
  if (err instanceof ReadFailure) return issue(err.code, `${INTRO[err.code]} ${name}: ${err.detail}.`, { file });
  const detail = err instanceof Error ? err.message : String(err);
  return issue('FILE_CORRUPT', `Tệp bị hỏng ${name}: không đọc được nội dung (${detail}).`, { file });
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}
