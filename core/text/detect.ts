/**
 * Decide whether a cell string is legacy-encoded Vietnamese, and which encoding.
 * Conservative by design: a false positive corrupts good data, a miss leaves
 * mojibake the user can still see and report.
 */
import { TCVN3_DECODE, VNI_DECODE, VISCII_DECODE } from './legacy-tables';
import { cp1252Byte } from './cp1252';
import { convertLegacy, isVniIdentity, type LegacyEncoding } from './convert';
import { decodeMojibake } from './mojibake';
import { isVietnameseSyllable } from './syllable';
import { COMMON_SYLLABLES } from './common-syllables';

/** Vietnamese letters that exist in Latin-1: seeing them proves nothing about a legacy encoding. */
const VI_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
/** Every lower-case Vietnamese letter outside ASCII. */
const VI_LETTERS = new Set(
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
);
const MIN_VALID_RATIO = 0.75;

/** Legacy encoding implied by a cell font name: .VnTime/.VnTimeH/.VnArial… → tcvn3, VNI-Times… → vni. */
export function fontEncoding(font: string | undefined): LegacyEncoding | null {
  if (!font) return null;
  const f = font.trim();
  if (/^\.vn/i.test(f)) return 'tcvn3';
  if (/^vni[- _]/i.test(f)) return 'vni';
  return null;
}

/** TCVN3 'H' fonts (.VnTimeH, .VnArialH…) draw every code as a capital. */
export function isUpperFont(font: string | undefined): boolean {
  return fontEncoding(font) === 'tcvn3' && /h$/i.test(font!.trim());
}

function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** True if text holds a character no single-byte legacy reading can produce (so it is already Unicode). */
export function isBeyondLegacy(text: string): boolean {
  for (const ch of text) if (cp1252Byte(ch) === undefined) return true;
  return false;
}

function hasVietnameseLetter(text: string): boolean {
  for (const ch of text.toLowerCase()) if (VI_LETTERS.has(ch)) return true;
  return false;
}

/** Decoded text is UTF-8 that a cp1252 reader mangled, and it is Vietnamese. */
export function isUtf8AsCp1252(text: string): boolean {
  const decoded = decodeMojibake(text);
  return decoded !== null && hasVietnameseLetter(decoded);
}

/** Neutral characters that may sit in legacy text without meaning anything (NBSP, cp1252 punctuation). */
function isNeutral(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code === 0xa0 || (code >= 0x2000 && code <= 0x20ff) || (code >= 0x80 && code <= 0x9f);
}

interface Evidence {
  /** Every non-ASCII character is part of this encoding's repertoire (or neutral). */
  explained: boolean;
  /** Characters that only make sense as this encoding (not Vietnamese letters in Unicode). */
  strong: number;
}

function caseAnomaly(text: string, i: number, decoded: string | undefined): boolean {
  const prev = text[i - 1];
  const ch = text[i];
  return !!decoded && !!prev && /[a-z]/.test(prev) && ch !== ch.toLowerCase() && decoded === decoded.toLowerCase();
}

/** A letter or a non-ASCII, non-neutral character: part of a legacy word. */
function wordish(ch: string | undefined): boolean {
  if (!ch) return false;
  return /\p{L}/u.test(ch) || (ch.charCodeAt(0) >= 0x80 && !isNeutral(ch));
}

/** A lone symbol ("5 £", "© 2024") is no evidence: legacy letters sit inside words. */
function inWord(text: string, i: number, len = 1): boolean {
  return wordish(text[i - 1]) || wordish(text[i + len]);
}

function singleByteEvidence(text: string, table: ReadonlyMap<string, string>): Evidence {
  let explained = true;
  let strong = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch.charCodeAt(0) < 0x80) continue;
    const to = table.get(ch);
    if (to === undefined || to === ch) {
      if (to === undefined && !isNeutral(ch)) explained = false;
      continue;
    }
    if (!VI_LATIN1.has(ch) && !isNeutral(ch) && inWord(text, i)) strong++;
    else if (caseAnomaly(text, i, to)) strong++;
  }
  return { explained, strong };
}

