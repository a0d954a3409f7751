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
  const fast = cleanOrNfc(s);
  if (fast !== null) return fast;
  const decoded = decodeEntities(stripTags(s)).normalize('NFC').replace(ZERO_WIDTH, '');
  return dropSoftHyphens(decoded).replace(/\s+/g, ' ').trim();
}

/** JS `\s` above ASCII that cleanText turns into a space (the zero-width U+FEFF, also in `\s`, is dropped first: not here). */
function isWideSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Zero-width characters cleanText drops (ZERO_WIDTH). */
function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Text cleanText returns unchanged, the common case: words of printable characters but "<" and "&" from Latin
 * (ASCII, Latin-1 but NBSP and the soft hyphen, Extended-A/B) and Latin Extended Additional, single spaces between.
 */
const CLEAN_WORDS = /^[!-%'-;=-~\u00a1-\u00ac\u00ae-\u024f\u1e00-\u1eff]+(?: [!-%'-;=-~\u00a1-\u00ac\u00ae-\u024f\u1e00-\u1eff]+)*$/;

/** What stripTags could match at a "<": a comment or a tag name start. */
function mayStartTag(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 1);
  return c === 0x21 || c === 0x2f || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a); // ! / a-z A-Z
}

/** What decodeEntities matches at a "&" (sticky: tested at one position). */
const ENTITY_AT = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/y;

function isEntityAt(s: string, i: number): boolean {
  ENTITY_AT.lastIndex = i;
  return ENTITY_AT.test(s);
}

/**
 * Fast path of cleanText, one pass and no normalize() for Vietnamese text: what cleaning returns, or null when
 * the text needs the full pipeline: a tag or comment start ("<b", "</", "<!"; not "a < b"), a character
 * reference ("&amp;", "&#7841;"; not "KH&CN"), a soft hyphen or a zero-width character. Whitespace (JS `\s`)
 * is collapsed and trimmed here, as the pipeline's last step does: stripTags and decodeEntities change nothing
 * without a match, and NFC neither adds nor removes whitespace (U+2000/U+2001, its only canonical singletons to
 * a space, are spaces either way) nor composes across it (no composition starts with a space). Printable ASCII,
 * Latin-1, Latin Extended-A/B and Latin Extended Additional (all precomposed Vietnamese) are NFC on their own and
 * in any sequence (checked exhaustively), so normalize() is only asked about other characters.
 */
function cleanOrNfc(s: string): string | null {
  if (CLEAN_WORDS.test(s)) return s; // most cells: a regular expression scans them faster than the loop below
  const last = s.length - 1;
  let askNfc = false;
  let collapse = false;
  for (let i = 0; i <= last; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x20) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 0x20) collapse = true;
    } else if (code < 0x7f) {
      if (code >= 0x09 && code <= 0x0d) collapse = true; // \t \n \v \f \r
      else if (code === 0x3c) {
        if (mayStartTag(s, i)) return null;
      } else if (code === 0x26 && isEntityAt(s, i)) return null;
    } else if (code >= 0xa0 && code <= 0x24f) {
      if (code === 0xa0) collapse = true;
      else if (code === 0xad) return null;
    } else if (code >= 0x1e00 && code <= 0x1eff) {
      // precomposed Vietnamese: NFC as it is
    } else if (isWideSpace(code)) {
      collapse = true;
    } else if (isZeroWidth(code)) {
      return null;
    } else {
      askNfc = true;
    }
  }
  let out = collapse ? s.replace(/\s+/g, ' ').trim() : s;
  if (askNfc) {
    const n = out.normalize('NFC');
    if (n !== out) out = n;
  }
  return out;
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
  return fastFoldKey(s) ?? slowFoldKey(s);
}

