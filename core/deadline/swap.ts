/**
 * Deadline columns typed under a US locale: Excel turned "05/10/2025" (5 October)
 * into a date of 10 May, and left "25/10/2025" as text because month 25 does not
 * exist. The mix is the tell (deadline_formats.json, Excel date serial note).
 */
import type { CellValue } from '../grid';
import type { Deadline } from '../model';
import { isoDate } from '../dates';
import { formatDateVi } from '../format';
import { isPlausibleSerial, excelSerialToIso } from './serial';

const TEXT_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{4}\s*$/;

function dayOf(v: CellValue): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getUTCDate();
  if (typeof v === 'number' && isPlausibleSerial(v)) {
    const iso = excelSerialToIso(v);
    return iso ? Number(iso.slice(8)) : null;
  }
  return null;
}

/**
 * True when a column's dates look day/month-swapped: some text cells read only as
 * dd/mm/yyyy (first number > 12), no text cell could have been read either way,
 * and every date cell has a day ≤ 12 (so it may be a swapped dd/mm).
 *
 * @example detectSwappedDates([new Date(Date.UTC(2025, 4, 10)), '25/10/2025']) // true
 */
export function detectSwappedDates(values: CellValue[]): boolean {
  let textDayFirst = 0;
  let dates = 0;
  for (const v of values) {
    if (typeof v === 'string') {
      const m = TEXT_DATE.exec(v);
      if (!m) continue;
      if (+m[1] <= 12) return false; // text a US locale would have converted: the column was typed as text
      if (+m[2] <= 12) textDayFirst++;
      continue;
    }
    const day = dayOf(v);
    if (day === null) continue;
    if (day > 12) return false;
    dates++;
  }
  return textDayFirst > 0 && dates > 0;
}

/** The same date with day and month exchanged (10 May → 5 October); other kinds unchanged. */
export function swapDayMonth(d: Deadline): Deadline {
  if (d.kind !== 'date' || !d.due) return d;
  const [y, m, day] = d.due.split('-').map(Number);
  const iso = isoDate(y, day, m);
  return iso ? { text: formatDateVi(iso), due: iso, kind: 'date' } : d;
}
