/**
 * Whole-sheet legacy-encoding pass: decides per column (or per sheet when the whole
 * sheet is uniform) and converts only the string cells that read as legacy text.
 */
import { cellAddress, copyRow, eachCell, styleAt, type Grid } from '../grid';
import { convertLegacy, type LegacyEncoding } from './convert';
import { detectEncoding, isBeyondLegacy, isUpperFont, plausibleEncodings } from './detect';
import { cp1252Char } from './cp1252';
import { memo } from '../memo';

/** One group of converted cells, for the LEGACY_ENCODING issue and the report. */
export interface EncodingConversion {
  encoding: LegacyEncoding;
  /** 0-based grid column, or null when the whole sheet was converted with one encoding. */
  col: number | null;
  cells: number;
  example: { cell: string; from: string; to: string };
}

interface Hit {
  r: number;
  c: number;
  from: string;
  to: string;
  enc: LegacyEncoding;
}

type Votes = Map<LegacyEncoding, number>;

function vote(votes: Votes, enc: LegacyEncoding): void {
  votes.set(enc, (votes.get(enc) ?? 0) + 1);
}

/** The encoding most cells detected on their own (ties: first seen). */
function majority(votes: Votes | undefined): LegacyEncoding | null {
  let best: LegacyEncoding | null = null;
  let n = 0;
  for (const [enc, k] of votes ?? []) if (k > n) [best, n] = [enc, k];
  return best;
}

/** All-capitals typing with TCVN3 ("T£N NHIÖM Vô"): the lower-case codes stand for capitals. */
function typedInCapitals(text: string): boolean {
  const ascii = text.replace(/[^A-Za-z]/g, '');
  return ascii.length >= 2 && ascii === ascii.toUpperCase();
}

function upperFor(text: string, enc: LegacyEncoding, font: string | undefined): boolean {
  if (enc !== 'tcvn3') return false;
  if (font !== undefined) return isUpperFont(font);
  return typedInCapitals(text);
}

/** A string cell that might be legacy text: everything else is left as it is. */
interface Candidate {
  r: number;
  c: number;
  v: string;
  font: string | undefined;
  /** ASCII only: legacy only through an upper-case TCVN3 font. */
  ascii: boolean;
  /** detectEncoding of the cell on its own (with its font). */
  direct: LegacyEncoding | null;
  /** Detected only because of its font, not its content. */
  fontOnly: boolean;
}

interface Scan {
  /** In row-major order. */
  candidates: Candidate[];
  colVotes: Map<number, Votes>;
  sheetVotes: Votes;
  /** Cells per column holding real Unicode Vietnamese text. */
  unicodeCols: Map<number, number>;
}

const VIETNAMESE_LETTERS = new Set([...'ăâđêôơưĂÂĐÊÔƠƯ'].map((ch) => ch.charCodeAt(0)));
/** Characters above U+00FF that a cp1252 reader produces (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). */
const CP1252_HIGH = new Set<number>();
for (let b = 0x80; b <= 0x9f; b++) if (cp1252Char(b).charCodeAt(0) > 0xff) CP1252_HIGH.add(cp1252Char(b).charCodeAt(0));

/**
 * What profile() asks of a code unit, as bits (one table look-up instead of two Set look-ups), up to
 * TABLE_END (past the highest CP1252_HIGH character, ™ U+2122); every code unit above is beyond, not
 * Latin and a letter.
 */
const BEYOND = 1;
const NOT_LATIN = 2;
const LETTER = 4;
const TABLE_END = 0x2200;
let charKinds: Uint8Array | null = null;

function buildCharKinds(): Uint8Array {
  const kinds = new Uint8Array(TABLE_END);
  for (let code = 0x80; code < TABLE_END; code++) {
    kinds[code] = (code > 0xff && !CP1252_HIGH.has(code) ? BEYOND : 0)
      | (code > 0x24f && (code < 0x1e00 || code > 0x1eff) ? NOT_LATIN : 0)
      | (code >= 0x1ea0 || VIETNAMESE_LETTERS.has(code) ? LETTER : 0);
  }
  for (const code of CP1252_HIGH) if (code >= TABLE_END) throw new Error('decode-grid: TABLE_END must pass every CP1252_HIGH character');
  return kinds;
}

/**
 * One pass over a string: `high` = hasHighChar, `beyond` = isBeyondLegacy, `unicode` = real
 * Unicode Vietnamese (beyond any legacy reading, with a Vietnamese letter after NFC).
 */
