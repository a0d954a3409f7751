/**
 * The rows of one sheet (title block, header, data, blank input rows, footer) as
 * <sheetData> text chunks, with the merges they need. Merged cells keep the look of
 * their first cell, as Excel and ExcelJS show them (test/xlsx/golden/ pins the result).
 */
import { columnLetter } from '../../core/grid';
import { cellValueOf, ROW_MARK, rowParts, type CellInput, type ByteSource, type CellLook, type ColumnSpec, type RenderedCells, type RowKind, type SheetLayout, type SheetSpec, type TitleLine } from '../../report/layout/spec';
import { DATE_FORMAT, LOOK, SIZE } from '../../report/layout/style';
import { cellXml, inlineCellXml, rowXml, type Plain } from './cells';
import type { SharedStrings } from './strings';
import { RecipeBuilder, type Recipe } from '../zip/recipe';
import type { StyleTable } from './styles';

export interface BodyContext {
  styles: StyleTable;
  strings: SharedStrings;
  /** Merged ranges, filled while the rows are generated. */
  merges: string[];
}

/** Data rows joined per chunk: small chunks die young (a few MB of row strings would be promoted and cost major GCs). */
const ROWS_PER_CHUNK = 32;

export function lastVisibleColumn(columns: ColumnSpec[]): number {
  for (let i = columns.length - 1; i >= 0; i--) if (!columns[i].hidden) return i + 1;
  return Math.max(columns.length, 1);
}

function columnLook(c: ColumnSpec): CellLook {
  return { ...LOOK.body, wrap: c.wrap ?? true, ...(c.align ? { align: c.align } : {}), ...(c.numFmt ? { numFmt: c.numFmt } : {}) };
}

function kindLook(kind: RowKind): CellLook | undefined {
  return kind === 'section' ? LOOK.section : kind === 'total' ? LOOK.total : undefined;
}

