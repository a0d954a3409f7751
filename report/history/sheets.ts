/**
 * The history sheets of tong-hop.xlsx (aggregate --lich-su) and bien-dong.xlsx (so-sanh --out):
 * "Biến động" (per unit: what changed since the previous period, and what falls due),
 * "Biến động chi tiết" (every task with a change or a flag), "Xếp hạng" (scores and ranks).
 */
import { formatDateVi, formatNumber } from '../../core/format';
import { PROGRESS_LABELS } from '../../core/status';
import type { SheetSpec, TitleLine } from '../layout/spec';
import { SIZE } from '../layout/style';
import { tableSheet, type SummaryColumn, type SummaryRow, type SummaryTable } from '../layout/summary';
import { type ScoreWeights } from './score';
import { periodVi } from './sentences';
import { CHANGES, COUNT_KEYS, type Change, type ChangeCounts, type HistoryComparison, type TaskChange } from './types';

export const CHANGE_LABELS: Record<Change, string> = {
  newly_done: 'Mới hoàn thành',
  newly_overdue: 'Mới quá hạn',
  still_overdue: 'Quá hạn kéo dài',
  new: 'Nhiệm vụ mới',
  missing: 'Không còn trong báo cáo',
  deadline_changed: 'Thay đổi thời hạn',
  unchanged: 'Không đổi',
  ambiguous: 'Không ghép được giữa các kỳ',
};

const COUNT_LABELS: Record<keyof ChangeCounts, string> = {
  newlyDone: 'Mới hoàn thành',
  newlyOverdue: 'Mới quá hạn',
  stillOverdue: 'Quá hạn cả hai kỳ',
  newTasks: 'Nhiệm vụ mới',
  missingTasks: 'Không còn trong báo cáo',
  deadlineChanged: 'Thay đổi thời hạn',
  noRecoveryPlan: 'Quá hạn, chưa báo cáo lộ trình khắc phục',
  dueWithin30Days: 'Đến hạn trong 30 ngày tới',
  dueByYearEnd: 'Đến hạn từ nay đến cuối năm',
};

const col = (header: string, key: string, type: SummaryColumn['type'], width: number): SummaryColumn => ({ header, key, type, width });

function titles(c: HistoryComparison, title: string): TitleLine[] {
  const vs = c.previous ? ` so với ${periodVi(c.previous)}` : ' (kỳ đầu tiên, chưa có kỳ trước)';
  return [
    { text: 'Phụ lục', bold: true, size: SIZE.subtitle },
    { text: title.toUpperCase(), bold: true, size: SIZE.title },
    { text: `(Kỳ ${periodVi(c.period)}${vs}; số liệu tính đến ngày ${formatDateVi(c.asOf)})`, italic: true, size: SIZE.body },
  ];
}

const PREVIOUS_KEYS = COUNT_KEYS.slice(0, 6);
const NOW_KEYS = COUNT_KEYS.slice(6);

/** "Biến động": one row per lead unit, then the totals row (a task led by several units counts once in it). */
export function changeTable(c: HistoryComparison): SummaryTable {
  const columns = [
    col('STT', 'stt', 'text', 5),
    col('Đơn vị chủ trì', 'unit', 'text', 30),
    ...PREVIOUS_KEYS.map((k) => col(COUNT_LABELS[k], k, 'count', 11)),
    col('Quá hạn kéo dài từ 2 kỳ trở lên', 'chronicOverdue', 'count', 12),
    ...NOW_KEYS.map((k) => col(COUNT_LABELS[k], k, 'count', 13)),
  ];
  const rows: SummaryRow[] = c.units.map((u, i) => ({
    kind: 'data', values: [String(i + 1), u.unit, ...PREVIOUS_KEYS.map((k) => u[k]), u.chronicOverdue, ...NOW_KEYS.map((k) => u[k])],
  }));
  const chronic = c.tasks.filter((t) => t.overdue && t.change !== 'ambiguous' && t.overdueStreak >= 2).length;
  rows.push({ kind: 'total', values: ['', 'Tổng cộng', ...PREVIOUS_KEYS.map((k) => c.changes[k]), chronic, ...NOW_KEYS.map((k) => c.changes[k])] });
  return {
    name: 'Biến động',
    columns,
    groups: [
      { title: c.previous ? `So với kỳ trước (${periodVi(c.previous)})` : 'So với kỳ trước (chưa có)', from: PREVIOUS_KEYS[0], to: 'chronicOverdue' },
      { title: `Kỳ ${periodVi(c.period)}`, from: NOW_KEYS[0], to: NOW_KEYS[NOW_KEYS.length - 1] },
    ],
    rows,
  };
}

/** The count a change label stands for (the detail sheet's note lists the task's other flags). */
const FLAG_OF_CHANGE: Partial<Record<Change, keyof ChangeCounts>> = {
  newly_done: 'newlyDone', newly_overdue: 'newlyOverdue', still_overdue: 'stillOverdue',
  new: 'newTasks', missing: 'missingTasks', deadline_changed: 'deadlineChanged',
};

const ORDER = new Map(CHANGES.map((ch, i) => [ch, i]));
const progressVi = (p: TaskChange['progress']): string | null => (p ? PROGRESS_LABELS[p] : null);

