/**
 * The only file that touches Office.js. Reads the open sheet into a core Grid in one
 * Excel.run with one sync, and writes plain data back: each write is one Excel.run whose
 * payload is split into chunks that stay under the 5 MB request limit of Excel on the web
 * (one sync per chunk, so a 5,000-row column is one sync; never a sync per row or cell).
 * Everything else in the add-in sees Grids, strings and numbers, never Excel objects.
 */
import type { CellStyle, CellValue, Grid, MergeRange } from '../core/grid';

export type ReadScope = 'sheet' | 'selection';

/** Bytes of cell data queued before a sync. Excel on the web rejects requests over 5 MB; this keeps a margin for JSON overhead. */
export const PAYLOAD_BUDGET = 4_000_000;

export interface WriteOptions {
  /** Override the per-sync payload budget (tests). */
  budget?: number;
}

/** A rectangle of values to write. row/col are 1-based sheet coordinates of values[0][0]. */
export interface CellBlock {
  row: number;
  col: number;
  values: CellValue[][];
  /** Number format per column of the block ("@" text, "0", "dd/mm/yyyy"); missing → "General". */
  formats?: (string | undefined)[];
  bold?: boolean;
  fill?: string;
}

/** A conditional format colouring whole rows when `formula` (relative to the range's top-left row) is true. */
export interface RowRule {
  formula: string;
  fill: string;
  font?: string;
}

/** A look applied to a range (colours as "#RRGGBB"). */
export interface LookRange {
  address: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin borders around and inside the range. */
  border?: boolean;
}

/** The summary appendix as plain data, laid out by addin/pane/summary.ts from the report model. */
export interface SummarySheet {
  name: string;
  /** Values (with number formats) to write: title lines, header, rows, footer sentences. */
  blocks: CellBlock[];
  /** A1 ranges to merge (title lines, header groups, footer lines). */
  merges: string[];
  /** The base font of the whole sheet. */
  font: { name: string; size: number; address: string };
  looks: LookRange[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Rows frozen at the top (0: none). */
  freezeRows: number;
  print: { orientation: 'landscape' | 'portrait'; paper: 'A4'; fitToWidth: boolean; titleRows: string | null } | null;
  /** A stacked chart over contiguous value columns (series by column), categories from another column. */
  chart: {
    type: 'BarStacked' | 'ColumnStacked';
    title: string;
    values: string;
    categories: string;
    series: { name: string; color?: string }[];
    anchor: string;
    height: number;
    width: number;
  } | null;
}

// ---------------------------------------------------------------- read

/** Rows per sync when a sheet is too large for one response (the fallback read). */
export const READ_CHUNK_ROWS = 2000;

/**
 * The active sheet's used range (or the selection) as a Grid: values, number formats,
 * merged areas, font names and bold, in one Excel.run and one sync. A sheet whose response
 * passes Excel on the web's 5 MB limit is read again in row chunks (one sync per chunk).
 */
export async function readActiveSheet(scope: ReadScope = 'sheet', opts: { chunkRows?: number } = {}): Promise<Grid> {
  try {
    return await readOnce(scope);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    return readChunked(scope, opts.chunkRows ?? READ_CHUNK_ROWS);
  }
}

function isPayloadError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** getMergedAreasOrNullObject needs ExcelApi 1.13; older Excel reads without merges rather than failing. */
function mergesSupported(): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported('ExcelApi', '1.13');
}

const FONT_PROPS = { format: { font: { name: true, bold: true } } };

function fontsOf(props: OfficeExtension.ClientResult<Excel.CellProperties[][]>): RawRead['fonts'] {
  return props.value.map((row) => row.map((p) => ({ name: p.format?.font?.name, bold: p.format?.font?.bold })));
}

function targetRange(context: Excel.RequestContext, sheet: Excel.Worksheet, scope: ReadScope): Excel.Range {
  return scope === 'selection' ? context.workbook.getSelectedRange() : sheet.getUsedRange(true);
}

