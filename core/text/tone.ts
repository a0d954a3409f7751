/**
 * Where a Vietnamese tone mark sits in a syllable. Two orthographies are in use for open
 * syllables ending in oa, oe, uy: "hoà, khoẻ, thuỷ" (mark on the second vowel) and
 * "hòa, khỏe, thủy" (first vowel). Everything else has one placement.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWELS = 'aăâeêioôơuưy';
const MODIFIED = 'ăâêôơư';
const INITIAL = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvxfjwz])?/;

/** Split a tone-less lower-case NFC syllable into initial, vowel cluster and final. */
export function splitSyllable(base: string): { initial: string; vowels: string; final: string } {
  let initial = INITIAL.exec(base)?.[0] ?? '';
  let rest = base.slice(initial.length);
  // "gì", "gìn": the i after g is the vowel.
  if ((initial === 'gi' || initial === 'qu') && !(rest.length > 0 && VOWELS.includes(rest[0]))) {
    initial = initial[0];
    rest = base.slice(1);
  }
  let n = 0;
  while (n < rest.length && VOWELS.includes(rest[n])) n++;
  return { initial, vowels: rest.slice(0, n), final: rest.slice(n) };
}

function lastModified(vowels: string): number {
  for (let i = vowels.length - 1; i >= 0; i--) if (MODIFIED.includes(vowels[i])) return i;
  return -1;
}

/**
 * Indexes into the vowel cluster where the tone may sit, canonical placement first
 * (the canonical one puts oa/oe/uy open-syllable tones on the FIRST vowel: hòa, khỏe, thủy).
 */
export function tonePositions(vowels: string, final: string): number[] {
  if (vowels.length === 0) return [];
  const mod = lastModified(vowels);
  if (mod >= 0) return [mod];
  if (vowels.length === 1) return [0];
  if (final) return [vowels.length - 1];
  if (vowels.length === 3) return [1];
  if (vowels === 'oa' || vowels === 'oe' || vowels === 'uy') return [0, 1];
  return [0];
}

/**
 * Re-place the tone of one lower-case word at its canonical position; other words unchanged.
 * @example placeTone('hoà') // 'hòa'
 */
export function placeTone(word: string): string {
  const nfd = word.normalize('NFD');
  const marks = nfd.match(new RegExp(TONES.source, 'g')) ?? [];
  if (marks.length !== 1) return word.normalize('NFC');
  const base = nfd.replace(TONES, '').normalize('NFC');
  const { initial, vowels, final } = splitSyllable(base);
  const pos = tonePositions(vowels, final);
  if (pos.length === 0) return word.normalize('NFC');
  const at = initial.length + pos[0] + 1;
  return (base.slice(0, at) + marks[0] + base.slice(at)).normalize('NFC');
}
