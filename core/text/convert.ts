/**
 * Legacy Vietnamese encodings → Unicode NFC, for strings as they arrive in .xlsx
 * cells. Conversion only: deciding WHETHER a string is legacy is detect.ts.
 */
import { TCVN3_DECODE, VNI_DECODE, VNI_IDENTITY, VISCII_DECODE } from './legacy-tables';
import { cp1252Byte } from './cp1252';

/** The legacy encodings tiendo recognises. */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viscii' | 'utf8_as_cp1252';

function mapSingle(text: string, table: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}

/** VNI: longest match first (2-character sequences before single characters), left to right. */
export function decodeVni(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = VNI_DECODE.get(text.slice(i, i + 2));
    if (two !== undefined) {
      out += two;
      i += 2;
      continue;
    }
    out += VNI_DECODE.get(text[i]) ?? text[i];
    i += 1;
  }
  return out;
}

/** Bytes of text read as cp1252, or null if some character is not a cp1252 reading. */
export function cp1252Bytes(text: string): number[] | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const b = cp1252Byte(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  return bytes;
}

function continuation(bytes: number[], i: number, n: number): boolean {
  for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return false;
  return true;
}

/** Strict UTF-8 decoding (no overlongs, no surrogates); null on any invalid sequence. */
export function decodeUtf8Strict(bytes: number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n: number;
    let cp: number;
    let min: number;
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { n = 1; cp = b & 0x1f; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; cp = b & 0x0f; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; cp = b & 0x07; min = 0x10000; }
    else return null;
    if (!continuation(bytes, i, n)) return null;
    for (let k = 1; k <= n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/** Reverse "UTF-8 read as Windows-1252" mojibake; the input unchanged if it is not reversible. */
export function decodeUtf8AsCp1252(text: string): string {
  const bytes = cp1252Bytes(text);
  if (!bytes) return text;
  return decodeUtf8Strict(bytes) ?? text;
}

/**
 * Convert text from a legacy encoding to Unicode NFC. `upper` (TCVN3 'H' fonts such as
 * .VnTimeH, which draw the same codes as capitals) upper-cases the result.
 *
 * @example convertLegacy('Ch\u00ADa hoµn thµnh', 'tcvn3') // 'Chưa hoàn thành'
 * @example convertLegacy('tªn nhiÖm vô', 'tcvn3', { upper: true }) // 'TÊN NHIỆM VỤ'
 */
export function convertLegacy(text: string, enc: LegacyEncoding, opts: { upper?: boolean } = {}): string {
  let out: string;
  switch (enc) {
    case 'tcvn3': out = mapSingle(text, TCVN3_DECODE); break;
    case 'vni': out = decodeVni(text); break;
    case 'viscii': out = mapSingle(text, VISCII_DECODE); break;
    case 'utf8_as_cp1252': out = decodeUtf8AsCp1252(text); break;
  }
  out = out.normalize('NFC');
  return opts.upper ? out.toUpperCase() : out;
}

/** True for characters that are VNI letters needing no change (í ì Í Ì). */
export function isVniIdentity(ch: string): boolean {
  return VNI_IDENTITY.has(ch);
}