function range(r1: number, c1: number, r2: number, c2: number): string {
  return `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;
}

/** <sheetData> content in chunks; `ctx.merges` is complete once the generator is done. */
export function* bodyChunks(sheet: SheetSpec, layout: SheetLayout, ctx: BodyContext): Generator<string | Uint8Array | Recipe> {
  const visibleWidth = lastVisibleColumn(sheet.columns);
  const letters = sheet.columns.map((_, i) => columnLetter(i + 1));
  const chars = sheet.columns.slice(0, visibleWidth).reduce((n, c) => n + c.width, 0);
  const head: string[] = [];
  (sheet.titleBlock ?? []).forEach((line, i) => head.push(lineRow(i + 1, line, visibleWidth, chars, ctx)));
  head.push(...headerRows(sheet, layout, ctx));
  yield head.join('');
  const bases = sheet.columns.map(columnLook);
  const plain = plainStyles(sheet.columns, bases, ctx.styles);
  const dates = dateStyles(sheet.columns, bases, ctx.styles);
  const inline = sheet.inlineStrings ? { plain: plain.data, dates: dates.data } : null;
  const extra = spansByRow(sheet.merges ?? []);
  let r = layout.firstDataRow;
  let part: string[] = [];
  const flush = (): string => {
    const s = part.join('');
    part = [];
    return s;
  };
  const bytes = new ByteRows();
  for (const spec of sheet.rows) {
    const { cells, kind, height, rendered } = rowParts(spec);
    const src = inline && kind === 'data' && !extra.has(r) ? rendered?.cellsSource?.() : undefined;
    if (inline && src) {
      // Rows rendered ahead stay bytes in the spool until the deflate workers read them (no decoding, no re-encoding).
      if (part.length) yield flush();
      bytes.row(r, inlineCells(cells, 0, letters, inline, String(r), cells.length), src, height);
      r++;
      if (bytes.full()) yield bytes.take();
      continue;
    }
    if (bytes.size()) yield bytes.take();
    part.push(inline && kind === 'data' && !extra.has(r)
      ? inlineRow(r, cells, rendered, letters, inline, height)
      : dataRow(r, cells, kind, height, sheet.columns, letters, bases, plain, dates, visibleWidth, ctx, extra.get(r)));
    r++;
    if (part.length >= ROWS_PER_CHUNK) yield flush();
  }
  if (bytes.size()) yield bytes.take();
  for (let i = 0; i < (sheet.blankRows ?? 0); i++) {
    part.push(dataRow(r, [], 'data', undefined, sheet.columns, letters, bases, plain, dates, visibleWidth, ctx, extra.get(r)));
    r++;
    if (part.length >= ROWS_PER_CHUNK) yield flush();
  }
  if (sheet.footer?.length) {
    r++;
    for (const line of sheet.footer) part.push(lineRow(r++, { align: 'left', ...line }, visibleWidth, chars, ctx));
  }
  yield flush();
  ctx.merges.push(...(sheet.merges ?? []));
}

/** Last sheet row the body writes. */
export function lastBodyRow(sheet: SheetSpec, layout: SheetLayout): number {
  const data = layout.firstDataRow + sheet.rows.length + (sheet.blankRows ?? 0) - 1;
  return sheet.footer?.length ? data + 1 + sheet.footer.length : data;
}

function lineRow(r: number, line: TitleLine, width: number, chars: number, ctx: BodyContext): string {
  const size = line.size ?? SIZE.subtitle;
  const s = ctx.styles.xf({ bold: line.bold, italic: line.italic, size, align: line.align ?? 'center', valign: 'middle', wrap: true });
  let cells = cellXml('A' + r, s, line.text, ctx.strings);
  for (let c = 2; c <= width; c++) cells += cellXml(columnLetter(c) + r, s, null, ctx.strings);
  if (width > 1) ctx.merges.push(range(r, 1, r, width));
  // Merged cells do not grow by themselves: give long lines the height they need.
  const lines = Math.ceil((line.text.length * size) / 11 / Math.max(chars, 20));
  return rowXml(r, cells, lines > 1 ? Math.ceil(size * 1.45) * lines : undefined);
}

function headerRows(sheet: SheetSpec, layout: SheetLayout, ctx: BodyContext): string[] {
  const s = ctx.styles.xf(LOOK.header);
  const n = sheet.columns.length;
  const top: Plain[] = new Array<Plain>(n).fill(null);
  const bottom: Plain[] = new Array<Plain>(n).fill(null);
  const twoRows = layout.headerBottom > layout.headerTop;
  const keyIndex = new Map(sheet.columns.map((c, i) => [c.key ?? `#${i}`, i + 1]));
  const grouped = new Set<number>();
  for (const g of sheet.headerGroups ?? []) {
    const from = keyIndex.get(g.from);
    const to = keyIndex.get(g.to);
    if (!from || !to) continue;
    for (let c = from; c <= to; c++) grouped.add(c);
    top[from - 1] = g.title;
    if (to > from) ctx.merges.push(range(layout.headerTop, from, layout.headerTop, to));
  }
  sheet.columns.forEach((col, i) => {
    const c = i + 1;
    (grouped.has(c) ? bottom : top)[i] = col.header;
    if (!grouped.has(c) && twoRows) ctx.merges.push(range(layout.headerTop, c, layout.headerBottom, c));
  });
  const longest = Math.max(...sheet.columns.map((c) => Math.ceil(c.header.length / Math.max(c.width - 2, 4))), 1);
  const height = Math.min(15 * longest + 6, 80);
  const cellsOf = (r: number, values: Plain[]): string => values.map((v, i) => cellXml(columnLetter(i + 1) + r, s, v, ctx.strings)).join('');
  const rows = twoRows
    ? [rowXml(layout.headerTop, cellsOf(layout.headerTop, top)), rowXml(layout.headerBottom, cellsOf(layout.headerBottom, bottom), height)]
    : [rowXml(layout.headerTop, cellsOf(layout.headerTop, top), height)];
  if (sheet.columnNumbers) {
    const r = layout.headerBottom + 1;
    const ns = ctx.styles.xf(LOOK.columnNumber);
    rows.push(rowXml(r, sheet.columns.map((col, i) => cellXml(columnLetter(i + 1) + r, ns, col.hidden ? null : `(${i + 1})`, ctx.strings)).join('')));
  }
  return rows;
}

