/**
 * The only file that touches Office.js. Reads the open sheet into a core Grid in one
 * Excel.run with one sync, and writes plain data back: each write is one Excel.run whose
 * payload is split into chunks that stay under the 5 MB request limit of Excel on the web
 * (one sync per chunk, so a 5,000-row column is one sync; never a sync per row or cell).
 * Everything else in the add-in sees Grids, strings and numbers, never Excel objects.
 */
import { dateToExcelSerial } from '../core/deadline/serial';
import type { CellStyle, CellValue, Grid, MergeRange } from '../core/grid';

export type ReadScope = 'sheet' | 'selection';

/** A sheet as read, with what could not be read said in Vietnamese (e.g. merged areas skipped). */
export type SheetGrid = Grid & { notes?: string[] };

/** Excel refuses getMergedAreas on a range with more than this many merged areas. */
export const MERGE_AREA_LIMIT = 512;

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
export async function readActiveSheet(scope: ReadScope = 'sheet', opts: { chunkRows?: number; sheet?: string } = {}): Promise<SheetGrid> {
  try {
    return await readOnce(scope, opts.sheet);
  } catch (e) {
    if (isPayloadError(e)) return readChunked(scope, opts.chunkRows ?? READ_CHUNK_ROWS, opts.sheet);
    if (!mergesSupported() || !MERGE_FAILURES.has(errorCode(e))) throw e;
    // More than 512 merged areas (or another merge failure): read without them, then the merges in row bands.
    const grid = await readOnce(scope, opts.sheet, false).catch((e2: unknown) => {
      if (isPayloadError(e2)) return readChunked(scope, opts.chunkRows ?? READ_CHUNK_ROWS, opts.sheet, false);
      throw e2;
    });
    return withBandedMerges(grid, opts.sheet);
  }
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** What Excel answers when getMergedAreas cannot be served (more than 512 areas): the read is retried without merges. */
const MERGE_FAILURES = new Set(['GeneralException', 'InvalidOperation', 'InvalidArgument', '']);

/** getMergedAreasOrNullObject needs ExcelApi 1.13; older Excel reads without merges rather than failing. */
function mergesSupported(): boolean {
  return supports('1.13');
}

/** getCellProperties (fonts: bold headers, legacy .VnTime fonts) needs ExcelApi 1.9; older Excel reads values only. */
function fontsSupported(): boolean {
  return supports('1.9');
}

/** Rows per band when merges are read in parts (a band with more than 512 merged areas is split again). */
const MERGE_BAND_ROWS = 256;

/** The merges of a grid read in row bands, each band one sync; a band Excel still refuses is halved, and a single row it refuses is skipped with a note. */
async function withBandedMerges(grid: SheetGrid, sheetName?: string): Promise<SheetGrid> {
  const origin = grid.origin ?? { row: 1, col: 1 };
  const height = grid.rows.length;
  const width = grid.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  if (!height || !width) return grid;
  const merges: MergeRange[] = [];
  const skipped: number[] = [];
  await Excel.run(async (context) => {
    const sheet = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
    const bands: [number, number][] = [];
    for (let r = 0; r < height; r += MERGE_BAND_ROWS) bands.push([r, Math.min(height, r + MERGE_BAND_ROWS)]);
    while (bands.length) {
      const [top, bottom] = bands.shift()!;
      const part = sheet.getRangeByIndexes(origin.row - 1 + top, origin.col - 1, bottom - top, width);
      const areas = part.getMergedAreasOrNullObject();
      areas.load('address');
      try {
        await context.sync();
      } catch {
        if (bottom - top > 1) {
          const mid = top + Math.floor((bottom - top) / 2);
          bands.unshift([top, mid], [mid, bottom]);
        } else skipped.push(origin.row + top);
        continue;
      }
      if (areas.isNullObject) continue;
      for (const m of parseAreas(areas.address)) {
        // a merge crossing a band edge is reported by both bands: keep it once
        if (!merges.some((x) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right)) merges.push(m);
      }
    }
  });
  const local = merges.map((m) => ({ top: m.top - origin.row, left: m.left - origin.col, bottom: m.bottom - origin.row, right: m.right - origin.col }));
  const notes = [...(grid.notes ?? [])];
  notes.push(skipped.length
    ? `Trang tính có hơn ${MERGE_AREA_LIMIT} vùng ô gộp: đã đọc vùng gộp theo từng phần, bỏ qua ${skipped.length} dòng Excel không trả được (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}).`
    : `Trang tính có hơn ${MERGE_AREA_LIMIT} vùng ô gộp: đã đọc vùng gộp theo từng phần.`);
  return { ...grid, merges: local, notes };
}

const FONT_PROPS = { format: { font: { name: true, bold: true } } };

function fontsOf(props: OfficeExtension.ClientResult<Excel.CellProperties[][]>): RawRead['fonts'] {
  return props.value.map((row) => row.map((p) => ({ name: p.format?.font?.name, bold: p.format?.font?.bold })));
}

/**
 * The range to read: the used range, or the selection narrowed to the used range. A whole-column selection
 * ("A:G") is unbounded, and Office.js returns null values for it; intersecting first gives real cells.
 * Null when the selection holds nothing.
 */
async function targetRange(context: Excel.RequestContext, sheet: Excel.Worksheet, scope: ReadScope): Promise<Excel.Range | null> {
  const used = sheet.getUsedRange(true);
  if (scope !== 'selection') return used;
  const narrowed = context.workbook.getSelectedRange().getIntersectionOrNullObject(used);
  await context.sync();
  return narrowed.isNullObject ? null : narrowed;
}

function sheetOf(context: Excel.RequestContext, name?: string): Excel.Worksheet {
  return name ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getActiveWorksheet();
}

async function readOnce(scope: ReadScope, sheetName?: string, withMerges = true): Promise<SheetGrid> {
  return Excel.run(async (context) => {
    const sheet = sheetOf(context, sheetName);
    sheet.load('name');
    const range = await targetRange(context, sheet, scope);
    if (!range) {
      await context.sync();
      return { name: sheet.name, rows: [], merges: [] };
    }
    range.load('address,values,numberFormat,rowIndex,columnIndex,rowCount,columnCount');
    const merged = withMerges && mergesSupported() ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    const props = fontsSupported() ? range.getCellProperties(FONT_PROPS) : null;
    await context.sync();
    return toGrid({
      name: sheet.name,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      values: (range.values as unknown[][] | null) ?? [],
      numberFormat: (range.numberFormat as unknown[][] | null) ?? [],
      fonts: props ? fontsOf(props) : [],
      mergedAddress: !merged || merged.isNullObject ? '' : merged.address,
    });
  });
}

/** The fallback: the range's shape and merges first, then values, formats and fonts `rows` rows per sync. */
async function readChunked(scope: ReadScope, rows: number, sheetName?: string, withMerges = true): Promise<SheetGrid> {
  return Excel.run(async (context) => {
    const sheet = sheetOf(context, sheetName);
    sheet.load('name');
    const range = await targetRange(context, sheet, scope);
    if (!range) {
      await context.sync();
      return { name: sheet.name, rows: [], merges: [] };
    }
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = withMerges && mergesSupported() ? range.getMergedAreasOrNullObject() : null;
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
      const props = fontsSupported() ? part.getCellProperties(FONT_PROPS) : null;
      await context.sync(); // one sync per chunk of rows, each response under the limit
      raw.values.push(...((part.values as unknown[][] | null) ?? []));
      raw.numberFormat.push(...((part.numberFormat as unknown[][] | null) ?? []));
      if (props) raw.fonts.push(...fontsOf(props));
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
    const src = raw.values[r] ?? [];
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
  if (v instanceof Date) return dateToExcelSerial(v);
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
 * Writes the blocks into tiendo's sheet `sheetName` (created, or emptied in place if it exists, so re-running never
 * stacks copies and, unlike deleting it, keeps Excel's undo stack), a header row frozen at `freezeRows`, and activates
 * it; `rules` colour its rows. Returns the number of syncs used.
 */
export async function writeNewSheet(
  sheetName: string,
  blocks: CellBlock[],
  opts: WriteOptions & { freezeRows?: number; highlight?: { address: string; rules: RowRule[] } } = {},
): Promise<number> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  return Excel.run(async (context) => {
    const sheet = await reusedSheet(context, sheetName);
    const batch = new Batch(context, budget);
    for (const block of blocks) await queueBlock(sheet, block, batch, budget);
    if (opts.freezeRows) sheet.freezePanes.freezeRows(opts.freezeRows);
    const width = blocks.reduce((w, b) => Math.max(w, b.col - 1 + blockWidth(b)), 1);
    sheet.getRangeByIndexes(0, 0, 1, width).format.autofitColumns(); // fit the header row, not long task texts
    if (opts.highlight) queueRules(sheet.getRange(opts.highlight.address), opts.highlight.rules);
    sheet.activate();
    await batch.flush();
    return batch.syncs + 1;
  });
}

/** tiendo's sheet `name`: emptied in place when it exists (contents, formats, tiendo's rules), else added. */
async function reusedSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (existing.isNullObject) return context.workbook.worksheets.add(name);
  existing.protection.load('protected');
  await context.sync();
  if (existing.protection.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
  const used = existing.getUsedRange(true);
  const own = await findOwnRules(context, used);
  for (const cf of own) cf.delete();
  used.clear();
  return existing;
}

async function freshSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (!existing.isNullObject) existing.delete();
  return context.workbook.worksheets.add(name);
}

/**
 * Marks a conditional-format formula as tiendo's: N("tiendo") is 0, so `AND(<rule>, N("tiendo")=0)` means the rule.
 * Only formats carrying it are ever removed: the user's own rules on the same cells stay.
 */
export const OWN_RULE_MARK = 'N("tiendo")=0';

/** The rule's formula as written to Excel: the condition AND the mark. */
export function markedFormula(formula: string): string {
  const body = formula.replace(/^=/, '');
  return `=AND(${body},${OWN_RULE_MARK})`;
}

/** tiendo's own conditional formats on `range` (reads only: the items, then the custom formulas). */
async function findOwnRules(context: Excel.RequestContext, range: Excel.Range): Promise<Excel.ConditionalFormat[]> {
  const cfs = range.conditionalFormats;
  cfs.load('items/id,items/type');
  await context.sync();
  const custom = cfs.items.filter((cf) => String(cf.type) === 'Custom');
  const rules = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load('formula');
    return rule;
  });
  if (rules.length) await context.sync();
  return custom.filter((_, i) => rules[i].formula.replace(/\s+/g, '').includes(OWN_RULE_MARK));
}

