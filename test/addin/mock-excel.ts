/**
 * An office-addin-mock workbook for the adapter's unit tests. The read path goes through
 * OfficeMockObject (properties must be loaded and synced before use, as in Office.js); the write
 * path records what the adapter sets on ranges and applies values to the backing cells, so a
 * test can read the sheet again after a write.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type Cell = string | number | boolean;

export interface MockSheet {
  name: string;
  /** cells[r][c], 0-based from A1. */
  cells: Cell[][];
  formats: string[][];
  fonts: { name?: string; bold?: boolean }[][];
  /** Merged areas as Excel reports them, e.g. "Sheet1!A1:C1, Sheet1!A5:G5", or "" for none. */
  merged: string;
  /** "@"-formatted or typed-as-text cells never become formulas; this records what would have. */
  formulas: string[];
}

export interface Write {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  values?: Cell[][];
  numberFormat?: string[][];
  bold?: boolean;
  fill?: string;
  /** Other looks set on the range (font name, size, italic, alignment, borders, width), by property. */
  look?: Record<string, unknown>;
}

export interface MockState {
  sheets: MockSheet[];
  active: string;
  /** Top-left and size of the selection on the active sheet (0-based). */
  selection: { row: number; col: number; rows: number; cols: number } | null;
  writes: Write[];
  syncs: number;
  runs: number;
  conditionalFormats: { sheet: string; address: string; type: string; formula: string; fill: string; font?: string }[];
  validations: { sheet: string; address: string; rule: unknown; errorAlert: unknown }[];
  tables: { sheet: string; address: string }[];
  charts: { sheet: string; type: string; address: string; title?: string; categories?: string; series?: { name?: string; color?: string }[]; position?: string }[];
  /** Merged ranges written, "Sheet!A1:C1". */
  merges: string[];
  /** Page setup per sheet. */
  pageLayout: Record<string, Record<string, unknown>>;
  selected: { sheet: string; address: string } | null;
  deleted: string[];
  /** Simulates Excel on the web's response limit: reading fonts of more cells than this in one sync fails. */
  readLimitCells?: number;
  tooBig?: boolean;
}

export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseA1(a: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a.replace(/^.*!/, ''));
  if (!m) throw new Error('bad address ' + a);
  const n = (s: string) => [...s].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
  const col = n(m[1]) - 1;
  const row = Number(m[2]) - 1;
  const col2 = m[3] ? n(m[3]) - 1 : col;
  const row2 = m[4] ? Number(m[4]) - 1 : row;
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
}

export function newSheet(name: string, cells: Cell[][] = [], extra: Partial<MockSheet> = {}): MockSheet {
  return { name, cells, formats: [], fonts: [], merged: '', formulas: [], ...extra };
}

export function newState(sheets: MockSheet[]): MockState {
  return {
    sheets,
    active: sheets[0].name,
    selection: null,
    writes: [],
    syncs: 0,
    runs: 0,
    conditionalFormats: [],
    validations: [],
    tables: [],
    charts: [],
    merges: [],
    pageLayout: {},
    selected: null,
    deleted: [],
  };
}

function sheetOf(state: MockState, name: string): MockSheet {
  const s = state.sheets.find((x) => x.name === name);
  if (!s) throw Object.assign(new Error('ItemNotFound'), { code: 'ItemNotFound' });
  return s;
}

/** Bounding box of non-empty cells (Excel's used range, values only); A1 when empty. */
function usedBox(s: MockSheet): { row: number; col: number; rows: number; cols: number } {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  s.cells.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === '' || v === undefined || v === null) return;
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function fontProps(state: MockState, s: MockSheet, b: { row: number; col: number; rows: number; cols: number }) {
  if (state.readLimitCells && b.rows * b.cols > state.readLimitCells) state.tooBig = true;
  return {
    value: slice(s.fonts, b, {} as { name?: string; bold?: boolean }).map((row) => row.map((f) => ({ format: { font: { name: f.name ?? 'Calibri', bold: !!f.bold } } }))),
  };
}

function slice<T>(grid: T[][], box: { row: number; col: number; rows: number; cols: number }, blank: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < box.cols; c++) row.push(grid[box.row + r]?.[box.col + c] ?? blank);
    out.push(row);
  }
  return out;
}

