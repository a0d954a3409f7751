/**
 * Per-encoding evidence in a cell string: are all its non-ASCII characters part of the
 * encoding's repertoire, and how many of them only make sense as that encoding?
 */
import { TCVN3_DECODE, VNI_DECODE, VISCII_DECODE } from './legacy-tables';
import { cp1252Byte } from './cp1252';
import { isVniIdentity, type LegacyEncoding } from './convert';
import { isUtf8AsCp1252 } from './mojibake';

/** Vietnamese letters that exist in Latin-1: seeing them proves nothing about a legacy encoding. */
const VI_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
export function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** True if text holds a character no single-byte legacy reading can produce (so it is already Unicode). */
export function isBeyondLegacy(text: string): boolean {
  // Every code unit below 0x100 is a cp1252/Latin-1 reading; above, only cp1252's 0x80-0x9F
  // symbols are (a surrogate never is, as for a code-point-wise check).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x100 && cp1252Byte(text[i]) === undefined) return true;
  }
  return false;
}

/** Neutral characters that may sit in legacy text without meaning anything (NBSP, cp1252 punctuation). */
function isNeutral(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code === 0xa0 || (code >= 0x2000 && code <= 0x20ff) || (code >= 0x80 && code <= 0x9f);
}

export interface Evidence {
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

export function evidence(text: string, enc: LegacyEncoding): Evidence {
  if (enc === 'tcvn3') return singleByteEvidence(text, TCVN3_DECODE);
  if (enc === 'viscii') return singleByteEvidence(text, VISCII_DECODE);
  if (enc === 'vni') return vniEvidence(text);
  return { explained: isUtf8AsCp1252(text), strong: 1 };
}

