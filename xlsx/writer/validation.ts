/**
 * Data validations (dropdowns, dates and numbers with input and error messages) and
 * conditional formats of a sheet, as the <conditionalFormatting> and <dataValidations>
 * text of its worksheet part.
 */
import { dateToExcelSerial } from '../../core/deadline/serial';
import { columnLetter } from '../../core/grid';
import { columnIndex, type DataValidationSpec, type SheetLayout, type SheetSpec } from '../../report/layout/spec';
import type { StyleTable } from './styles';
import { clampText } from './text';
import { escAttr, escText } from './xml';

/** Excel's limits: input title 32, input body 255, error title 32, error body 225, inline list 255. */
const LIMIT = { title: 32, prompt: 255, error: 225, list: 255 } as const;

/** Inline list formula "\"a,b,c\"": commas and quotes inside items are not allowed there, so they are dropped. */
function listFormula(items: string[]): string {
  const body = items.map((s) => s.replace(/[",]/g, ' ').trim()).filter(Boolean).join(',');
  if (body.length > LIMIT.list) throw new Error(`Danh sách chọn quá dài (${body.length} > ${LIMIT.list} ký tự)`);
  return `"${body}"`;
}

/** The cells a column rule covers: its data rows down to the last input row ("G6:G505"). */
function columnRange(sheet: SheetSpec, layout: SheetLayout, key: string): string | null {
  const i = columnIndex(sheet, key);
  if (i < 0) return null;
  const col = columnLetter(i + 1);
  return `${col}${layout.firstDataRow}:${col}${layout.lastInputRow}`;
}

function attr(name: string, value: string | boolean | undefined): string {
  if (value === undefined || value === false) return '';
  return ` ${name}="${value === true ? '1' : escAttr(value)}"`;
}

/** Formula operands of a validation: the inline list, or the bounds (dates as serials). */
function formulas(v: DataValidationSpec): string[] {
  if (v.type === 'list') return [listFormula(v.list ?? [])];
  if (v.type === 'date') {
    const day = (iso: string): string => String(dateToExcelSerial(new Date(iso + 'T00:00:00Z')));
    return [day(typeof v.min === 'string' ? v.min : '2000-01-01'), day(typeof v.max === 'string' ? v.max : '2100-12-31')];
  }
  return [String(Number(v.min ?? 0)), String(Number(v.max ?? 1e9))];
}

/** One <dataValidation>: blank allowed unless said otherwise, the error always shown, dialog texts clamped. */
function validationXml(v: DataValidationSpec, ref: string): string {
  const f = formulas(v).map((x, i) => `<formula${i + 1}>${escText(x)}</formula${i + 1}>`).join('');
  return `<dataValidation${attr('type', v.type)}${attr('allowBlank', v.allowBlank ?? true)}${attr('showInputMessage', !!v.input)}` +
    `${attr('promptTitle', v.input && clampText(v.input.title, LIMIT.title))}${attr('prompt', v.input && clampText(v.input.body, LIMIT.prompt))}` +
    `${attr('showErrorMessage', true)}${attr('errorStyle', v.error && 'stop')}` +
    `${attr('errorTitle', v.error && clampText(v.error.title, LIMIT.title))}${attr('error', v.error && clampText(v.error.body, LIMIT.error))}` +
    ` sqref="${ref}">${f}</dataValidation>`;
}

/** <dataValidations> of a sheet ('' when none). */
export function validationsXml(sheet: SheetSpec, layout: SheetLayout): string {
  const items = (sheet.dataValidations ?? []).flatMap((v) => {
    const ref = columnRange(sheet, layout, v.column);
    return ref ? [validationXml(v, ref)] : [];
  });
  return items.length ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>` : '';
}

/** <conditionalFormatting> blocks of a sheet: data cells whose text equals a value take a fill and/or font colour. */
export function conditionalFormatsXml(sheet: SheetSpec, layout: SheetLayout, styles: StyleTable): string {
  return (sheet.conditionalFormats ?? []).map((cf) => {
    const ref = columnRange(sheet, layout, cf.column);
    if (!ref) return '';
    const dxf = styles.dxf({ fill: cf.fill, color: cf.color });
    const formula = `"${cf.equals.replace(/"/g, '""')}"`;
    return `<conditionalFormatting sqref="${ref}"><cfRule type="cellIs" dxfId="${dxf}" priority="1" operator="equal"><formula>${escText(formula)}</formula></cfRule></conditionalFormatting>`;
  }).join('');
}
