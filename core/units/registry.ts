/**
 * The unit registry compiled from reference/units.json (core/data/units.ts):
 * units (ministries, agencies, provinces, cities, groups), legacy ministries
 * (merged 2025-03-01) and former provinces (merged 2025-07-01), indexed by the
 * token keys of every name a cell may use.
 */
import data, { type LegacyRecord, type UnitRecord } from '../data/units';
import type { UnitKind } from '../model';
import { nameKeys } from './keys';
import { createTrie, trieGet, trieInsert, type TrieNode } from './trie';

/** A unit as the registry knows it. */
export interface RegistryUnit {
  canonical: string;
  kind: UnitKind;
  /** Agencies: ministerial_level, government_agency, judicial, party, soe, …; ministries: ministry. */
  subkind?: string;
  aliases: string[];
  /** Provinces and cities: the bare name ("Nghệ An") and the administrative code ("40"). */
  short?: string;
  code?: string;
  /** Groups: who they stand for (all_34_provincial_units, all_ministries_and_agencies, …). */
  scope?: string;
}

/** What a registry name resolves to: the unit, and the pre-merger name when it is a legacy one. */
export interface Target {
  unit: RegistryUnit;
  legacy?: string;
}

const raw = data;

/** Prefixes a province or city name may carry in a cell ("UBND tỉnh", "TP.", "Ủy ban nhân dân thành phố"…), as token keys. */
const PLACE_PREFIXES: string[][] = (() => {
  const heads = [[], ['ubnd'], ['uy', 'ban', 'nhan', 'dan']];
  const levels = [[], ['tinh'], ['thanh', 'pho'], ['tp']];
  return heads.flatMap((h) => levels.map((l) => [...h, ...l]));
})();

/** Strip the longest place prefix from a name's keys: "UBND tỉnh Nghệ An" → ["nghe","an"]. */
function bareKeys(keys: string[]): string[] {
  let best = 0;
  for (const p of PLACE_PREFIXES) {
    if (p.length > best && p.length < keys.length && p.every((k, i) => keys[i] === k)) best = p.length;
  }
  return keys.slice(best);
}

/** All key sequences for a place: every bare form under every prefix. */
function placeKeys(names: string[]): string[][] {
  const bare = new Map<string, string[]>();
  for (const n of names) {
    const b = bareKeys(nameKeys(n));
    if (b.length) bare.set(b.join(' '), b);
  }
  return [...bare.values()].flatMap((b) => PLACE_PREFIXES.map((p) => [...p, ...b]));
}

function toUnit(u: UnitRecord): RegistryUnit {
  const out: RegistryUnit = { canonical: u.canonical, kind: u.kind, aliases: [...u.aliases] };
  if (u.subkind) out.subkind = u.subkind;
  if (u.short) out.short = u.short;
  if (u.code) out.code = u.code;
  if (u.scope) out.scope = u.scope;
  Object.freeze(out.aliases);
  return Object.freeze(out); // shared by every caller of findUnit/listUnits
}

export interface Registry {
  units: RegistryUnit[];
  byCanonical: Map<string, RegistryUnit>;
  trie: TrieNode<Target>;
  /** Names whose keys were already taken by a different target (kept for tests/diagnostics). */
  conflicts: string[];
  /** Every key sequence in the trie with its target, for matching abbreviated spellings (core/units/abbrev.ts). */
  names: { keys: string[]; target: Target }[];
}

const isPlace = (u: RegistryUnit) => u.kind === 'province' || u.kind === 'city';
const sameTarget = (a: Target, b: Target) => a.unit === b.unit && a.legacy === b.legacy;

/** "và" inside a name is a comma in other spellings ("Bộ KH và CN", "Các bộ, ngành và địa phương"): names are keyed without it. */
export const AND = 'va';

const withoutAnd = (keys: string[]): string[] => (keys.includes(AND) ? keys.filter((k) => k !== AND) : keys);

