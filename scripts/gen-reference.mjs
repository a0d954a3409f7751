#!/usr/bin/env node
/**
 * Regenerates core/data/*.ts from reference/*.json (the gathered facts, kept in this repository with their sources).
 * core/ does no I/O, so the facts are compiled in. Only the fields the runtime reads are emitted, with their types:
 * the research notes and sources stay in reference/ (and out of the add-in bundle).
 *   npm run gen:reference          write core/data/*.ts
 *   npm run gen:reference -- --check   exit 1 if a generated file differs from what reference/ gives (the drift test)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'reference');
const out = join(root, 'core', 'data');

/** Keep only `keys` of an object, in that order, dropping absent ones. */
const pick = (o, keys) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

/** Each generated module: its source file, the TypeScript types it declares, and what it keeps of the JSON. */
const modules = {
  units: {
    file: 'units.json',
    types: `export type UnitRecordKind = 'ministry' | 'agency' | 'province' | 'city' | 'group';
export interface UnitRecord {
  canonical: string;
  kind: UnitRecordKind;
  aliases: readonly string[];
  subkind?: string;
  short?: string;
  code?: string;
  scope?: string;
}
export interface LegacyRecord {
  legacy: string;
  aliases: readonly string[];
  successor: string;
}
export interface UnitsData {
  units: readonly UnitRecord[];
  legacy_units: readonly LegacyRecord[];
  former_provinces: readonly LegacyRecord[];
}`,
    type: 'UnitsData',
    keep: (d) => ({
      units: d.units.map((u) => pick(u, ['canonical', 'kind', 'aliases', 'subkind', 'short', 'code', 'scope'])),
      legacy_units: d.legacy_units.map((u) => pick(u, ['legacy', 'aliases', 'successor'])),
      former_provinces: d.former_provinces.map((u) => pick(u, ['legacy', 'aliases', 'successor'])),
    }),
  },
  statusVocabulary: {
    file: 'status_vocabulary.json',
    types: `export interface CategoryRecord {
  id: string;
  vi: string;
  completion: string;
  timeliness: string | null;
}
export interface PhraseRecord {
  text: string;
  completion: string;
  timeliness: string | null;
  /** Progress when it is not what completion × timeliness gives ("Đang thực hiện": in_progress). */
  progress?: string;
  /** A task-dependent phrase: the reason of its one documented reading (Vietnamese). */
  inferred?: string;
}
export interface InferredRecord {
  text: string;
  /** Matches any status that starts with these words ("Đang …"). */
  prefix: boolean;
  progress: string;
  reason: string;
}
export interface StatusVocabularyData {
  categories: readonly CategoryRecord[];
  phrases: readonly PhraseRecord[];
  /** Timeliness-only words by timeliness (LATE, NOT_DUE, ON_TIME). */
  modifiers: Readonly<Record<string, readonly string[]>>;
  /** Abbreviation → the phrase it stands for. */
  abbreviations: Readonly<Record<string, string>>;
  partial: { before: readonly string[]; after: readonly string[] };
  stopDecision: { words: readonly string[]; requests: readonly string[] };
  inferred: readonly InferredRecord[];
  evidence: { done: readonly string[]; open: readonly string[] };
  resultLabels: readonly string[];
}`,
    type: 'StatusVocabularyData',
    keep: (d) => ({
      categories: d.categories.map((c) => ({ ...pick(c, ['id', 'vi', 'completion']), timeliness: c.timeliness ?? null })),
      phrases: d.phrases.map((p) => ({ ...pick(p, ['text', 'completion']), timeliness: p.timeliness ?? null, ...pick(p, ['progress', 'inferred']) })),
      modifiers: pick(d.modifiers, ['LATE', 'NOT_DUE', 'ON_TIME']),
      abbreviations: d.abbreviations.map,
      partial: pick(d.partial, ['before', 'after']),
      stopDecision: pick(d.stopDecision, ['words', 'requests']),
      inferred: d.inferred.phrases.map((p) => ({ text: p.text, prefix: p.prefix === true, progress: p.progress, reason: p.reason })),
      evidence: pick(d.evidence, ['done', 'open']),
      resultLabels: d.resultLabels.words,
    }),
  },
  deadlineExtensions: {
    file: 'deadline_extensions.json',
    types: `export interface DeadlineExtensionsData {
  /** Folded regular-expression sources; MOVE in a pattern stands for \`move\` (\`moveInText\` in a note or result cell). */
  move: string;
  moveInText: string;
  requested: readonly string[];
  approved: readonly string[];
  newDateMarker: string;
}`,
    type: 'DeadlineExtensionsData',
    keep: (d) => pick(d, ['move', 'moveInText', 'requested', 'approved', 'newDateMarker']),
  },
  tcvn3: {
    file: 'tcvn3_to_unicode.json',
    types: 'export interface Tcvn3Data {\n  /** Character as it appears in a cell → Unicode letter. */\n  map: Readonly<Record<string, string>>;\n}',
    type: 'Tcvn3Data',
    keep: (d) => ({ map: d.map }),
  },
  vni: {
    file: 'vni_to_unicode.json',
    types: 'export interface VniData {\n  /** 1- or 2-character sequence → Unicode letter. */\n  map: Readonly<Record<string, string>>;\n  /** VNI letters that coincide with Unicode. */\n  identity: readonly string[];\n}',
    type: 'VniData',
    keep: (d) => ({ map: d.map, identity: d.identity }),
  },
  viscii: {
    file: 'viscii_to_unicode.json',
    types: 'export interface VisciiByte {\n  unicode: string;\n  as_cp1252: string | null;\n}\nexport interface VisciiData {\n  /** Byte ("0x02") → its Unicode letter and its cp1252 reading. */\n  map_by_byte: Readonly<Record<string, VisciiByte>>;\n}',
    type: 'VisciiData',
    keep: (d) => ({ map_by_byte: Object.fromEntries(Object.entries(d.map_by_byte).map(([k, v]) => [k, { unicode: v.unicode, as_cp1252: v.as_cp1252 ?? null }])) }),
  },
};

/** The generated text of every module, by file name. */
export function generate() {
  const files = {};
  for (const [name, m] of Object.entries(modules)) {
    const data = m.keep(JSON.parse(readFileSync(join(src, m.file), 'utf8')));
    files[`${name}.ts`] = `// GENERATED by scripts/gen-reference.mjs from reference/${m.file} (sources and notes there); do not edit.\n` +
      `${m.types}\n\nconst data: ${m.type} = ${JSON.stringify(data, null, 1)};\nexport default data;\n`;
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generate();
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([f, text]) => {
      try { return readFileSync(join(out, f), 'utf8') !== text; } catch { return true; }
    }).map(([f]) => f);
    if (stale.length) { console.error(`core/data is out of date with reference/: ${stale.join(', ')} (run npm run gen:reference)`); process.exit(1); }
    console.log('core/data matches reference/');
  } else {
    mkdirSync(out, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(out, f), text);
    console.log(`core/data: ${Object.keys(files).length} files written`);
  }
}