function profile(v: string): { high: boolean; beyond: boolean; unicode: boolean } {
  // Most cells: Latin and Latin Extended Additional only, with a Vietnamese letter beyond Latin-1 (ă đ ơ ư or
  // U+1EA0 and above, none of them a CP1252_HIGH character): high, beyond, Latin and a letter, as the loop finds.
  if (VIETNAMESE_BEYOND.test(v) && LATIN_ONLY.test(v)) return UNICODE_VIETNAMESE;
  let high = false;
  let beyond = false;
  let latin = true;
  let letter = false;
  const kinds = (charKinds ??= buildCharKinds());
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 0x80) continue;
    high = true;
    if (code >= TABLE_END) {
      letter = true;
      beyond = true;
      latin = false;
      continue;
    }
    const k = kinds[code];
    if (k & BEYOND) beyond = true;
    if (k & NOT_LATIN) latin = false;
    if (k & LETTER) letter = true;
  }
  // Latin and Latin Extended Additional text is already NFC (see cleanText): no normalize() call.
  // Otherwise look again after NFC, code unit by code unit (a surrogate counts as ≥ 0x1EA0 either way).
  const unicode = beyond && (latin ? letter : hasVietnameseLetter(v.normalize('NFC')));
  return { high, beyond, unicode };
}

const VIETNAMESE_BEYOND = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1eff]/;
// eslint-disable-next-line no-control-regex
const LATIN_ONLY = /^[\u0000-\u024f\u1e00-\u1eff]*$/;
const UNICODE_VIETNAMESE = { high: true, beyond: true, unicode: true } as const;

function hasVietnameseLetter(n: string): boolean {
  for (let i = 0; i < n.length; i++) {
    const code = n.charCodeAt(i);
    if (code >= 0x1ea0 || VIETNAMESE_LETTERS.has(code)) return true;
  }
  return false;
}

/**
 * detectEncoding, memoised by font and text across sheets and files: statuses, unit names and
 * headers repeat on every row and in every workbook (detectEncoding is pure).
 */
const detectors = new Map<string | undefined, (text: string) => LegacyEncoding | null>();

function detect(text: string, font: string | undefined): LegacyEncoding | null {
  let f = detectors.get(font);
  if (!f) {
    if (detectors.size >= 256) detectors.clear();
    detectors.set(font, f = memo((t: string) => detectEncoding(t, font)));
  }
  return f(text);
}

const upperFontMemo = memo(isUpperFont, 256);

function upperFont(font: string | undefined): boolean {
  return font !== undefined && upperFontMemo(font);
}

/**
 * Votes and candidates of a sheet. ASCII text and text beyond every legacy reading are never
 * detected (detectEncoding returns null for both) nor plausible in any encoding, so they are
 * candidates only as ASCII under an upper-case TCVN3 font; non-strings never are.
 */
function scan(grid: Grid): Scan {
  const candidates: Candidate[] = [];
  const colVotes = new Map<number, Votes>();
  const sheetVotes: Votes = new Map();
  const unicodeCols = new Map<number, number>();
  grid.rows.forEach((row, r) => {
    eachCell(row, (v, c) => {
      if (typeof v !== 'string') return;
      const { high, beyond, unicode } = profile(v);
      if (unicode) unicodeCols.set(c, (unicodeCols.get(c) ?? 0) + 1);
      if (beyond) return;
      const font = styleAt(grid, r, c)?.font;
      if (!high) {
        if (upperFont(font)) candidates.push({ r, c, v, font, ascii: true, direct: null, fontOnly: false });
        return;
      }
      const enc = detect(v, font);
      const fontOnly = enc !== null && enc !== 'utf8_as_cp1252' && font !== undefined && detect(v, undefined) === null;
      candidates.push({ r, c, v, font, ascii: false, direct: enc, fontOnly });
      if (!enc || enc === 'utf8_as_cp1252') return;
      if (!colVotes.has(c)) colVotes.set(c, new Map());
      vote(colVotes.get(c)!, enc);
      vote(sheetVotes, enc);
    });
  });
  return { candidates, colVotes, sheetVotes, unicodeCols };
}

/** Final encoding of one cell: the column's (else the sheet's) choice when the cell can read that way. */
function decide(text: string, own: LegacyEncoding | null, context: LegacyEncoding | null): LegacyEncoding | null {
  if (own === 'utf8_as_cp1252') return own;
  if (context && context !== own && plausibleEncodings(text).includes(context)) return context;
  return own;
}