/**
 * The one diacritic fold: lower case, the Vietnamese diacritics removed (all in Combining
 * Diacritical Marks, U+0300–U+036F, after NFD), đ → d; punctuation and spacing kept. The keys
 * built on it: foldKey (punctuation runs → one space), the deadline and status key
 * (core/deadline/clean.ts fold), sheet-name matching (core/table/read.ts).
 *
 * @example foldMarks('Đã HOÀN thành, 31/12') // 'da hoan thanh, 31/12'
 */
export function foldMarks(s: string): string {
  return fastFoldMarks(s) ?? slowFoldMarks(s);
}

function slowFoldMarks(s: string): string {
  // The block range, not \p{M}: the same result on Vietnamese text, 1,5 times faster on this hot path.
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/**
 * slowFoldMarks character by character, for the fold ranges (Latin, Latin Extended Additional, general
 * punctuation): the one code unit each character folds to, or 0 (not in the ranges, or folding to more or
 * less than one code unit: the string takes the slow path). Folding a string of them equals folding each:
 * none is a combining mark (NFD reorders marks only within one character's decomposition), their
 * lower-casing has no context rule (Greek final sigma is outside), and the mark removal and đ → d are per
 * character. Built once from slowFoldMarks itself (4 times faster on result texts: one pass, no NFD).
 */
let marksTable: Uint16Array | null = null;

function buildMarksTable(): Uint16Array {
  const t = new Uint16Array(FOLD_RANGES[FOLD_RANGES.length - 1][1] + 1);
  for (const [from, to] of FOLD_RANGES) {
    for (let c = from; c <= to; c++) {
      const f = slowFoldMarks(String.fromCharCode(c));
      if (f.length === 1) t[c] = f.charCodeAt(0);
    }
  }
  return t;
}

/** foldMarks' output before it is a string, reused. */
let marksBuffer = new Uint16Array(1024);

function fastFoldMarks(s: string): string | null {
  const table = (marksTable ??= buildMarksTable());
  const end = table.length;
  const n = s.length;
  if (marksBuffer.length < n) marksBuffer = new Uint16Array(n * 2);
  const out = marksBuffer;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < end ? table[c] : 0;
    if (f === 0) return null;
    out[i] = f;
  }
  // Short strings: fromCharCode costs less than a decoder call.
  return n <= 64 ? String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]) : utf16.decode(out.subarray(0, n));
}

/** foldKey for text outside the fold table: marks of other scripts are dropped too. */
function slowFoldKey(s: string): string {
  return foldMarks(s.normalize('NFC'))
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Per-character fold table for Latin, Latin Extended Additional (Vietnamese), general
 * punctuation and the symbol blocks after it: the slow pipeline applied to the character alone; a string means a letter/digit
 * piece, SEPARATOR a punctuation or space, undefined "use the slow path". Per-character folding
 * equals folding the whole string here because none of these characters composes with its
 * neighbour under NFC (combining marks U+0300–U+036F are outside the table) and their
 * lower-casing has no context rule in Vietnamese (Greek final sigma is outside the table).
 */
const SEPARATOR = 0;
// General punctuation through mathematical operators: superscript and subscript digits and brackets ("⁽¹⁾"),
// currency, letter-like symbols, number forms, arrows, "≤", "≥" (a text holding one took the slow path whole: a sixth
// of the realistic returns' texts, for "⁽¹⁾" alone). Not the combining marks for symbols (U+20D0–U+20FF): a mark
// is dropped, not a separator.
const FOLD_RANGES: readonly [number, number][] = [[0x0000, 0x024f], [0x1e00, 0x1eff], [0x2000, 0x20cf], [0x2100, 0x22ff]];
/** Indexed by char code up to the last range's end; `undefined` outside the ranges. */
type FoldTable = (string | typeof SEPARATOR | undefined)[];
let foldTable: FoldTable | null = null;

function buildFoldTable(): FoldTable {
  const end = FOLD_RANGES[FOLD_RANGES.length - 1][1] + 1;
  const table: FoldTable = new Array<string | typeof SEPARATOR | undefined>(end).fill(undefined);
  for (const [from, to] of FOLD_RANGES) {
    for (let c = from; c <= to; c++) {
      const f = foldMarks(String.fromCharCode(c).normalize('NFC'));
      if (/^[\p{L}\p{N}]+$/u.test(f)) table[c] = f;
      else if (/^[^\p{L}\p{N}]+$/u.test(f)) table[c] = SEPARATOR;
    }
  }
  return table;
}

/** a-z and 0-9 fold to themselves: runs of them are copied as slices. */
function isPlainKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** foldKey through the table, or null when s holds a character outside it. */
function fastFoldKey(s: string): string | null {
  const table = (foldTable ??= buildFoldTable());
  let out = '';
  let gap = false;
  let run = -1; // start of the current a-z/0-9 run, or -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isPlainKeyChar(c)) {
      if (run < 0) {
        if (gap && out) out += ' ';
        gap = false;
        run = i;
      }
      continue;
    }
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    const f = c < table.length ? table[c] : undefined;
    if (f === undefined) return null;
    if (f === SEPARATOR) {
      gap = true;
    } else {
      if (gap && out) out += ' ';
      out += f;
      gap = false;
    }
  }
  if (run >= 0) out += s.slice(run);
  return out;
}