/** Deletes tiendo's own conditional formats on `range` (queued: they go at the next sync). */
async function removeOwnRules(context: Excel.RequestContext, range: Excel.Range): Promise<number> {
  const own = await findOwnRules(context, range);
  for (const cf of own) cf.delete();
  return own.length;
}

/** Queues the rules so that rules[0] ends at the top priority (Excel's add() puts each new format first). */
function queueRules(range: Excel.Range, rules: RowRule[]): void {
  for (const rule of [...rules].reverse()) {
    const cf = range.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = markedFormula(rule.formula);
    cf.custom.format.fill.color = rule.fill;
    if (rule.font) cf.custom.format.font.color = rule.font;
    cf.stopIfTrue = true;
  }
}

/** Colours rows of `address` by rules (first match wins); tiendo's earlier rules there are replaced, the user's kept. */
export async function setRowHighlights(sheetName: string, address: string, rules: RowRule[]): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    await removeOwnRules(context, range);
    queueRules(range, rules);
    await context.sync();
  });
}

export interface ListRule {
  values: string[];
  title: string;
  text: string;
}

/** Queues a dropdown on `range` unless it already has a validation rule (the template's Stop-style list is kept). */
async function queueListValidation(context: Excel.RequestContext, range: Excel.Range, list: ListRule): Promise<'added' | 'kept'> {
  range.dataValidation.load('type');
  await context.sync();
  if (String(range.dataValidation.type) !== 'None') return 'kept';
  addList(range, list);
  return 'added';
}

