/**
 * Private stand-ins for core/text/normalize.ts (cleanText, foldKey) until it lands.
 */

/** NFC, HTML tags and common entities removed, whitespace collapsed, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, diacritics removed, đ→d, punctuation → single spaces. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
