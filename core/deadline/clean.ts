/**
 * Minimal text helpers for deadline and status cells (private to core/deadline,
 * core/status and core/classify). core/text/normalize.ts has the full versions;
 * these stay small so the parsers do not depend on its details.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[name.toLowerCase()] ?? whole;
}

/** NFC, HTML tags and entities removed, whitespace (incl. in-cell line breaks) collapsed, trimmed. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, decodeEntity)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/**
 * Matching key: cleaned, lower-case, diacritics removed, đ → d. Tone placement
 * and missing diacritics no longer matter ("hoà" = "hòa" = "hoa"). Punctuation kept.
 */
export function fold(s: string): string {
  return clean(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** fold() with punctuation turned into single spaces ("%" kept): "Quá hạn, chưa hoàn thành." → "qua han chua hoan thanh". */
export function wordKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
