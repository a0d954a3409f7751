/** One cell and one row as SpreadsheetML text. Strings are always shared-string cells, never formulas. */
import { dateToExcelSerial } from '../../core/deadline/serial';
import { storedText, type SharedStrings } from './strings';
import { tElement } from './xml';

export type Plain = string | number | boolean | Date | null | undefined;


const STYLE_ATTR: string[] = [];

function styleAttr(s: number): string {
  return STYLE_ATTR[s] ?? (STYLE_ATTR[s] = s ? ` s="${s}"` : '');
}

/** `<c>` for a value with style index `s` (empty cells keep their style); `col` is the 0-based column. */
export function cellXml(ref: string, s: number, v: Plain, strings: SharedStrings, col?: number): string {
  const st = styleAttr(s);
  if (v === null || v === undefined) return `<c r="${ref}"${st}/>`;
  if (typeof v === 'string') return `<c r="${ref}"${st} t="s"><v>${strings.index(v, col)}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : `<c r="${ref}"${st}/>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  const serial = dateToExcelSerial(v);
  return Number.isFinite(serial) ? `<c r="${ref}"${st}><v>${serial}</v></c>` : `<c r="${ref}"${st}/>`;
}

/** `<row>` around its cells; a height makes it a custom height. */
export function rowXml(r: number, cells: string, height?: number): string {
  return `<row r="${r}"` + (height ? ` ht="${height}" customHeight="1"` : '') + '>' + cells + '</row>';
}

/** `<c>` like cellXml, with a text written in the cell (an inline string) instead of the shared-strings table. */
export function inlineCellXml(ref: string, s: number, v: Plain): string {
  if (typeof v !== 'string') return cellXml(ref, s, v, NO_STRINGS);
  return `<c r="${ref}"${styleAttr(s)} t="inlineStr"><is>${tElement(storedText(v))}</is></c>`;
}

const NO_STRINGS: SharedStrings = {
  index(): number { throw new Error('tiendo: no shared strings here'); },
  *chunks(): Generator<string> { /* none */ },
};