/** A range the adapter writes to: assignments are recorded and applied to the sheet. */
function writableRange(state: MockState, sheet: MockSheet, box: { row: number; col: number; rows: number; cols: number }) {
  const w: Write = { sheet: sheet.name, row: box.row, col: box.col, rows: box.rows, cols: box.cols };
  state.writes.push(w);
  const address = `${letters(box.col + 1)}${box.row + 1}:${letters(box.col + box.cols)}${box.row + box.rows}`;
  const validation = { sheet: sheet.name, address, rule: undefined as unknown, errorAlert: undefined as unknown };
  return {
    load() {
      return this;
    },
    get values(): Cell[][] {
      return slice<Cell>(sheet.cells, box, '');
    },
    get numberFormat(): string[][] {
      return slice<string>(sheet.formats, box, 'General');
    },
    getCellProperties: () => fontProps(state, sheet, box),
    set numberFormat(f: string[][]) {
      w.numberFormat = f;
      f.forEach((row, r) => row.forEach((x, c) => ((sheet.formats[box.row + r] ??= [])[box.col + c] = x)));
    },
    set values(v: Cell[][]) {
      w.values = v;
      v.forEach((row, r) =>
        row.forEach((x, c) => {
          const fmt = sheet.formats[box.row + r]?.[box.col + c];
          if (typeof x === 'string' && /^[=+\-@]/.test(x) && fmt !== '@') sheet.formulas.push(`${letters(box.col + c + 1)}${box.row + r + 1}`);
          (sheet.cells[box.row + r] ??= [])[box.col + c] = x;
        }),
      );
    },
    format: {
      font: {
        set bold(b: boolean) { w.bold = b; },
        set color(c: string) { (w.look ??= {}).color = c; },
        set name(n: string) { (w.look ??= {}).font = n; },
        set size(n: number) { (w.look ??= {}).size = n; },
        set italic(b: boolean) { (w.look ??= {}).italic = b; },
      },
      fill: { set color(c: string) { w.fill = c; } },
      set horizontalAlignment(a: string) { (w.look ??= {}).align = a; },
      set verticalAlignment(a: string) { (w.look ??= {}).valign = a; },
      set wrapText(b: boolean) { (w.look ??= {}).wrap = b; },
      set columnWidth(n: number) { (w.look ??= {}).width = n; },
      borders: {
        getItem: (edge: string) => ({
          set style(st: string) {
            const look = (w.look ??= {});
            look.borders = [...((look.borders as string[] | undefined) ?? []), `${edge}:${st}`];
          },
        }),
      },
      autofitColumns() {},
    },
    merge() {
      state.merges.push(`${sheet.name}!${address}`);
    },
    conditionalFormats: {
      clearAll() {
        state.conditionalFormats = state.conditionalFormats.filter((x) => !(x.sheet === sheet.name && x.address === address));
      },
      add(type: string) {
        const cf = { stopIfTrue: false, custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: undefined as string | undefined } } } };
        pendingCf.push(() =>
          state.conditionalFormats.push({ sheet: sheet.name, address, type, formula: cf.custom.rule.formula, fill: cf.custom.format.fill.color, font: cf.custom.format.font.color }),
        );
        return cf;
      },
    },
    dataValidation: {
      clear() {
        state.validations = state.validations.filter((x) => !(x.sheet === sheet.name && x.address === address));
      },
      set rule(r: unknown) {
        validation.rule = r;
        state.validations.push(validation);
      },
      set errorAlert(a: unknown) {
        validation.errorAlert = a;
      },
    },
    select() {
      state.selected = { sheet: sheet.name, address };
    },
    address: `${sheet.name}!${address}`,
  };
}

let pendingCf: (() => void)[] = [];

