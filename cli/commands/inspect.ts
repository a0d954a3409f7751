/**
 * `npm run tiendo -- inspect <tệp.xlsx> [--as-of YYYY-MM-DD] [--json]`:
 * the table found in one workbook (sheet, header rows, column map), each task
 * with its normalised fields and category, and the issues, in Vietnamese; with
 * --json, the Report JSON for this one file. Exit 0 read, 1 rejected / no table (reason on stderr), 2 usage.
 */
import { columnLetter, type Grid } from '../../core/grid';
import type { Issue } from '../../core/issue';
import type { ColumnRole, SheetRead, Task, TableLayout } from '../../core/model';
import { formatCount, formatDateVi } from '../../core/format';
import { CATEGORY_LABELS, PROGRESS_LABELS } from '../../core/status';
import { classifyRead, readWorkbook } from '../../core/table/read';
import { ROLE_LABELS } from '../../core/table/roles';
import { buildReport } from '../../report';
import type { Report } from '../../report/report-types';
import { readGridsFile } from '../../batch/read-grids';
import { EXIT_USAGE, handleParsed, isoDate, parseCommand, type CommandSpec } from '../../batch/options';
import { version } from '../version';

export const INSPECT_COMMAND = {
  name: 'inspect',
  summary: 'Xem bảng nhiệm vụ tìm thấy trong một tệp: trang tính, dòng tiêu đề, các cột, từng nhiệm vụ và các vấn đề.',
  args: '<tệp.xlsx>',
  min: 1,
  missing: 'Thiếu tên tệp .xlsx.',
  max: 1,
  exits: [
    [0, 'đọc được bảng'],
    [1, 'tệp bị từ chối hoặc không có bảng nhiệm vụ (lý do in ra stderr)'],
    [2, 'sai cú pháp'],
  ],
  options: {
    'as-of': { value: 'YYYY-MM-DD', help: 'ngày tính quá hạn (mặc định: hôm nay, giờ Việt Nam)', parse: isoDate },
    json: { help: 'in báo cáo JSON của tệp này thay cho bản đọc' },
  },
} as const satisfies CommandSpec;

export interface InspectArgs {
  file: string;
  asOf: string;
  json: boolean;
}

/** Today in Asia/Ho_Chi_Minh as yyyy-mm-dd. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Parse argv; a string is a usage error message. */
export function parseArgs(argv: string[]): InspectArgs | string {
  const p = parseCommand(INSPECT_COMMAND, argv);
  if (p.kind !== 'ok') return p.kind === 'error' ? p.message : `--${p.kind}`;
  return { file: p.positionals[0], asOf: p.values.asOf ?? todayInVietnam(), json: p.values.json };
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(INSPECT_COMMAND, argv);
  const early = handleParsed(INSPECT_COMMAND, parsed, version());
  if (early !== null || parsed.kind !== 'ok') return early ?? EXIT_USAGE;
  const args: InspectArgs = { file: parsed.positionals[0], asOf: parsed.values.asOf ?? todayInVietnam(), json: parsed.values.json };
  const { file, asOf } = args;
  const { grids, error } = await readGridsFile(file);
  const read: SheetRead | null = error ? null : readWorkbook(grids, { file });
  const tasks = read ? classifyRead(read, asOf) : [];
  const report = buildReport({ asOf, sources: [{ file, read, error, tasks }] });
  const rejected = error ?? rejectionOf(read);
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderText(file, grids, read, tasks, report, error));
  // Like aggregate: the reason a file is rejected goes to stderr, "Từ chối: <tệp>: <lý do>".
  if (rejected) console.error(`Từ chối: ${file}: ${rejected.message}`);
  return rejected ? 1 : 0;
}

/** The issue that makes a read unusable: no table, or a table without its task column. */
function rejectionOf(read: SheetRead | null): Issue | null {
  if (!read) return null;
  return read.issues.find((i) => i.code === 'NO_TABLE' || i.code === 'FILE_EMPTY' || (i.code === 'MISSING_COLUMN' && i.severity === 'error')) ?? null;
}

function letter(grid: Grid | undefined, col: number): string {
  return columnLetter(col + (grid?.origin?.col ?? 1));
}

