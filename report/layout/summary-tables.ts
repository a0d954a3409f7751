/**
 * The summary appendix's tables as plain data (strings, numbers, ISO dates),
 * shared by the tong-hop.xlsx layout (summary.ts) and the add-in's summary sheet.
 */
import type { Report, ReportTask } from '../report-types';
import { CATEGORY_KEYS, PROGRESS_KEYS, type Category, type Progress } from '../../core/model';
import { CATEGORY_LABELS, PROGRESS_LABELS } from '../../core/status';
import type { Severity } from '../../core/issue';
import { formatCount } from '../../core/format';

export type ColumnType = 'text' | 'count' | 'percent' | 'date';

export interface SummaryColumn {
  header: string;
  key: string;
  type: ColumnType;
  width: number;
}

/** One row: 'section' rows hold a title in values[0] (a unit name in "Quá hạn"). Dates are ISO yyyy-mm-dd strings; percents 0..1. */
export interface SummaryRow {
  kind: 'data' | 'section' | 'total';
  values: (string | number | null)[];
}

export interface SummaryTable {
  name: string;
  columns: SummaryColumn[];
  /** Parent headers over column ranges (keys), for a two-row header. */
  groups?: { title: string; from: string; to: string }[];
  rows: SummaryRow[];
}

/** Progress columns shown (unknown words are counted too, so rows add up). */
const PROGRESS_SHOWN: readonly Progress[] = PROGRESS_KEYS;
const CATEGORY_SHOWN: readonly Category[] = CATEGORY_KEYS;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

const col = (header: string, key: string, type: ColumnType, width: number): SummaryColumn => ({ header, key, type, width });

/** "Tổng hợp": one row per lead unit, then the totals row. */
export function unitTable(report: Report): SummaryTable {
  const columns = [
    col('STT', 'stt', 'text', 5),
    col('Đơn vị chủ trì', 'unit', 'text', 30),
    col('Số nhiệm vụ', 'tasks', 'count', 9),
    ...PROGRESS_SHOWN.map((p) => col(PROGRESS_LABELS[p], 'p_' + p, 'count', 10)),
    ...CATEGORY_SHOWN.map((c) => col(CATEGORY_LABELS[c], 'c_' + c, 'count', 10)),
    col('Quá hạn', 'overdue', 'count', 9),
    col('Tỷ lệ hoàn thành', 'doneRate', 'percent', 10),
  ];
  const rows: SummaryRow[] = report.units.map((u, i) => ({
    kind: 'data',
    values: [String(i + 1), u.unit, u.tasks, ...PROGRESS_SHOWN.map((p) => u.progress[p] ?? 0), ...CATEGORY_SHOWN.map((c) => u.categories[c] ?? 0), u.overdue, u.doneRate],
  }));
  const t = report.totals;
  const done = (t.progress.done ?? 0) + (t.progress.done_late ?? 0);
  rows.push({
    kind: 'total',
    values: ['', 'Tổng cộng', t.tasks, ...PROGRESS_SHOWN.map((p) => t.progress[p] ?? 0), ...CATEGORY_SHOWN.map((c) => t.categories[c] ?? 0), t.overdue, t.tasks ? done / t.tasks : 0],
  });
  return {
    name: 'Tổng hợp',
    columns,
    groups: [
      { title: 'Tiến độ đơn vị báo cáo', from: 'p_' + PROGRESS_SHOWN[0], to: 'p_' + PROGRESS_SHOWN[PROGRESS_SHOWN.length - 1] },
      { title: 'Phân loại theo thời hạn', from: 'c_' + CATEGORY_SHOWN[0], to: 'c_' + CATEGORY_SHOWN[CATEGORY_SHOWN.length - 1] },
    ],
    rows,
  };
}

/** Lead units of a task in report order (a task led by several units is listed under each). */
function leadsOf(t: ReportTask): string[] {
  return t.leadUnits.length ? t.leadUnits : [t.leadUnit || '(Không rõ đơn vị chủ trì)'];
}

/** "Quá hạn": overdue tasks grouped by unit (a section row "Bộ Nội vụ (03 nhiệm vụ)" per unit), most days late first. */
export function overdueTable(report: Report): SummaryTable {
  const byUnit = new Map<string, ReportTask[]>();
  for (const u of report.units) byUnit.set(u.unit, []);
  for (const t of report.tasks) {
    if (!t.overdue) continue;
    for (const u of leadsOf(t)) {
      const list = byUnit.get(u) ?? [];
      list.push(t);
      byUnit.set(u, list);
    }
  }
  const rows: SummaryRow[] = [];
  for (const [unit, list] of byUnit) {
    if (!list.length) continue;
    rows.push({ kind: 'section', values: [`${unit} (${formatCount(list.length)} nhiệm vụ)`] });
    [...list].sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0)).forEach((t, i) => rows.push({
      kind: 'data',
      values: [String(i + 1), t.task, t.leadUnit, t.deadline.text, t.deadline.due, t.daysLate, t.progressText, t.result, t.file, t.row],
    }));
  }
  return {
    name: 'Quá hạn',
    columns: [
      col('STT', 'stt', 'text', 5), col('Nhiệm vụ', 'task', 'text', 50), col('Đơn vị chủ trì', 'lead', 'text', 20),
      col('Thời hạn', 'deadline', 'text', 14), col('Hạn tính', 'due', 'date', 12), col('Số ngày quá hạn', 'daysLate', 'count', 9),
      col('Tiến độ báo cáo', 'progress', 'text', 14), col('Kết quả thực hiện', 'result', 'text', 36),
      col('Tệp', 'file', 'text', 22), col('Dòng', 'row', 'count', 7),
    ],
    rows,
  };
}

