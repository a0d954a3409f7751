/**
 * "UTF-8 read as Windows-1252" mojibake ("Viá»‡t Nam" → "Việt Nam"), including the common
 * variant where the five bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) were lost on
 * the way ("Äáº¡i" is "Đại" whose 0x90 vanished): the missing byte is restored by trying each
 * and keeping the reading that spells Vietnamese.
 */
import { cp1252Byte } from './cp1252';
import { isVietnameseSyllable } from './syllable';
import { COMMON_SYLLABLES } from './common-syllables';

const UNDEFINED_BYTES = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const MAX_MISSING_PER_WORD = 3;

/** Bytes of text read as cp1252, or null if some character is not a cp1252 reading. */
function cp1252Bytes(text: string): number[] | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const b = cp1252Byte(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  return bytes;
}

/** Number of continuation bytes a lead byte needs, or -1 if b cannot start a sequence. */
function needed(b: number): number {
  if (b < 0x80) return 0;
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if (b >= 0xe0 && b <= 0xef) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return -1;
}

const isCont = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/** Strict UTF-8 decoding (no overlongs, no surrogates); null on any invalid sequence. */
function decodeUtf8Strict(bytes: number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = needed(bytes[i]);
    if (n < 0) return null;
    let cp = n === 0 ? bytes[i] : bytes[i] & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      if (!isCont(bytes[i + k])) return null;
      cp = (cp << 6) | (bytes[i + k] & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][n];
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/** Vietnamese letters whose UTF-8 ends in an undefined cp1252 byte: the only repairs allowed. */
const REPAIRABLE = new Set('ÁÍÝĐềọỏỐờ');

/** Does inserting byte b at `at` complete a Vietnamese letter (sequence starting at `start`)? */
function completesLetter(bytes: number[], start: number, at: number, b: number): boolean {
  const s = decodeUtf8Strict([...bytes.slice(start, at), b]);
  return s !== null && REPAIRABLE.has(s);
}

/** Every byte sequence obtained by inserting lost undefined bytes where a sequence falls short. */
function repairs(bytes: number[], from = 0, budget = MAX_MISSING_PER_WORD): number[][] {
  let i = from;
  while (i < bytes.length) {
    const n = needed(bytes[i]);
    if (n < 0) return [];
    let k = 0;
    while (k < n && isCont(bytes[i + 1 + k])) k++;
    if (k === n) { i += n + 1; continue; }
    if (n - k > budget || n - k > 1) return [];
    const at = i + 1 + k;
    return UNDEFINED_BYTES.filter((b) => completesLetter(bytes, i, at, b)).flatMap((b) =>
      repairs([...bytes.slice(0, at), b, ...bytes.slice(at)], at + 1, budget - 1),
    );
  }
  return [bytes];
}

/** Score of a repaired reading: well-formed syllables up (common ones more), malformed ones down; abbreviations in capitals ("HĐND") are neutral. */
function spellsVietnamese(s: string): number {
  let score = 0;
  for (const w of s.match(/\p{L}+/gu) ?? []) {
    if (/^[A-ZĐ]{2,}$/.test(w) && /[B-DF-HJ-NP-TV-XZĐ]{2}/.test(w)) continue;
    if (!isVietnameseSyllable(w)) score -= 1;
    else score += COMMON_SYLLABLES.has(w.toLowerCase()) ? 1.5 : 1;
  }
  return score;
}

function decodeWord(bytes: number[]): string | null {
  const strict = decodeUtf8Strict(bytes);
  if (strict !== null) return strict;
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const candidate of repairs(bytes)) {
    const s = decodeUtf8Strict(candidate);
    if (s === null) continue;
    const score = spellsVietnamese(s);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return bestScore >= 0 ? best : null;
}

/** The UTF-8 text behind a cp1252 mojibake string, or null if it is not one. */
export function decodeMojibake(text: string): string | null {
  const bytes = cp1252Bytes(text);
  if (!bytes || !bytes.some((b) => b >= 0x80)) return null;
  const strict = decodeUtf8Strict(bytes);
  if (strict !== null) return strict;
  // Repair word by word (ASCII whitespace separates; NBSP 0xA0 is a continuation byte).
  let out = '';
  let word: number[] = [];
  for (const b of [...bytes, 0x20]) {
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) { word.push(b); continue; }
    const w = decodeWord(word);
    if (w === null) return null;
    out += w + String.fromCharCode(b);
    word = [];
  }
  // A repair is a guess: ask for at least two mojibake characters ("Ã" alone is not "Á").
  return bytes.filter((b) => b >= 0x80).length >= 2 ? out.slice(0, -1) : null;
}

/** Every lower-case Vietnamese letter outside ASCII. */
const VI_LETTERS = new Set(
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
);

function hasVietnameseLetter(text: string): boolean {
  for (const ch of text.toLowerCase()) if (VI_LETTERS.has(ch)) return true;
  return false;
}

/** Decoded text is UTF-8 that a cp1252 reader mangled, and it is Vietnamese. */
export function isUtf8AsCp1252(text: string): boolean {
  const decoded = decodeMojibake(text);
  return decoded !== null && hasVietnameseLetter(decoded);
}
