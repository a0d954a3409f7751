/**
 * The only writer of .xlsx files: renders a WorkbookSpec (templates/spec.ts) with
 * ExcelJS, then adds native charts by post-processing the zip.
 *
 * Large workbooks (more than `streamAbove` rows in all) go through the lean writer
 * (writer/lean/): SpreadsheetML text built in chunks and deflated as it comes, the
 * same look, charts written as parts. ExcelJS's streaming WorkbookWriter stays
 * available with `engine: 'exceljs'` (4-6 times slower on 200,000 tasks: scripts/bench-writer.ts).
 *
 * @example
 *   await writeWorkbook({ sheets: [{ name: 'Tổng hợp', columns: [{ header: 'Đơn vị', width: 30 }], rows: [['Bộ Nội vụ']] }] }, 'out/tong-hop.xlsx');
 */
import type ExcelJS from 'exceljs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SheetSpec, WorkbookSpec } from '../report/layout/spec';
import { resolveCharts } from './writer/charts';
import { addCharts } from './writer/chart-zip';
import { writeLean } from './writer/lean/index';
import type { LookCache } from './writer/look';
import { renderSheet, worksheetOptions } from './writer/sheet';

export interface WriteOptions {
  /** Use the large-workbook writer when the workbook has more rows than this (default 10,000). */
  streamAbove?: number;
  /**
   * Force an engine: 'exceljs' (in memory, or its streaming writer above `streamAbove`)
   * or 'lean'. Default: ExcelJS in memory up to `streamAbove` rows, lean above.
   */
  engine?: 'exceljs' | 'lean';
}

export const DEFAULT_STREAM_ABOVE = 10_000;

/** Write the workbook described by `spec` to `path` (parent folders are created). */
export async function writeWorkbook(spec: WorkbookSpec, path: string, opts: WriteOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const named = withSafeNames(spec);
  const rows = named.sheets.reduce((n, s) => n + s.rows.length + (s.blankRows ?? 0), 0);
  const large = rows > (opts.streamAbove ?? DEFAULT_STREAM_ABOVE);
  if (opts.engine === 'lean' || (large && opts.engine !== 'exceljs')) return writeLean(named, path);
  if (large) await writeStreaming(named, path);
  else await writeFile(path, await writeInMemory(named));
  const charts = resolveCharts(named);
  if (charts.size) await writeFile(path, addCharts(new Uint8Array(await readFile(path)), charts));
}

/** The .xlsx bytes of a spec, in memory (no charts). */
export async function writeInMemory(spec: WorkbookSpec): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  setProperties(wb, spec);
  const cache: LookCache = new Map();
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name, worksheetOptions(sheet));
    await renderSheet(ws, sheet, cache);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function writeStreaming(spec: WorkbookSpec, path: string): Promise<void> {
  const { stream } = await loadExcelJS();
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  setProperties(wb, spec);
  const cache: LookCache = new Map();
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name, worksheetOptions(sheet));
    await renderSheet(ws, sheet, cache);
    ws.commit();
  }
  await wb.commit();
}

/** ExcelJS is loaded only when an ExcelJS path runs: large outputs go through the lean writer and skip its ~0,4 s load. */
async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

function setProperties(wb: ExcelJS.Workbook, spec: WorkbookSpec): void {
  wb.creator = spec.creator ?? 'tiendo';
  wb.title = spec.title ?? '';
  wb.created = spec.created ?? new Date();
  wb.modified = wb.created;
}

/** Sheet names Excel accepts: no []:*?/\, at most 31 characters, unique. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = base.slice(0, 31 - String(i).length - 1) + '_' + String(i);
  taken.add(out.toLowerCase());
  return out;
}

function withSafeNames(spec: WorkbookSpec): WorkbookSpec {
  const taken = new Set<string>();
  const sheets: SheetSpec[] = spec.sheets.map((s) => {
    const name = safeSheetName(s.name, taken);
    return name === s.name ? s : { ...s, name };
  });
  return { ...spec, sheets };
}