/** "Chi tiết": every task with its provenance. */
export function detailTable(report: Report): SummaryTable {
  return {
    name: 'Chi tiết',
    columns: [
      col('STT', 'stt', 'text', 6), col('Mục', 'section', 'text', 20), col('Nhiệm vụ', 'task', 'text', 50),
      col('Đơn vị chủ trì', 'lead', 'text', 20), col('Đơn vị phối hợp', 'co', 'text', 18), col('Thời hạn', 'deadline', 'text', 14),
      col('Hạn tính', 'due', 'date', 12), col('Kết quả thực hiện', 'result', 'text', 36), col('Tiến độ báo cáo', 'progressText', 'text', 14),
      col('Tiến độ', 'progress', 'text', 14), col('Phân loại', 'category', 'text', 16), col('Quá hạn', 'overdue', 'text', 8),
      col('Số ngày quá hạn', 'daysLate', 'count', 9), col('Mã nhiệm vụ', 'taskId', 'text', 14), col('Tệp', 'file', 'text', 22),
      col('Trang tính', 'sheet', 'text', 12), col('Dòng', 'row', 'count', 7), col('Cảnh báo', 'issues', 'text', 20),
    ],
    rows: report.tasks.map((t) => ({
      kind: 'data',
      values: [
        t.stt, t.section, t.task, t.leadUnit, t.coUnits.join('; '), t.deadline.text, t.deadline.due, t.result, t.progressText,
        PROGRESS_LABELS[t.progress], CATEGORY_LABELS[t.category], t.overdue ? 'Quá hạn' : '', t.daysLate, t.taskId, t.file, t.sheet, t.row,
        [...new Set(t.issues.map((x) => x.code))].join(', '),
      ],
    })),
  };
}

/** "Cảnh báo": every issue, file-level first, then the tasks' row issues. */
export function issueTable(report: Report): SummaryTable {
  const all = [...report.issues, ...report.tasks.flatMap((t) => t.issues)];
  return {
    name: 'Cảnh báo',
    columns: [
      col('STT', 'stt', 'text', 6), col('Mã', 'code', 'text', 20), col('Mức độ', 'severity', 'text', 10), col('Tệp', 'file', 'text', 24),
      col('Trang tính', 'sheet', 'text', 12), col('Dòng', 'row', 'count', 7), col('Ô', 'cell', 'text', 7),
      col('Nội dung', 'message', 'text', 60), col('Gợi ý', 'suggestion', 'text', 30),
    ],
    rows: all.map((x, i) => ({
      kind: 'data',
      values: [String(i + 1), x.code, SEVERITY_LABEL[x.severity], x.file ?? null, x.sheet ?? null, x.row ?? null, x.cell ?? null, x.message, x.suggestion ?? null],
    })),
  };
}

/** "Nguồn": every input file, with rows read and tasks, or why it was rejected. */
export function sourceTable(report: Report): SummaryTable {
  return {
    name: 'Nguồn',
    columns: [
      col('STT', 'stt', 'text', 6), col('Tệp', 'file', 'text', 40), col('Trang tính', 'sheet', 'text', 16), col('Số dòng đã đọc', 'rows', 'count', 10),
      col('Số nhiệm vụ', 'tasks', 'count', 10), col('Kết quả đọc', 'status', 'text', 50), col('Mã lỗi', 'errorCode', 'text', 18),
    ],
    rows: report.inputs.map((x, i) => ({
      kind: 'data',
      values: [String(i + 1), x.file, x.sheet, x.rows ?? null, x.tasks, x.error ? `Không đọc được: ${x.error}` : x.duplicateOf ? `Trùng nội dung với tệp "${x.duplicateOf}": không tính lại` : 'Đã đọc', x.errorCode ?? null],
    })),
  };
}

/** "Chưa báo cáo": units with tasks sent by `distribute` and not returned (only with a manifest). */
export function notReturnedTable(report: Report): SummaryTable | null {
  if (!report.notReturned) return null;
  return {
    name: 'Chưa báo cáo',
    columns: [col('STT', 'stt', 'text', 6), col('Đơn vị chủ trì', 'unit', 'text', 40), col('Số nhiệm vụ chưa báo cáo', 'tasks', 'count', 14)],
    rows: report.notReturned.map((x, i) => ({ kind: 'data', values: [String(i + 1), x.unit, x.tasks] })),
  };
}

/** Every table of the summary appendix, in sheet order. */
export function summaryRows(report: Report): SummaryTable[] {
  const nr = notReturnedTable(report);
  return [unitTable(report), overdueTable(report), ...(nr ? [nr] : []), detailTable(report), issueTable(report), sourceTable(report)];
}
