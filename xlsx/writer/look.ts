/** CellLook (spec terms) → ExcelJS style, interned so equal looks share one object. */
import type ExcelJS from 'exceljs';
import type { CellLook } from '../../report/layout/spec';
import { COLOR, FONT_NAME, SIZE } from '../../report/layout/style';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF' + COLOR.border } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Interning cache of ExcelJS styles for one workbook. */
export type LookCache = Map<string, Partial<ExcelJS.Style>>;

/** The ExcelJS style for a look (plus an unlocked flag), shared between equal looks. */
export function styleFor(cache: LookCache, look: CellLook, unlocked = false): Partial<ExcelJS.Style> {
  const key = JSON.stringify(look) + (unlocked ? 'U' : '');
  let style = cache.get(key);
  if (!style) {
    style = buildStyle(look, unlocked);
    cache.set(key, style);
  }
  return style;
}

function buildStyle(look: CellLook, unlocked: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      size: look.size ?? SIZE.body,
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.color ? { color: { argb: 'FF' + look.color } } : {}),
    },
    alignment: {
      vertical: look.valign ?? 'top',
      wrapText: look.wrap ?? false,
      ...(look.align ? { horizontal: look.align } : {}),
    },
  };
  if (look.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + look.fill } };
  if (look.border) style.border = BORDER;
  if (look.numFmt) style.numFmt = look.numFmt;
  if (unlocked) style.protection = { locked: false };
  return style;
}
