/**
 * The summary appendix's tables as plain data (strings, numbers, ISO dates),
 * shared by the tong-hop.xlsx layout (summary.ts) and the add-in's summary sheet.
 */
import type { Report, ReportProvince, ReportTask, ReportUnit } from '../report-types';
import type { Issue } from '../../core/issue';
import { renderingOf, type TaskRendering } from '../lazy-text';
import type { ByteSource, RenderedCells } from './spec';
import { compareVi } from '../units-of';
import { CATEGORY_KEYS, PROGRESS_KEYS, type Category, type Progress } from '../../core/model';
import type { Severity } from '../../core/issue';
import { formatCount } from '../../core/format';
import {
  CATEGORY_LABELS, DONE_RATE_LABEL, DUE_SOURCE_LABELS, OVERDUE_LABEL, PROGRESS_LABELS, PROGRESS_SOURCE_LABELS, TOTAL_LABEL, progressLabel,
} from '../labels';
import { reportOverdue } from '../overdue-list';
import { NO_UNIT } from '../types';
import { doneRate } from '../rules';

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
  /**
   * The row's remaining cells (after `values`), rendered ahead by a read worker ("Chi tiết", "Cảnh báo" at national
   * scale): see report/lazy-text.ts. A face that cannot use SpreadsheetML never meets one (the add-in reads in-process).
   */
  rendered?: RenderedCells;
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

type CountRow = Pick<ReportUnit, 'tasks' | 'progress' | 'categories' | 'overdue' | 'doneRate'>;

const countValues = (u: CountRow): (number | null)[] =>
  [u.tasks, ...PROGRESS_SHOWN.map((p) => u.progress[p] ?? 0), ...CATEGORY_SHOWN.map((c) => u.categories[c] ?? 0), u.overdue, u.doneRate];

const countColumns = (): SummaryColumn[] => [
  col('Số nhiệm vụ', 'tasks', 'count', 9),
  ...PROGRESS_SHOWN.map((p) => col(PROGRESS_LABELS[p], 'p_' + p, 'count', 10)),
  ...CATEGORY_SHOWN.map((c) => col(CATEGORY_LABELS[c], 'c_' + c, 'count', 10)),
  col(OVERDUE_LABEL, 'overdue', 'count', 9),
  col(DONE_RATE_LABEL, 'doneRate', 'percent', 10),
];

const countGroups = (): SummaryTable['groups'] => [
  { title: 'Tiến độ đơn vị báo cáo', from: 'p_' + PROGRESS_SHOWN[0], to: 'p_' + PROGRESS_SHOWN[PROGRESS_SHOWN.length - 1] },
  { title: 'Phân loại theo thời hạn', from: 'c_' + CATEGORY_SHOWN[0], to: 'c_' + CATEGORY_SHOWN[CATEGORY_SHOWN.length - 1] },
];

function totalRow(report: Report, lead: (string | number | null)[]): SummaryRow {
  const t = report.totals;
  return {
    kind: 'total',
    values: ['', TOTAL_LABEL, ...lead, t.tasks, ...PROGRESS_SHOWN.map((p) => t.progress[p] ?? 0), ...CATEGORY_SHOWN.map((c) => t.categories[c] ?? 0), t.overdue, doneRate(t.progress, t.tasks)],
  };
}

/**
 * "Tổng hợp": one row per lead unit, then the totals row. When the leads are communes (report.provinces),
 * one row per province or city with its number of communes instead (the communes are on "Theo xã").
 */
export function unitTable(report: Report): SummaryTable {
  if (report.provinces) return provinceTable(report, report.provinces);
  const rows: SummaryRow[] = report.units.map((u, i) => ({ kind: 'data', values: [String(i + 1), u.unit, ...countValues(u)] }));
  rows.push(totalRow(report, []));
  return {
    name: 'Tổng hợp',
    columns: [col('STT', 'stt', 'text', 5), col('Đơn vị chủ trì', 'unit', 'text', 30), ...countColumns()],
    groups: countGroups(),
    rows,
  };
}

function provinceTable(report: Report, provinces: ReportProvince[]): SummaryTable {
  const rows: SummaryRow[] = provinces.map((p, i) => ({ kind: 'data', values: [String(i + 1), p.province, p.communes || null, ...countValues(p)] }));
  rows.push(totalRow(report, [provinces.reduce((n, p) => n + p.communes, 0)]));
  return {
    name: 'Tổng hợp',
    columns: [col('STT', 'stt', 'text', 5), col('Tỉnh, thành phố (đơn vị chủ trì)', 'unit', 'text', 30), col('Số xã, phường', 'communes', 'count', 9), ...countColumns()],
    groups: countGroups(),
    rows,
  };
}

