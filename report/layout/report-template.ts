/**
 * The standard report appendix units fill in ("mẫu báo cáo"): STT, Tên nhiệm vụ,
 * Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Kết quả thực hiện, Tiến độ, Ghi chú,
 * and a hidden stable task ID. Only Kết quả thực hiện, Tiến độ and Ghi chú are
 * editable; the sheet is protected without a password.
 */
import { STANDARD_STATUSES } from '../../core/status';
import type { CellInput, ColumnSpec, DataValidationSpec, RowSpec, SheetSpec, TitleLine, WorkbookSpec } from './spec';
import { COLOR, DATE_FORMAT, PRINT_A4_LANDSCAPE, SIZE } from './style';

/** Header of the hidden ID column; the core reader maps it to the 'id' role. */
export const TASK_ID_HEADER = 'Mã nhiệm vụ (tiendo)';
const REPORT_SHEET = 'Báo cáo';
const COORDINATION_SHEET = 'Phối hợp';
const GUIDE_SHEET = 'Hướng dẫn';

const DEFAULT_TITLE = 'BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO';
export const DEFAULT_ATTACHED_TO = '(Kèm theo văn bản số …… ngày …… tháng …… năm ……)';

/** What each standard status means (the Tiến độ input message and the guide sheet). */
const STATUS_HELP: Record<string, string> = {
  'Đã hoàn thành': 'xong, đúng hạn',
  'Đã hoàn thành quá hạn': 'xong sau thời hạn',
  'Đang thực hiện': 'chưa xong, còn trong hạn',
  'Chưa hoàn thành': 'chưa xong, đã quá hạn',
  'Dừng thực hiện': 'có văn bản cho dừng',
};

/** One task row of a pre-filled template, or a section title row. */
export interface TemplateRow {
  /** Section title ("A. Nhiệm vụ chung…"): written as a merged bold row; other fields ignored. */
  section?: string;
  /** Section label in the STT column ("A", "I") for section rows. */
  label?: string;
  id?: string;
  stt?: string;
  task?: string;
  lead?: string;
  co?: string;
  /** A Date (written as a date cell, dd/mm/yyyy) or the deadline text ("Quý I/2025"). */
  deadline?: Date | string | null;
  result?: string;
  status?: string;
  note?: string;
}

export interface ReportTemplateOptions {
  title?: string;
  /** The "(Kèm theo …)" line. */
  attachedTo?: string;
  /** "Đơn vị báo cáo: …" line, for a pre-filled workbook. */
  unit?: string;
  /** ISO date shown as "Số liệu tính đến ngày dd/mm/yyyy". */
  asOf?: string;
  rows?: TemplateRow[];
  /** Empty rows after the tasks (default 20 for a blank template, 0 otherwise). */
  blankRows?: number;
  /** The status dropdown values (default core STANDARD_STATUSES). */
  statuses?: string[];
}

const KEYS = ['stt', 'task', 'lead', 'co', 'deadline', 'result', 'status', 'note', 'id'] as const;

/** The template's columns; `editable` false makes every column locked (the "Phối hợp" sheet). */
function reportColumns(editable = true): ColumnSpec[] {
  return [
    { header: 'STT', width: 6, key: 'stt', align: 'center' },
    { header: 'Tên nhiệm vụ', width: 48, key: 'task' },
    { header: 'Đơn vị chủ trì', width: 18, key: 'lead' },
    { header: 'Đơn vị phối hợp', width: 18, key: 'co' },
    { header: 'Thời hạn', width: 13, key: 'deadline', numFmt: DATE_FORMAT, align: 'center' },
    { header: 'Kết quả thực hiện', width: 40, key: 'result', unlocked: editable },
    { header: 'Tiến độ', width: 16, key: 'status', unlocked: editable, align: 'center' },
    { header: 'Ghi chú', width: 16, key: 'note', unlocked: editable },
    { header: TASK_ID_HEADER, width: 14, key: 'id', hidden: true, wrap: false },
  ];
}

/** "Chọn: Đã hoàn thành (xong, đúng hạn); …" within Excel's 255 characters. */
export function statusPrompt(statuses: string[]): string {
  return statuses.map((s) => (STATUS_HELP[s] ? `${s} (${STATUS_HELP[s]})` : s)).join('; ') + '.';
}