function layoutLines(layout: TableLayout, grid: Grid | undefined): string[] {
  const rows = layout.headerRows.length > 1 ? `các dòng ${layout.headerRows.join('–')}` : `dòng ${layout.headerRows[0]}`;
  const first = layout.firstDataRow + (grid?.origin?.row ?? 1);
  const cols = (Object.entries(layout.columns) as [ColumnRole, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([role, c]) => `${letter(grid, c)} = ${ROLE_LABELS[role]}${layout.headers[c] && layout.headers[c] !== ROLE_LABELS[role] ? ` ("${layout.headers[c]}")` : ''}`);
  const lines = [`Bảng: trang tính "${layout.sheet}", tiêu đề ở ${rows}, dữ liệu từ dòng ${first}.`, 'Các cột:'];
  lines.push(...cols.map((c) => `  ${c}`));
  const extras = layout.extras.filter((x) => x.col !== layout.columns.note);
  if (extras.length) lines.push(`Cột khác (giữ nguyên): ${extras.map((x) => `${letter(grid, x.col)} "${x.header}"`).join(', ')}`);
  return lines;
}

function issueLine(i: Issue): string {
  const where = i.cell ?? (i.row ? `dòng ${i.row}` : '');
  const named = !where || i.message.includes(i.cell ?? `${i.row}`);
  return `[${i.code}] ${named ? '' : `${where}: `}${i.message}${i.suggestion ? ` → đề xuất: ${i.suggestion}` : ''}`;
}

function taskLines(t: Task): string[] {
  const rows = t.rowEnd ? `dòng ${t.row}–${t.rowEnd}` : `dòng ${t.row}`;
  const dueVi = formatDateVi(t.deadline.due);
  const due = dueVi && dueVi !== t.deadline.text ? ` → ${dueVi}` : '';
  const late = t.overdue && t.daysLate !== null ? ` (${formatCount(t.daysLate)} ngày)` : '';
  const label = PROGRESS_LABELS[t.progress];
  const progress = t.progressText ? `${t.progressText}${t.progressText === label ? '' : ` (${label})`}` : `(trống: ${label.toLowerCase()})`;
  const lines = [
    `  [${rows}] ${t.stt ? `${t.stt}. ` : ''}${t.task}`,
    `      Chủ trì: ${t.leadUnit || '(trống)'}${t.coUnits.length ? ` · Phối hợp: ${t.coUnits.map((u) => u.name).join('; ')}` : ''}`,
    `      Thời hạn: ${t.deadline.text || '(trống)'}${due} · Tiến độ: ${progress} · Phân loại: ${CATEGORY_LABELS[t.category]}${late}`,
  ];
  if (t.resultText) lines.push(`      Kết quả: ${t.resultText}`);
  for (const [k, v] of Object.entries(t.extra)) lines.push(`      ${k}: ${v}`);
  if (t.taskId) lines.push(`      Mã nhiệm vụ: ${t.taskId}`);
  for (const i of t.issues) lines.push(`      ! ${issueLine(i)}`);
  return lines;
}

function renderText(file: string, grids: Grid[], read: SheetRead | null, tasks: Task[], report: Report, error: Issue | null): string {
  const out = [`Tệp: ${file}`];
  if (error) {
    out.push(`Không đọc được tệp [${error.code}] (lý do: xem stderr).`);
    return out.join('\n');
  }
  if (!read) return out.join('\n');
  const grid = grids.find((g) => g.name === read.sheet);
  if (!read.layout) {
    out.push('Không tìm thấy bảng nhiệm vụ đọc được trong tệp.');
    out.push(...read.issues.map((i) => `  ${issueLine(i)}`));
    return out.join('\n');
  }
  out.push(...layoutLines(read.layout, grid));
  const others = grids.filter((g) => g.name !== read.sheet).map((g) => (g.hidden ? `${g.name} (ẩn)` : g.name));
  if (others.length) out.push(`Bỏ qua các trang tính khác: ${others.join(', ')}.`);
  out.push(`Tính đến ngày ${formatDateVi(report.asOf)}: ${formatCount(tasks.length)} nhiệm vụ (đã xét ${formatCount(read.rowsScanned)} dòng dưới tiêu đề).`);
  let section: string | null | undefined;
  for (const t of tasks) {
    if (t.section !== section) {
      section = t.section;
      out.push('', section ?? '(Không thuộc mục nào)');
    }
    out.push(...taskLines(t));
  }
  if (read.issues.length) {
    out.push('', 'Vấn đề của bảng:');
    out.push(...read.issues.map((i) => `  ${issueLine(i)}`));
  }
  if (report.sentences.length) out.push('', 'Tóm tắt:', ...report.sentences.map((s) => `  ${s}`));
  return out.join('\n');
}
