/**
 * Inputs of the writer tests and of scripts/bench-writer.ts, all deterministic:
 * - `syntheticReport(n)`: an aggregate Report of `n` tasks spread over communes (about
 *   60 tasks each, like 3,321 commune returns), with texts that look like formulas,
 *   XML metacharacters, control characters and leading/trailing spaces;
 * - `GOLDEN_SPECS`: the workbooks whose read-back is pinned in test/xlsx/golden/ (what
 *   the ExcelJS writer produced before the single writer replaced it).
 */
import type { Report, ReportTask, ReportUnit } from '../../report/report-types';
import type { Category, Progress } from '../../core/model';
import type { SheetSpec, WorkbookSpec } from '../../report/layout/spec';
import { coordinationSheet, reportTemplateSpec } from '../../report/layout/report-template';
import { summarySpec } from '../../report/layout/summary';

const PROGRESS: Progress[] = ['done', 'done_late', 'in_progress', 'not_done', 'unreported', 'stopped'];
const CATEGORY: Record<Progress, Category> = {
  done: 'done_on_time', done_late: 'done_late', in_progress: 'open_in_time', not_done: 'open_overdue',
  unreported: 'open_overdue', stopped: 'stopped', unknown: 'open_in_time',
};
const TEXT: Record<Progress, string> = {
  done: 'Đã hoàn thành', done_late: 'Đã hoàn thành quá hạn', in_progress: 'Đang thực hiện', not_done: 'Chưa hoàn thành',
  unreported: '', stopped: 'Dừng thực hiện', unknown: 'Đang làm',
};
const ODD = ['=HYPERLINK("http://evil.example","Bấm")', '+84 912 345 678', '-3 ngày', '@SUM(A1:A2)', 'A & B <c> "d"', '  lề hai bên  ', 'dòng\u0001lỗi', 'Dòng 1\nDòng 2'];

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const PROGRESS_KEYS = ['done', 'done_late', 'in_progress', 'not_done', 'stopped', 'unreported', 'unknown'] as const;
const CATEGORY_KEYS = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'recurring', 'stopped'] as const;

export function syntheticReport(n: number, perUnit = 60): Report {
  const tasks: ReportTask[] = [];
  const units = new Map<string, ReportUnit>();
  for (let i = 0; i < n; i++) {
    const u = Math.floor(i / perUnit);
    const unit = `UBND xã Phước ${u + 1}`;
    const file = `xa-${String(u + 1).padStart(4, '0')}.xlsx`;
    const progress = PROGRESS[(i * 7 + u) % PROGRESS.length];
    const category = CATEGORY[progress];
    const overdue = category === 'open_overdue';
    const day = 1 + (i % 28);
    const due = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    tasks.push({
      file, sheet: 'Báo cáo', row: 8 + (i % perUnit), stt: String((i % perUnit) + 1), section: i % perUnit < 30 ? 'A. Nhiệm vụ chung' : 'B. Nhiệm vụ cụ thể',
      task: i % 97 === 5 ? ODD[i % ODD.length] : `Triển khai nhiệm vụ số ${(i % perUnit) + 1} về chuyển đổi số, cải cách hành chính và dữ liệu dân cư`,
      leadUnit: unit, leadUnits: [unit], coUnits: i % 3 ? ['Công an xã'] : [],
      deadline: { text: `${due.slice(8)}/${due.slice(5, 7)}/2025`, due, kind: 'date' },
      result: progress === 'unreported' ? '' : `Đã ban hành Kế hoạch số ${i}/KH-UBND ngày ${day}/${1 + (i % 12)}/2025 triển khai thực hiện`,
      progressText: TEXT[progress], progress, progressSource: progress === 'unreported' ? 'none' : 'typed', dueSource: 'typed', category, overdue, daysLate: overdue ? 1 + (i % 200) : null,
      taskId: `T${String(i).padStart(6, '0')}`,
      issues: progress === 'unreported'
        ? [{ code: 'NO_STATUS', severity: 'warning', message: `Ô G${8 + (i % perUnit)}: chưa báo cáo tiến độ.`, file, sheet: 'Báo cáo', row: 8 + (i % perUnit), cell: `G${8 + (i % perUnit)}` }]
        : [],
    });
    let ru = units.get(unit);
    if (!ru) units.set(unit, (ru = { unit, tasks: 0, overdue: 0, progress: zero(PROGRESS_KEYS), categories: zero(CATEGORY_KEYS), doneRate: 0 }));
    ru.tasks++;
    ru.progress[progress]++;
    ru.categories[category]++;
    if (overdue) ru.overdue++;
  }
  const totals = { tasks: n, overdue: 0, progress: zero(PROGRESS_KEYS), categories: zero(CATEGORY_KEYS), progressSources: { typed: 0, tick: 0, inferred: 0, none: 0 }, unrecognised: 0 };
  for (const u of units.values()) {
    u.doneRate = (u.progress.done + u.progress.done_late) / u.tasks;
    totals.overdue += u.overdue;
    for (const k of PROGRESS_KEYS) totals.progress[k] += u.progress[k];
    for (const k of CATEGORY_KEYS) totals.categories[k] += u.categories[k];
  }
  totals.progressSources.none = totals.progress.unreported;
  totals.progressSources.typed = n - totals.progress.unreported;
  const files = [...new Set(tasks.map((t) => t.file))];
  return {
    asOf: '2025-11-15',
    inputs: files.map((file) => ({ file, sheet: 'Báo cáo', tasks: perUnit, error: null, rows: perUnit })),
    totals,
    units: [...units.values()],
    tasks,
    issues: [{ code: 'FILE_NOT_XLSX', severity: 'error', message: 'Tệp không phải .xlsx', file: 'hong.xlsx' }],
    sentences: [`Đã hoàn thành ${totals.progress.done + totals.progress.done_late}/${n} nhiệm vụ; ${totals.overdue} nhiệm vụ quá hạn.`],
    notReturned: [{ unit: 'UBND xã Hòa Bình', tasks: 60 }],
  };
}