/**
 * The fold table as character codes, for foldKeyCodes: the one character a table entry folds to,
 * FOLD_SEPARATOR, FOLD_MANY (a longer piece: see the table), or FOLD_NONE (not in the table).
 */
const FOLD_SEPARATOR = -1;
const FOLD_MANY = -2;
const FOLD_NONE = -3;
let foldCodes: Int32Array | null = null;

function buildFoldCodes(table: FoldTable): Int32Array {
  const codes = new Int32Array(table.length);
  for (let c = 0; c < table.length; c++) {
    const f = table[c];
    codes[c] = f === undefined ? FOLD_NONE : f === SEPARATOR ? FOLD_SEPARATOR : f.length === 1 ? f.charCodeAt(0) : FOLD_MANY;
  }
  return codes;
}

/**
 * foldKey(s) as UTF-16 code units, without building the string (the duplicate-file hash folds every
 * text of a file): a view of a buffer reused by the next call, equal code for code to foldKey(s).
 */
export function foldKeyCodes(s: string): Uint16Array {
  const table = (foldTable ??= buildFoldTable());
  const codes = (foldCodes ??= buildFoldCodes(table));
  const n = s.length;
  if (keyBuffer.length < n * 4) keyBuffer = new Uint16Array(n * 4); // a space and a piece of up to 3 per character
  const out = keyBuffer;
  let m = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < codes.length ? codes[c] : FOLD_NONE;
    // The common case first: a character folding to one code unit.
    if (f >= 0) {
      if (gap) {
        if (m > 0) out[m++] = 0x20;
        gap = false;
      }
      out[m++] = f;
      continue;
    }
    if (f === FOLD_SEPARATOR) {
      gap = true;
      continue;
    }
    // A character outside the table: foldKey takes the slow path for the whole string.
    if (f === FOLD_NONE) return codesOf(slowFoldKey(s));
    if (gap && m > 0) out[m++] = 0x20;
    gap = false;
    const piece = table[c] as string;
    for (let k = 0; k < piece.length; k++) out[m++] = piece.charCodeAt(k);
  }
  return out.subarray(0, m);
}

/** foldKeyCodes' buffer, reused. */
let keyBuffer = new Uint16Array(2048);

function codesOf(s: string): Uint16Array {
  if (keyBuffer.length < s.length) keyBuffer = new Uint16Array(s.length * 2);
  for (let i = 0; i < s.length; i++) keyBuffer[i] = s.charCodeAt(i);
  return keyBuffer.subarray(0, s.length);
}

