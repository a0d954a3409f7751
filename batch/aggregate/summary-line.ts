/** The one-line Vietnamese summary printed at the end, and the rejection lines. */
import { formatNumber } from '../../core/format';
import type { Report } from '../../report/report-types';
import { provenanceClause } from '../../report/sentences';

/**
 * "Đã đọc 12/14 tệp, 342 nhiệm vụ (51 quá hạn); trong đó 12 nhiệm vụ tiendo suy ra tiến độ (…), 03 nhiệm vụ không nhận ra
 * tiến độ; 2 tệp bị từ chối (xem trang Nguồn trong tong-hop.xlsx)."
 */
export function summaryLine(report: Report): string {
  const total = report.inputs.length;
  const rejected = report.inputs.filter((i) => i.error).length;
  let s = `Đã đọc ${formatNumber(total - rejected)}/${formatNumber(total)} tệp, ${formatNumber(report.totals.tasks)} nhiệm vụ`
    + ` (${formatNumber(report.totals.overdue)} quá hạn)`;
  const provenance = provenanceClause(report.totals);
  if (provenance) s += `; trong đó ${provenance}`;
  if (rejected) s += `; ${formatNumber(rejected)} tệp bị từ chối (xem trang Nguồn trong tong-hop.xlsx)`;
  return s + '.';
}

/** One stderr line per rejected file: "Từ chối: <file>: <reason>". */
export function rejectionLines(report: Report): string[] {
  return report.inputs.filter((i) => i.error).map((i) => `Từ chối: ${i.file}: ${i.error}`);
}
