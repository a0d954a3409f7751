/**
 * Token keys for unit matching. A cell is cut into word tokens (letters and
 * digits) with their offsets in the cleaned text; each token gets a fold key
 * (lower case, no diacritics, đ→d, so tone placement never matters: hoà = hòa)
 * and a paren depth, so text inside "( … )" is never taken for a unit name.
 */
import { foldKey } from '../text/normalize';
import { memo } from '../memo';

export interface Token {
  /** Fold key of the word (numbers lose leading zeros: "06" → "6"). */
  key: string;
  start: number;
  end: number;
  /** Paren/bracket depth at the token (0 = top level). */
  depth: number;
  /** A ";" or ":" or a parenthesised group sits between this and the previous depth-0 token. */
  hardBreak: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Fold one word token; numbers drop leading zeros so "06" matches "6". Cached: cells repeat the same words. */
const tokenKey: (word: string) => string = memo((word) => {
  const k = foldKey(word).replace(/\s+/g, '');
  return /^\d+$/.test(k) ? String(Number(k)) : k;
}, 50_000);

/** Word tokens of `text` with offsets, paren depth and hard breaks. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let last = 0;
  let pendingBreak = false;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    for (let i = last; i < start; i++) {
      const c = text.charCodeAt(i);
      if (c === 40 || c === 91) {
        // ( [
        depth++;
        pendingBreak = true;
      } else if ((c === 41 || c === 93) && depth > 0) {
        // ) ]
        depth--;
        pendingBreak = true;
      } else if (c === 59 || c === 58) pendingBreak = true; // ; :
    }
    const key = tokenKey(m[0]);
    if (key) out.push({ key, start, end: start + m[0].length, depth, hardBreak: depth === 0 && pendingBreak });
    if (depth === 0) pendingBreak = false;
    last = start + m[0].length;
  }
  return out;
}

/** Token keys of a registry name (parenthesised parts dropped), e.g. "Bộ KH&CN" → ["bo","kh","cn"]. */
export function nameKeys(name: string): string[] {
  return tokenize(name).filter((t) => t.depth === 0).map((t) => t.key);
}
