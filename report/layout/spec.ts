/**
 * A workbook as pure data: what to write, never how. Templates and reports
 * build a WorkbookSpec; xlsx/write.ts renders it.
 *
 * Sheet layout (1-based sheet rows), computed by `sheetLayout`:
 *   title lines → one blank row (when there are title lines) → 1 or 2 header rows → data rows.
 */

/** Look of one cell, in spec terms (no ExcelJS types). */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, hex RRGGBB. */
  color?: string;
  /** Background fill, hex RRGGBB. */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  numFmt?: string;
  /** Thin border on all sides (default true inside the table). */
  border?: boolean;
}

/** A plain value, or a value with its own look. Strings are always written as text, never as formulas. */
export type CellInput = string | number | boolean | Date | null | ({ value: string | number | boolean | Date | null } & CellLook);

export interface ColumnSpec {
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** Name used by validations, charts, conditional formats and unlocked columns. */
  key?: string;
  hidden?: boolean;
  /** Left editable when the sheet is protected. */
  unlocked?: boolean;
  numFmt?: string;
  /** Wrap text in data cells (default true). */
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface TitleLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

/** A parent header cell spanning columns `from`..`to` (keys) in the first of two header rows. */
export interface HeaderGroup {
  title: string;
  from: string;
  to: string;
}

/** A data row: plain cells in column order, or cells with a row kind. */
export type RowSpec = CellInput[] | { cells: CellInput[]; kind?: RowKind; height?: number; rendered?: RenderedCells };

/**
 * The rest of a data row (after its `cells`), already rendered as SpreadsheetML cells by whoever had the data at
 * hand (a read worker, issue 14), with ROW_MARK where the row number goes. Only on sheets with `inlineStrings`,
 * in the look that sheet's columns give (WorkbookSpec.stylePreset fixes the style indices).
 */
export interface RenderedCells {
  cellsXml(): string;
  /** Where the same text is kept as UTF-8 bytes, when in a file (the writer then has them read where they are deflated). */
  cellsSource?(): ByteSource | undefined;
}

/** A byte range of a file. */
export interface ByteSource {
  path: string;
  offset: number;
  length: number;
}

/** Stands for the row number in RenderedCells (a character XML text can never hold). */
export const ROW_MARK = '\u0001';

/** 'section': first cell merged across the width, bold. 'total': bold with a fill. */
export type RowKind = 'data' | 'section' | 'total';

export interface DataValidationSpec {
  /** Column key the validation applies to (all data rows plus `SheetSpec.inputRows`). */
  column: string;
  type: 'list' | 'date' | 'whole' | 'decimal';
  /** Allowed values for 'list' (kept short: Excel caps the inline list at 255 characters). */
  list?: string[];
  /** Bounds for 'date' (ISO yyyy-mm-dd) or numbers. */
  min?: string | number;
  max?: string | number;
  allowBlank?: boolean;
  /** Shown when the cell is selected (Excel caps: title 32, body 255 characters). */
  input?: { title: string; body: string };
  /** Shown when a value is rejected. */
  error?: { title: string; body: string };
}

export interface ConditionalFormatSpec {
  column: string;
  /** Highlight data cells whose text equals this value. */
  equals: string;
  fill?: string;
  color?: string;
}

export interface ChartSeriesSpec {
  name: string;
  /** Column key holding the values. */
  column: string;
  /** Bar colour, hex RRGGBB. */
  color?: string;
}

export interface ChartSpec {
  type: 'bar';
  /** 'bar' = horizontal bars (long unit names read well), 'col' = vertical columns. */
  direction?: 'bar' | 'col';
  grouping: 'clustered' | 'stacked';
  title: string;
  /** Column key holding the category labels. */
  categories: string;
  series: ChartSeriesSpec[];
  /** Data rows plotted (0-based indices into `rows`, inclusive); default: all leading 'data' rows. */
  rows?: { first: number; last: number };
  /** Top-left cell (0-based column and 1-based sheet row); default: two rows under the table, column A. */
  anchor?: { col: number; row: number };
  /** Size in columns and rows; default grows with the number of categories. */
  size?: { cols: number; rows: number };
}

export interface PrintSpec {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  fitToWidth: boolean;
  /** Repeat the header rows on every printed page. */
  repeatHeader: boolean;
}

export interface ProtectionSpec {
  /** None by default: users can unprotect with Review → Unprotect Sheet. */
  password?: string;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  titleBlock?: TitleLine[];
  /** Two header rows: parent groups over some columns; the others merge vertically. */
  headerGroups?: HeaderGroup[];
  /** Add a numbering row "(1) (2) (3)…" under the header. */
  columnNumbers?: boolean;
  rows: RowSpec[];
  /** Extra empty bordered rows after the data, for units to type into. */
  blankRows?: number;
  /** Validations and unlocked cells reach this many rows below the header at least (default: data + blank rows). */
  inputRows?: number;
  /** Extra merges, A1 ranges like "A20:C20". */
  merges?: string[];
  /** Freeze panes below the header (and left of `freezeColumns` columns). */
  freeze?: boolean;
  freezeColumns?: number;
  autoFilter?: boolean;
  print?: PrintSpec;
  protection?: ProtectionSpec;
  dataValidations?: DataValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  charts?: ChartSpec[];
  /** Lines written under the table (notes, signature), each merged across the width. */
  footer?: TitleLine[];
  hidden?: boolean;
  tabColor?: string;
  /**
   * Texts of data rows written in their cells (inline strings) rather than in the shared-strings table: for sheets of
   * mostly distinct long texts (every task's text and result), where the table saves nothing and costs memory.
   */
  inlineStrings?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  creator?: string;
  title?: string;
  /** Creation date in the document properties (default: now). */
  created?: Date;
  /**
   * Column sets whose data-cell styles get the first style indices, in this order (xlsx/writer/styles.ts
   * presetStyles): cells rendered ahead of the workbook (RenderedCells) can then name their styles.
   */
  stylePreset?: ColumnSpec[][];
}

/** Where things land on a sheet (1-based sheet rows). */
export interface SheetLayout {
  headerTop: number;
  headerBottom: number;
  firstDataRow: number;
  /** Last row holding data or blank input rows (headerBottom when none). */
  lastDataRow: number;
  /** Last row validations and unlocked cells reach. */
  lastInputRow: number;
}

/** Row positions of a sheet: sheetLayout({titleBlock: [a, b], rows: [x]}) → header at row 4, data from row 5. */
export function sheetLayout(sheet: Pick<SheetSpec, 'titleBlock' | 'headerGroups' | 'columnNumbers' | 'rows' | 'blankRows' | 'inputRows'>): SheetLayout {
  const titles = sheet.titleBlock?.length ?? 0;
  const headerTop = titles ? titles + 2 : 1;
  const headerBottom = headerTop + (sheet.headerGroups?.length ? 1 : 0);
  const firstDataRow = headerBottom + 1 + (sheet.columnNumbers ? 1 : 0);
  const dataCount = sheet.rows.length + (sheet.blankRows ?? 0);
  const lastDataRow = firstDataRow + dataCount - 1;
  const lastInputRow = Math.max(lastDataRow, firstDataRow + (sheet.inputRows ?? 0) - 1, firstDataRow);
  return { headerTop, headerBottom, firstDataRow, lastDataRow: Math.max(lastDataRow, headerBottom), lastInputRow };
}

/** Cells and kind of a row spec. */
export function rowParts(row: RowSpec): { cells: CellInput[]; kind: RowKind; height?: number; rendered?: RenderedCells } {
  return Array.isArray(row) ? { cells: row, kind: 'data' } : { cells: row.cells, kind: row.kind ?? 'data', height: row.height, rendered: row.rendered };
}

/** The bare value of a cell input. */
export function cellValueOf(c: CellInput): string | number | boolean | Date | null {
  return c !== null && typeof c === 'object' && !(c instanceof Date) ? c.value : c;
}

/** 0-based index of the column with this key, or -1. */
export function columnIndex(sheet: Pick<SheetSpec, 'columns'>, key: string): number {
  return sheet.columns.findIndex((c) => c.key === key);
}