function addList(range: Excel.Range, list: ListRule): void {
  range.dataValidation.rule = { list: { inCellDropDown: true, source: list.values.join(',') } };
  range.dataValidation.errorAlert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle, title: list.title, message: list.text };
}

/** A dropdown of `values` on `address` (other text is still accepted, with a warning); an existing rule there is kept. */
export async function setListValidation(sheetName: string, address: string, values: string[], message: { title: string; text: string }): Promise<'added' | 'kept'> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    const r = await queueListValidation(context, range, { values, ...message });
    await context.sync();
    return r;
  });
}

/** What the pane must know about a sheet before writing to it. */
export interface SheetInfo {
  exists: boolean;
  protected: boolean;
}

export async function sheetInfo(sheetName: string): Promise<SheetInfo> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return { exists: false, protected: false };
    sheet.protection.load('protected');
    await context.sync();
    return { exists: true, protected: sheet.protection.protected };
  });
}

/** The name of the active sheet. */
export async function activeSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
}

export interface ClassifyWrite {
  sheet: string;
  blocks: CellBlock[];
  highlight: { address: string; rules: RowRule[] } | null;
  validation: { sheet: string; address: string; list: ListRule } | null;
}

/**
 * "Phân loại" beside the table as one Excel.run: reads first (protection, tiendo's old rules, an existing
 * validation), then every write in one sync when under the payload budget, so Ctrl+Z undoes the click in one
 * step where Excel groups a sync's changes. Throws AccessDenied before writing anything on a protected sheet.
 */
