/**
 * Does a candidate decoding read as Vietnamese? Word-level checks on top of the
 * syllable speller: share of well-formed syllables, abbreviations, common words.
 */
import { isVietnameseSyllable } from './syllable';
import { COMMON_SYLLABLES } from './common-syllables';
import { hasHighChar } from './evidence';
import { memo } from '../memo';

export const MIN_VALID_RATIO = 0.75;

/** A lower-case letter followed by an upper-case ASCII one ("ồC"), unless the typist wrote ASCII in capitals ("NHIệM"). */
function badCase(word: string): boolean {
  const ascii = word.replace(/[^A-Za-z]/g, '');
  if (ascii === ascii.toUpperCase()) return false;
  return /\p{Ll}[A-Z]/u.test(word);
}

const validWord: (word: string) => boolean = memo(
  (word) => !/\p{N}/u.test(word) && !badCase(word) && isVietnameseSyllable(word),
  50_000,
);

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
export function plausibleDecoding(decoded: string): boolean {
  const st = wordStats(decoded);
  return st.counted === 0 ? st.abbreviations > 0 : st.valid / st.counted >= MIN_VALID_RATIO;
}

export function relevantWords(decoded: string): number {
  return (decoded.match(/\p{L}{2,}/gu) ?? []).filter(hasHighChar).length;
}

/** How many decoded words are among the most frequent Vietnamese syllables. */
export function commonCount(decoded: string): number {
  return (decoded.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => COMMON_SYLLABLES.has(w)).length;
}


/**
 * The decoded text as a whole looks Vietnamese: most words (ASCII ones too, abbreviations aside)
 * are syllables ("Tüm eksik parametreleri" → "tỹm eksik…" is not), and a single accented word
 * is a common one unless the evidence is strong.
 */
export function readsAsVietnamese(decoded: string, strong: number): boolean {
  const words = (decoded.match(/\p{L}{2,}/gu) ?? []).filter((w) => !isAbbreviation(w));
  if (words.length > 0 && words.filter(validWord).length / words.length <= 0.5) return false;
  const accented = words.filter(hasHighChar);
  return accented.length !== 1 || strong >= 2 || COMMON_SYLLABLES.has(accented[0].toLowerCase());
}

