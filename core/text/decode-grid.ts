/**
 * Whole-sheet legacy-encoding pass: decides per column (or per sheet when the whole
 * sheet is uniform) and converts only the string cells that read as legacy text.
 */
import { cellAddress, styleAt, type CellValue, type Grid } from '../grid';
import { convertLegacy, type LegacyEncoding } from './convert';
import { detectEncoding, isBeyondLegacy, isUpperFont, plausibleEncodings } from './detect';
import { hasHighChar } from './evidence';
import { memo } from '../deadline/memo';

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

interface Scan {
  direct: (LegacyEncoding | null)[][];
  /** Cells ("r,c") detected only because of their font, not their content. */
  fontOnly: Set<string>;
  colVotes: Map<number, Votes>;
  sheetVotes: Votes;
  /** Cells per column holding real Unicode Vietnamese text. */
  unicodeCols: Map<number, number>;
}

const VIETNAMESE_LETTERS = new Set([...'ăâđêôơưĂÂĐÊÔƠƯ'].map((ch) => ch.charCodeAt(0)));

/** Real Unicode Vietnamese: beyond any legacy reading, with a Vietnamese letter (after NFC). Pass `beyond` = isBeyondLegacy(v). */
function isUnicodeText(v: string, beyond: boolean): boolean {
  if (!beyond) return false;
  // Latin and Latin Extended Additional text is already NFC (see cleanText): no normalize() call.
  const n = isLatin(v) ? v : v.normalize('NFC');
  // Code units, as the first code unit of each code point: a surrogate (≥ 0xD800) counts as ≥ 0x1EA0 either way.
  for (let i = 0; i < n.length; i++) {
    const code = n.charCodeAt(i);
    if (code >= 0x1ea0 || VIETNAMESE_LETTERS.has(code)) return true;
  }
  return false;
}

/** Only characters U+0000–U+024F and U+1E00–U+1EFF: every such string is NFC. */
function isLatin(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code > 0x24f && (code < 0x1e00 || code > 0x1eff)) return false;
  }
  return true;
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

function scan(grid: Grid): Scan {
  const direct: (LegacyEncoding | null)[][] = [];
  const colVotes = new Map<number, Votes>();
  const sheetVotes: Votes = new Map();
  const unicodeCols = new Map<number, number>();
  const fontOnly = new Set<string>();
  grid.rows.forEach((row, r) => {
    direct[r] = [];
    (row ?? []).forEach((v, c) => {
      if (typeof v !== 'string') {
        direct[r][c] = null;
        return;
      }
      // ASCII text and text beyond every legacy reading are never detected (detectEncoding
      // returns null for both): skip the font lookup and the cache.
      const high = hasHighChar(v);
      const beyond = high && isBeyondLegacy(v);
      if (isUnicodeText(v, beyond)) unicodeCols.set(c, (unicodeCols.get(c) ?? 0) + 1);
      if (!high || beyond) {
        direct[r][c] = null;
        return;
      }
      const font = styleAt(grid, r, c)?.font;
      const enc = detect(v, font);
      direct[r][c] = enc;
      if (!enc || enc === 'utf8_as_cp1252') return;
      if (font !== undefined && detect(v as string, undefined) === null) fontOnly.add(`${r},${c}`);
      if (!colVotes.has(c)) colVotes.set(c, new Map());
      vote(colVotes.get(c)!, enc);
      vote(sheetVotes, enc);
    });
  });
  return { direct, fontOnly, colVotes, sheetVotes, unicodeCols };
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

function convertCell(grid: Grid, s: Scan, r: number, c: number, v: CellValue): Hit | null {
  if (typeof v !== 'string') return null;
  const font = styleAt(grid, r, c)?.font;
  // Shortcuts with the same outcome as the full decision below: ASCII text is never detected
  // nor plausible in any encoding, so only an upper-case TCVN3 font can make it legacy; text
  // beyond every legacy reading is never converted.
  if (!hasHighChar(v)) return isUpperFont(font) ? convertTo(v, r, c, upperFontOnly(v, font), font) : null;
  if (isBeyondLegacy(v)) return null;
  // A legacy font on text that reads as Unicode, in a column of Unicode text: the sheet was
  // converted but its fonts were not changed ("Công an" in .VnTime stays "Công an").
  const own = s.fontOnly.has(`${r},${c}`) && columnMixed(s, c) ? null : s.direct[r][c];
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
  grid.rows.forEach((row, r) => (row ?? []).forEach((v, c) => {
    const h = convertCell(grid, s, r, c, v);
    if (h) hits.push(h);
  }));
  if (hits.length === 0) return { grid, conversions: [] };
  const rows = grid.rows.map((row) => (row ? row.slice() : row));
  for (const h of hits) rows[h.r][h.c] = h.to;
  return { grid: { ...grid, rows }, conversions: summarise(grid, hits) };
}