/** Optional parts of a group's name: who leads it ("Chủ tịch", "UBND"), "các", and "trực thuộc Trung ương". */
const GROUP_HEADS: string[][] = [['chu', 'tich', 'ubnd'], ['chu', 'tich', 'uy', 'ban', 'nhan', 'dan'], ['ubnd'], ['uy', 'ban', 'nhan', 'dan']];
const GROUP_TAILS: string[][] = [['truc', 'thuoc', 'trung', 'uong'], ['truc', 'thuoc', 'tw']];
const PROVINCIAL_SCOPES = new Set(['all_34_provincial_units', 'the_6_centrally_run_cities']);

function stripPart(keys: string[], parts: string[][], atEnd: boolean): [string[], boolean] {
  for (const p of parts) {
    const at = atEnd ? keys.length - p.length : 0;
    if (keys.length > p.length && p.every((k, i) => keys[at + i] === k)) return [atEnd ? keys.slice(0, at) : keys.slice(p.length), true];
  }
  return [keys, false];
}

/**
 * Spellings of a group built from its registered names: with or without its head ("UBND", "Chủ tịch UBND"),
 * "các" and the tail "trực thuộc Trung ương"; groups of provinces also take the "UBND" head and the tail
 * when their name has none. So "UBND tỉnh, TP", "Các tỉnh, thành phố" and "UBND các tỉnh, thành phố trực
 * thuộc TW" all name "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương".
 */
function groupVariants(keys: string[], provincial: boolean): string[][] {
  const [afterHead, head] = stripPart(keys, GROUP_HEADS, false);
  const cac = afterHead[0] === 'cac' && afterHead.length > 1;
  const [body, tail] = stripPart(cac ? afterHead.slice(1) : afterHead, GROUP_TAILS, true);
  const heads = head || provincial ? [[], ...GROUP_HEADS] : [[]];
  const tails = tail || provincial ? [[], ...GROUP_TAILS] : [[]];
  const cacs = cac ? [[], ['cac']] : [[]];
  // A one-word spelling ("tỉnh") would swallow "Tỉnh Nghệ An": at least two words.
  return heads.flatMap((h) => cacs.flatMap((c) => tails.map((t) => [...h, ...c, ...body, ...t]))).filter((v) => v.length > 1);
}

function buildRegistry(): Registry {
  const units = raw.units.map(toUnit);
  const byCanonical = new Map(units.map((u) => [u.canonical, u]));
  const trie = createTrie<Target>();
  const conflicts: string[] = [];
  const names: { keys: string[]; target: Target }[] = [];
  const add = (keys: string[], target: Target, label: string) => {
    const k = withoutAnd(keys);
    if (!trieInsert(trie, k, target, sameTarget)) conflicts.push(label);
    else names.push({ keys: k, target });
  };
  /** A generated spelling: added only where no registered name already is (never a conflict). */
  const addVariant = (keys: string[], target: Target) => {
    if (keys.length && trieGet(trie, keys) === undefined && trieInsert(trie, keys, target, sameTarget)) names.push({ keys, target });
  };
  for (const u of units) {
    const names = [u.canonical, ...u.aliases, ...(u.short ? [u.short] : [])];
    const keyLists = isPlace(u) ? placeKeys(names) : names.map(nameKeys);
    keyLists.forEach((k) => add(k, { unit: u }, `${u.canonical}: ${k.join(' ')}`));
  }
  const addLegacy = (l: LegacyRecord, place: boolean) => {
    const unit = byCanonical.get(l.successor);
    if (!unit) return;
    const names = [l.legacy, ...l.aliases];
    const keyLists = place ? placeKeys(names) : names.map(nameKeys);
    keyLists.forEach((k) => add(k, { unit, legacy: l.legacy }, `${l.legacy}: ${k.join(' ')}`));
  };
  raw.legacy_units.forEach((l) => addLegacy(l, false));
  raw.former_provinces.forEach((l) => addLegacy(l, true));
  for (const u of units) {
    if (u.kind !== 'group') continue;
    const provincial = PROVINCIAL_SCOPES.has(u.scope ?? '');
    for (const n of [u.canonical, ...u.aliases]) groupVariants(withoutAnd(nameKeys(n)), provincial).forEach((k) => addVariant(k, { unit: u }));
  }
  return { units, byCanonical, trie, conflicts, names };
}

let cached: Registry | null = null;

/** The registry, built once on first use. */
export function registry(): Registry {
  cached ??= buildRegistry();
  return cached;
}
