/**
 * Text normalisation for cell contents and comparison keys.
 */
import type { CellValue } from '../grid';
import { decodeEntities, stripTags } from './html';
import { detectEncoding } from './detect';
import { placeTone } from './tone';

/** Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM): invisible noise. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const SOFT_HYPHEN = '\u00ad';

/**
 * U+00AD is the TCVN3 letter "ư": drop it only when the text does not read as legacy.
 * (Run decodeGrid before cleanText; this is the safety net.)
 */
function dropSoftHyphens(s: string): string {
  if (!s.includes(SOFT_HYPHEN) || detectEncoding(s) !== null) return s;
  return s.split(SOFT_HYPHEN).join('');
}

/**
 * Clean a cell string: strip HTML tags (<br>, </p> → space), decode entities, NFC,
 * drop zero-width characters, turn NBSP / tabs / line breaks into spaces, collapse runs of
 * whitespace and trim.
 *
 * @example cleanText('<p>Đã&nbsp;hoàn <b>thành</b></p>\r\n') // 'Đã hoàn thành'
 */
export function cleanText(s: string): string {
  const decoded = decodeEntities(stripTags(s)).normalize('NFC').replace(ZERO_WIDTH, '');
  return dropSoftHyphens(decoded).replace(/\s+/g, ' ').trim();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A cell value as display text: null → "", strings cleaned, numbers without grouping
 * (at most 15 significant digits, like Excel),
 * booleans "TRUE"/"FALSE", dates dd/mm/yyyy (read in UTC).
 *
 * @example cellText(new Date(Date.UTC(2025, 5, 30))) // '30/06/2025'
 */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  // 15 significant digits, as Excel shows them: 0.1 + 0.2 → "0.3", not "0.30000000000000004".
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Number.isNaN(v.getTime())) return '';
  return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/**
 * Comparison key ignoring case, diacritics (đ → d) and punctuation (runs → one space).
 *
 * @example foldKey('ĐÃ HOÀN THÀNH!') === foldKey('da hoan thanh') // true
 */
export function foldKey(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Comparison key keeping diacritics but ignoring case and tone placement style
 * (hoà = hòa, uỷ = ủy, khoẻ = khỏe); whitespace collapsed.
 *
 * @example toneKey('Thuỷ lợi') === toneKey('thủy lợi') // true
 */
export function toneKey(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\p{L}+/gu, placeTone)
    .replace(/\s+/g, ' ')
    .trim();
}
