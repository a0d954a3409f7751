/**
 * Unit names written with abbreviations, matched by pattern rather than by a list of spellings.
 *
 * A Vietnamese syllable is an initial consonant, one to three vowels and a final consonant, so a word that
 * cannot be one ("TP", "TW", "NN", "KH", "CN", "UBND", "HĐND", "KHCN", "B") is an abbreviation: its letters are
 * the initials of as many syllables ("TP" = Thành phố, "UBND" = Ủy ban nhân dân, "KHCN" = Khoa học Công nghệ;
 * W stands for Ư as in "TW" = Trung ương).
 * A cell's words are compared with every registry name syllable by syllable: a syllable the cell writes
 * in full must be the same syllable, a cell's initial only the same first letter. "và" is left out on both sides (it is a
 * comma in other spellings). A match must use at least one abbreviation (full spellings are the trie's
 * job) and be the only registry unit of that length at that place: an abbreviation two units could
 * stand for is left unresolved (UNKNOWN_UNIT), never guessed.
 *
 * @example "Bộ KH và CN", "B KHCN" → Bộ Khoa học và Công nghệ; "Ngân hàng NN" → Ngân hàng Nhà nước Việt Nam;
 * "UBND 06 TP trực thuộc TW" → UBND 06 thành phố trực thuộc trung ương
 */
import type { Token } from './keys';
import { registry, type Target } from './registry';

/** One syllable: its first letter, and the whole syllable when written in full (null for an initial). */
interface Syl {
  init: string;
  full: string | null;
}

/** One Vietnamese syllable, folded: initial consonant, one to three vowels, final consonant. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

/** A word that cannot be one syllable ("TP", "TW", "UBND", "KHCN", "HĐND", "B"), of at most 8 letters: an abbreviation. */
export function isAbbreviation(key: string): boolean {
  return key.length <= 8 && /^[a-z]+$/.test(key) && !SYLLABLE.test(key);
}

function syllables(key: string): Syl[] {
  if (!isAbbreviation(key)) return [{ init: key[0], full: key }];
  return [...key].map((c) => ({ init: c === 'w' ? 'u' : c, full: null }));
}

interface Name {
  syls: Syl[];
  target: Target;
}

let index: Map<string, Name[]> | null = null;
/** The most syllables a registry name has: a match never looks further into the cell than one syllable past it. */
let longest = 0;

/** Registry names by the initial of their first syllable. */
function names(): Map<string, Name[]> {
  if (index) return index;
  index = new Map();
  for (const n of registry().names) {
    const syls = n.keys.flatMap(syllables);
    if (!syls.length) continue;
    longest = Math.max(longest, syls.length);
    const list = index.get(syls[0].init) ?? [];
    list.push({ syls, target: n.target });
    index.set(syls[0].init, list);
  }
  return index;
}

/**
 * Syllables of the tokens from `from`, each with the index of its token and whether it starts it: at most one more
 * than the longest registry name (abbreviatedAt looks no further), so reading a cell stays linear in its length (all
 * the rest of the cell from every word made a 32,000-character cell of "TP TP …" take 6 s).
 */
function cellSyllables(tokens: Token[], from: number, limit: number): { syl: Syl; tok: number; abbrev: boolean }[] {
  const out: { syl: Syl; tok: number; abbrev: boolean }[] = [];
  for (let i = from; i < tokens.length && out.length <= limit; i++) {
    if (i > from && tokens[i].hardBreak) break;
    const abbrev = isAbbreviation(tokens[i].key);
    for (const syl of syllables(tokens[i].key)) out.push({ syl, tok: i, abbrev });
  }
  return out;
}

/** A cell syllable written in full must be the name's syllable; only the cell's initials match by first letter ("Ban" is never "B"). */
const same = (cell: Syl, name: Syl): boolean => (cell.full !== null ? cell.full === name.full : cell.init === name.init && !/\d/.test(name.init));

/**
 * The longest registry name written with abbreviations starting at tokens[from], as a token count,
 * or null (none, or two units of the same length: ambiguous).
 */
export function abbreviatedAt(tokens: Token[], from: number): { length: number; value: Target } | null {
  const byInitial = names();
  const cell = cellSyllables(tokens, from, longest);
  if (!cell.length || !cell.some((c) => c.abbrev)) return null;
  let best: { length: number; value: Target } | null = null;
  let ambiguous = false;
  for (const n of byInitial.get(cell[0].syl.init) ?? []) {
    const len = n.syls.length;
    if (len > cell.length) continue;
    // The name must end where a cell word ends.
    if (len < cell.length && cell[len].tok === cell[len - 1].tok) continue;
    let abbrev = false;
    let ok = true;
    for (let k = 0; k < len && ok; k++) {
      ok = same(cell[k].syl, n.syls[k]);
      if (cell[k].syl.full === null) abbrev = true; // the cell's own abbreviation, not only the name's
    }
    if (!ok || !abbrev) continue;
    const length = cell[len - 1].tok - from + 1;
    if (!best || length > best.length) {
      best = { length, value: n.target };
      ambiguous = false;
    } else if (length === best.length && n.target.unit !== best.value.unit) ambiguous = true;
  }
  return best && !ambiguous ? best : null;
}
