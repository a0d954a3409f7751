/** Cell text made safe to store: always a string cell, never a formula, never invalid XML. */

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

// Characters XML 1.0 forbids (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that Excel would read as an OOXML escape (`_x003D_` → "="): its underscore must itself be escaped. */
const OOXML_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/**
 * Text as stored in a cell: NFC, XML-invalid characters dropped, capped at Excel's cell limit, and a
 * literal `_xHHHH_` written as `_x005F_xHHHH_` (ST_Xstring), so that Excel, and tiendo's reader, show
 * the text as typed and never decode `_x003D_1+1` into "=1+1".
 * Text starting with "=", "+", "-" or "@" stays text: the writer stores strings as strings.
 */
export function safeText(s: string): string {
  let t = s.normalize('NFC').replace(INVALID_XML, '');
  if (t.length > MAX_CELL_CHARS) t = t.slice(0, MAX_CELL_CHARS - 1) + '…';
  return t.indexOf('_x') < 0 ? t : t.replace(OOXML_ESCAPE, '_x005F_$1');
}

/** Clamp a dialog string to Excel's limit (input title 32, input body 255, error body 225). */
export function clampText(s: string, max: number): string {
  const t = safeText(s);
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}
