/** Small pure helpers on ISO calendar dates (yyyy-mm-dd), timezone-free. */

/** ISO date from parts, or null when the date does not exist (31/02). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Last day of month m of year y as ISO. */
export function endOfMonth(y: number, m: number): string {
  return isoDate(y, m, daysInMonth(y, m)) as string;
}

/** Whole days from a to b (b - a); both ISO. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

/** True for a well-formed, existing ISO date. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(+m[1], +m[2], +m[3]) === s;
}

/** A JS Date's calendar day as ISO, read in UTC (readers produce UTC-midnight dates). */
export function isoFromDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Việt Nam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar day in Việt Nam (Asia/Ho_Chi_Minh) at the instant `now`, as ISO. Core reads no
 * clock: the CLI and the add-in pass `new Date()`.
 *
 * @example todayInVietnam(new Date('2025-10-31T18:30:00Z')) // '2025-11-01'
 */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
