/**
 * The test oracle of the writer: a written .xlsx read back by ExcelJS, as plain data.
 * Everything a user sees or meets in a worksheet (values and their types, fonts,
 * fills, borders, number formats, alignment, locked cells, row heights, column
 * widths, merges, frozen panes, print setup, protection, validations, conditional
 * formats, filters) plus the document properties. Equal looks and equal validations
 * are interned so a whole workbook stays a small JSON file (test/xlsx/golden/).
 */
import ExcelJS from 'exceljs';

type Internal = ExcelJS.Worksheet & {
  sheetProtection?: Record<string, unknown> | null;
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: unknown[];
  model: { merges: string[] };
};

export interface SheetSnapshot {
  name: string;
  state: string;
  /** Address → [cell type, value (dates as ISO text), look index]. */
  cells: Record<string, [number, unknown, number]>;
  heights: Record<number, number>;
  columns: { width?: number; hidden: boolean; look: number | null }[];
  merges: string[];
  views: unknown[];
  pageSetup: Record<string, unknown>;
  headerFooter: unknown;
  protection: unknown;
  /** Validation (as JSON) → the cells it covers. */
  validations: Record<string, string[]>;
  conditional: unknown;
  autoFilter: unknown;
}

export interface WorkbookSnapshot {
  properties: { creator: string; title: string; created: string | null };
  sheets: SheetSnapshot[];
  /** Interned looks: font, fill, border, numFmt, alignment, locked. */
  looks: unknown[];
}

/** JSON with keys sorted and undefined dropped: equal data gives equal text. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
    : x));
}

/** Read `path` with ExcelJS and describe it as plain, comparable data. */
export async function readBack(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const looks: string[] = [];
  const lookIndex = new Map<string, number>();
  const intern = (look: unknown): number => {
    const key = stable(look);
    let i = lookIndex.get(key);
    if (i === undefined) {
      i = looks.length;
      looks.push(key);
      lookIndex.set(key, i);
    }
    return i;
  };
  const lookOf = (s: Partial<ExcelJS.Style> | undefined) => ({
    font: s?.font, fill: s?.fill, border: s?.border, numFmt: s?.numFmt, alignment: s?.alignment, locked: s?.protection?.locked,
  });
  const sheets = wb.worksheets.map((ws): SheetSnapshot => {
    const w = ws as Internal;
    const cells: SheetSnapshot['cells'] = {};
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) heights[r] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        cells[cell.address] = [cell.type, v instanceof Date ? v.toISOString() : v, intern(lookOf(cell.style))];
      });
    });
    const columns = (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden ?? false, look: c.style && Object.keys(c.style).length ? intern(lookOf(c.style)) : null }));
    const { horizontalDpi: _h, verticalDpi: _v, ...pageSetup } = ws.pageSetup as Record<string, unknown>;
    const validations: Record<string, string[]> = {};
    for (const [address, model] of Object.entries(w.dataValidations.model)) (validations[stable(model)] ??= []).push(address);
    return {
      name: ws.name, state: ws.state, cells, heights, columns,
      merges: [...w.model.merges].sort(),
      views: (ws.views ?? []).map((v) => ({ ...v })),
      pageSetup,
      headerFooter: ws.headerFooter,
      protection: w.sheetProtection ?? null,
      validations,
      conditional: w.conditionalFormattings,
      autoFilter: ws.autoFilter ?? null,
    };
  });
  return {
    properties: { creator: wb.creator, title: wb.title, created: wb.created instanceof Date ? wb.created.toISOString() : null },
    sheets,
    looks: looks.map((k) => JSON.parse(k) as unknown),
  };
}

/** The snapshot as JSON text, as stored in test/xlsx/golden/ (undefined dropped, so it survives a round trip). */
export function snapshotJson(s: WorkbookSnapshot): string {
  return JSON.stringify(JSON.parse(stable(s)), null, 0) + '\n';
}
