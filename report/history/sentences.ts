/**
 * Sentences about change between periods, in the seeds' style:
 * "So với kỳ trước (tháng 10/2025): thêm 05 nhiệm vụ hoàn thành; 04 nhiệm vụ mới quá hạn; 09 nhiệm vụ quá hạn
 *  kéo dài từ 2 kỳ trở lên, trong đó Bộ Nội vụ (03 nhiệm vụ), …".
 */
import { formatCount, formatDateVi, formatNumber } from '../../core/format';
import { unitList } from '../sentences';
import type { HistoryComparison, Period } from './types';

/** '2025-10' → 'tháng 10/2025'. */
export function periodVi(p: Period): string {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  return m ? `tháng ${m[2]}/${m[1]}` : p;
}

function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(iso + 'T00:00:00Z') + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The change sentence ("So với kỳ trước …"), or the first-period note. */
function changeSentence(c: HistoryComparison): string {
  if (!c.previous) return `Kỳ ${periodVi(c.period)} là kỳ đầu tiên trong lịch sử; chưa có kỳ trước để so sánh.`;
  const ch = c.changes;
  const parts: string[] = [];
  if (ch.newlyDone) parts.push(`thêm ${formatCount(ch.newlyDone)} nhiệm vụ hoàn thành`);
  if (ch.newlyOverdue) parts.push(`${formatCount(ch.newlyOverdue)} nhiệm vụ mới quá hạn`);
  const chronic = c.tasks.filter((t) => t.overdue && t.change !== 'ambiguous' && t.overdueStreak >= 2);
  if (chronic.length) {
    const longest = Math.max(...chronic.map((t) => t.overdueStreak));
    const byUnit = c.units.filter((u) => u.chronicOverdue > 0).map((u) => ({ unit: u.unit, count: u.chronicOverdue }));
    parts.push(`${formatCount(chronic.length)} nhiệm vụ quá hạn kéo dài từ 2 kỳ trở lên (lâu nhất ${formatCount(longest)} kỳ liên tiếp), `
      + `trong đó ${unitList(byUnit)}`);
  }
  if (ch.newTasks) parts.push(`${formatCount(ch.newTasks)} nhiệm vụ mới`);
  if (ch.missingTasks) {
    const byUnit = c.units.filter((u) => u.missingTasks > 0).map((u) => ({ unit: u.unit, count: u.missingTasks }));
    parts.push(`${formatCount(ch.missingTasks)} nhiệm vụ không còn trong báo cáo (${unitList(byUnit)})`);
  }
  if (ch.deadlineChanged) parts.push(`${formatCount(ch.deadlineChanged)} nhiệm vụ thay đổi thời hạn`);
  const head = `So với kỳ trước (${periodVi(c.previous)})`;
  return parts.length ? `${head}: ${parts.join('; ')}.` : `${head}: không có thay đổi về tiến độ.`;
}

/** Every history sentence; sentences with a zero count are left out (the change sentence always stays). */
export function historySentences(c: HistoryComparison): string[] {
  const out = [changeSentence(c)];
  const overdue = c.tasks.filter((t) => t.overdue && t.change !== 'ambiguous').length;
  if (c.changes.noRecoveryPlan) {
    out.push(`Trong ${formatCount(overdue)} nhiệm vụ quá hạn có ${formatCount(c.changes.noRecoveryPlan)} nhiệm vụ chưa báo cáo lộ trình khắc phục.`);
  }
  const soon: string[] = [];
  if (c.changes.dueWithin30Days && c.asOf) {
    soon.push(`${formatCount(c.changes.dueWithin30Days)} nhiệm vụ đến hạn trong 30 ngày tới (đến ngày ${formatDateVi(addDays(c.asOf, 30))})`);
  }
  if (c.changes.dueByYearEnd && c.asOf) {
    soon.push(`${formatCount(c.changes.dueByYearEnd)} nhiệm vụ phải hoàn thành trong những tháng cuối năm ${c.asOf.slice(0, 4)}`);
  }
  if (soon.length) out.push(`Có ${soon.join('; ')}.`);
  const ranked = c.scores.filter((s) => s.rank !== null);
  if (ranked.length > 1) {
    const top = ranked.filter((s) => s.rank === ranked[0].rank);
    const lowRank = ranked[ranked.length - 1].rank;
    const bottom = ranked.filter((s) => s.rank === lowRank);
    const names = (xs: typeof ranked): string => xs.map((s) => s.unit).join(', ');
    out.push(`Chấm điểm kỳ ${periodVi(c.period)}: cao nhất ${names(top)} (${formatNumber(top[0].score ?? 0, 1)} điểm), `
      + `thấp nhất ${names(bottom)} (${formatNumber(bottom[0].score ?? 0, 1)} điểm).`);
  }
  const unapproved = c.issues.filter((i) => i.code === 'DEADLINE_CHANGED_UNAPPROVED').length;
  if (unapproved) out.push(`Có ${formatCount(unapproved)} nhiệm vụ thay đổi thời hạn nhưng không thấy ghi nhận gia hạn, cần kiểm tra.`);
  const ambiguous = c.issues.filter((i) => i.code === 'HISTORY_AMBIGUOUS_MATCH').length;
  if (ambiguous) out.push(`Có ${formatCount(ambiguous)} nhóm nhiệm vụ trùng nội dung không ghép được giữa các kỳ, cần kiểm tra.`);
  return out;
}
