/** Excel date serials and number formats. */
import { isoFromDate } from '../dates';

const DAY_MS = 86_400_000;

/**
 * ISO date of an Excel date serial; the time of day (fraction) is dropped.
 * 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01; 60 is Excel's
 * phantom 1900-02-29 (the Lotus leap-year bug) and, like 0, has no real date → null.
 * 1904 system: 0 = 1904-01-01.
 *
 * @example excelSerialToIso(45961) // '2025-10-31'
 * @example excelSerialToIso(44499, true) // '2025-10-31'
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (typeof serial !== 'number' || !Number.isFinite(serial) || serial < 0) return null;
  const day = Math.floor(serial);
  if (date1904) return isoFromDate(new Date(Date.UTC(1904, 0, 1) + day * DAY_MS));
  if (day < 1 || day === 60) return null;
  const offset = day < 60 ? day : day - 1; // days after 1899-12-31, skipping the phantom day
  return isoFromDate(new Date(Date.UTC(1899, 11, 31) + offset * DAY_MS));
}

/**
 * True when an Excel number format shows a date: it has day or year tokens
 * outside quoted text, [..] sections and escapes ("dd/mm/yyyy", "m/d/yy",
 * "[$-42A]d mmmm yyyy"). "General", "0", "#,##0", "hh:mm" are not dates.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/general/i.test(bare)) return false;
  return /[dy]/i.test(bare);
}

/** Serials Excel shows as dates between 1990-01-01 and 2099-12-31: read as dates even without a date format. */
export const SERIAL_MIN = 32874;
export const SERIAL_MAX = 73050;

export function isPlausibleSerial(n: number): boolean {
  return n >= SERIAL_MIN && n <= SERIAL_MAX;
}
