/** Data validations (dropdowns, dates with input messages) and conditional formats of a sheet. */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../core/grid';
import { columnIndex, type DataValidationSpec, type SheetLayout, type SheetSpec } from '../../report/layout/spec';
import { clampText } from './text';

/** Excel's limits: input title 32, input body 255, error title 32, error body 225, inline list 255. */
const LIMIT = { title: 32, prompt: 255, error: 225, list: 255 } as const;

export function addValidations(ws: ExcelJS.Worksheet, sheet: SheetSpec, layout: SheetLayout): void {
  for (const v of sheet.dataValidations ?? []) {
    const i = columnIndex(sheet, v.column);
    if (i < 0) continue;
    const col = columnLetter(i + 1);
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}${layout.firstDataRow}:${col}${layout.lastInputRow}`, toExcel(v));
  }
}

/** The ExcelJS model of one validation. */
export function toExcel(v: DataValidationSpec): ExcelJS.DataValidation {
  const base = {
    allowBlank: v.allowBlank ?? true,
    showInputMessage: !!v.input,
    showErrorMessage: true,
    ...(v.input ? { promptTitle: clampText(v.input.title, LIMIT.title), prompt: clampText(v.input.body, LIMIT.prompt) } : {}),
    ...(v.error ? { errorStyle: 'stop', errorTitle: clampText(v.error.title, LIMIT.title), error: clampText(v.error.body, LIMIT.error) } : {}),
  };
  if (v.type === 'list') return { ...base, type: 'list', formulae: [listFormula(v.list ?? [])] } as ExcelJS.DataValidation;
  if (v.type === 'date') {
    const min = typeof v.min === 'string' ? v.min : '2000-01-01';
    const max = typeof v.max === 'string' ? v.max : '2100-12-31';
    return { ...base, type: 'date', operator: 'between', formulae: [new Date(min + 'T00:00:00Z'), new Date(max + 'T00:00:00Z')] } as ExcelJS.DataValidation;
  }
  return { ...base, type: v.type, operator: 'between', formulae: [Number(v.min ?? 0), Number(v.max ?? 1e9)] } as ExcelJS.DataValidation;
}

/** Inline list formula "\"a,b,c\"": commas and quotes inside items are not allowed there, so they are dropped. */
export function listFormula(items: string[]): string {
  const body = items.map((s) => s.replace(/[",]/g, ' ').trim()).filter(Boolean).join(',');
  if (body.length > LIMIT.list) throw new Error(`Danh sách chọn quá dài (${body.length} > ${LIMIT.list} ký tự)`);
  return `"${body}"`;
}

export function addConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetSpec, layout: SheetLayout): void {
  for (const cf of sheet.conditionalFormats ?? []) {
    const i = columnIndex(sheet, cf.column);
    if (i < 0) continue;
    const col = columnLetter(i + 1);
    const text = cf.equals.replace(/"/g, '""');
    ws.addConditionalFormatting({
      ref: `${col}${layout.firstDataRow}:${col}${layout.lastInputRow}`,
      rules: [{
        type: 'cellIs', operator: 'equal', priority: 1, formulae: [`"${text}"`],
        style: {
          ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF' + cf.fill } } } : {}),
          ...(cf.color ? { font: { color: { argb: 'FF' + cf.color } } } : {}),
        },
      }],
    } as ExcelJS.ConditionalFormattingOptions);
  }
}
