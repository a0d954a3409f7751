/**
 * Test-support ENCODERS for legacy Vietnamese encodings: turn real Vietnamese
 * (Unicode) into the strings an .xlsx cell holds when the text was typed with a
 * legacy font. Built by inverting the same tables core decodes with.
 *
 * Fixture recipe: encodeLegacy('Chưa hoàn thành', 'tcvn3') → 'Ch\u00ADa hoµn thµnh', write it in a
 * cell whose font is '.VnTime'. For headers use font '.VnTimeH' and
 * encodeLegacy(header, 'tcvn3') (VN3 has no toned capitals: they are written with the
 * lower-case code and the H font draws them as capitals).
 *
 *   encodeLegacy('Bộ Khoa học và Công nghệ', 'tcvn3')  // 'Bé Khoa häc vµ C«ng nghÖ'
 *   encodeLegacy('Công nghệ', 'vni')                    // 'Coâng ngheä'
 */
import type { LegacyEncoding } from '../../core/text/encoding';
import { TCVN3_DECODE, VNI_DECODE, VISCII_DECODE } from '../../core/text/legacy-tables';
import { cp1252Char } from '../../core/text/cp1252';

function invert(m: ReadonlyMap<string, string>, prefer?: (a: string, b: string) => string): Map<string, string> {
  const inv = new Map<string, string>();
  for (const [k, v] of m) {
    const prev = inv.get(v);
    inv.set(v, prev !== undefined && prefer ? prefer(prev, k) : prev ?? k);
  }
  return inv;
}

const TCVN3_ENC = invert(TCVN3_DECODE);
const VNI_ENC = invert(VNI_DECODE);
// VISCII: prefer the visible cp1252 reading over the raw control code point.
const VISCII_ENC = invert(VISCII_DECODE, (a, b) => {
  const ctrl = (s: string) => s.charCodeAt(0) < 0x20 || (s.charCodeAt(0) >= 0x80 && s.charCodeAt(0) <= 0x9f);
  return ctrl(a) && !ctrl(b) ? b : a;
});

function encodeTcvn3Char(ch: string): string {
  const direct = TCVN3_ENC.get(ch);
  if (direct !== undefined) return direct;
  // VN3 has no toned capitals: typists used the lower-case code (an H font draws it as a capital).
  const lower = ch.toLowerCase();
  return TCVN3_ENC.get(lower) ?? ch;
}

function encodeUtf8AsCp1252(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) out += cp1252Char(b);
  return out;
}

function mapChars(text: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += f(ch);
  return out;
}

/** Unicode Vietnamese → the cell string a legacy font / wrong decoder produces. Characters outside the table pass through. */
export function encodeLegacy(text: string, enc: LegacyEncoding): string {
  switch (enc) {
    case 'tcvn3': return mapChars(text, encodeTcvn3Char);
    case 'vni': return mapChars(text, (ch) => VNI_ENC.get(ch) ?? ch);
    case 'viscii': return mapChars(text, (ch) => VISCII_ENC.get(ch) ?? ch);
    case 'utf8_as_cp1252': return encodeUtf8AsCp1252(text.normalize('NFC'));
  }
}
