/**
 * Split one "Đơn vị chủ trì / phối hợp" cell into units by dictionary longest
 * match over word tokens (never on "," or "và": names contain both). What lies
 * between two names is, in order: a note for the name before it ("(Nhiệm vụ của …
 * chuyển sang)", ": 03 dịch vụ"), separators and filler words (dropped), or an
 * unknown unit kept verbatim.
 */
import type { ResolvedUnit } from '../model';
import { tokenize } from './keys';
import { isLeadIn, trimFillers } from './fillers';
import { registry, type Target } from './registry';
import { trieGet, trieLongest } from './trie';

interface Match {
  start: number;
  end: number;
  target: Target;
}

/** Longest registry names over the top-level (outside parentheses) tokens, left to right. */
function findMatches(text: string): Match[] {
  const { trie } = registry();
  const top = tokenize(text).filter((t) => t.depth === 0);
  const out: Match[] = [];
  for (let i = 0; i < top.length; ) {
    const m = trieLongest(trie, top, i);
    if (!m) {
      i++;
      continue;
    }
    out.push({ start: top[i].start, end: top[i + m.length - 1].end, target: m.value });
    i += m.length;
  }
  return out;
}

/** The whole piece as one registry name, if it is one. */
export function lookupName(piece: string): Target | undefined {
  const keys = tokenize(piece).filter((t) => t.depth === 0).map((t) => t.key);
  return keys.length ? trieGet(registry().trie, keys) : undefined;
}

/** Index just past the bracket group opening at s[i] (or s.length when unclosed). */
function closeOf(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(' || s[j] === '[') depth++;
    else if ((s[j] === ')' || s[j] === ']') && --depth === 0) return j + 1;
  }
  return s.length;
}

/** First index of ";" outside brackets from i, or s.length. */
function semicolonFrom(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(' || s[j] === '[') depth++;
    else if ((s[j] === ')' || s[j] === ']') && depth > 0) depth--;
    else if (s[j] === ';' && depth === 0) return j;
  }
  return s.length;
}

/**
 * Notes at the start of the gap after a known unit: bracket groups, then a ": …" detail
 * or a bare count ("03 dịch vụ") up to the next ";". Returns the note text and how many characters it used.
 */
function takeNote(gap: string, target: Target): { note: string; used: number } {
  const notes: string[] = [];
  let i = gap.length - gap.trimStart().length;
  while (gap[i] === '(' || gap[i] === '[') {
    const j = closeOf(gap, i);
    const group = gap.slice(i, j).trim();
    const inner = group.replace(/^[([]\s*|\s*[)\]]$/g, '');
    const same = lookupName(inner);
    if (inner && !(same && same.unit === target.unit)) notes.push(group);
    i = j + (gap.slice(j).length - gap.slice(j).trimStart().length);
  }
  const colon = gap[i] === ':';
  if (colon || /\d/.test(gap[i] ?? '')) {
    // ": 03 dịch vụ (…)" or a bare count "03 dịch vụ" right after the name, up to the next ";"
    const k = semicolonFrom(gap, i);
    const detail = trimFillers(gap.slice(colon ? i + 1 : i, k));
    if (detail) notes.push(detail);
    i = k;
  }
  return { note: notes.join(' '), used: i };
}

function knownUnit(t: Target): ResolvedUnit {
  const u: ResolvedUnit = { name: t.unit.canonical, known: true, kind: t.unit.kind };
  if (t.legacy) u.legacy = t.legacy;
  return u;
}

/** The leftover ends in a word right before the next name (no separator): "UBND phường" + "Hải Dương". */
function boundToNext(leftover: string): boolean {
  return /[\p{L}\p{N}]\s*$/u.test(leftover) && trimFillers(leftover) !== '';
}

/** Resolve a cleaned cell text into units (duplicates not yet merged). */
export function splitUnits(text: string): ResolvedUnit[] {
  const units: ResolvedUnit[] = [];
  const pushUnknown = (piece: string) => {
    const name = trimFillers(piece);
    if (name) units.push({ name, known: false });
  };
  let pos = 0;
  let last: { unit: ResolvedUnit; target: Target } | null = null;
  let pendingFrom: number | null = null; // start of an unknown run that swallowed a name
  const noteAfterLast = (to: number): number => {
    if (!last || pendingFrom !== null) return pos;
    const { note, used } = takeNote(text.slice(pos, to), last.target);
    if (note) last.unit.note = last.unit.note ? `${last.unit.note} ${note}` : note;
    return pos + used;
  };
  for (const m of findMatches(text)) {
    const from = noteAfterLast(m.start);
    const runStart: number = pendingFrom ?? from;
    if (boundToNext(text.slice(from, m.start))) {
      // The name is part of a longer unknown name ("Sở Tài chính tỉnh Nghệ An", "UBND phường Hà Giang 1").
      pendingFrom = runStart;
      last = null;
      pos = m.end;
      continue;
    }
    const before = text.slice(runStart, m.start);
    if (!isLeadIn(before)) pushUnknown(before);
    const unit = knownUnit(m.target);
    units.push(unit);
    last = { unit, target: m.target };
    pendingFrom = null;
    pos = m.end;
  }
  const from = noteAfterLast(text.length);
  pushUnknown(text.slice(pendingFrom ?? from));
  return units;
}
