/**
 * Text keys for deadline and status cells (private to core/deadline, core/status
 * and core/classify). Cleaning is core/text cleanText; the fold here keeps "/", "."
 * and "-" (which foldKey drops) because dates are written with them.
 */
import { cleanText, foldMarks } from '../text/normalize';

/** NFC, HTML tags and entities removed, whitespace (incl. in-cell line breaks) collapsed, trimmed. */
export function clean(s: string): string {
  return cleanText(s);
}

/**
 * Matching key: cleaned, lower-case, diacritics removed, đ → d. Tone placement
 * and missing diacritics no longer matter ("hoà" = "hòa" = "hoa"). Punctuation kept.
 */
export function fold(s: string): string {
  return foldMarks(clean(s));
}

/** fold() with punctuation turned into single spaces ("%" kept): "Quá hạn, chưa hoàn thành." → "qua han chua hoan thanh". */
export function wordKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
