/**
 * Legacy Vietnamese encodings → Unicode NFC, for strings as they arrive in .xlsx
 * cells. Conversion only: deciding WHETHER a string is legacy is detect.ts.
 */
import { TCVN3_DECODE, VNI_DECODE, VNI_IDENTITY, VISCII_DECODE } from './legacy-tables';
import { decodeMojibake } from './mojibake';

/** The legacy encodings tiendo recognises. */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viscii' | 'utf8_as_cp1252';

function mapSingle(text: string, table: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}

/** VNI: longest match first (2-character sequences before single characters), left to right. */
function decodeVni(text: string): string {
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

/** Reverse "UTF-8 read as Windows-1252" mojibake; the input unchanged if it is not reversible. */
function decodeUtf8AsCp1252(text: string): string {
  return decodeMojibake(text) ?? text;
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