async function readOnce(scope: ReadScope): Promise<Grid> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const range = targetRange(context, sheet, scope);
    range.load('address,values,numberFormat,rowIndex,columnIndex,rowCount,columnCount');
    const merged = mergesSupported() ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const props = range.getCellProperties(FONT_PROPS);
    await context.sync();
    return toGrid({
      name: sheet.name,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      values: range.values as unknown[][],
      numberFormat: range.numberFormat as unknown[][],
      fonts: fontsOf(props),
      mergedAddress: !merged || merged.isNullObject ? '' : merged.address,
    });
  });
}

/** The fallback: the range's shape and merges first, then values, formats and fonts `rows` rows per sync. */
async function readChunked(scope: ReadScope, rows: number): Promise<Grid> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const range = targetRange(context, sheet, scope);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = mergesSupported() ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    await context.sync();
    const raw: RawRead = {
      name: sheet.name,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      values: [],
      numberFormat: [],
      fonts: [],
      mergedAddress: !merged || merged.isNullObject ? '' : merged.address,
    };
    for (let start = 0; start < range.rowCount; start += rows) {
      const part = sheet.getRangeByIndexes(range.rowIndex + start, range.columnIndex, Math.min(rows, range.rowCount - start), range.columnCount);
      part.load('values,numberFormat');
      const props = part.getCellProperties(FONT_PROPS);
      await context.sync(); // one sync per chunk of rows, each response under the limit
      raw.values.push(...(part.values as unknown[][]));
      raw.numberFormat.push(...(part.numberFormat as unknown[][]));
      raw.fonts.push(...fontsOf(props));
    }
    return toGrid(raw);
  });
}

export interface RawRead {
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  numberFormat: unknown[][];
  fonts: { name?: string; bold?: boolean }[][];
  mergedAddress: string;
}

/** Pure: what Excel returned → Grid (exported for tests). Empty strings become null; styles are interned. */
export function toGrid(raw: RawRead): Grid {
  const origin = { row: raw.rowIndex + 1, col: raw.columnIndex + 1 };
  const interned = new Map<string, CellStyle>();
  const rows: CellValue[][] = [];
  const styles: (CellStyle | undefined)[][] = [];
  for (let r = 0; r < raw.values.length; r++) {
    const src = raw.values[r];
    const row: CellValue[] = new Array(src.length);
    const srow: (CellStyle | undefined)[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) {
      row[c] = toCellValue(src[c]);
      srow[c] = styleOf(interned, raw.numberFormat[r]?.[c], raw.fonts[r]?.[c]);
    }
    rows.push(row);
    styles.push(srow);
  }
  const merges = parseAreas(raw.mergedAddress)
    .map((m) => ({ top: m.top - origin.row, left: m.left - origin.col, bottom: m.bottom - origin.row, right: m.right - origin.col }))
    .filter((m) => m.bottom >= 0 && m.right >= 0);
  return { name: raw.name, rows, merges, styles, origin };
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function styleOf(interned: Map<string, CellStyle>, numFmt: unknown, font: { name?: string; bold?: boolean } | undefined): CellStyle | undefined {
  const fmt = typeof numFmt === 'string' && numFmt !== 'General' ? numFmt : undefined;
  const name = font?.name || undefined;
  const bold = font?.bold ? true : undefined;
  if (!fmt && !name && !bold) return undefined;
  const key = `${fmt ?? ''}\u0000${name ?? ''}\u0000${bold ? 1 : 0}`;
  let s = interned.get(key);
  if (!s) {
    s = {};
    if (fmt) s.numFmt = fmt;
    if (name) s.font = name;
    if (bold) s.bold = true;
    interned.set(key, s);
  }
  return s;
}

/** 1-based sheet rectangles of an A1 areas address ("Sheet1!A1:C1, Sheet1!A5:G5" or "A1:C1,A5"). */
export function parseAreas(address: string): MergeRange[] {
  if (!address) return [];
  const parts = address.includes('!') ? address.split('!').slice(1).map((p) => p.split(',')[0]) : address.split(',');
  const out: MergeRange[] = [];
  for (const part of parts) {
    const m = /^\s*\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/.exec(part);
    if (!m) continue;
    const left = columnNumber(m[1]);
    const top = Number(m[2]);
    const right = m[3] ? columnNumber(m[3]) : left;
    const bottom = m[4] ? Number(m[4]) : top;
    out.push({ top, left, bottom, right });
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ---------------------------------------------------------------- write helpers (pure)

/** Value as sent to Excel: null → "" (clears the cell), Date → serial day number. */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  return v;
}

/** True for text Excel would turn into a formula when written as a value. */
export function looksLikeFormula(v: unknown): boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v);
}

