/**
 * The rollup by province when the leads are communes or wards ("UBND xã Tân Lập", "Phường Ba Đình",
 * "Đặc khu Phú Quốc"): at 3,321 communes a per-unit "Tổng hợp" does not read, so the report also
 * counts per province (the 34 provinces and cities), with the communes on their own sheet.
 *
 * Where a commune's province comes from, first found wins: the lead cell ("UBND xã X, tỉnh Y": the
 * unit's `province`), else the return's "(Kèm theo … của UBND xã X, tỉnh Y)" line, else the folder the
 * return sits in ("Tỉnh-Nghệ-An/xa-0001.xlsx").
 */
import type { ColumnTable } from 'arquero';
import type { ResolvedUnit } from '../core/model';
import { findUnit } from '../core/units';
import { isLocalUnitName } from '../core/units/local';
import { categoriesOf, progressOf, rollupCounts } from './counts';
import type { ReportProvince } from './report-types';
import { compareVi } from './units-of';

const PLACE_OF = /(?:^|\s)(xã|phường|đặc khu|thị trấn)\s+([^,;()]+)/iu;

/**
 * The commune a commune-level lead stands for, folded: "UBND xã Tân Lập" and "Công an xã Tân Lập" → "xã tân lập",
 * so a commune's offices do not count as more communes.
 */
export function communeOf(name: string): string {
  const m = PLACE_OF.exec(name.normalize('NFC'));
  return (m ? `${m[1]} ${m[2]}` : name).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** The province or city a path's folders name (deepest first), canonical, or null: "…/Tỉnh-Nghệ-An/xa-1.xlsx" → "Tỉnh Nghệ An". */
export function provinceOfPath(file: string, cache = new Map<string, string | null>()): string | null {
  const parts = file.split(/[\\/]/).slice(0, -1);
  for (let k = parts.length - 1; k >= 0; k--) {
    const seg = parts[k];
    let hit = cache.get(seg);
    if (hit === undefined) {
      const u = seg.trim() ? findUnit(seg.normalize('NFC').replace(/[-_]+/g, ' ')) : undefined;
      hit = u && (u.kind === 'province' || u.kind === 'city') ? u.canonical : null;
      cache.set(seg, hit);
    }
    if (hit) return hit;
  }
  return null;
}

const PLACE = /(?:^|[\s,(])((?:tỉnh|thành phố|tp\.?)\s+[^,;()\n]+)/giu;

/** The province or city a free text names last, canonical, or null: "(Kèm theo … của UBND xã Tân Lập, Tỉnh Nghệ An)" → "Tỉnh Nghệ An". */
export function provinceOfText(text: string): string | null {
  const found = [...text.normalize('NFC').matchAll(PLACE)].reverse();
  for (const m of found) {
    const u = findUnit(m[1].trim());
    if (u && (u.kind === 'province' || u.kind === 'city')) return u.canonical;
  }
  return null;
}

/**
 * Lead unit name → its province, for the commune-level leads of `tasks` (units without one are left out).
 * A name met in several provinces keeps the first.
 */
export function communeProvinces(
  tasks: readonly { file: string; leadUnits: readonly Pick<ResolvedUnit, 'name' | 'known' | 'province'>[] }[],
  /** File → its "(Kèm theo …)" line, when the read found one. */
  attached: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const out = new Map<string, string>();
  const cache = new Map<string, string | null>();
  const byFile = new Map<string, string | null>();
  const commune = new Map<string, boolean>();
  for (const t of tasks) {
    for (const u of t.leadUnits) {
      if (!u.name || out.has(u.name) || u.known) continue;
      let isCommune = commune.get(u.name);
      if (isCommune === undefined) commune.set(u.name, (isCommune = isLocalUnitName(u.name)));
      if (!isCommune) continue;
      let p: string | null | undefined = u.province;
      if (!p) {
        p = byFile.get(t.file);
        if (p === undefined) {
          const line = attached.get(t.file);
          byFile.set(t.file, (p = (line ? provinceOfText(line) : null) ?? provinceOfPath(t.file, cache)));
        }
      }
      if (p) out.set(u.name, p);
    }
  }
  return out;
}

/** Whether the report rolls up by province: most lead units are communes with a known province. */
export function byProvince(unitCount: number, communes: Map<string, string>, units: readonly string[]): boolean {
  let n = 0;
  for (const u of units) if (communes.has(u)) n++;
  return n > 0 && n * 2 >= unitCount;
}

/**
 * Counts per province of a taskTable() (one row per task and lead unit): a task led by several communes
 * of one province counts once there. Units that are not communes stay as their own rows (communes: 0).
 * Vietnamese alphabetical order.
 */
export function provinceRollup(tasks: ColumnTable, communes: Map<string, string>): ReportProvince[] {
  if (!tasks.numRows()) return [];
  const unit = tasks.array('unit') as string[];
  const idx = tasks.array('i') as ArrayLike<number>;
  const key = Array.from(unit, (u) => communes.get(u) ?? u);
  const keyed = tasks.assign({ key });
  return provinceCounts(rollupCounts(onePerTask(keyed, idx, key), ['key']), new Set(unit), communes);
}

/**
 * Each (task, key) once, its first row kept: what dedupe('i', 'key') keeps, without its table-wide key
 * per row. taskTable() writes a task's rows one after another, so only the rows since the task's first
 * are compared; a table in another order goes through dedupe.
 */
function onePerTask(keyed: ColumnTable, idx: ArrayLike<number>, key: readonly string[]): ColumnTable {
  const keep = new Uint8Array(key.length);
  let start = 0, dropped = 0;
  for (let r = 0; r < key.length; r++) {
    if (r > 0 && idx[r] !== idx[r - 1]) {
      if (idx[r] < idx[r - 1]) return keyed.dedupe('i', 'key');
      start = r;
    }
    let seen = false;
    for (let q = start; q < r && !seen; q++) seen = key[q] === key[r];
    keep[r] = seen ? 0 : 1;
    if (seen) dropped++;
  }
  return dropped ? keyed.assign({ keep }).filter('d => d.keep === 1') : keyed;
}

function provinceCounts(rolled: ColumnTable, present: ReadonlySet<string>, communes: Map<string, string>): ReportProvince[] {
  const places = new Map<string, Set<string>>();
  for (const [u, p] of communes) {
    if (!present.has(u)) continue;
    let set = places.get(p);
    if (!set) places.set(p, (set = new Set()));
    set.add(communeOf(u));
  }
  return (rolled.objects() as Record<string, unknown>[])
    .map((r) => {
      const tasksN = Number(r.tasks);
      const progress = progressOf(r);
      return {
        province: String(r.key),
        tasks: tasksN,
        overdue: Number(r.overdue),
        progress,
        categories: categoriesOf(r),
        doneRate: tasksN ? Number(r.done) / tasksN : 0,
        communes: places.get(String(r.key))?.size ?? 0,
      };
    })
    .sort((a, b) => compareVi(a.province, b.province));
}
