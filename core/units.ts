/**
 * Units named in "Đơn vị chủ trì / phối hợp" cells, resolved against the registry
 * (reference/units.json): 14 ministries, ministerial-level and government
 * agencies, the 34 provinces and cities (after 01/07/2025), groups, and the
 * pre-merger names mapped to their successors.
 *
 * Matching ignores case, diacritics and tone-mark placement (hoà = hòa, uỷ = ủy),
 * HTML tags and line breaks. Cells naming several units are split on known names,
 * never on "," or "và".
 */
import type { ResolvedUnit, UnitKind, UnitResolution } from './model';
import { groupMembers } from './units/groups';
import { registry, type RegistryUnit } from './units/registry';
import { lookupName, splitUnits } from './units/split';
import { trimFillers } from './units/fillers';
import { cleanText } from './text/normalize';
import { detached } from './memo';

export type { RegistryUnit } from './units/registry';

const MEMO_LIMIT = 20_000;
const memo = new Map<string, UnitResolution>();

/** Merge repeated units of one cell (same name): notes and legacy names are joined with "; ". */
function mergeDuplicates(units: ResolvedUnit[]): ResolvedUnit[] {
  const byName = new Map<string, ResolvedUnit>();
  for (const u of units) {
    const seen = byName.get(u.name);
    if (!seen) {
      byName.set(u.name, u);
      continue;
    }
    for (const field of ['legacy', 'note'] as const) {
      const add = u[field];
      if (add && seen[field] !== add) seen[field] = seen[field] ? `${seen[field]}; ${add}` : add;
    }
  }
  return [...byName.values()];
}

function resolveFresh(text: string): UnitResolution {
  const clean = cleanText(text);
  return { text: clean, units: mergeDuplicates(splitUnits(clean)) };
}

const copy = (r: UnitResolution): UnitResolution => ({ text: r.text, units: r.units.map((u) => ({ ...u })) });

/**
 * Resolve a unit cell into canonical units, in the order the cell names them.
 *
 * @example
 * resolveUnits('Bộ Công an Bộ Tư pháp').units.map((u) => u.name) // ['Bộ Công an', 'Bộ Tư pháp']
 * resolveUnits('Bộ Kế hoạch và Đầu tư').units[0] // { name: 'Bộ Tài chính', known: true, kind: 'ministry', legacy: 'Bộ Kế hoạch và Đầu tư' }
 * resolveUnits('Sở Tư pháp xã X').units[0] // { name: 'Sở Tư pháp xã X', known: false }
 */
export function resolveUnits(text: string): UnitResolution {
  let r = memo.get(text);
  if (!r) {
    text = detached(text);
    r = resolveFresh(text);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
    memo.set(text, r);
  }
  return copy(r);
}

/**
 * The registry unit a single name stands for (any alias, a pre-merger name → its successor,
 * leading titles such as "Bộ trưởng" ignored), or undefined.
 *
 * @example
 * findUnit('NHNN')?.canonical // 'Ngân hàng Nhà nước Việt Nam'
 * findUnit('Yên Bái')?.canonical // 'Tỉnh Lào Cai'
 */
export function findUnit(name: string): RegistryUnit | undefined {
  const clean = cleanText(name);
  return (lookupName(clean) ?? lookupName(trimFillers(clean)))?.unit;
}

/**
 * Registry units (current ones, not pre-merger names), optionally of one kind, in registry order.
 *
 * @example
 * listUnits('province').length + listUnits('city').length // 34
 */
export function listUnits(kind?: UnitKind): RegistryUnit[] {
  const { units } = registry();
  return kind ? units.filter((u) => u.kind === kind) : [...units];
}

/**
 * Canonical names of the units a group stands for; [] when `name` is not a group or the
 * group's membership is not stated (e.g. "Các địa phương liên quan"). Rules: core/units/groups.ts.
 *
 * @example
 * expandGroup('Các địa phương').length // 34
 * expandGroup('Các bộ, ngành').length // 22
 */
export function expandGroup(name: string): string[] {
  const unit = findUnit(name);
  return unit && unit.kind === 'group' ? groupMembers(unit, registry().units) : [];
}
