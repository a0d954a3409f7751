/**
 * Vietnamese syllable shape: used to check that a candidate legacy decoding
 * produces Vietnamese words rather than noise (e.g. French "café" read as TCVN3 gives "caộ").
 * Checks the vowel cluster, the final, spelling rules (ngh/gh/k before i e ê) and where the tone sits.
 */
import { splitSyllable, tonePositions } from './tone';
import { memo } from '../memo';

const NUCLEI = new Set([
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
const ACUTE = '\u0301';
const DOT = '\u0323';

interface Toned {
  base: string;
  tones: string[];
  /** Index in base of the letter carrying the tone, or -1. */
  at: number;
}

/** Split a lower-case word into its tone-less base (NFC), its tone marks and where the (first) tone sat. */
function stripTone(word: string): Toned {
  let base = '';
  const tones: string[] = [];
  let at = -1;
  for (const ch of word.normalize('NFC')) {
    const parts = ch.normalize('NFD');
    const marks = parts.match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? [];
    if (marks.length > 0 && at < 0) at = base.length;
    tones.push(...marks);
    base += parts.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  }
  return { base, tones, at };
}

function spellingOk(initial: string, vowels: string): boolean {
  const front = /^[ieêy]/.test(vowels);
  if ((initial === 'ngh' || initial === 'gh') && !/^[ieê]/.test(vowels)) return false;
  if ((initial === 'ng' || initial === 'g') && /^[eê]/.test(vowels)) return false;
  if (initial === 'ng' && /^i/.test(vowels)) return false;
  if (initial === 'k' && !front) return false;
  if (initial === 'c' && front) return false;
  return true;
}

function toneOk(t: Toned, initial: string, vowels: string, final: string): boolean {
  if (t.tones.length > 1) return false;
  if (STOP_FINALS.has(final) && t.tones.length === 1 && t.tones[0] !== ACUTE && t.tones[0] !== DOT) return false;
  if (STOP_FINALS.has(final) && t.tones.length === 0) return false;
  if (t.at < 0) return true;
  return tonePositions(vowels, final).includes(t.at - initial.length);
}

/** True if word (any case, NFC or NFD) is spelled like one Vietnamese syllable. */
export const isVietnameseSyllable: (word: string) => boolean = memo(checkSyllable, 50_000);

function checkSyllable(word: string): boolean {
  const t = stripTone(word.toLowerCase());
  const { initial, vowels, final } = splitSyllable(t.base);
  if (!NUCLEI.has(vowels) || !FINALS.has(final)) return false;
  // A lone y takes no final consonant (tím, not tým).
  if (vowels === 'y' && final !== '') return false;
  return spellingOk(initial, vowels) && toneOk(t, initial, vowels, final);
}