/**
 * Number formats for a block: the column's format, forced to "@" (text) on every string cell
 * that starts with = + - @, so hostile or odd cell text is written as text, never as a formula.
 */
export function guardedFormats(values: CellValue[][], formats: (string | undefined)[] = []): string[][] {
  return values.map((row) =>
    row.map((v, c) => (looksLikeFormula(v) ? '@' : v instanceof Date && !formats[c] ? 'dd/mm/yyyy' : (formats[c] ?? 'General'))),
  );
}

/** Rough JSON size of a row of values (what the request carries). */
function rowBytes(row: CellValue[]): number {
  let n = 2;
  for (const v of row) n += (typeof v === 'string' ? v.length * 3 : 12) + 12; // value + format; Vietnamese letters are up to 3 bytes in UTF-8
  return n;
}

/** Splits rows into [start, end) chunks whose estimated payload stays under `budget` bytes. */
export function chunkRows(values: CellValue[][], budget = PAYLOAD_BUDGET): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < values.length; r++) {
    const b = rowBytes(values[r]);
    if (r > start && size + b > budget) {
      chunks.push([start, r]);
      start = r;
      size = 0;
    }
    size += b;
  }
  if (values.length > start) chunks.push([start, values.length]);
  return chunks;
}

/** Queues writes and syncs only when the queued payload would pass the budget: one sync per chunk, not per row. */
class Batch {
  private queued = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    this.queued += bytes;
  }
  async flush(): Promise<void> {
    this.queued = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Widest row of a block (a loop: spreading 100,000 rows into Math.max would overflow the stack). */
function blockWidth(block: CellBlock): number {
  let w = 0;
  for (const r of block.values) if (r.length > w) w = r.length;
  return w;
}

async function queueBlock(sheet: Excel.Worksheet, block: CellBlock, batch: Batch, budget: number): Promise<void> {
  const width = blockWidth(block);
  if (!width) return;
  const values = block.values.map((r) => (r.length === width ? r : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
  for (const [start, end] of chunkRows(values, budget)) {
    const part = values.slice(start, end);
    const bytes = part.reduce((n, r) => n + rowBytes(r), 0);
    await batch.add(bytes);
    const range = sheet.getRangeByIndexes(block.row - 1 + start, block.col - 1, end - start, width);
    range.numberFormat = guardedFormats(part, block.formats); // before values: "@" cells take text literally
    range.values = part.map((r) => r.map(toExcelValue));
    if (block.bold) range.format.font.bold = true;
    if (block.fill) range.format.fill.color = block.fill;
  }
}

// ---------------------------------------------------------------- writes (one Excel.run each)

/** Writes blocks of values into an existing sheet. Returns the number of syncs used. */
export async function writeBlocks(sheetName: string, blocks: CellBlock[], opts: WriteOptions = {}): Promise<number> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const batch = new Batch(context, budget);
    for (const block of blocks) await queueBlock(sheet, block, batch, budget);
    await batch.flush();
    return batch.syncs;
  });
}

/**
 * Replaces sheet `sheetName` (deleted if it exists, so re-running never stacks copies) with the blocks,
 * a header row frozen at `freezeRows`, and activates it. Returns the number of syncs used.
 */
export async function writeNewSheet(sheetName: string, blocks: CellBlock[], opts: WriteOptions & { freezeRows?: number } = {}): Promise<number> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  return Excel.run(async (context) => {
    const sheet = await freshSheet(context, sheetName);
    const batch = new Batch(context, budget);
    for (const block of blocks) await queueBlock(sheet, block, batch, budget);
    if (opts.freezeRows) sheet.freezePanes.freezeRows(opts.freezeRows);
    const width = blocks.reduce((w, b) => Math.max(w, b.col - 1 + blockWidth(b)), 1);
    sheet.getRangeByIndexes(0, 0, 1, width).format.autofitColumns(); // fit the header row, not long task texts
    sheet.activate();
    await batch.flush();
    return batch.syncs + 1;
  });
}