function vniEvidence(text: string): Evidence {
  let explained = true;
  let strong = 0;
  let i = 0;
  while (i < text.length) {
    const pair = text.slice(i, i + 2);
    if (pair.length === 2 && VNI_DECODE.has(pair)) {
      if (!VI_LATIN1.has(pair[1]) && inWord(text, i, 2)) strong++;
      i += 2;
      continue;
    }
    const ch = text[i];
    if (ch.charCodeAt(0) >= 0x80) {
      if (VNI_DECODE.has(ch)) strong += VI_LATIN1.has(ch) || !inWord(text, i) ? 0 : 1;
      else if (!isVniIdentity(ch) && !isNeutral(ch)) explained = false;
    }
    i += 1;
  }
  return { explained, strong };
}

function evidence(text: string, enc: LegacyEncoding): Evidence {
  if (enc === 'tcvn3') return singleByteEvidence(text, TCVN3_DECODE);
  if (enc === 'viscii') return singleByteEvidence(text, VISCII_DECODE);
  if (enc === 'vni') return vniEvidence(text);
  return { explained: isUtf8AsCp1252(text), strong: 1 };
}

/** A lower-case letter followed by an upper-case ASCII one ("ồC"), unless the typist wrote ASCII in capitals ("NHIệM"). */
function badCase(word: string): boolean {
  const ascii = word.replace(/[^A-Za-z]/g, '');
  if (ascii === ascii.toUpperCase()) return false;
  return /\p{Ll}[A-Z]/u.test(word);
}

const validMemo = new Map<string, boolean>();

function validWord(word: string): boolean {
  let ok = validMemo.get(word);
  if (ok === undefined) {
    if (validMemo.size >= 50_000) validMemo.clear();
    ok = !/\p{N}/u.test(word) && !badCase(word) && isVietnameseSyllable(word);
    validMemo.set(word, ok);
  }
  return ok;
}

/** Upper-case abbreviations with Đ ("HĐND", "ĐVHC", "BCĐTW"): not syllables, not evidence against. */
function isAbbreviation(word: string): boolean {
  return /^[A-ZĐ]{2,}$/.test(word) && /[B-DF-HJ-NP-TV-XZĐ]{2}/.test(word);
}

interface WordStats {
  /** Decoded words of 2+ characters with non-ASCII letters, abbreviations excluded. */
  counted: number;
  valid: number;
  abbreviations: number;
}

function wordStats(decoded: string): WordStats {
  const words = (decoded.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2 && hasHighChar(w));
  const counted = words.filter((w) => !isAbbreviation(w));
  return { counted: counted.length, valid: counted.filter(validWord).length, abbreviations: words.length - counted.length };
}

/**
 * Share of the decoded words (2+ characters, carrying non-ASCII letters) that are well-formed
 * Vietnamese syllables; 0 if there are none. One-letter words ("ở", or "â" from "©") prove nothing.
 */
export function syllableScore(decoded: string): number {
  const st = wordStats(decoded);
  return st.counted === 0 ? 0 : st.valid / st.counted;
}

/** Plausible as Vietnamese in a legacy context: well-formed syllables, or only abbreviations like "HĐND". */
function plausibleDecoding(decoded: string): boolean {
  const st = wordStats(decoded);
  return st.counted === 0 ? st.abbreviations > 0 : st.valid / st.counted >= MIN_VALID_RATIO;
}

function relevantWords(decoded: string): number {
  return (decoded.match(/\p{L}{2,}/gu) ?? []).filter(hasHighChar).length;
}

/** VISCII is rare and its repertoire covers every Latin-1 symbol: ask for more evidence. */
function enoughEvidence(enc: LegacyEncoding, ev: Evidence, decoded: string): boolean {
  if (enc !== 'viscii') return ev.strong >= 1;
  return ev.strong >= 2 && relevantWords(decoded) >= 2;
}

