/** One cell and one row as SpreadsheetML text. Strings are always shared-string cells, never formulas. */
import { MAX_CELL_CHARS, safeText } from '../text';
import type { SharedStrings } from './strings';

export type Plain = string | number | boolean | Date | null | undefined;

// Text made only of these is already NFC and valid XML: ASCII, Latin-1, Latin Extended-A/B,
// Latin Extended Additional (precomposed Vietnamese), general punctuation (– — ' ' " " … ‰).
const PLAIN_TEXT = /^[\t\n\r\x20-\x7E\u00A0-\u02FF\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E]*$/;

/** safeText with a fast path for the common case (no normalisation or removal needed). */
export function cellText(s: string): string {
  return s.length <= MAX_CELL_CHARS && PLAIN_TEXT.test(s) && s.indexOf('_x') < 0 ? s : safeText(s);
}

/** Excel serial of a Date (1900 system, same arithmetic as ExcelJS). */
export function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

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
  const serial = excelSerial(v);
  return Number.isFinite(serial) ? `<c r="${ref}"${st}><v>${serial}</v></c>` : `<c r="${ref}"${st}/>`;
}

/** `<row>` around its cells; a height makes it a custom height. */
export function rowXml(r: number, cells: string, height?: number): string {
  return `<row r="${r}"` + (height ? ` ht="${height}" customHeight="1"` : '') + '>' + cells + '</row>';
}
