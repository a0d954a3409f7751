/**
 * Ready-to-paste Vietnamese sentences in the style of the secretariat's reports:
 * "Đã hoàn thành 13/49 (26,5%) nhiệm vụ, trong đó 02 nhiệm vụ hoàn thành quá hạn; 17 nhiệm vụ
 * quá hạn, chưa hoàn thành, thuộc trách nhiệm của 09 đơn vị: Bộ Nội vụ (03 nhiệm vụ), …".
 * The only place these sentences are written: tom-tat.txt, the terminal, "Tổng hợp", `inspect`
 * and the task pane all show these strings. Counting rules: rules.ts.
 */
import { formatCount, formatPercent } from '../core/format';
import type { Report, ReportTotals } from './report-types';
import { doneOf } from './rules';
import { compareVi } from './units-of';

/** What the sentences read of a report: its totals, units, (with --sent) units that did not report, and (commune leads) provinces. */
export type SentenceInput = Pick<Report, 'totals' | 'units' | 'notReturned' | 'provinces'>;

export interface UnitCount {
  unit: string;
  count: number;
}

/** Units a sentence names at most; the rest are counted ("và 3.319 đơn vị khác"). */
export const MAX_UNITS_NAMED = 10;

/**
 * Units with their counts, largest first, units with exactly one grouped at the end
 * as the seeds write them; beyond `max` units, "và N đơn vị khác (M nhiệm vụ)".
 *
 * @example unitList([{unit: 'Bộ Y tế', count: 3}, {unit: 'Bộ Xây dựng', count: 1}, {unit: 'Bộ Tư pháp', count: 1}])
 * // → "Bộ Y tế (03 nhiệm vụ), Bộ Tư pháp, Bộ Xây dựng mỗi đơn vị 01 nhiệm vụ"
 */
export function unitList(items: UnitCount[], max = MAX_UNITS_NAMED): string {
  const sorted = items.filter((u) => u.count > 0).sort((a, b) => b.count - a.count || compareVi(a.unit, b.unit));
  const named = sorted.slice(0, max);
  const rest = sorted.slice(max);
  const many = named.filter((u) => u.count > 1).map((u) => `${u.unit} (${formatCount(u.count)} nhiệm vụ)`);
  const ones = named.filter((u) => u.count === 1).map((u) => u.unit);
  if (ones.length === 1) many.push(`${ones[0]} (01 nhiệm vụ)`);
  if (ones.length > 1) many.push(`${ones.join(', ')} mỗi đơn vị 01 nhiệm vụ`);
  if (rest.length) {
    const n = rest.reduce((a, u) => a + u.count, 0);
    return `${many.join(', ')} và ${formatCount(rest.length)} đơn vị khác (${formatCount(n)} nhiệm vụ)`;
  }
  return many.join(', ');
}

/** The headline: done ratio, done late, overdue and who is responsible. */
export function headline(report: SentenceInput): string {
  const { tasks, overdue, progress } = report.totals;
  const done = doneOf(progress);
  let s = `Đã hoàn thành ${formatCount(done)}/${formatCount(tasks)} (${formatPercent(done, tasks)}) nhiệm vụ`;
  if (progress.done_late) s += `, trong đó ${formatCount(progress.done_late)} nhiệm vụ hoàn thành quá hạn`;
  if (!overdue) return s + '; không có nhiệm vụ quá hạn.';
  const late = report.units.filter((u) => u.overdue > 0).map((u) => ({ unit: u.unit, count: u.overdue }));
  return `${s}; ${formatCount(overdue)} nhiệm vụ quá hạn, chưa hoàn thành, thuộc trách nhiệm của `
    + `${formatCount(late.length)} đơn vị: ${unitList(late)}.`;
}

/**
 * Where the leads are communes of several provinces (Report.provinces), the overdue tasks by province or city: the
 * headline names the ten communes with the most, which at national scale says little of where they are. A task led by
 * several communes of one province counts once there; a lead that is not a commune is named as itself. '' otherwise
 * (one province: its communes are what the headline names).
 *
 * @example provinceSentence(report)
 * // → "Theo tỉnh, thành phố, nhiệm vụ quá hạn thuộc: Tỉnh Nghệ An (1.204 nhiệm vụ), … và 24 đơn vị khác (21.930 nhiệm vụ)."
 */
export function provinceSentence(report: Pick<Report, 'totals' | 'provinces'>): string {
  const rows = report.provinces ?? [];
  if (!report.totals.overdue || rows.filter((p) => p.communes > 0).length < 2) return '';
  const list = unitList(rows.map((p) => ({ unit: p.province, count: p.overdue })));
  return list ? `Theo tỉnh, thành phố, nhiệm vụ quá hạn thuộc: ${list}.` : '';
}

/**
 * How much of the progress tiendo read rather than the units wrote, and how much it could not read:
 * "12 nhiệm vụ tiendo suy ra tiến độ (từ cột Kết quả thực hiện …), 03 nhiệm vụ không nhận ra tiến độ";
 * '' when every status was typed (or blank with nothing beside it).
 */
export function provenanceClause(totals: Pick<ReportTotals, 'progressSources' | 'unrecognised'>): string {
  const parts: string[] = [];
  const s = totals.progressSources;
  if (s?.inferred) parts.push(`${formatCount(s.inferred)} nhiệm vụ tiendo suy ra tiến độ (từ cột Kết quả thực hiện hoặc cách ghi cần diễn giải)`);
  if (s?.tick) parts.push(`${formatCount(s.tick)} nhiệm vụ đọc tiến độ từ dấu đánh dấu`);
  if (totals.unrecognised) parts.push(`${formatCount(totals.unrecognised)} nhiệm vụ không nhận ra tiến độ`);
  return parts.join(', ');
}

/** Every sentence for tom-tat.txt, headline first; sentences with a zero count are left out. */
export function sentences(report: SentenceInput): string[] {
  const { categories, progress } = report.totals;
  const out = [headline(report)];
  const byProvince = provinceSentence(report);
  if (byProvince) out.push(byProvince);
  const provenance = provenanceClause(report.totals);
  if (provenance) out.push(`Trong số ${formatCount(report.totals.tasks)} nhiệm vụ, ${provenance}; cần kiểm tra lại các nhiệm vụ này.`);
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