function worksheetApi(state: MockState, sheet: MockSheet) {
  return {
    name: sheet.name,
    getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => writableRange(state, sheet, { row, col, rows, cols }),
    getRange: (address?: string) => writableRange(state, sheet, address ? parseA1(address) : { row: 0, col: 0, rows: 1048576, cols: 16384 }),
    activate: () => (state.active = sheet.name),
    delete: () => {
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.deleted.push(sheet.name);
    },
    freezePanes: { freezeRows: () => {} },
    tables: {
      add: (range: { address: string }) => {
        state.tables.push({ sheet: sheet.name, address: range.address });
        return { style: '' };
      },
    },
    charts: {
      add: (type: string, range: { address: string }) => {
        const c: MockState['charts'][number] = { sheet: sheet.name, type, address: range.address, title: undefined, series: [] };
        state.charts.push(c);
        const seriesAt = (i: number) => (c.series![i] ??= {});
        return {
          title: { set text(t: string) { c.title = t; } },
          setPosition(p: string) { c.position = p; },
          height: 0,
          width: 0,
          axes: { categoryAxis: { setCategoryNames(r: { address: string }) { c.categories = r.address; } } },
          series: {
            getItemAt: (i: number) => ({
              set name(n: string) { seriesAt(i).name = n; },
              format: { fill: { setSolidColor(col: string) { seriesAt(i).color = col; } } },
            }),
          },
        };
      },
    },
    pageLayout: {
      set orientation(o: string) { (state.pageLayout[sheet.name] ??= {}).orientation = o; },
      set paperSize(p: string) { (state.pageLayout[sheet.name] ??= {}).paperSize = p; },
      set zoom(z: unknown) { (state.pageLayout[sheet.name] ??= {}).zoom = z; },
      setPrintTitleRows(r: string) { (state.pageLayout[sheet.name] ??= {}).titleRows = r; },
    },
  };
}

/** The OfficeMockObject data of a context: the active sheet's read path plus the write API. */
function contextData(state: MockState) {
  const active = sheetOf(state, state.active);
  const box = state.selection ?? usedBox(active);
  const readRange = (b: typeof box) => ({
    address: `${active.name}!${letters(b.col + 1)}${b.row + 1}:${letters(b.col + b.cols)}${b.row + b.rows}`,
    values: slice<Cell>(active.cells, b, ''),
    numberFormat: slice<string>(active.formats, b, 'General'),
    rowIndex: b.row,
    columnIndex: b.col,
    rowCount: b.rows,
    columnCount: b.cols,
    merged: { address: active.merged },
    getMergedAreasOrNullObject: function () {
      return this.merged;
    },
    getCellProperties: () => fontProps(state, active, b),
  });
  return {
    workbook: {
      worksheets: {
        active: { ...worksheetApi(state, active), usedRange: readRange(usedBox(active)), getUsedRange: function () { return this.usedRange; } },
        getActiveWorksheet: function () {
          return this.active;
        },
        getItem: (name: string) => worksheetApi(state, sheetOf(state, name)),
        getItemOrNullObject: (name: string) => {
          const s = state.sheets.find((x) => x.name === name);
          return s ? { ...worksheetApi(state, s), isNullObject: false, load() {} } : { isNullObject: true, load() {} };
        },
        add: (name: string) => {
          const s = newSheet(name);
          state.sheets.push(s);
          return worksheetApi(state, s);
        },
      },
      selection: readRange(box),
      getSelectedRange: function () {
        return this.selection;
      },
    },
    sync: async function (this: OfficeMockObject) {
      state.syncs++;
      if (state.tooBig) {
        state.tooBig = false;
        pendingCf = [];
        throw Object.assign(new Error('Response payload too large'), { code: 'ResponsePayloadSizeLimitExceeded' });
      }
      pendingCf.forEach((f) => f());
      pendingCf = [];
      await OfficeMockObject.prototype.sync.call(this);
    },
  };
}

type MockCtx = { workbook: { worksheets: { active: { usedRange: { merged: { isNullObject: boolean } } } }; selection: { merged: { isNullObject: boolean } } } };

/** Installs `Excel` (and a minimal `Office`) on globalThis, backed by `state`. */
export function installMock(state: MockState): void {
  const excel = {
    run: async <T>(cb: (ctx: unknown) => Promise<T>): Promise<T> => {
      state.runs++;
      const ctx = new OfficeMockObject(contextData(state)) as unknown as MockCtx;
      // isNullObject is not a loadable property in Office.js: set it outside the mock's load tracking
      const isNull = !sheetOf(state, state.active).merged;
      ctx.workbook.worksheets.active.usedRange.merged.isNullObject = isNull;
      ctx.workbook.selection.merged.isNullObject = isNull;
      return cb(ctx);
    },
  };
  (globalThis as Record<string, unknown>).Excel = excel;
}