type PlainStyles = Record<RowKind, number[]>;

/** Style indices of a data row's cells: `plain` for values, `dates` for Date values, per column. */
export interface DataStyles {
  plain: number[];
  dates: number[];
}

/**
 * Registers the data-cell looks of each column set first, in order, and returns their indices: the same indices
 * whichever table does it, so cells rendered ahead (RenderedCells) match the workbook's styles.
 */
export function presetStyles(styles: StyleTable, columnSets: ColumnSpec[][]): DataStyles[] {
  return columnSets.map((columns) => {
    const bases = columns.map(columnLook);
    return { plain: plainStyles(columns, bases, styles).data, dates: dateStyles(columns, bases, styles).data };
  });
}

/**
 * A data row's cells from column `from` on, texts as inline strings (sheets with `inlineStrings`): the one
 * rendering of such cells, used by the writer and by whoever renders rows ahead (`row` is then ROW_MARK).
 */
export function inlineCells(cells: readonly CellInput[], from: number, letters: readonly string[], styles: DataStyles, row: string, to = letters.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const input = cells[i] ?? null;
    if (input !== null && typeof input === 'object' && !(input instanceof Date)) throw new Error('tiendo: an inline-string row cell cannot carry its own look');
    out += inlineCellXml(letters[i] + row, input instanceof Date ? styles.dates[i] : styles.plain[i], input);
  }
  return out;
}

function plainStyles(columns: ColumnSpec[], bases: CellLook[], styles: StyleTable): PlainStyles {
  const of = (kind: RowKind): number[] => columns.map((c, i) => {
    const k = kindLook(kind);
    return styles.xf(k ? { ...bases[i], ...k } : bases[i], !!c.unlocked && kind === 'data');
  });
  return { data: of('data'), section: of('section'), total: of('total') };
}

/** Per row kind and column, the style of a bare Date cell (the look of ownStyle, computed once). */
function dateStyles(columns: ColumnSpec[], bases: CellLook[], styles: StyleTable): PlainStyles {
  const of = (kind: RowKind): number[] => columns.map((c, i) => {
    const k = kindLook(kind);
    let look: CellLook = k ? { ...bases[i], ...k } : bases[i];
    if (!look.numFmt) look = { ...look, numFmt: DATE_FORMAT, align: look.align ?? 'center' };
    return styles.xf(look, !!c.unlocked && kind === 'data');
  });
  return { data: of('data'), section: of('section'), total: of('total') };
}