async function freshSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (!existing.isNullObject) existing.delete();
  return context.workbook.worksheets.add(name);
}

/** Colours rows of `address` by rules (first match wins); clears the range's previous conditional formats first. */
export async function setRowHighlights(sheetName: string, address: string, rules: RowRule[]): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    range.conditionalFormats.clearAll();
    for (const rule of rules) {
      const cf = range.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      if (rule.font) cf.custom.format.font.color = rule.font;
      cf.stopIfTrue = true;
    }
    await context.sync();
  });
}

/** A dropdown of `values` on `address` (other text is still accepted, with a warning). */
export async function setListValidation(sheetName: string, address: string, values: string[], message: { title: string; text: string }): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: values.join(',') } };
    range.dataValidation.errorAlert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle, title: message.title, message: message.text };
    await context.sync();
  });
}

function supports(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function applyLook(range: Excel.Range, l: LookRange): void {
  const f = range.format;
  if (l.bold) f.font.bold = true;
  if (l.italic) f.font.italic = true;
  if (l.size) f.font.size = l.size;
  if (l.color) f.font.color = l.color;
  if (l.fill) f.fill.color = l.fill;
  if (l.align) f.horizontalAlignment = ALIGN[l.align] as Excel.HorizontalAlignment;
  if (l.valign) f.verticalAlignment = VALIGN[l.valign] as Excel.VerticalAlignment;
  if (l.wrap) f.wrapText = true;
  if (l.border) for (const e of EDGES) f.borders.getItem(e as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
}

/**
 * Creates (or replaces) the summary appendix: values, merges, Times New Roman and the appendix looks, column
 * widths, frozen header, A4 print setup (ExcelApi 1.9, skipped on older Excel) and a native stacked chart
 * (category names need ExcelApi 1.7; older Excel plots without them). One Excel.run.
 */
export async function writeSummarySheet(s: SummarySheet, opts: WriteOptions = {}): Promise<void> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  await Excel.run(async (context) => {
    const sheet = await freshSheet(context, s.name);
    const batch = new Batch(context, budget);
    for (const block of s.blocks) await queueBlock(sheet, block, batch, budget);
    const base = sheet.getRange(s.font.address).format.font;
    base.name = s.font.name;
    base.size = s.font.size;
    for (const m of s.merges) sheet.getRange(m).merge(false);
    for (const l of s.looks) applyLook(sheet.getRange(l.address), l);
    // Excel's column width is in points; a character of 12 pt Times New Roman is about 5.6 points wide.
    s.widths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 5.6 + 4)));
    if (s.freezeRows) sheet.freezePanes.freezeRows(s.freezeRows);
    if (s.print && supports('1.9')) {
      sheet.pageLayout.orientation = (s.print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
      sheet.pageLayout.paperSize = 'A4' as Excel.PaperType;
      if (s.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (s.print.titleRows) sheet.pageLayout.setPrintTitleRows(s.print.titleRows);
    }
    if (s.chart) {
      const chart = sheet.charts.add(s.chart.type as Excel.ChartType, sheet.getRange(s.chart.values), 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = s.chart.title;
      if (supports('1.7')) chart.axes.categoryAxis.setCategoryNames(sheet.getRange(s.chart.categories));
      s.chart.series.forEach((x, i) => {
        const series = chart.series.getItemAt(i);
        series.name = x.name;
        if (x.color) series.format.fill.setSolidColor(x.color);
      });
      chart.setPosition(s.chart.anchor);
      chart.height = s.chart.height;
      chart.width = s.chart.width;
    }
    sheet.activate();
    await batch.flush();
  });
}

/** Activates `sheetName` and selects `address` (clicking an issue in the pane). */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}

/** Waits for Office to be ready; resolves false when not hosted in Excel. */
export async function officeReady(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}