/** "Biến động chi tiết": every task with a change label or a flag, by change then unit. */
export function taskChangeTable(c: HistoryComparison): SummaryTable {
  const shown = c.tasks
    .filter((t) => t.change !== 'unchanged' || t.flags.length > 0)
    .sort((a, b) => (ORDER.get(a.change) ?? 0) - (ORDER.get(b.change) ?? 0) || a.leadUnit.localeCompare(b.leadUnit, 'vi') || a.file.localeCompare(b.file) || a.row - b.row);
  const columns = [
    col('STT', 'n', 'text', 5),
    col('Đơn vị chủ trì', 'unit', 'text', 24),
    col('STT trong báo cáo', 'stt', 'text', 8),
    col('Tên nhiệm vụ', 'task', 'text', 50),
    col('Biến động', 'change', 'text', 16),
    col('Số kỳ quá hạn liên tiếp', 'streak', 'count', 10),
    col('Thời hạn kỳ trước', 'previousDue', 'date', 12),
    col('Thời hạn kỳ này', 'due', 'date', 12),
    col('Tiến độ kỳ trước', 'previousProgress', 'text', 14),
    col('Tiến độ kỳ này', 'progress', 'text', 14),
    col('Ghi chú', 'note', 'text', 30),
    col('Tệp', 'file', 'text', 24),
    col('Dòng', 'row', 'count', 7),
  ];
  const note = (t: TaskChange): string => t.flags.filter((f) => f !== FLAG_OF_CHANGE[t.change]).map((f) => COUNT_LABELS[f]).join('; ');
  const rows: SummaryRow[] = shown.map((t, i) => ({
    kind: 'data',
    values: [String(i + 1), t.leadUnit, t.stt, t.task, CHANGE_LABELS[t.change], t.overdueStreak || null,
      t.previousDue ?? t.previousDeadlineText, t.due ?? t.deadlineText, progressVi(t.previousProgress), progressVi(t.progress), note(t) || null, t.file, t.row],
  }));
  return { name: 'Biến động chi tiết', columns, rows };
}

function rankChangeText(rc: number | null, previousRank: number | null): string {
  if (previousRank === null) return 'Mới xếp hạng';
  if (rc === null) return '';
  if (rc > 0) return `Tăng ${rc}`;
  if (rc < 0) return `Giảm ${-rc}`;
  return 'Giữ nguyên';
}

/** "Xếp hạng": one row per unit of the period, best first. */
export function rankTable(c: HistoryComparison): SummaryTable {
  const columns = [
    col('Hạng', 'rank', 'count', 7),
    col('Đơn vị chủ trì', 'unit', 'text', 30),
    col('Điểm', 'score', 'count', 9),
    col('Hạng kỳ trước', 'previousRank', 'count', 9),
    col('Thay đổi hạng', 'rankChange', 'text', 12),
    col('Điểm kỳ trước', 'previousScore', 'count', 9),
    col('Số nhiệm vụ được chấm', 'tasks', 'count', 10),
    col('Hoàn thành đúng hạn', 'doneOnTime', 'count', 10),
    col('Hoàn thành quá hạn', 'doneLate', 'count', 10),
    col('Chưa hoàn thành, trong hạn', 'openInTime', 'count', 10),
    col('Chưa hoàn thành, quá hạn', 'openOverdue', 'count', 10),
    col('Chưa báo cáo tiến độ', 'unreported', 'count', 10),
    col('Quá hạn kéo dài', 'chronicOverdue', 'count', 10),
  ];
  const rows: SummaryRow[] = c.scores.map((s) => ({
    kind: 'data',
    values: [s.rank, s.unit, s.score, s.previousRank, rankChangeText(s.rankChange, s.previousRank), s.previousScore, s.tasks,
      s.counts.doneOnTime, s.counts.doneLate, s.counts.openInTime, s.counts.openOverdue, s.counts.unreported, s.counts.chronicOverdue],
  }));
  return { name: 'Xếp hạng', columns, rows };
}

/** The formula with the weights used, for the "Xếp hạng" footer. */
export function formulaLines(w: ScoreWeights): string[] {
  const n = (x: number): string => formatNumber(x, Number.isInteger(x) ? 0 : 1);
  return [
    `Cách tính điểm: mỗi nhiệm vụ hoàn thành đúng hạn ${n(w.doneOnTime)} điểm, hoàn thành quá hạn ${n(w.doneLate)}, `
      + `chưa hoàn thành trong hạn ${n(w.openInTime)}, chưa hoàn thành quá hạn ${n(w.openOverdue)}, chưa báo cáo tiến độ ${n(w.unreported)}; `
      + `mỗi nhiệm vụ quá hạn từ ${n(w.chronicFromPeriods)} kỳ liên tiếp trở lên cộng thêm ${n(w.chronicOverdue)} điểm.`,
    'Điểm của đơn vị = tổng điểm / số nhiệm vụ được chấm (không chấm nhiệm vụ thường xuyên, dừng thực hiện), trong khoảng 0–100; '
      + 'đơn vị bằng điểm cùng hạng. Trọng số: report/history/cham-diem.json.',
  ];
}

const SCORE_FORMAT = '0.0';

/** The history sheets as specs, with the appendix look. */
export function historySheets(c: HistoryComparison, weights: ScoreWeights): SheetSpec[] {
  const change = tableSheet(changeTable(c), titles(c, 'Biến động tình hình thực hiện nhiệm vụ'));
  change.footer = c.sentences.map((text) => ({ text, italic: true, size: SIZE.body }));
  change.freezeColumns = 2;
  change.autoFilter = false;
  const detail = tableSheet(taskChangeTable(c), titles(c, 'Chi tiết biến động các nhiệm vụ'));
  const rank = tableSheet(rankTable(c), titles(c, `Xếp hạng chấm điểm kỳ ${periodVi(c.period)}`));
  for (const column of rank.columns) if (column.key === 'score' || column.key === 'previousScore') column.numFmt = SCORE_FORMAT;
  rank.footer = formulaLines(weights).map((text) => ({ text, italic: true, size: SIZE.note }));
  return [change, detail, rank];
}
