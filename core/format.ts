/**
 * Vietnamese number and date formatting for user-facing text:
 * 1234 → "1.234", 0.257 → "25,7%", 3 → "03", "2025-10-31" → "31/10/2025".
 */

/** Thousands with ".", decimals with ",": formatNumber(1234.5, 1) → "1.234,5". */
export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '';
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** Percent of part/whole with one decimal: formatPercent(88, 342) → "25,7%"; whole 0 → "0%". */
export function formatPercent(part: number, whole: number, decimals = 1): string {
  if (!whole) return '0%';
  return formatNumber((part / whole) * 100, decimals) + '%';
}

/** Counts in sentences as the seeds write them: 3 → "03", 15 → "15", 1234 → "1.234". */
export function formatCount(n: number): string {
  return n >= 0 && n < 10 ? '0' + String(n) : formatNumber(n);
}

/** ISO yyyy-mm-dd → dd/mm/yyyy; other input is returned unchanged. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
