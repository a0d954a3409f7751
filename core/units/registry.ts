/**
 * The unit registry compiled from reference/units.json (core/data/units.ts):
 * units (ministries, agencies, provinces, cities, groups), legacy ministries
 * (merged 2025-03-01) and former provinces (merged 2025-07-01), indexed by the
 * token keys of every name a cell may use.
 */
import data, { type LegacyRecord, type UnitRecord } from '../data/units';
import type { UnitKind } from '../model';
import { nameKeys } from './keys';
import { createTrie, trieInsert, type TrieNode } from './trie';

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
}

const isPlace = (u: RegistryUnit) => u.kind === 'province' || u.kind === 'city';
const sameTarget = (a: Target, b: Target) => a.unit === b.unit && a.legacy === b.legacy;

function buildRegistry(): Registry {
  const units = raw.units.map(toUnit);
  const byCanonical = new Map(units.map((u) => [u.canonical, u]));
  const trie = createTrie<Target>();
  const conflicts: string[] = [];
  const add = (keys: string[], target: Target, label: string) => {
    if (!trieInsert(trie, keys, target, sameTarget)) conflicts.push(label);
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
  return { units, byCanonical, trie, conflicts };
}

let cached: Registry | null = null;

/** The registry, built once on first use. */
export function registry(): Registry {
  cached ??= buildRegistry();
  return cached;
}
