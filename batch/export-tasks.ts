/**
 * The merged task table for other tools (`aggregate --tasks FILE`, the scripting API's writeTasks), by extension:
 * - `.csv`: UTF-8 with a BOM (Excel then reads Vietnamese correctly), comma-separated, CRLF, RFC 4180 quoting.
 *   A text cell is quoted when it holds `,` `;` `"` or a line break (so neither list separator Excel may use, `,` or
 *   the Vietnamese locale's `;`, ever splits it) or starts or ends with a space. Lists (leadUnits, coUnits,
 *   issues) are joined with "; " (as a JSON array instead, `["…"]`, in the rare cell where an element is empty, holds a `;`
 *   or the first starts with `[`); the deadline is yyyy-mm-dd; overdue is true/false; null is an empty cell.
 *   Text that begins with = + - @ ' or a tab is written with one more ' in front, so that Excel shows it as text
 *   instead of running it as a formula (a hostile return must not run on the analyst's machine): another tool
 *   reading the CSV removes one leading ' from any cell that starts with one.
 * - `.parquet`: Apache Parquet (pandas, Power BI, DuckDB), written by parquet-wasm (the Rust arrow-rs writer),
 *   Snappy-compressed; strings as UTF-8 (dictionary-encoded where values repeat), lists as list<string>, deadline
 *   as DATE, row and daysLate as INT32.
 * - `.arrow`: Arrow IPC file (Feather v2) with the same types.
 * The file is written beside its target and renamed into place: a failed export never leaves half a file.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import { toArrowIPC, type ColumnTable } from 'arquero';
import { bool, dateDay, dictionary, int32, list, utf8, type DataType } from '@uwdata/flechette';
import { dateToIso, INT_COLUMNS, LIST_COLUMNS, type FrameColumn } from '../report/task-frame';

export type TaskExportFormat = 'csv' | 'parquet' | 'arrow';

/** The export format a file name asks for, or null (the caller says which extensions are accepted). */
export function exportFormatOf(path: string): TaskExportFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.arrow' || ext === '.feather') return 'arrow';
  return null;
}

/** Writes a task frame (report/task-frame.ts) to `path` in the format its extension names. */
export async function writeTasks(frame: ColumnTable, path: string): Promise<void> {
  const format = exportFormatOf(path);
  if (!format) throw new Error(`Không nhận ra định dạng của "${path}": dùng đuôi .csv, .parquet hoặc .arrow.`);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    if (format === 'csv') await writeCsv(frame, tmp);
    else await writeFile(tmp, format === 'arrow' ? tasksArrow(frame) : await tasksParquet(frame));
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Columns with few distinct values (file names, units, status words, codes): dictionary-encoded in Arrow and Parquet,
 * each distinct string stored once (readers see plain strings; pandas through pyarrow sees a categorical). Encoding
 * 200,000 rows of such a column as a dictionary took about a tenth of the time of plain UTF-8 here.
 */
const DICTIONARY: ReadonlySet<string> = new Set<FrameColumn>([
  'file', 'sheet', 'section', 'leadUnit', 'deadlineText', 'deadlineKind', 'dueSource', 'progressText', 'progress',
  'progressSource', 'progressReason', 'category',
]);

/** Arrow types of the frame's columns: free text (task, result, STT, IDs) as plain UTF-8, the rest as above. */
function arrowTypes(frame: ColumnTable): Record<string, DataType> {
  const types: Record<string, DataType> = {};
  for (const name of frame.columnNames()) {
    const c = name as FrameColumn;
    types[name] = LIST_COLUMNS.includes(c) ? list(utf8()) : INT_COLUMNS.includes(c) ? int32()
      : c === 'deadline' ? dateDay() : c === 'overdue' ? bool() : DICTIONARY.has(c) ? dictionary(utf8(), int32()) : utf8();
  }
  return types;
}

/** The frame as an Arrow IPC file. */
export function tasksArrow(frame: ColumnTable): Uint8Array {
  return toArrowIPC(frame, { format: 'file', types: arrowTypes(frame) });
}

/** The frame as a Parquet file. */
export async function tasksParquet(frame: ColumnTable): Promise<Uint8Array> {
  const pw = await import('parquet-wasm');
  const ipc = toArrowIPC(frame, { format: 'stream', types: arrowTypes(frame) });
  const table = pw.Table.fromIPCStream(ipc);
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
  return pw.writeParquet(table, props);
}

const SPECIAL = /[",;\r\n]/;
const SPACE = /\s/;

/** Text cell: one more ' before = + - @ ' tab CR; quoted when it holds a separator, a quote, a line break or edge spaces. */
function textCell(text: string): string {
  if (text === '') return '';
  const c = text.charCodeAt(0);
  // = + - @ ' TAB CR
  const guard = c === 61 || c === 43 || c === 45 || c === 64 || c === 39 || c === 9 || c === 13;
  const s = guard ? `'${text}` : text;
  if (guard || SPECIAL.test(s) || SPACE.test(s[0]) || SPACE.test(s[s.length - 1])) return `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;
  return s;
}

/** One CSV cell. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return dateToIso(v) ?? '';
  return textCell(Array.isArray(v) ? listCell(v.map(String)) : String(v));
}

function listCell(items: string[]): string {
  const plain = items.every((x) => x !== '' && !x.includes(';')) && !items[0]?.startsWith('[');
  return plain ? items.join('; ') : JSON.stringify(items);
}

/** The cell writer of a frame column (the type is known from the column: no type tests per cell). */
function cellWriter(name: string): (v: unknown) => string {
  const c = name as FrameColumn;
  if (LIST_COLUMNS.includes(c)) return (v) => (Array.isArray(v) ? textCell(listCell(v.map(String))) : csvCell(v));
  if (INT_COLUMNS.includes(c) || c === 'deadline' || c === 'overdue') return csvCell;
  return (v) => (typeof v === 'string' ? textCell(v) : csvCell(v));
}

/** The frame as CSV text, BOM first (for tests and small tables; files are streamed by writeTasks). */
export function tasksCsv(frame: ColumnTable): string {
  const parts: string[] = [];
  for (const chunk of csvChunks(frame)) parts.push(chunk);
  return parts.join('');
}

function* csvChunks(frame: ColumnTable): Generator<string> {
  const names = frame.columnNames();
  const cols = names.map((n) => frame.array(n) as unknown as unknown[]);
  const write = names.map(cellWriter);
  yield '\uFEFF' + names.map(textCell).join(',') + '\r\n';
  const n = frame.numRows();
  const BATCH = 1000;
  for (let start = 0; start < n; start += BATCH) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(n, start + BATCH); r++) {
      let line = write[0](cols[0][r]);
      for (let k = 1; k < cols.length; k++) line += ',' + write[k](cols[k][r]);
      lines.push(line);
    }
    yield lines.join('\r\n') + '\r\n';
  }
}

async function writeCsv(frame: ColumnTable, path: string): Promise<void> {
  const out = createWriteStream(path, 'utf8');
  const failed = once(out, 'error').then(([e]) => { throw e; });
  failed.catch(() => undefined); // handled by the races below; never an unhandled rejection
  for (const chunk of csvChunks(frame)) if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