/** Cell text that a careless writer would turn into formulas. */
export const INJECTIONS = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '+1+2', '-3', '@SUM(A1:A2)', '=1+1'];

/** A sheet using every feature of a SheetSpec: groups, sections, totals, own looks, dates, validations, protection, print, freeze, filter, chart, footer. */
export function richSheet(extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: 'Tổng hợp',
    titleBlock: [{ text: 'Phụ lục', bold: true }, { text: '(Kèm theo Báo cáo số 12/BC-VPCP)', italic: true }],
    columns: [
      { header: 'STT', width: 6, key: 'stt' },
      { header: 'Đơn vị', width: 30, key: 'unit' },
      { header: 'Hoàn thành', width: 10, key: 'done', numFmt: '#,##0' },
      { header: 'Quá hạn', width: 10, key: 'late' },
      { header: 'Tiến độ', width: 16, key: 'status', unlocked: true },
      { header: 'Ngày', width: 12, key: 'date', align: 'center' },
      { header: 'Mã', width: 10, key: 'id', hidden: true },
    ],
    headerGroups: [{ title: 'Số nhiệm vụ', from: 'done', to: 'late' }],
    columnNumbers: true,
    rows: [
      { cells: ['A', 'Nhiệm vụ chung'], kind: 'section' },
      ['1', 'Bộ Nội vụ', 3, 1, null, new Date(Date.UTC(2025, 9, 31)), 'NV-1'],
      ['2', { value: 'Bộ Y tế', bold: true, color: 'C00000', fill: 'FCE4D6' }, 2, { value: 0.257, numFmt: '0.0%' }, 'Đang thực hiện', { value: new Date(Date.UTC(2025, 0, 2)), numFmt: 'dd/mm/yyyy hh:mm' }, 'NV-2'],
      ['3', '  lề hai bên  ', true, false, 'A & B <c> "d" \'e\'', 'Dòng 1\nDòng 2', 'x\u0001y'],
      ...INJECTIONS.map((s, i) => [String(i + 4), s, 0, 0, null, null, 'X' + String(i)]),
      { cells: ['', 'Tổng cộng', 5, 5], kind: 'total', height: 24 },
    ],
    blankRows: 3,
    merges: ['F20:G20'],
    freeze: true,
    freezeColumns: 2,
    autoFilter: true,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeader: true },
    protection: {},
    dataValidations: [
      { column: 'status', type: 'list', list: ['Đã hoàn thành', 'Đang thực hiện'], input: { title: 'Tiến độ', body: 'Chọn "một" giá trị & <Enter>' }, error: { title: 'Sai', body: 'Không hợp lệ' } },
      { column: 'date', type: 'date', min: '2020-01-01', max: '2030-12-31', input: { title: 'Một tiêu đề rất dài vượt quá ba mươi hai ký tự cho phép', body: 'x'.repeat(400) } },
      { column: 'late', type: 'whole', min: 0, max: 999, allowBlank: false },
    ],
    conditionalFormats: [{ column: 'status', equals: 'Chưa "hoàn" thành', fill: 'F8CBAD', color: '9C0006' }],
    charts: [{ type: 'bar', grouping: 'stacked', title: 'Tình hình <theo> đơn vị', categories: 'unit', rows: { first: 1, last: 2 },
      series: [{ name: 'Hoàn thành', column: 'done', color: '70AD47' }, { name: 'Quá hạn', column: 'late', color: 'C00000' }] }],
    footer: [{ text: 'Ghi chú: số liệu tạm tính.', italic: true }],
    tabColor: '70AD47',
    ...extra,
  };
}

const CREATED = new Date(Date.UTC(2025, 10, 15, 8, 30));

/** Workbooks whose ExcelJS read-back is pinned in test/xlsx/golden/<name>.json. */
export const GOLDEN_SPECS: Record<string, () => WorkbookSpec> = {
  'every-feature': () => ({
    sheets: [richSheet(), { name: 'Ẩn', columns: [{ header: 'A', width: 10 }], rows: [['x']], hidden: true }],
    creator: 'tiendo', title: 'Thử', created: CREATED,
  }),
  'report-template-filled': () => ({
    ...reportTemplateSpec({
      unit: 'Bộ Nội vụ', asOf: '2025-11-15', blankRows: 5,
      rows: [
        { section: 'Nhiệm vụ chung', label: 'A' },
        { stt: '1', task: 'Ban hành kế hoạch', lead: 'Bộ Nội vụ', deadline: new Date(Date.UTC(2025, 9, 31)), id: 'NV-1', status: 'Đang thực hiện' },
        { stt: '2', task: '=1+1', lead: 'Bộ Y tế', co: 'Bộ Tài chính', deadline: 'Quý IV/2025', id: 'NV-2', result: 'Đã trình' },
      ],
    }, [{ stt: '1', task: 'Phối hợp xây dựng dữ liệu', lead: 'Bộ Công an', deadline: 'Năm 2025' }]),
    created: CREATED,
  }),
  'report-template-blank': () => ({ ...reportTemplateSpec({}), created: CREATED }),
  'coordination': () => ({ sheets: [coordinationSheet([{ stt: '9', task: 'Phối hợp việc khác', lead: 'Bộ Công an', deadline: 'Năm 2025' }])], created: CREATED }),
  'summary': () => ({ ...summarySpec(syntheticReport(120, 25), { title: 'Tình hình thực hiện Đề án 06', kemTheo: '(Kèm theo Báo cáo số 12/BC-VPCP)' }), created: CREATED }),
};