/** "Theo xã": with report.provinces, one row per lead unit (commune, ward…) with its province, by province then name. */
function communeTable(report: Report): SummaryTable | null {
  if (!report.provinces) return null;
  const units = [...report.units].sort((a, b) => compareVi(a.province ?? '', b.province ?? '') || compareVi(a.unit, b.unit));
  return {
    name: 'Theo xã',
    columns: [col('STT', 'stt', 'text', 6), col('Đơn vị chủ trì', 'unit', 'text', 30), col('Tỉnh, thành phố', 'province', 'text', 20), ...countColumns()],
    groups: countGroups(),
    rows: units.map((u, i) => ({ kind: 'data', values: [String(i + 1), u.unit, u.province ?? null, ...countValues(u)] })),
  };
}

/** "Quá hạn"'s columns. */
export const OVERDUE_COLUMNS: readonly SummaryColumn[] = [
  col('STT', 'stt', 'text', 5), col('Nhiệm vụ', 'task', 'text', 50), col('Đơn vị chủ trì', 'lead', 'text', 20),
  col('Thời hạn', 'deadline', 'text', 14), col('Hạn tính', 'due', 'date', 12), col('Số ngày quá hạn', 'daysLate', 'count', 9),
  col('Tiến độ báo cáo', 'progress', 'text', 14), col('Kết quả thực hiện', 'result', 'text', 36),
  col('Tệp', 'file', 'text', 22), col('Dòng', 'row', 'count', 7),
];

/**
 * An overdue task's "Quá hạn" row after the STT, as a task shows it (its own lead text, its days late): an entry of
 * one lead of several with its own days late differs (reportOverdue) and is not rendered ahead.
 */
export function overdueValues(t: Pick<ReportTask, 'task' | 'leadUnit' | 'deadline' | 'daysLate' | 'progressText' | 'result' | 'file' | 'row'>): (string | number | null)[] {
  return [t.task, t.leadUnit || NO_UNIT, t.deadline.text, t.deadline.due, t.daysLate, t.progressText, t.result, t.file, t.row];
}

/** An overdue row's cells after the STT, from its task's rendering. */
class OverdueCells {
  constructor(private readonly r: TaskRendering) {}
  cellsXml(): string {
    return this.r.overdueXml();
  }

  cellsSource(): ByteSource | undefined {
    return this.r.overdueSource?.();
  }
}

