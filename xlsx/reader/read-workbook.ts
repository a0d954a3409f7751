/**
 * The lean .xlsx reader itself, platform-neutral (plain Uint8Array, an injected ByteCodec): zip
 * central directory → capped inflate → hand-written XML scan → core Grids. Node's entry point is
 * ../read.ts (node:zlib), the browser's ../read-browser.ts (fflate); both keep the same limits.
 *
 * Dates: a numeric cell whose number format is a date/time format becomes a `Date` holding
 * that instant in UTC (whole serials → UTC midnight), honouring the workbook's 1904 system;
 * the cell's style keeps its `numFmt`. `t="d"` ISO cells become Dates too.
 * Formulas give their cached result; errors their text ("#N/A"); rich text is flattened
 * (phonetic runs dropped); hyperlinks are their displayed text. Bad files never throw:
 * they return `{ grids: [], error }` with a stable code and a Vietnamese message naming the file.
 */
import type { Grid } from '../../core/grid';
import { issue, type Issue } from '../../core/issue';
import type { ByteCodec } from '../zip/bytes';
import { findEntry, openZipWith, readEntry, type ZipArchive, type ZipEntry } from '../zip/unzip';
import { decodePart } from './decode-part';
import { ReadFailure, resolveLimits, type ReadLimits } from './limits';
import { parseSharedStrings } from './shared-strings';
import { MAX_CELL_CHARS, parseSheet, type CellNotes, type SheetData } from './sheet-xml';
import { sniff, sniffZip } from './sniff';
import { EMPTY_STYLES, parseStyles } from './styles';
import { officeDocumentPath, parseRels, parseWorkbook } from './workbook';
import { newDocument, plainMarkup } from './xml';

export interface XlsxRead {
  grids: Grid[];
  error: Issue | null;
  /**
   * What the reader met and handled, to be reported with the file's read: sheet entries sharing one
   * part (SHARED_SHEET_PART), cells beyond Excel's length (CELL_TOO_LONG), invalid characters replaced
   * (INVALID_CHARACTER). Absent or empty when there is nothing to say.
   */
  notes?: Issue[];
}

