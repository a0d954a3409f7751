/**
 * Render one SheetSpec onto an ExcelJS worksheet. Works on both the in-memory
 * Worksheet and the streaming WorksheetWriter: rows are written top to bottom and
 * committed as they go, merges are made before their row is committed.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../core/grid';
import { cellValueOf, rowParts, sheetLayout, type CellInput, type CellLook, type ColumnSpec, type RowKind, type SheetLayout, type SheetSpec, type TitleLine } from '../../report/layout/spec';
import { DATE_FORMAT, LOOK, SIZE } from '../../report/layout/style';
import { styleFor, type LookCache } from './look';
import { safeText } from './text';
import { addValidations, addConditionalFormats } from './validation';

/** addWorksheet options derived from the spec (views, print setup, protection-independent parts). */
export function worksheetOptions(sheet: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> {
  const layout = sheetLayout(sheet);
  const opts: Partial<ExcelJS.AddWorksheetOptions> = {
    properties: { tabColor: sheet.tabColor ? { argb: 'FF' + sheet.tabColor } : undefined } as ExcelJS.WorksheetProperties,
    state: sheet.hidden ? 'hidden' : 'visible',
  };
  if (sheet.freeze) {
    const xSplit = sheet.freezeColumns ?? 0;
    opts.views = [{
      state: 'frozen', xSplit, ySplit: layout.firstDataRow - 1,
      topLeftCell: columnLetter(xSplit + 1) + String(layout.firstDataRow), activeCell: 'A' + String(layout.firstDataRow),
    }];
  }
  if (sheet.print) {
    opts.pageSetup = {
      paperSize: 9, // A4
      orientation: sheet.print.orientation,
      fitToPage: sheet.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.print.repeatHeader ? { printTitlesRow: `${layout.headerTop}:${layout.firstDataRow - 1}` } : {}),
    };
    opts.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' } as ExcelJS.HeaderFooter;
  }
  return opts;
}

/** Write the sheet's columns, title, header, rows, merges, validations, protection. */
export async function renderSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec, cache: LookCache): Promise<SheetLayout> {
  const layout = sheetLayout(sheet);
  const width = sheet.columns.length;
  const visibleWidth = lastVisibleColumn(sheet.columns);
  setColumns(ws, sheet.columns, cache);
  const chars = sheet.columns.slice(0, visibleWidth).reduce((n, c) => n + c.width, 0);
  (sheet.titleBlock ?? []).forEach((line, i) => writeLine(ws, i + 1, line, visibleWidth, chars, cache));
  writeHeader(ws, sheet, layout, cache);
  let r = layout.firstDataRow;
  const bases = sheet.columns.map((c) => columnLook(c));
  const plain = plainStyles(sheet.columns, bases, cache);
  // Extra merges are made just before their top row is committed (the streaming writer cannot merge later).
  const merges = mergesByTopRow(sheet.merges ?? []);
  const commit = (row: number) => {
    for (const m of merges.get(row) ?? []) ws.mergeCells(m);
    merges.delete(row);
    ws.getRow(row).commit();
  };
  for (const spec of sheet.rows) {
    const { cells, kind, height } = rowParts(spec);
    writeRow(ws, r, cells, kind, sheet.columns, bases, plain, visibleWidth, cache);
    if (height) ws.getRow(r).height = height;
    commit(r++);
  }
  for (let i = 0; i < (sheet.blankRows ?? 0); i++) {
    writeRow(ws, r, [], 'data', sheet.columns, bases, plain, visibleWidth, cache);
    commit(r++);
  }
  if (sheet.footer?.length) {
    r++;
    for (const line of sheet.footer) writeLine(ws, r++, { align: 'left', ...line }, visibleWidth, chars, cache);
  }
  for (const list of merges.values()) for (const m of list) ws.mergeCells(m);
  if (sheet.autoFilter && width) {
    ws.autoFilter = { from: { row: layout.headerBottom, column: 1 }, to: { row: Math.max(layout.lastDataRow, layout.headerBottom), column: visibleWidth } };
  }
  addValidations(ws, sheet, layout);
  addConditionalFormats(ws, sheet, layout);
  if (sheet.protection) {
    await ws.protect(sheet.protection.password ?? '', {
      selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false,
    });
  }
  return layout;
}

function mergesByTopRow(ranges: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of ranges) {
    const top = Number(/^[A-Z]+(\d+)/i.exec(m)?.[1] ?? 0);
    out.set(top, [...(out.get(top) ?? []), m]);
  }
  return out;
}

function lastVisibleColumn(columns: ColumnSpec[]): number {
  for (let i = columns.length - 1; i >= 0; i--) if (!columns[i].hidden) return i + 1;
  return Math.max(columns.length, 1);
}

function columnLook(c: ColumnSpec): CellLook {
  return {
    ...LOOK.body,
    wrap: c.wrap ?? true,
    ...(c.align ? { align: c.align } : {}),
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  };
}

function setColumns(ws: ExcelJS.Worksheet, columns: ColumnSpec[], cache: LookCache): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
    // Empty cells below the data take the column style: unlocked columns stay editable there too.
    col.style = styleFor(cache, { size: SIZE.body, wrap: c.wrap ?? true, ...(c.numFmt ? { numFmt: c.numFmt } : {}) }, !!c.unlocked) as ExcelJS.Style;
  });
}