/**
 * A test on raw text that is true whenever fold(s) (cleanText then foldMarks) contains one of
 * `words` (lower-case a-z and single spaces): a pre-check that spares folding a long text that
 * cannot match. Each letter stands for every character of the fold ranges that folds to it, a
 * space for any run of whitespace. A text the letter classes cannot speak for (a tag or entity
 * start ("<b", "&#", "&nbsp;"; not "KH&CN"), a character outside the ranges or folding to more or less than one character: combining
 * marks, zero-width, soft hyphen, "ĳ") passes, so the test never says no wrongly; it may say yes.
 *
 * @example mayFoldTo(['gia han']).test('Đã GIA HẠN') // true
 */
export function mayFoldTo(words: readonly string[]): { test(s: string): boolean } {
  for (const w of words) if (!/^[a-z]+(?: [a-z]+)*$/.test(w)) throw new Error(`mayFoldTo: "${w}" is not lower-case words a-z`);
  return { test: (s: string): boolean => { const k = foldedLetters(s); return k === null || words.some((w) => k.includes(w)); } };
}

/**
 * The letters a-z that fold(s) is made of, each whitespace run as one space and any other character
 * as "\u0001" (it folds to no letter: a word cannot run through it); null when the classes cannot
 * speak for s (see mayFoldTo). `foldedLetters(s).includes(w)` is true whenever fold(s) holds the
 * word w (lower-case a-z, single spaces): the pre-check mayFoldTo runs, one pass, no normalize().
 */
export function foldedLetters(s: string): string | null {
  const codes = (rawCodes ??= buildRawCodes());
  if (letterBuffer.length < s.length) letterBuffer = new Uint16Array(s.length * 2);
  const out = letterBuffer;
  let n = 0;
  let space = false; // the last code written is a whitespace run's space
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < codes.length ? codes[c] : RAW_CANNOT;
    if (k === RAW_SPACE) {
      if (!space) out[n++] = 32;
      space = true;
      continue;
    }
    space = false;
    if (k > RAW_SPACE) {
      out[n++] = k;
      continue;
    }
    if (k === RAW_CANNOT) return null;
    if (c === 0x3c && /[!/a-zA-Z]/.test(s.charAt(i + 1))) return null; // a tag or comment start
    if (c === 0x26 && /^&(?:#|[a-zA-Z]+;)/.test(s.slice(i, i + 40))) return null; // an entity
    out[n++] = 1;
  }
  return utf16.decode(out.subarray(0, n));
}

const utf16 = new TextDecoder('utf-16le');

/** foldedLetters' output, reused from call to call. */
let letterBuffer = new Uint16Array(1024);

/**
 * Where mayFoldTo's classes are known: the fold table's ranges, plus super- and subscripts, currency,
 * letter-like symbols (the Kelvin sign folds to "k"), number forms and enclosed numbers (⁽²⁾, ①).
 */
const RAW_RANGES: readonly [number, number][] = [...FOLD_RANGES, [0x2070, 0x218f], [0x2460, 0x24ff]];
/** rawCodes entries besides a letter's code (97-122). */
const RAW_CANNOT = 0;
const RAW_INERT = 1;
const RAW_SPACE = 32;
let rawCodes: Uint8Array | null = null;

function buildRawCodes(): Uint8Array {
  const end = RAW_RANGES.reduce((m, [, b]) => Math.max(m, b + 1), 0);
  const codes = new Uint8Array(end); // RAW_CANNOT outside the ranges
  for (const [from, to] of RAW_RANGES) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) {
        codes[c] = RAW_SPACE; // cleanText turns a run of it into one space
        continue;
      }
      const f = foldMarks(ch);
      if (f.length !== 1 || ch.normalize('NFC') !== ch || c === 0xad || ZERO_WIDTH_ONE.test(ch)) codes[c] = RAW_CANNOT;
      else codes[c] = /^[a-z]$/.test(f) ? f.charCodeAt(0) : RAW_INERT;
    }
  }
  return codes;
}

const ZERO_WIDTH_ONE = /^[\u200b-\u200d\u2060\ufeff]$/;

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