const SINGLE_BYTE: LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];

/**
 * A legacy encoding that decodes text into Vietnamese, ignoring the "strong evidence"
 * requirement: for cells whose reading is ambiguous on their own (e.g. "Bé" = "Bộ" in TCVN3)
 * and that are converted only when their column or sheet is known to be legacy.
 */
export function plausibleEncodings(text: string): LegacyEncoding[] {
  if (!hasHighChar(text) || isBeyondLegacy(text)) return [];
  return SINGLE_BYTE.filter(
    (enc) => evidence(text, enc).explained && plausibleDecoding(convertLegacy(text, enc)),
  );
}

/** How many decoded words are among the most frequent Vietnamese syllables. */
function commonCount(decoded: string): number {
  return (decoded.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => COMMON_SYLLABLES.has(w)).length;
}


/**
 * The decoded text as a whole looks Vietnamese: most words (ASCII ones too, abbreviations aside)
 * are syllables ("Tüm eksik parametreleri" → "tỹm eksik…" is not), and a single accented word
 * is a common one unless the evidence is strong.
 */
function readsAsVietnamese(decoded: string, ev: Evidence): boolean {
  const words = (decoded.match(/\p{L}{2,}/gu) ?? []).filter((w) => !isAbbreviation(w));
  if (words.length > 0 && words.filter(validWord).length / words.length <= 0.5) return false;
  const accented = words.filter(hasHighChar);
  return accented.length !== 1 || ev.strong >= 2 || COMMON_SYLLABLES.has(accented[0].toLowerCase());
}

function bestByContent(text: string): LegacyEncoding | null {
  // Read as Unicode, is this bad Vietnamese ("trùc thuéc")? Then a good decoding is evidence too.
  const asIs = relevantWords(text) > 0 ? syllableScore(text) : 1;
  let best: LegacyEncoding | null = null;
  let bestRank = 0;
  for (const enc of SINGLE_BYTE) {
    const ev = evidence(text, enc);
    if (!ev.explained) continue;
    const decoded = convertLegacy(text, enc);
    const bonus = asIs < MIN_VALID_RATIO ? 1 : 0;
    if (!enoughEvidence(enc, { ...ev, strong: ev.strong + bonus }, decoded)) continue;
    const score = syllableScore(decoded);
    if (score < MIN_VALID_RATIO || !readsAsVietnamese(decoded, ev)) continue;
    // Share of well-formed syllables first, then common words as a tie-break; VISCII is rare in
    // Vietnamese government files, so it must beat TCVN3 by more than one common word.
    const r = score * 1000 + commonCount(decoded) - (enc === 'viscii' ? 1.5 : 0);
    if (r > bestRank) {
      best = enc;
      bestRank = r;
    }
  }
  return best;
}

function fontSays(text: string, enc: LegacyEncoding): boolean {
  return convertLegacy(text, enc) !== text.normalize('NFC');
}

/**
 * The legacy encoding of text, or null for ASCII, valid Unicode, or anything uncertain.
 * A font hint (.VnTime… → TCVN3, VNI-… → VNI) is trusted: it is what Excel draws.
 *
 * @example detectEncoding('§· hoµn thµnh') // 'tcvn3'
 * @example detectEncoding('Chöa hoaøn thaønh') // 'vni'
 * @example detectEncoding('Viá»‡t Nam') // 'utf8_as_cp1252'
 * @example detectEncoding('Hồ Chí Minh') // null
 * @example detectEncoding('café') // null
 */
export function detectEncoding(text: string, font?: string): LegacyEncoding | null {
  if (!hasHighChar(text) || isBeyondLegacy(text)) return null;
  if (isUtf8AsCp1252(text)) return 'utf8_as_cp1252';
  const hinted = fontEncoding(font);
  if (hinted && fontSays(text, hinted)) return hinted;
  return bestByContent(text);
}