export async function applyClassify(w: ClassifyWrite, opts: WriteOptions = {}): Promise<{ syncs: number; validation: 'added' | 'kept' | 'none' }> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  return Excel.run(async (context) => {
    // Reads first (nothing changes yet)…
    const sheet = context.workbook.worksheets.getItem(w.sheet);
    sheet.protection.load('protected');
    const dvRange = w.validation ? context.workbook.worksheets.getItem(w.validation.sheet).getRange(w.validation.address) : null;
    dvRange?.dataValidation.load('type');
    await context.sync();
    if (sheet.protection.protected) throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
    const range = w.highlight ? sheet.getRange(w.highlight.address) : null;
    const old = range ? await findOwnRules(context, range) : [];
    // …then every write, flushed together.
    for (const cf of old) cf.delete();
    let validation: 'added' | 'kept' | 'none' = 'none';
    if (dvRange && w.validation) {
      validation = String(dvRange.dataValidation.type) === 'None' ? 'added' : 'kept';
      if (validation === 'added') addList(dvRange, w.validation.list);
    }
    const batch = new Batch(context, budget);
    for (const block of w.blocks) await queueBlock(sheet, block, batch, budget);
    if (range && w.highlight) queueRules(range, w.highlight.rules);
    await batch.flush();
    return { syncs: batch.syncs, validation };
  });
}

/** Whether the host has an API set (always true outside Office, e.g. in unit tests with a mock). */
export function supports(version: string): boolean {
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

/** False when office.js did not load (a closed network blocking the CDN, or the page opened outside Office). */
export function officeLoaded(): boolean {
  return typeof Office !== 'undefined';
}

/** The Office theme's colours when the host gives them (desktop Excel), else null. */
export function officeTheme(): { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string } | null {
  if (typeof Office === 'undefined') return null;
  const theme = (Office.context as { officeTheme?: Office.OfficeTheme } | undefined)?.officeTheme;
  return theme?.bodyBackgroundColor ? theme : null;
}
