/**
 * Deadlines ("Thời hạn"): Excel dates and serials, dd/mm/yyyy and its variants,
 * months, quarters, halves, years, "trước ngày …", recurring and ongoing phrases.
 * Bad input returns a value (kind 'unparsed', text kept), never throws.
 */
import type { CellValue } from './grid';
import type { Deadline } from './model';
import { formatDateVi } from './format';
import { isoFromDate } from './dates';
import { clean } from './deadline/clean';
import { excelSerialToIso, isDateFormat, isPlausibleSerial } from './deadline/serial';
import { parseDeadlineText, type BeforeReading } from './deadline/text';
import { memo } from './memo';
import { readExtension } from './deadline/extension';

export { excelSerialToIso, isDateFormat } from './deadline/serial';
export { findDatesInText } from './deadline/find';
export { detectSwappedDates, swapDayMonth } from './deadline/swap';
export type { BeforeReading } from './deadline/text';

export interface DeadlineOptions {
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904?: boolean;
  /** The cell's number format; a date format makes any number a date serial. */
  numFmt?: string;
  /**
   * How to read "trước ngày X": 'lenient' (default) → due X; 'strict' → due X - 1.
   * No public VPCP rule decides it (deadline_formats.json conventions).
   */
  before?: BeforeReading;
}

function fromDate(d: Date): Deadline {
  const iso = isoFromDate(d);
  return iso ? { text: formatDateVi(iso), due: iso, kind: 'date' } : { text: String(d), due: null, kind: 'unparsed' };
}

function fromNumber(n: number, opts: DeadlineOptions): Deadline {
  if (isDateFormat(opts.numFmt) || isPlausibleSerial(n)) {
    const iso = excelSerialToIso(n, opts.date1904);
    return iso ? { text: formatDateVi(iso), due: iso, kind: 'date' } : { text: String(n), due: null, kind: 'unparsed' };
  }
  return parseDeadlineText(String(n), opts.before);
}

/**
 * Read a "Thời hạn" cell.
 *
 * @example parseDeadline('Quý II/2025') // { text: 'Quý II/2025', due: '2025-06-30', kind: 'quarter' }
 * @example parseDeadline(45961) // { text: '31/10/2025', due: '2025-10-31', kind: 'date' }
 * @example parseDeadline('Thực hiện thường xuyên') // { …, due: null, kind: 'recurring' }
 */
export function parseDeadline(value: CellValue, opts: DeadlineOptions = {}): Deadline {
  if (value === null || value === undefined) return { text: '', due: null, kind: 'none' };
  if (value instanceof Date) return fromDate(value);
  if (typeof value === 'number') return fromNumber(value, opts);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', due: null, kind: 'unparsed' };
  if (/^\s*\d{5}(?:\.\d+)?\s*$/.test(value) && isPlausibleSerial(Number(value))) return fromNumber(Number(value), opts);
  return { ...(opts.before === 'strict' ? strictText(value) : lenientText(value)) };
}

const lenientText = memo((raw: string) => readText(clean(raw), 'lenient'));
const strictText = memo((raw: string) => readText(clean(raw), 'strict'));

function readText(text: string, before: BeforeReading): Deadline {
  return readExtension(text, before)?.deadline ?? parseDeadlineText(text, before);
}