/** Column spans (1-based, inclusive) of the extra merges, by their top row: their cells take the first cell's look, as in ExcelJS. */
function spansByRow(ranges: string[]): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (const m of ranges) {
    const x = /^([A-Z]+)(\d+)(?::([A-Z]+)\d+)?$/i.exec(m);
    if (!x) continue;
    const row = Number(x[2]);
    const list = out.get(row) ?? [];
    list.push([columnNumber(x[1]), columnNumber(x[3] ?? x[1])]);
    out.set(row, list);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function dataRow(
  r: number, cells: CellInput[], kind: RowKind, height: number | undefined, columns: ColumnSpec[], letters: string[],
  bases: CellLook[], plain: PlainStyles, dates: PlainStyles, visibleWidth: number, ctx: BodyContext, extra: [number, number][] | undefined,
): string {
  const n = columns.length;
  const rs = String(r);
  if (kind === 'data' && !extra) {
    // Fast path: no merge in this row, so each cell is written as it comes.
    let out = '';
    for (let i = 0; i < n; i++) {
      const input = cells[i] ?? null;
      const s = typeof input !== 'object' || input === null ? plain.data[i] : input instanceof Date ? dates.data[i] : ownStyle(input, i, kind, columns, bases, ctx);
      out += cellXml(letters[i] + rs, s, cellValueOf(input), ctx.strings, i);
    }
    return rowXml(r, out, height);
  }
  const styles = new Array<number>(n);
  const values = new Array<Plain>(n);
  for (let i = 0; i < n; i++) {
    const input = cells[i] ?? null;
    values[i] = cellValueOf(input);
    styles[i] = typeof input !== 'object' || input === null ? plain[kind][i] : input instanceof Date ? dates[kind][i] : ownStyle(input, i, kind, columns, bases, ctx);
  }
  const spans: [number, number][] = extra ? [...extra] : [];
  if (kind === 'section') {
    // "A | Nhiệm vụ chung": keep the label in its cell and merge the title across the rest.
    const from = cellValueOf(cells[0] ?? null) !== null && cellValueOf(cells[1] ?? null) !== null ? 2 : 1;
    if (visibleWidth > from) {
      ctx.merges.push(range(r, from, r, visibleWidth));
      spans.push([from, visibleWidth]);
    }
  }
  // Merged cells show the first cell: the others are written empty with its look.
  for (const [from, to] of spans) {
    for (let c = from + 1; c <= Math.min(to, n); c++) {
      styles[c - 1] = styles[from - 1];
      values[c - 1] = null;
    }
  }
  let out = '';
  for (let i = 0; i < n; i++) out += cellXml(letters[i] + rs, styles[i], values[i], ctx.strings, i);
  return rowXml(r, out, height);
}

/**
 * Rows rendered ahead, described rather than built (xlsx/zip/recipe.ts): `<row>` and the leading cells as literals, the
 * rendered cells as their file range (read and given the row number where the segment is deflated), then `</row>`:
 * the same bytes rowXml(r, inlineCells(…) + cellsXml().replaceAll(ROW_MARK, r)) encodes to.
 */
class ByteRows {
  private readonly recipe = new RecipeBuilder();

  size(): number {
    return this.recipe.size();
  }

  full(): boolean {
    return this.recipe.size() >= (1 << 20);
  }

  take(): Recipe {
    return this.recipe.take();
  }

  row(r: number, lead: string, src: ByteSource, height: number | undefined): void {
    const open = rowXml(r, '', height);
    this.recipe.literal(open.slice(0, -'</row>'.length) + lead);
    this.recipe.piece(src.path, src.offset, src.length, r);
    this.recipe.literal('</row>');
  }
}

/** A data row of an `inlineStrings` sheet: its `cells`, then the `rendered` rest (row number put in), if any. */
function inlineRow(r: number, cells: CellInput[], rendered: RenderedCells | undefined, letters: string[], styles: DataStyles, height: number | undefined): string {
  const rs = String(r);
  if (!rendered) return rowXml(r, inlineCells(cells, 0, letters, styles, rs), height);
  return rowXml(r, inlineCells(cells, 0, letters, styles, rs, cells.length) + rendered.cellsXml().replaceAll(ROW_MARK, rs), height);
}

/** Style of a cell with its own look ({ value, bold, … }), on top of its column and row kind. */
function ownStyle(input: Exclude<CellInput, string | number | boolean | Date | null>, i: number, kind: RowKind, columns: ColumnSpec[], bases: CellLook[], ctx: BodyContext): number {
  const k = kindLook(kind);
  let look: CellLook = k ? { ...bases[i], ...k } : bases[i];
  if (input.value instanceof Date && !look.numFmt) look = { ...look, numFmt: DATE_FORMAT, align: look.align ?? 'center' };
  const { value: _value, ...own } = input;
  if (Object.keys(own).length) look = { ...look, ...own };
  return ctx.styles.xf(look, !!columns[i].unlocked && kind === 'data');
}
