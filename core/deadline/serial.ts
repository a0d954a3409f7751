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
  if (!date1904 && (day < 1 || day === 60)) return null;
  return isoFromDate(excelSerialToDate(day, date1904));
}

/** Serial of 1970-01-01 in the 1900 system; the 1904 system counts 1,462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;

/**
 * The UTC instant an Excel serial stands for, time of day kept (what readers hand over as
 * a Date cell). 1900 system: serials 1-59 are shifted over the phantom 1900-02-29 (60 lands
 * on 1900-03-01).
 *
 * @example excelSerialToDate(45961.5, false) // 2025-10-31T12:00:00.000Z
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + DAYS_1904 : serial < 61 && serial >= 1 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS));
}

/**
 * The 1900-system serial of a Date, fraction for the time of day (how a Date is stored in a
 * cell; the same arithmetic as ExcelJS, so dates from 1900-03-01 on).
 *
 * @example dateToExcelSerial(new Date(Date.UTC(2025, 9, 31))) // 45961
 */
export function dateToExcelSerial(d: Date): number {
  return d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/**
 * The tokens an Excel number format shows: its first section without quoted text, escapes,
 * padding and fill characters, [colour] and [$-locale] parts ("[h]" elapsed hours become "h"),
 * and without "General"; '' for General, text and plain number formats ("0", "#,##0.0%").
 */
function formatTokens(code: string | undefined): string {
  if (!code || code === 'General' || code === '@') return '';
  const stripped = code.split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^[#0.,%\s?/E+-]*$/i.test(stripped)) return '';
  return stripped.replace(/General/gi, '');
}

/**
 * True when an Excel number format shows a calendar date: a day or year token remains
 * ("dd/mm/yyyy", "m/d/yy", "[$-42A]d mmmm yyyy"). "General", "0", "#,##0", "hh:mm" are not dates.
 * This is the deadline reader's test: a number under such a format is a date.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  return /[dy]/i.test(formatTokens(numFmt));
}

/**
 * True when an Excel number format shows a date or a time ("dd/mm/yyyy", "hh:mm", "[h]:mm",
 * "mmmm"): the workbook reader hands such cells over as Dates rather than serial numbers.
 */
export function isDateOrTimeFormat(numFmt: string | undefined): boolean {
  return /[dmyhs]/i.test(formatTokens(numFmt));
}

/** Serials Excel shows as dates between 1990-01-01 and 2099-12-31: read as dates even without a date format. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;

export function isPlausibleSerial(n: number): boolean {
  return n >= SERIAL_MIN && n <= SERIAL_MAX;
}
