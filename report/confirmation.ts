/**
 * Per-unit confirmation appendices ("ký xác nhận các nhiệm vụ chậm tiến độ, các nhiệm vụ phải hoàn thành trong năm"):
 * for each lead unit, its overdue tasks with days late and its open tasks still due this year. Pure data from the
 * report, rendered as .docx (docx/) and .xlsx (report/layout + xlsx/).
 *
 * @example
 *   for (const c of confirmations(report)) console.log(c.unit, c.overdue.rows.length);
 */
import { formatCount, formatDateVi } from '../core/format';
import type { Report, ReportTask } from './report-types';
import type { SummaryColumn, SummaryRow, SummaryTable } from './layout/summary-tables';

export interface Confirmation {
  unit: string;
  /** File-name-safe slug of the unit ("bo-noi-vu"). */
  slug: string;
  /** "PHỤ LỤC XÁC NHẬN CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ …" with the unit's name. */
  title: string;
  overdue: SummaryTable;
  dueThisYear: SummaryTable;
  /** One sentence for the top of the appendix. */
  sentence: string;
  /** Signature block: "BỘ TRƯỞNG" / "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" / "THỦ TRƯỞNG CƠ QUAN". */
  signer: string[];
}

const col = (header: string, key: string, type: SummaryColumn['type'], width: number): SummaryColumn => ({ header, key, type, width });

const COLUMNS_OVERDUE: SummaryColumn[] = [
  col('STT', 'stt', 'text', 5), col('Nhiệm vụ', 'task', 'text', 60), col('Thời hạn', 'deadline', 'text', 16),
  col('Hạn tính', 'due', 'date', 12), col('Số ngày quá hạn', 'daysLate', 'count', 10), col('Tiến độ đơn vị báo cáo', 'progress', 'text', 16),
];
const COLUMNS_DUE: SummaryColumn[] = [
  col('STT', 'stt', 'text', 5), col('Nhiệm vụ', 'task', 'text', 60), col('Thời hạn', 'deadline', 'text', 16),
  col('Hạn tính', 'due', 'date', 12), col('Số ngày còn lại', 'daysLeft', 'count', 10), col('Tiến độ đơn vị báo cáo', 'progress', 'text', 16),
];

/** Whole days from a to b (ISO dates). */
function days(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

/** ASCII slug for a file name: "Bộ Nội vụ" → "bo-noi-vu". */
export function slugOf(unit: string): string {
  return unit.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'don-vi';
}

/** Who signs for the unit. */
export function signerOf(unit: string): string[] {
  if (/^Bộ\s/.test(unit)) return ['BỘ TRƯỞNG'];
  if (/^(Tỉnh|Thành phố|UBND|Ủy ban nhân dân)\s/i.test(unit)) return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  return ['THỦ TRƯỞNG CƠ QUAN'];
}

const open = (t: ReportTask) => t.category === 'open_in_time' || t.category === 'open_overdue';

/** The confirmation of one unit; tasks led by several units appear in each of their confirmations. */
export function confirmationOf(report: Report, unit: string): Confirmation {
  const mine = report.tasks.filter((t) => (t.leadUnits.length ? t.leadUnits : [t.leadUnit]).includes(unit));
  const yearEnd = `${report.asOf.slice(0, 4)}-12-31`;
  const overdue = mine.filter((t) => t.overdue).sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
  const due = mine.filter((t) => open(t) && !t.overdue && t.deadline.due !== null && t.deadline.due >= report.asOf && t.deadline.due <= yearEnd)
    .sort((a, b) => (a.deadline.due ?? '').localeCompare(b.deadline.due ?? ''));
  const row = (t: ReportTask, i: number, n: number | null): SummaryRow => ({
    kind: 'data', values: [String(i + 1), t.task, t.deadline.text, t.deadline.due, n, t.progressText || 'Chưa báo cáo'],
  });
  const year = report.asOf.slice(0, 4);
  return {
    unit,
    slug: slugOf(unit),
    title: `Các nhiệm vụ chậm tiến độ và các nhiệm vụ phải hoàn thành trong năm ${year} của ${unit}`,
    overdue: { name: 'Quá hạn', columns: COLUMNS_OVERDUE, rows: overdue.map((t, i) => row(t, i, t.daysLate)) },
    dueThisYear: { name: `Đến hạn trong năm ${year}`, columns: COLUMNS_DUE, rows: due.map((t, i) => row(t, i, days(report.asOf, t.deadline.due!))) },
    sentence: `Tính đến ngày ${formatDateVi(report.asOf)}, ${unit} có ${formatCount(overdue.length)} nhiệm vụ quá hạn, chưa hoàn thành`
      + ` và ${formatCount(due.length)} nhiệm vụ phải hoàn thành từ nay đến hết năm ${year}.`,
    signer: signerOf(unit),
  };
}

/** One confirmation per lead unit of the report, in the report's unit order. */
export function confirmations(report: Report): Confirmation[] {
  return report.units.map((u) => confirmationOf(report, u.unit));
}
