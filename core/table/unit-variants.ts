/**
 * Commune-level leads are kept as written (core/units/local.ts): no list says how "UBND xã Tân Lập" is spelt, so a
 * row that writes it another way ("UBND xã Tân Lâp", "UBND Xã tân lập", "UBND xã Tân  Lập") would count as another
 * unit, silently. Within one table, names that fold to the same letters (case, diacritics, spaces and punctuation
 * ignored) are one unit spelt several ways: every row not in the table's most frequent spelling gets UNIT_VARIANT,
 * naming the spelling it most likely means. Counts are left as read: the user decides. Two returns that spell one
 * commune differently are compared by the report (report/unit-variants.ts).
 */
import { issue } from '../issue';
import type { ParsedTask } from '../model';
import { formatNumber } from '../format';
import { isLocalUnitName, SPELLING_VARIANT_NOTE, spellingKey } from '../units/local';

/**
 * Adds UNIT_VARIANT to each task of `tasks` (one table) led by a commune-level unit spelt unlike the table's usual
 * spelling of that unit. Ties go to the spelling met first.
 *
 * @example
 * // rows led by "UBND xã Tân Lập" (×59) and "UBND xã Tân Lâp" (×1): the one row gets
 * // 'Ô C12: "UBND xã Tân Lâp" có thể là "UBND xã Tân Lập" (cách viết của 59 dòng khác trong bảng), chỉ khác …'
 * flagUnitVariants(tasks);
 */
export function flagUnitVariants(tasks: readonly ParsedTask[]): void {
  // spelling key → spelling → rows using it (insertion order: first met first)
  const bySpelling = new Map<string, Map<string, number>>();
  const keyOf = new Map<string, string | null>();
  for (const t of tasks) {
    for (const u of t.leadUnits) {
      if (u.known) continue;
      let key = keyOf.get(u.name);
      if (key === undefined) keyOf.set(u.name, (key = isLocalUnitName(u.name) ? spellingKey(u.name) : null));
      if (key === null) continue;
      let spellings = bySpelling.get(key);
      if (!spellings) bySpelling.set(key, (spellings = new Map()));
      spellings.set(u.name, (spellings.get(u.name) ?? 0) + 1);
    }
  }
  const usual = new Map<string, [name: string, rows: number]>();
  for (const [key, spellings] of bySpelling) {
    if (spellings.size < 2) continue;
    let best: [string, number] = ['', 0];
    for (const [name, n] of spellings) if (n > best[1]) best = [name, n];
    usual.set(key, best);
  }
  if (!usual.size) return;
  for (const t of tasks) {
    for (const u of t.leadUnits) {
      const key = u.known ? null : keyOf.get(u.name);
      const best = key ? usual.get(key) : undefined;
      if (!best || best[0] === u.name) continue;
      t.issues.push(issue('UNIT_VARIANT',
        `Ô ${t.cells.lead ?? ''}: "${u.name}" có thể là "${best[0]}" (cách viết của ${formatNumber(best[1])} dòng khác trong bảng), ${SPELLING_VARIANT_NOTE}`,
        { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.lead, suggestion: best[0] }));
    }
  }
}