function reportValidations(statuses: string[]): DataValidationSpec[] {
  return [
    {
      column: 'status', type: 'list', list: statuses, allowBlank: true,
      input: { title: 'Tiến độ thực hiện', body: statusPrompt(statuses) },
      error: { title: 'Tiến độ không hợp lệ', body: 'Chọn một giá trị trong danh sách: ' + statuses.join('; ') + '.' },
    },
    {
      column: 'deadline', type: 'date', min: '2000-01-01', max: '2100-12-31', allowBlank: true,
      input: { title: 'Thời hạn', body: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 31/12/2025.' },
      error: { title: 'Thời hạn không hợp lệ', body: 'Thời hạn phải là một ngày hợp lệ, dạng dd/mm/yyyy.' },
    },
  ];
}

function titleLines(opts: ReportTemplateOptions, sheetTitle?: string): TitleLine[] {
  const lines: TitleLine[] = [
    { text: 'Phụ lục', bold: true, size: SIZE.subtitle },
    { text: (sheetTitle ?? opts.title ?? DEFAULT_TITLE).toUpperCase(), bold: true, size: SIZE.title },
    { text: opts.attachedTo ?? DEFAULT_ATTACHED_TO, italic: true, size: SIZE.subtitle },
  ];
  if (opts.unit) lines.push({ text: `Đơn vị báo cáo: ${opts.unit}`, bold: true, size: SIZE.subtitle });
  if (opts.asOf) lines.push({ text: `Số liệu tính đến ngày ${viDate(opts.asOf)}`, italic: true, size: SIZE.body });
  return lines;
}

function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Spec rows of template rows: sections merged and bold, tasks in column order. */
function templateRows(rows: TemplateRow[]): RowSpec[] {
  return rows.map((r): RowSpec => {
    if (r.section !== undefined) {
      const cells: CellInput[] = r.label ? [r.label, r.section] : [r.section];
      return { cells, kind: 'section' };
    }
    return [r.stt ?? null, r.task ?? null, r.lead ?? null, r.co ?? null, r.deadline ?? null, r.result ?? null, r.status ?? null, r.note ?? null, r.id ?? null];
  });
}

const NOTES: TitleLine[] = [
  { text: 'Ghi chú: Chỉ điền các cột "Kết quả thực hiện", "Tiến độ" (chọn trong danh sách) và "Ghi chú". Không thêm, xóa hoặc sắp xếp lại cột.', italic: true, size: SIZE.note, align: 'left' },
];

/** The unit's own tasks: the editable "Báo cáo" sheet. */
function reportSheet(opts: ReportTemplateOptions = {}): SheetSpec {
  const rows = opts.rows ?? [];
  const statuses = opts.statuses ?? STANDARD_STATUSES;
  return {
    name: REPORT_SHEET,
    columns: reportColumns(true),
    titleBlock: titleLines(opts),
    rows: templateRows(rows),
    blankRows: opts.blankRows ?? (rows.length ? 0 : 20),
    inputRows: 500,
    freeze: true,
    print: PRINT_A4_LANDSCAPE,
    protection: {},
    dataValidations: reportValidations(statuses),
    conditionalFormats: [
      { column: 'status', equals: 'Chưa hoàn thành', fill: COLOR.badFill },
      { column: 'status', equals: 'Đã hoàn thành quá hạn', fill: COLOR.warnFill },
      { column: 'status', equals: 'Đã hoàn thành', fill: COLOR.goodFill },
    ],
    footer: NOTES,
  };
}

/**
 * Tasks the unit coordinates: read-only (protected, nothing unlocked), with neither status
 * nor ID column, so a return can never be counted as the lead unit's report.
 */
export function coordinationSheet(rows: TemplateRow[], opts: ReportTemplateOptions = {}): SheetSpec {
  const keep = new Set(['stt', 'task', 'lead', 'co', 'deadline']);
  const columns = reportColumns(false).filter((c) => keep.has(c.key ?? ''));
  const idx = KEYS.map((k, i) => (keep.has(k) ? i : -1)).filter((i) => i >= 0);
  const specRows = templateRows(rows).map((r): RowSpec => (Array.isArray(r) ? idx.map((i) => r[i] ?? null) : r));
  return {
    name: COORDINATION_SHEET,
    columns: columns.map((c) => (c.key === 'task' ? { ...c, width: 70 } : c)),
    titleBlock: titleLines({ ...opts, asOf: undefined }, 'Các nhiệm vụ đơn vị phối hợp thực hiện'),
    rows: specRows,
    freeze: true,
    print: PRINT_A4_LANDSCAPE,
    protection: {},
    footer: [{ text: 'Trang này chỉ để tham khảo: đơn vị chủ trì báo cáo các nhiệm vụ này.', italic: true, size: SIZE.note, align: 'left' }],
  };
}

/** The guide sheet: what each status means. */
function guideSheet(statuses: string[] = STANDARD_STATUSES): SheetSpec {
  return {
    name: GUIDE_SHEET,
    columns: [{ header: 'Tiến độ', width: 28, key: 'status' }, { header: 'Ý nghĩa', width: 70, key: 'meaning' }],
    titleBlock: [{ text: 'HƯỚNG DẪN ĐIỀN CỘT "TIẾN ĐỘ"', bold: true, size: SIZE.title }],
    rows: statuses.map((s) => [s, STATUS_HELP[s] ? capitalise(STATUS_HELP[s]) : '']),
    footer: [
      { text: 'Để trống "Tiến độ" nếu chưa có thông tin; không sửa cột ẩn "Mã nhiệm vụ (tiendo)" (dùng để tổng hợp).', italic: true, size: SIZE.note, align: 'left' },
    ],
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The whole workbook: report sheet, then "Phối hợp" when given, then the guide. */
export function reportTemplateSpec(opts: ReportTemplateOptions = {}, coordinating?: TemplateRow[]): WorkbookSpec {
  const sheets = [reportSheet(opts)];
  if (coordinating) sheets.push(coordinationSheet(coordinating, opts));
  sheets.push(guideSheet(opts.statuses));
  return { sheets, creator: 'tiendo', title: opts.title ?? DEFAULT_TITLE };
}