/** "Quá hạn": the report's overdue list (overdue-list.ts), a section row "Bộ Nội vụ (03 nhiệm vụ)" per unit, most days late first. */
export function overdueTable(report: Report): SummaryTable {
  const byUnit = new Map<string, ReturnType<typeof reportOverdue>>();
  for (const e of reportOverdue(report)) {
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  const rows: SummaryRow[] = [];
  for (const [unit, list] of byUnit) {
    rows.push({ kind: 'section', values: [`${unit} (${formatCount(list.length)} nhiệm vụ)`] });
    list.forEach((e, i) => {
      const t = report.tasks[e.i];
      const r = renderingOf(t);
      rows.push(r && r.hasOverdue && e.daysLate === t.daysLate && e.lead === (t.leadUnit || NO_UNIT)
        ? { kind: 'data', values: [String(i + 1)], rendered: new OverdueCells(r) }
        : { kind: 'data', values: [String(i + 1), e.task, e.lead, e.deadline, e.due, e.daysLate, e.progressText, e.result, e.file, e.row] });
    });
  }
  return { name: 'Quá hạn', columns: [...OVERDUE_COLUMNS], rows };
}

/** "Chi tiết"'s columns. */
export const DETAIL_COLUMNS: readonly SummaryColumn[] = [
  col('STT', 'stt', 'text', 6), col('Mục', 'section', 'text', 20), col('Nhiệm vụ', 'task', 'text', 50),
  col('Đơn vị chủ trì', 'lead', 'text', 20), col('Đơn vị phối hợp', 'co', 'text', 18), col('Thời hạn', 'deadline', 'text', 14),
  col('Hạn tính', 'due', 'date', 12), col('Kết quả thực hiện', 'result', 'text', 36), col('Tiến độ báo cáo', 'progressText', 'text', 14),
  col('Tiến độ', 'progress', 'text', 14), col('Nguồn tiến độ', 'progressSource', 'text', 14), col('Lý do suy ra', 'progressReason', 'text', 24),
  col('Nguồn thời hạn', 'dueSource', 'text', 12), col('Phân loại', 'category', 'text', 16), col(OVERDUE_LABEL, 'overdue', 'text', 8),
  col('Số ngày quá hạn', 'daysLate', 'count', 9), col('Mã nhiệm vụ', 'taskId', 'text', 14), col('Tệp', 'file', 'text', 22),
  col('Trang tính', 'sheet', 'text', 12), col('Dòng', 'row', 'count', 7), col('Cảnh báo', 'issues', 'text', 20),
];

/** One task's "Chi tiết" row. */
export function detailValues(t: ReportTask): (string | number | null)[] {
  return [
    t.stt, t.section, t.task, t.leadUnit, t.coUnits.join('; '), t.deadline.text, t.deadline.due, t.result, t.progressText,
    progressLabel(t), PROGRESS_SOURCE_LABELS[t.progressSource] ?? null, t.progressReason ?? null, DUE_SOURCE_LABELS[t.dueSource] ?? null,
    CATEGORY_LABELS[t.category], t.overdue ? OVERDUE_LABEL : '', t.daysLate, t.taskId, t.file, t.sheet, t.row,
    [...new Set(t.issues.map((x) => x.code))].join(', '),
  ];
}

/**
 * "Chi tiết": every task with its provenance (where its progress and its due date came from, and why tiendo inferred
 * a progress). A task rendered ahead by its read worker (report/lazy-text.ts) brings its row's cells instead of values.
 */
export function detailTable(report: Report): SummaryTable {
  return {
    name: 'Chi tiết',
    columns: [...DETAIL_COLUMNS],
    rows: report.tasks.map((t): SummaryRow => {
      const r = renderingOf(t);
      return r ? { kind: 'data', values: [], rendered: r } : { kind: 'data', values: detailValues(t) };
    }),
  };
}

/** "Cảnh báo"'s columns. */
export const ISSUE_COLUMNS: readonly SummaryColumn[] = [
  col('STT', 'stt', 'text', 6), col('Mã', 'code', 'text', 20), col('Mức độ', 'severity', 'text', 10), col('Tệp', 'file', 'text', 24),
  col('Trang tính', 'sheet', 'text', 12), col('Dòng', 'row', 'count', 7), col('Ô', 'cell', 'text', 7),
  col('Nội dung', 'message', 'text', 60), col('Gợi ý', 'suggestion', 'text', 30),
];

/** One issue's "Cảnh báo" row, STT excluded. */
export function issueValues(x: Issue): (string | number | null)[] {
  return [x.code, SEVERITY_LABEL[x.severity], x.file ?? null, x.sheet ?? null, x.row ?? null, x.cell ?? null, x.message, x.suggestion ?? null];
}

/** An issue row's cells after the STT, from its task's rendering. */
class IssueCells {
  constructor(private readonly r: TaskRendering, private readonly k: number) {}
  cellsXml(): string {
    return this.r.issueXml(this.k);
  }

  cellsSource(): ByteSource | undefined {
    return this.r.issueSource?.(this.k);
  }
}

/** "Cảnh báo": every issue, file-level first, then the tasks' row issues. */
function issueTable(report: Report): SummaryTable {
  const rows: SummaryRow[] = report.issues.map((x, i) => ({ kind: 'data', values: [String(i + 1), ...issueValues(x)] }));
  for (const t of report.tasks) {
    const r = renderingOf(t);
    t.issues.forEach((x, k) => {
      const stt = String(rows.length + 1);
      rows.push(r ? { kind: 'data', values: [stt], rendered: new IssueCells(r, k) } : { kind: 'data', values: [stt, ...issueValues(x)] });
    });
  }
  return { name: 'Cảnh báo', columns: [...ISSUE_COLUMNS], rows };
}

/** "Nguồn": every input file, with rows read and tasks, or why it was rejected. */
function sourceTable(report: Report): SummaryTable {
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
function notReturnedTable(report: Report): SummaryTable | null {
  if (!report.notReturned) return null;
  return {
    name: 'Chưa báo cáo',
    columns: [col('STT', 'stt', 'text', 6), col('Đơn vị chủ trì', 'unit', 'text', 40), col('Số nhiệm vụ chưa báo cáo', 'tasks', 'count', 14)],
    rows: report.notReturned.map((x, i) => ({ kind: 'data', values: [String(i + 1), x.unit, x.tasks] })),
  };
}

/** Every table of the summary appendix, in sheet order (`only: 'Tổng hợp'`: the unit table alone). */
export function summaryRows(report: Report, opts: { only?: 'Tổng hợp' } = {}): SummaryTable[] {
  if (opts.only) return [unitTable(report)];
  const nr = notReturnedTable(report);
  const communes = communeTable(report);
  return [unitTable(report), ...(communes ? [communes] : []), overdueTable(report), ...(nr ? [nr] : []), detailTable(report), issueTable(report), sourceTable(report)];
}