export interface ReadXlsxOptions {
  file: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Reads an .xlsx held in memory with the platform's codec (Node: readXlsx in xlsx/read.ts).
 * @example
 * const { grids, error } = readXlsxWith(bytes, { file: 'bo-noi-vu.xlsx' }, codec);
 * if (error) console.error(error.message); else console.log(grids[0].rows[0]);
 */
export function readXlsxWith(bytes: Uint8Array, opts: ReadXlsxOptions, codec: ByteCodec): XlsxRead {
  const limits = resolveLimits(opts.limits);
  try {
    if (bytes.length > limits.maxFileBytes) throw new ReadFailure('FILE_TOO_LARGE', `tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB`);
    sniff(bytes, opts.file);
    return readWorkbookParts(openZipWith(bytes, limits, codec), limits, opts.file);
  } catch (err) {
    return { grids: [], error: failureIssue(err, opts.file) };
  } finally {
    // The scanner's memo holds the last part's text (the last sheet: 34 MB for the largest workbook the reader
    // allows): let it go with the read rather than keep it until the next file.
    newDocument();
  }
}

function readWorkbookParts(zip: ZipArchive, limits: ReadLimits, file: string): XlsxRead {
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
  const sharedReplaced = new Set<number>();
  const shared = ssEntry ? parseSharedStrings(text(zip, ssEntry), sharedReplaced) : null;
  let budget = limits.maxCells;
  let rowBudget = limits.maxRows;
  const grids: Grid[] = [];
  const notes: Issue[] = [];
  /** Sheet name that first read each part: later entries naming the same part are not read again. */
  const readBy = new Map<ZipEntry, string>();
  const repeats = new Map<string, string[]>();
  wb.sheets.forEach((ref, i) => {
    const entry = findEntry(zip, ref.path ?? `${baseDir}worksheets/sheet${i + 1}.xml`);
    const first = entry ? readBy.get(entry) : undefined;
    if (first !== undefined) {
      repeats.set(first, [...(repeats.get(first) ?? []), ref.name]);
      return;
    }
    const grid: Grid = { name: ref.name, rows: [], merges: [], styles: [], origin: { row: 1, col: 1 }, date1904: wb.date1904, hidden: ref.hidden };
    if (entry) {
      readBy.set(entry, ref.name);
      const data = parseSheet(text(zip, entry), { shared, sharedReplaced, styles, date1904: wb.date1904, cellBudget: budget, rowBudget });
      budget -= data.cells;
      rowBudget -= data.dataRows;
      grid.rows = data.rows;
      grid.styles = data.styles;
      grid.merges = data.merges;
      notes.push(...cellNotes(data, ref.name, file));
    }
    grids.push(grid);
  });
  for (const [first, others] of repeats) {
    notes.push(issue('SHARED_SHEET_PART',
      `${others.length.toLocaleString('vi-VN')} trang tính (${listNames(others)}) trỏ tới cùng một phần dữ liệu với trang tính "${first}" (tệp bất thường): phần này chỉ được đọc một lần, dưới tên "${first}".`,
      { file, sheet: first }));
  }
  return { grids, error: null, notes };
}

function cellNotes(data: SheetData, sheet: string, file: string): Issue[] {
  const out: Issue[] = [];
  if (data.long.count > 0) {
    out.push(issue('CELL_TOO_LONG',
      `${data.long.count.toLocaleString('vi-VN')} ô dài hơn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự, giới hạn của một ô Excel (${listCells(data.long)}): nội dung được đọc đủ, nhưng khi ghi ra bảng tính tổng hợp sẽ bị cắt bớt.`,
      { file, sheet, cell: data.long.cells[0], row: rowOf(data.long.cells[0]) }));
  }
  if (data.replaced.count > 0) {
    out.push(issue('INVALID_CHARACTER',
      `${data.replaced.count.toLocaleString('vi-VN')} ô chứa ký tự điều khiển hoặc ký tự không hợp lệ (${listCells(data.replaced)}): các ký tự này đã được thay bằng "\uFFFD".`,
      { file, sheet, cell: data.replaced.cells[0], row: rowOf(data.replaced.cells[0]) }));
  }
  return out;
}

function listCells(n: CellNotes): string {
  return n.count > n.cells.length ? `${n.cells.join(', ')}, …` : n.cells.join(', ');
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => `"${n}"`).join(', ');
  return names.length > 5 ? `${shown}, …` : shown;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

/** The workbook part named by the package relationships (_rels/.rels), for packages not using xl/workbook.xml. */
function mainPart(zip: ZipArchive): ZipEntry | undefined {
  const root = findEntry(zip, '_rels/.rels');
  const path = root ? officeDocumentPath(text(zip, root)) : null;
  return (path ? findEntry(zip, path) : undefined) ?? findEntry(zip, 'xl/workbook.xml');
}

/**
 * An entry's XML as one string, decoded in one go (never chunked: split UTF-8 sequences stay whole),
 * in the encoding the package standard allows (UTF-8 or UTF-16, by byte order mark or declaration),
 * with comments, processing instructions and CDATA resolved as XML defines them.
 */
function text(zip: ZipArchive, entry: ZipEntry): string {
  newDocument();
  return plainMarkup(decodePart(zip.codec, readEntry(zip, entry), entry.name, 'excel'));
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

export function failureIssue(err: unknown, file: string): Issue {
  const name = baseName(file);
  if (err instanceof ReadFailure) return issue(err.code, `${INTRO[err.code]} ${name}: ${err.detail}.`, { file });
  const detail = err instanceof Error ? err.message : String(err);
  return issue('FILE_CORRUPT', `Tệp bị hỏng ${name}: không đọc được nội dung (${detail}).`, { file });
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}
