/**
 * Decode tables for the legacy Vietnamese encodings, keyed by the characters that
 * actually appear in .xlsx cell strings (see core/data/*.ts, generated from
 * reference/*_to_unicode.json).
 */
import tcvn3 from '../data/tcvn3';
import vni from '../data/vni';
import viscii from '../data/viscii';

/** TCVN3 (VN3 / ABC fonts): one character → one Unicode letter. Includes U+00AD → ư. */
export const TCVN3_DECODE: ReadonlyMap<string, string> = new Map(Object.entries(tcvn3.map));

/** VNI-Windows: 1- or 2-character sequences → one Unicode letter. */
export const VNI_DECODE: ReadonlyMap<string, string> = new Map(Object.entries(vni.map));

/** VNI letters that coincide with Unicode (í ì Í Ì): part of VNI text, no change needed. */
export const VNI_IDENTITY: ReadonlySet<string> = new Set(vni.identity);

function visciiEntries(): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, e] of Object.entries(viscii.map_by_byte)) {
    const b = parseInt(key, 16);
    // Both readings of the byte: the cp1252 character and the raw code point (C0/C1/Latin-1).
    if (e.as_cp1252) out.push([e.as_cp1252, e.unicode]);
    out.push([String.fromCharCode(b), e.unicode]);
  }
  return out;
}

/** VISCII: the cp1252 (or raw Latin-1/C1/C0) character of each byte → Unicode. */
export const VISCII_DECODE: ReadonlyMap<string, string> = new Map(visciiEntries());
