/**
 * Stable task IDs for distributed workbooks: "NV-" + 10 base-32 characters of a
 * SHA-1 over the task's core key (section label + folded text), its occurrence
 * among tasks with the same key, and the receiving unit. Same master → same IDs;
 * a task sent to several units gets one ID per unit, so each unit's return is a
 * task of its own when aggregated.
 */
import { createHash } from 'node:crypto';
import { foldKey } from '../../core/text/normalize';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U

/** "NV-" + 10 characters from the hash of the parts. */
export function taskIdOf(key: string, occurrence: number, unit: string): string {
  const digest = createHash('sha1').update(`${key}\n${occurrence}\n${foldKey(unit)}`).digest();
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of digest) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length >= 10) break;
  }
  return 'NV-' + out;
}

/** Occurrence number of each key in order: ['a', 'b', 'a'] → [0, 0, 1]. */
export function occurrences(keys: string[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n;
  });
}
