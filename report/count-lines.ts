/**
 * The count lines a face lists next to each other (the task pane's "Số nhiệm vụ theo phân loại"):
 * every VPCP category, then "Chưa báo cáo", then "Sắp đến hạn" when asked. Labels from labels.ts,
 * numbers from the report's totals (rules.ts), so they equal the "Tổng cộng" row of "Tổng hợp".
 */
import { CATEGORY_KEYS, type Category } from '../core/model';
import { CATEGORY_LABELS, dueSoonLabel, UNREPORTED_LABEL } from './labels';
import type { Report, ReportTask } from './report-types';
import { isDueSoon } from './rules';

export interface CountLine {
  key: Category | 'unreported' | 'due_soon';
  label: string;
  count: number;
}

/** Tasks open in time and due within `days` days of the report's as-of date. */
export function dueSoonCount(tasks: Pick<ReportTask, 'category' | 'overdue' | 'deadline'>[], asOf: string, days: number): number {
  let n = 0;
  for (const t of tasks) if (isDueSoon(t, asOf, days)) n++;
  return n;
}

/** Category lines, "Chưa báo cáo", and with `dueSoonDays` the "Sắp đến hạn trong N ngày" line. */
export function countLines(report: Pick<Report, 'totals' | 'tasks' | 'asOf'>, dueSoonDays?: number): CountLine[] {
  const t = report.totals;
  const lines: CountLine[] = CATEGORY_KEYS.map((k) => ({ key: k, label: CATEGORY_LABELS[k], count: t.categories[k] ?? 0 }));
  lines.push({ key: 'unreported', label: UNREPORTED_LABEL, count: t.progress.unreported ?? 0 });
  if (dueSoonDays !== undefined) {
    lines.push({ key: 'due_soon', label: dueSoonLabel(dueSoonDays), count: dueSoonCount(report.tasks, report.asOf, dueSoonDays) });
  }
  return lines;
}
