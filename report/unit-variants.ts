/**
 * A commune spelt differently in two returns of one province ("UBND xã Tân Lập" in one, "UBND xã Tân Lâp" in another)
 * is counted as two units, on "Theo xã" and in the province's count of communes. Within one table the rows are flagged
 * (core/table/unit-variants.ts); across returns the report says it once per spelling, naming the files, so the count is
 * never silently doubled. Counts are left as read: the user decides.
 */
import { issue, type Issue } from '../core/issue';
import { formatNumber } from '../core/format';
import { SPELLING_VARIANT_NOTE, spellingKey } from '../core/units/local';
import { compareVi } from './units-of';

/**
 * UNIT_VARIANT issues for the commune-level leads of `units` (name → province, from communeProvinces) whose spellings
 * fold to one name in one province: one per spelling other than the most used (most tasks; ties to the first in
 * Vietnamese order), naming its files.
 *
 * @example
 * communeVariants(new Map([['UBND xã Tân Lập', 'Tỉnh Nghệ An'], ['UBND xã Tân Lâp', 'Tỉnh Nghệ An']]), tasksByUnit, filesByUnit)
 * // → [UNIT_VARIANT 'Tỉnh Nghệ An: "UBND xã Tân Lâp" (01 nhiệm vụ, tệp b.xlsx) có thể là "UBND xã Tân Lập" (60 nhiệm vụ) …']
 */
export function communeVariants(
  communes: ReadonlyMap<string, string>,
  tasksOf: (unit: string) => number,
  filesOf: (unit: string) => readonly string[],
): Issue[] {
  const groups = new Map<string, string[]>();
  for (const [name, province] of communes) {
    const key = `${province}\u0000${spellingKey(name)}`;
    const g = groups.get(key);
    if (g) g.push(name);
    else groups.set(key, [name]);
  }
  const out: Issue[] = [];
  for (const [key, names] of groups) {
    if (names.length < 2) continue;
    const province = key.slice(0, key.indexOf('\u0000'));
    const ranked = [...names].sort((a, b) => tasksOf(b) - tasksOf(a) || compareVi(a, b));
    const [usual, ...others] = ranked;
    for (const name of others) {
      const files = filesOf(name);
      const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` và ${formatNumber(files.length - 3)} tệp khác` : '');
      out.push(issue('UNIT_VARIANT',
        `${province}: "${name}" (${formatNumber(tasksOf(name))} nhiệm vụ, tệp ${shown}) có thể là "${usual}" (${formatNumber(tasksOf(usual))} nhiệm vụ), ${SPELLING_VARIANT_NOTE}`,
        { file: files[0], suggestion: usual }));
    }
  }
  return out;
}
