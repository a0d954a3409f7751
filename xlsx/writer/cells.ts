/** One cell and one row as SpreadsheetML text. Strings are always shared-string cells, never formulas. */
import { dateToExcelSerial } from '../../core/deadline/serial';
import { storedText, type SharedStrings } from './strings';
import { MAX_CELL_CHARS } from './text';
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
  if (v.length <= MAX_CELL_CHARS && INLINE_AS_IS.test(v)) {
    // What tElement(storedText(v)) gives for such a text, from one scan instead of three.
    const preserve = v.length > 0 && (v.charCodeAt(0) === 0x20 || v.charCodeAt(v.length - 1) === 0x20);
    return `<c r="${ref}"${styleAttr(s)} t="inlineStr"><is>${preserve ? '<t xml:space="preserve">' : '<t>'}${v}</t></is></c>`;
  }
  return `<c r="${ref}"${styleAttr(s)} t="inlineStr"><is>${tElement(storedText(v))}</is></c>`;
}

/**
 * Text storedText keeps as it is (its PLAIN_TEXT) with nothing for escText to escape and no tab or line break
 * (tElement's xml:space then depends only on a leading or trailing space): no tab, LF, CR, ", &, <, > or "_"
 * (so no `_xHHHH_` either).
 */
const INLINE_AS_IS = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5e\x60-\x7e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

const NO_STRINGS: SharedStrings = {
  index(): number { throw new Error('tiendo: no shared strings here'); },
  *chunks(): Generator<string> { /* none */ },
};
