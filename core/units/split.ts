/**
 * Split one "Đơn vị chủ trì / phối hợp" cell into units by dictionary longest
 * match over word tokens (never on "," or "và": names contain both). What lies
 * between two names is, in order: a note for the name before it ("(Nhiệm vụ của …
 * chuyển sang)", ": 03 dịch vụ"), separators and filler words (dropped), or an
 * unknown unit kept verbatim.
 */
import type { ResolvedUnit } from '../model';
import { tokenize, type Token } from './keys';
import { abbreviatedAt, isAbbreviation } from './abbrev';
import { isLeadIn, trimFillers } from './fillers';
import { AND, registry, type Target } from './registry';
import { trieGet, trieLongest } from './trie';
import { foldKey } from '../text/normalize';

interface Match {
  start: number;
  end: number;
  target: Target;
}

/** Longest registry names over the top-level (outside parentheses) tokens, left to right. */
function findMatches(text: string): Match[] {
  const { trie } = registry();
  const top = topTokens(text);
  const abbreviated = top.some((t) => isAbbreviation(t.key));
  const out: Match[] = [];
  for (let i = 0; i < top.length; ) {
    let m = trieLongest(trie, top, i);
    if (abbreviated) {
      // A spelling with abbreviations ("Bộ KH và CN", "UBND các tỉnh, TP") competes with the full one: the longer wins.
      const a = abbreviatedAt(top, i);
      if (a && (!m || a.length > m.length)) m = a;
    }
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
  const top = topTokens(piece);
  if (!top.length) return undefined;
  const exact = trieGet(registry().trie, top.map((t) => t.key));
  if (exact) return exact;
  const a = top.some((t) => isAbbreviation(t.key)) ? abbreviatedAt(top, 0) : null;
  return a && a.length === top.length ? a.value : undefined;
}

/** Top-level (outside parentheses) word tokens without "và", which names are keyed without (registry.ts). */
function topTokens(text: string): Token[] {
  return tokenize(text).filter((t) => t.depth === 0 && t.key !== AND);
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

/** A unit below the province, named before the province it is in: "UBND xã Tân Lập", "Phường Ba Đình", "Sở Y tế". */
const LOCAL = /^(?:(?:chu tich )?(?:ubnd|uy ban nhan dan|hdnd|dang uy|cong an) )?(?:xa|phuong|thi tran|dac khu|huyen|quan|thi xa|so) \S/;

const isPlace = (t: Target): boolean => t.unit.kind === 'province' || t.unit.kind === 'city';

/** The matched text names its level ("tỉnh Nghệ An", "TP Huế"), not just a word that is also a place ("phường Hà Giang 1"). */
function namesLevel(matched: string): boolean {
  return /^(?:tinh|thanh pho|tp) /.test(foldKey(matched));
}

/**
 * "Các bộ, ngành" next to "UBND các tỉnh, thành phố" (", ", "và") is one group, "Các bộ, ngành, địa phương",
 * however either half is spelt: a long group spelling stays one group.
 */
function joinGroups(units: ResolvedUnit[]): ResolvedUnit[] {
  const scopeOf = (u: ResolvedUnit): string | undefined => (u.known && u.kind === 'group' && !u.note ? registry().byCanonical.get(u.name)?.scope : undefined);
  const pair = new Set(['all_ministries_and_agencies', 'all_34_provincial_units']);
  const both = registry().units.find((u) => u.scope === 'all_ministries_agencies_and_provinces');
  if (!both) return units;
  for (let i = 0; i + 1 < units.length; i++) {
    const a = scopeOf(units[i]), b = scopeOf(units[i + 1]);
    if (a && b && a !== b && pair.has(a) && pair.has(b)) units.splice(i, 2, { name: both.canonical, known: true, kind: 'group' });
  }
  return units;
}

/** Resolve a cleaned cell text into units (duplicates not yet merged). */
export function splitUnits(text: string): ResolvedUnit[] {
  return joinGroups(splitRaw(text));
}

function splitRaw(text: string): ResolvedUnit[] {
  const units: ResolvedUnit[] = [];
  let province: string | null = null; // the place an unknown run swallowed ("Sở Tài chính tỉnh Nghệ An")
  const pushUnknown = (piece: string) => {
    const name = trimFillers(piece);
    if (name) units.push(province ? { name, known: false, province } : { name, known: false });
    province = null;
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
    const gap = text.slice(from, m.start);
    if (boundToNext(gap) || (pendingFrom !== null && /^\s*$/.test(gap))) {
      // The name is part of a longer unknown name ("Sở Tài chính tỉnh Nghệ An", "UBND phường Hà Giang 1").
      if (isPlace(m.target) && namesLevel(text.slice(m.start, m.end))) province = m.target.unit.canonical;
      pendingFrom = runStart;
      last = null;
      pos = m.end;
      continue;
    }
    const before = text.slice(runStart, m.start);
    if (isPlace(m.target) && /[\p{L}\p{N}]\s*[,\-–]\s*$/u.test(before) && LOCAL.test(foldKey(trimFillers(before)))) {
      // "UBND xã Tân Lập, tỉnh Phú Thọ": one lead, the commune, located in the province.
      province = m.target.unit.canonical;
      pushUnknown(text.slice(runStart, m.end));
      last = null;
      pendingFrom = null;
      pos = m.end;
      continue;
    }
    if (!isLeadIn(before)) pushUnknown(before);
    const colon = /^\s*:/.exec(text.slice(m.end));
    if (m.target.unit.kind === 'group' && colon && isLeadIn(text.slice(m.start, m.end) + ':')) {
      // "Các tỉnh, thành phố: Hà Nội, Huế" is a heading over the names it lists, not a lead of its own.
      last = null;
      pendingFrom = null;
      pos = m.end + colon[0].length;
      continue;
    }
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
