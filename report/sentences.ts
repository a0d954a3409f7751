/**
 * Ready-to-paste Vietnamese sentences in the style of the secretariat's reports:
 * "Đã hoàn thành 13/49 (26,5%) nhiệm vụ, trong đó 02 nhiệm vụ hoàn thành quá hạn; 17 nhiệm vụ
 * quá hạn, chưa hoàn thành, thuộc trách nhiệm của 09 đơn vị: Bộ Nội vụ (03 nhiệm vụ), …".
 */
import { formatCount, formatPercent } from '../core/format';
import type { Report } from './report-types';
import { compareVi } from './units-of';

/** What the sentences read of a report: its totals, units and (with --sent) units that did not report. */
export type SentenceInput = Pick<Report, 'totals' | 'units' | 'notReturned'>;

export interface UnitCount {
  unit: string;
  count: number;
}

/**
 * Units with their counts, largest first, units with exactly one grouped at the end
 * as the seeds write them.
 *
 * @example unitList([{unit: 'Bộ Y tế', count: 3}, {unit: 'Bộ Xây dựng', count: 1}, {unit: 'Bộ Tư pháp', count: 1}])
 * // → "Bộ Y tế (03 nhiệm vụ), Bộ Tư pháp, Bộ Xây dựng mỗi đơn vị 01 nhiệm vụ"
 */
export function unitList(items: UnitCount[]): string {
  const sorted = items.filter((u) => u.count > 0).sort((a, b) => b.count - a.count || compareVi(a.unit, b.unit));
  const many = sorted.filter((u) => u.count > 1).map((u) => `${u.unit} (${formatCount(u.count)} nhiệm vụ)`);
  const ones = sorted.filter((u) => u.count === 1).map((u) => u.unit);
  if (ones.length === 1) many.push(`${ones[0]} (01 nhiệm vụ)`);
  if (ones.length > 1) many.push(`${ones.join(', ')} mỗi đơn vị 01 nhiệm vụ`);
  return many.join(', ');
}

/** The headline: done ratio, done late, overdue and who is responsible. */
export function headline(report: SentenceInput): string {
  const { tasks, overdue, progress } = report.totals;
  const done = progress.done + progress.done_late;
  let s = `Đã hoàn thành ${formatCount(done)}/${formatCount(tasks)} (${formatPercent(done, tasks)}) nhiệm vụ`;
  if (progress.done_late) s += `, trong đó ${formatCount(progress.done_late)} nhiệm vụ hoàn thành quá hạn`;
  if (!overdue) return s + '; không có nhiệm vụ quá hạn.';
  const late = report.units.filter((u) => u.overdue > 0).map((u) => ({ unit: u.unit, count: u.overdue }));
  return `${s}; ${formatCount(overdue)} nhiệm vụ quá hạn, chưa hoàn thành, thuộc trách nhiệm của `
    + `${formatCount(late.length)} đơn vị: ${unitList(late)}.`;
}

/** Every sentence for tom-tat.txt, headline first; sentences with a zero count are left out. */
export function sentences(report: SentenceInput): string[] {
  const { categories, progress } = report.totals;
  const out = [headline(report)];
  if (categories.open_in_time) out.push(`Còn ${formatCount(categories.open_in_time)} nhiệm vụ chưa hoàn thành, chưa đến hạn.`);
  if (categories.recurring) out.push(`Có ${formatCount(categories.recurring)} nhiệm vụ thực hiện thường xuyên, không tính quá hạn.`);
  if (categories.stopped) out.push(`Có ${formatCount(categories.stopped)} nhiệm vụ dừng thực hiện.`);
  if (progress.unreported) out.push(`Có ${formatCount(progress.unreported)} nhiệm vụ chưa cập nhật tiến độ (cột Tiến độ để trống).`);
  if (progress.unknown) out.push(`Có ${formatCount(progress.unknown)} nhiệm vụ ghi tiến độ không rõ, cần kiểm tra lại.`);
  const missing = report.notReturned ?? [];
  if (missing.length) {
    const n = missing.reduce((a, u) => a + u.tasks, 0);
    out.push(`Có ${formatCount(missing.length)} đơn vị chưa báo cáo ${formatCount(n)} nhiệm vụ đã giao: `
      + `${unitList(missing.map((u) => ({ unit: u.unit, count: u.tasks })))}.`);
  }
  return out;
}