function writeLine(ws: ExcelJS.Worksheet, r: number, line: TitleLine, width: number, chars: number, cache: LookCache): void {
  const row = ws.getRow(r);
  const look: CellLook = { bold: line.bold, italic: line.italic, size: line.size ?? SIZE.subtitle, align: line.align ?? 'center', valign: 'middle', wrap: true };
  const style = styleFor(cache, look);
  for (let c = 1; c <= width; c++) row.getCell(c).style = style;
  row.getCell(1).value = safeText(line.text);
  if (width > 1) ws.mergeCells(r, 1, r, width);
  // Merged cells do not grow by themselves: give long lines the height they need.
  const size = line.size ?? SIZE.subtitle;
  const lines = Math.ceil((line.text.length * size) / 11 / Math.max(chars, 20));
  if (lines > 1) row.height = Math.ceil(size * 1.45) * lines;
  row.commit();
}

function writeHeader(ws: ExcelJS.Worksheet, sheet: SheetSpec, layout: SheetLayout, cache: LookCache): void {
  const style = styleFor(cache, LOOK.header);
  const top = ws.getRow(layout.headerTop);
  const bottom = ws.getRow(layout.headerBottom);
  const groups = sheet.headerGroups ?? [];
  const keyIndex = new Map(sheet.columns.map((c, i) => [c.key ?? `#${i}`, i + 1]));
  const grouped = new Set<number>();
  for (const g of groups) {
    const from = keyIndex.get(g.from);
    const to = keyIndex.get(g.to);
    if (!from || !to) continue;
    for (let c = from; c <= to; c++) grouped.add(c);
    top.getCell(from).value = safeText(g.title);
    for (let c = from; c <= to; c++) top.getCell(c).style = style;
    if (to > from) ws.mergeCells(layout.headerTop, from, layout.headerTop, to);
  }
  sheet.columns.forEach((col, i) => {
    const c = i + 1;
    const target = grouped.has(c) ? bottom : top;
    target.getCell(c).value = safeText(col.header);
    top.getCell(c).style = style;
    bottom.getCell(c).style = style;
    if (!grouped.has(c) && layout.headerBottom > layout.headerTop) ws.mergeCells(layout.headerTop, c, layout.headerBottom, c);
  });
  const longest = Math.max(...sheet.columns.map((c) => Math.ceil(c.header.length / Math.max(c.width - 2, 4))), 1);
  bottom.height = Math.max(bottom.height ?? 0, Math.min(15 * longest + 6, 80));
  top.commit();
  bottom.commit();
  if (sheet.columnNumbers) {
    const nums = ws.getRow(layout.headerBottom + 1);
    const look = styleFor(cache, LOOK.columnNumber);
    sheet.columns.forEach((col, i) => {
      const cell = nums.getCell(i + 1);
      cell.value = col.hidden ? null : `(${i + 1})`;
      cell.style = look;
    });
    nums.commit();
  }
}

type PlainStyles = Record<RowKind, Partial<ExcelJS.Style>[]>;

/** Per row kind and column, the style of a plain (non-Date, no own look) cell: computed once per sheet. */
function plainStyles(columns: ColumnSpec[], bases: CellLook[], cache: LookCache): PlainStyles {
  const of = (kind: RowKind) => columns.map((c, i) => styleFor(cache, kindLook(kind) ? { ...bases[i], ...kindLook(kind) } : bases[i], !!c.unlocked && kind === 'data'));
  return { data: of('data'), section: of('section'), total: of('total') };
}

function kindLook(kind: RowKind): CellLook | undefined {
  return kind === 'section' ? LOOK.section : kind === 'total' ? LOOK.total : undefined;
}

function writeRow(
  ws: ExcelJS.Worksheet, r: number, cells: CellInput[], kind: RowKind, columns: ColumnSpec[],
  bases: CellLook[], plain: PlainStyles, visibleWidth: number, cache: LookCache,
): void {
  const row = ws.getRow(r);
  const kLook = kindLook(kind);
  for (let i = 0; i < columns.length; i++) {
    const input = cells[i] ?? null;
    const value = cellValueOf(input);
    if (typeof input !== 'object' || input === null) {
      const cell = row.getCell(i + 1);
      cell.style = plain[kind][i];
      if (input !== null) cell.value = typeof input === 'string' ? safeText(input) : input;
      continue;
    }
    const own = input !== null && typeof input === 'object' && !(input instanceof Date) ? stripValue(input) : undefined;
    let look: CellLook = kLook ? { ...bases[i], ...kLook } : bases[i];
    if (value instanceof Date && !look.numFmt) look = { ...look, numFmt: DATE_FORMAT, align: look.align ?? 'center' };
    if (own) look = { ...look, ...own };
    const cell = row.getCell(i + 1);
    cell.style = styleFor(cache, look, !!columns[i].unlocked && kind === 'data');
    if (value !== null && value !== undefined) cell.value = typeof value === 'string' ? safeText(value) : value;
  }
  if (kind === 'section') {
    // "A | Nhiệm vụ chung": keep the label in its cell and merge the title across the rest.
    const from = cellValueOf(cells[0] ?? null) !== null && cellValueOf(cells[1] ?? null) !== null ? 2 : 1;
    if (visibleWidth > from) ws.mergeCells(r, from, r, visibleWidth);
  }
}

function stripValue(input: Exclude<CellInput, string | number | boolean | Date | null>): CellLook | undefined {
  const { value: _value, ...look } = input;
  return Object.keys(look).length ? look : undefined;
}
