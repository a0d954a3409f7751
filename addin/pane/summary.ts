/**
 * "Tạo phụ lục tổng hợp": the per-unit table, totals and sentences, computed by the batch
 * tool's own rollup code (report/, Arquero, browser-safe), laid out for the adapter.
 */
import type { CellValue } from '../../core/grid';
import { CATEGORY_KEYS } from '../../core/model';
import type { Task } from '../../core/model';
import { CATEGORY_LABELS } from '../../core/status';
import { formatDateVi } from '../../core/format';
import { fromTasks } from '../../report';
import type { Report } from '../../report/report-types';
import type { SummarySheet } from '../excel-adapter';

export const SUMMARY_SHEET = 'Tổng hợp (tiendo)';

/** The report of the sheet's tasks: the same numbers `tiendo aggregate` gives for this table. */
export function summaryReport(asOf: string, tasks: Task[]): Report {
  return fromTasks(asOf, tasks);
}

export const SUMMARY_HEADERS = ['Đơn vị chủ trì', ...CATEGORY_KEYS.map((k) => CATEGORY_LABELS[k]), 'Chưa báo cáo', 'Tổng số nhiệm vụ', 'Quá hạn', 'Tỷ lệ hoàn thành'];

/** Pure layout of the summary sheet from a Report. */
export function summaryLayout(report: Report, source: string): SummarySheet {
  const rows: CellValue[][] = report.units.map((u) => [
    u.unit,
    ...CATEGORY_KEYS.map((k) => u.categories[k]),
    u.progress.unreported,
    u.tasks,
    u.overdue,
    u.doneRate,
  ]);
  const t = report.totals;
  const done = t.progress.done + t.progress.done_late;
  const totals: CellValue[] = [
    'Tổng cộng',
    ...CATEGORY_KEYS.map((k) => t.categories[k]),
    t.progress.unreported,
    t.tasks,
    t.overdue,
    t.tasks ? done / t.tasks : 0,
  ];
  return {
    name: SUMMARY_SHEET,
    title: [
      'PHỤ LỤC',
      'TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ',
      `(Số liệu tính đến ngày ${formatDateVi(report.asOf)}; nguồn: trang tính "${source}")`,
    ],
    header: SUMMARY_HEADERS,
    rows,
    totals,
    formats: ['@', ...CATEGORY_KEYS.map(() => '0'), '0', '0', '0', '0.0%'],
    notes: [
      ...report.sentences,
      'Ghi chú: nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị, và một lần ở dòng Tổng cộng.',
    ],
    chart: { title: 'Tình hình thực hiện nhiệm vụ theo đơn vị', lastCol: CATEGORY_KEYS.length },
  };
}
