/** ASCII-safe, unique workbook file names from unit names: "Bộ Công an" → "bo-cong-an.xlsx". */
import { foldKey } from '../../core/text/normalize';

export function unitFileName(unit: string, taken: Set<string>): string {
  const base = foldKey(unit).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'don-vi';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name + '.xlsx';
}