function total(votes: Votes | undefined): number {
  let n = 0;
  for (const k of votes?.values() ?? []) n += k;
  return n;
}

/**
 * A column (or sheet) that also holds real Unicode Vietnamese: ambiguous cells there may be
 * Unicode ("Công an" reads as TCVN3 "Cụng an"), so they are left alone. A lone Unicode cell
 * (a template header above TCVN3 rows) does not make a column mixed.
 */
function isMixed(unicode: number, legacy: number): boolean {
  return unicode >= 2 && unicode * 3 >= legacy;
}

function columnMixed(s: Scan, c: number): boolean {
  return isMixed(s.unicodeCols.get(c) ?? 0, total(s.colVotes.get(c)));
}

function contextFor(s: Scan, c: number): LegacyEncoding | null {
  const col = s.colVotes.get(c);
  if (col) return isMixed(s.unicodeCols.get(c) ?? 0, total(col)) ? null : majority(col);
  let unicode = 0;
  for (const k of s.unicodeCols.values()) unicode += k;
  return isMixed(unicode, total(s.sheetVotes)) ? null : majority(s.sheetVotes);
}

/** TCVN3 H fonts draw ASCII letters as capitals too: "stt" in .VnTimeH is "STT". */
function upperFontOnly(v: string, font: string | undefined): LegacyEncoding | null {
  return isUpperFont(font) && !isBeyondLegacy(v) && v !== v.toUpperCase() ? 'tcvn3' : null;
}

function convertCell(s: Scan, x: Candidate): Hit | null {
  const { r, c, v, font } = x;
  if (x.ascii) return convertTo(v, r, c, upperFontOnly(v, font), font);
  // A legacy font on text that reads as Unicode, in a column of Unicode text: the sheet was
  // converted but its fonts were not changed ("Công an" in .VnTime stays "Công an").
  const own = x.fontOnly && columnMixed(s, c) ? null : x.direct;
  return convertTo(v, r, c, decide(v, own, contextFor(s, c)) ?? upperFontOnly(v, font), font);
}

function convertTo(v: string, r: number, c: number, enc: LegacyEncoding | null, font: string | undefined): Hit | null {
  if (!enc) return null;
  const to = convertLegacy(v, enc, { upper: upperFor(v, enc, font) });
  return to === v ? null : { r, c, from: v, to, enc };
}

function summarise(grid: Grid, hits: Hit[]): EncodingConversion[] {
  const groups = new Map<string, { enc: LegacyEncoding; col: number; hits: Hit[] }>();
  for (const h of hits) {
    const key = `${h.enc}:${h.c}`;
    if (!groups.has(key)) groups.set(key, { enc: h.enc, col: h.c, hits: [] });
    groups.get(key)!.hits.push(h);
  }
  const list = [...groups.values()];
  const example = (h: Hit) => ({ cell: cellAddress(grid, h.r, h.c), from: h.from, to: h.to });
  const encodings = new Set(list.map((g) => g.enc));
  if (list.length > 1 && encodings.size === 1) {
    return [{ encoding: list[0].enc, col: null, cells: hits.length, example: example(hits[0]) }];
  }
  return list
    .sort((a, b) => a.col - b.col)
    .map((g) => ({ encoding: g.enc, col: g.col, cells: g.hits.length, example: example(g.hits[0]) }));
}

/**
 * Convert legacy-encoded string cells of a sheet to Unicode. Returns the same grid object
 * when nothing changed; valid Unicode, numbers, dates and booleans are never touched.
 *
 * @example
 * const { grid: fixed, conversions } = decodeGrid(grid);
 * // conversions: [{ encoding: 'tcvn3', col: null, cells: 42, example: { cell: 'B6', from: 'Ch\u00ADa hoµn thµnh', to: 'Chưa hoàn thành' } }]
 */
export function decodeGrid(grid: Grid): { grid: Grid; conversions: EncodingConversion[] } {
  const s = scan(grid);
  const hits: Hit[] = [];
  for (const x of s.candidates) {
    const h = convertCell(s, x);
    if (h) hits.push(h);
  }
  if (hits.length === 0) return { grid, conversions: [] };
  const rows = grid.rows.map((row) => (row ? copyRow(row) : row));
  for (const h of hits) rows[h.r][h.c] = h.to;
  return { grid: { ...grid, rows }, conversions: summarise(grid, hits) };
}
