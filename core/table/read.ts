/**
 * Reading a sheet: decode legacy encodings, find the header, walk the rows
 * and account for every one of them:
 * - task: task text with a number in STT, or with a lead, deadline or status;
 * - section: a label ("A", "II.") with no lead/deadline/status, or a lone title
 *   (bold, merged across, upper-case, "B. …", "Nhiệm vụ giao …") — it names the
 *   section of the tasks below and restarts STT checks;
 * - continuation: a lone text in the task column right after a task (blank rows
 *   between allowed), or a row whose task cell is merged down from the task above;
 * - footer: a signature block ends the table; a note or footnote ends it unless
 *   numbered tasks follow (then it is a ROW_NOT_TASK);
 * - blank rows and repeated header rows are passed over; anything else with
 *   content is a ROW_NOT_TASK (info) naming the row.
 */
import { sheetRow, cellAddress, columnLetter, sheetCol, type Grid } from '../grid';
import { issue, type Issue } from '../issue';
import type { ParsedTask, SheetRead, TableLayout, Task } from '../model';
import { decodeGrid, type EncodingConversion } from '../text/encoding';
import { foldMarks } from '../text/normalize';
import { classifyTask } from '../classify';
import { findHeader, headerScore, layoutIssues } from './header';
import { classifyRow, footerKind, rowTexts, sectionTitle, TASK_NUMBER, type RowContext, type RowTexts } from './classify-row';
import { foldKey } from '../text/normalize';
import { tableValue } from './cells';
import { buildTask, joinContinuation, SttTracker } from './rows';
import { detectSwappedDates, swapDayMonth } from '../deadline/swap';
import { statusColumnByContent } from './status-column';
import { flagUnitVariants } from './unit-variants';

const ENCODING_NAMES: Record<string, string> = {
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
  viscii: 'VISCII',
  utf8_as_cp1252: 'UTF-8 bị đọc nhầm thành Windows-1252',
};

function encodingIssue(c: EncodingConversion, grid: Grid, file: string): Issue {
  const where = c.col === null ? 'cả trang tính' : `cột ${columnLetter(sheetCol(grid, c.col))}`;
  return issue('LEGACY_ENCODING',
    `Đã chuyển ${c.cells} ô (${where}) từ bảng mã ${ENCODING_NAMES[c.encoding] ?? c.encoding} sang Unicode, ví dụ ô ${c.example.cell}: "${c.example.from}" → "${c.example.to}".`,
    { file, sheet: grid.name, cell: c.example.cell });
}

/**
 * Read the appendix table of one sheet. Never throws: a sheet without a table
 * gives NO_TABLE; a table without a task column gives MISSING_COLUMN (error).
 *
 * @example readSheet(grid, { file: 'bo-y-te.xlsx' }).tasks.length // 5
 */
export function readSheet(input: Grid, opts: { file: string }): SheetRead {
  const { file } = opts;
  const { grid, conversions } = decodeGrid(input);
  const issues: Issue[] = conversions.map((c) => encodingIssue(c, grid, file));
  const found = findHeader(grid);
  const layout = found && statusColumnByContent(grid, found);
  if (!layout) {
    issues.push(issue('NO_TABLE', `Trang tính "${grid.name}" không có bảng nhiệm vụ (không tìm thấy dòng tiêu đề STT / Tên nhiệm vụ / Đơn vị chủ trì / Thời hạn).`, { file, sheet: grid.name }));
    return { file, sheet: grid.name, layout: null, tasks: [], issues, rowsScanned: 0 };
  }
  issues.push(...layoutIssues(layout, file));
  // Without a task column the sheet cannot be read: no layout, so the file is rejected with MISSING_COLUMN.
  if (layout.columns.task === undefined) return { file, sheet: grid.name, layout: null, tasks: [], issues, rowsScanned: 0 };

  const rows = readRows(grid, layout, file);
  flagSwappedDates(grid, layout, rows.tasks, rows.taskRows);
  flagUnitVariants(rows.tasks);
  const attachedTo = attachedLine(grid, layout.headerTop);
  return { file, sheet: grid.name, layout, tasks: rows.tasks, issues: [...issues, ...rows.issues], rowsScanned: rows.scanned, ...(attachedTo ? { attachedTo } : {}) };
}

/**
 * A deadline column typed under a US locale (Excel turned 05/10/2025 into 10 May and left
 * 25/10/2025 as text): each date cell of it gets DEADLINE_MAYBE_SWAPPED with the swapped date
 * as a suggestion. The value itself is kept: the user decides.
 */
const ATTACHED = /^\(?\s*kèm theo\b/iu;

/** The "(Kèm theo Báo cáo số … của UBND xã …, tỉnh …)" line of the title block above the header, trimmed, or null. */
function attachedLine(grid: Grid, headerTop: number): string | null {
  for (let r = 0; r < headerTop && r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const v of row) {
      if (typeof v !== 'string' || v.length > 500) continue;
      const t = v.normalize('NFC').trim();
      if (ATTACHED.test(t)) return t;
    }
  }
  return null;
}

function flagSwappedDates(grid: Grid, layout: TableLayout, tasks: ParsedTask[], taskRows: number[]): void {
  const col = layout.columns.deadline;
  if (col === undefined) return;
  if (!detectSwappedDates(taskRows.map((r) => tableValue(grid, r, col)))) return;
  for (const t of tasks) {
    if (t.dueSource !== 'date-cell' || t.deadline.kind !== 'date') continue;
    const swapped = swapDayMonth(t.deadline);
    if (swapped.due === t.deadline.due) continue;
    t.issues.push(issue('DEADLINE_MAYBE_SWAPPED',
      `Ô ${t.cells.deadline}: thời hạn ${t.deadline.text} có thể bị đảo ngày và tháng (cột Thời hạn có ngày dạng chữ như 25/10/2025 bên cạnh ngày Excel đã đổi); cần kiểm tra.`,
      { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.deadline, suggestion: swapped.text }));
  }
}

function readRows(grid: Grid, layout: TableLayout, file: string): { tasks: ParsedTask[]; taskRows: number[]; issues: Issue[]; scanned: number } {
  const tasks: ParsedTask[] = [];
  const taskRows: number[] = [];
  const issues: Issue[] = [];
  const stt = new SttTracker();
  const ctx: RowContext = { afterTask: false, anyTask: false };
  let section: string | null = null;
  let scanned = 0;
  let lastTask: number | undefined;
  for (let r = layout.firstDataRow; r < grid.rows.length; r++) {
    scanned++;
    const row = rowTexts(grid, layout, r);
    if (ctx.anyTask) {
      const end = tableEnd(grid, layout, r, row);
      if (end) {
        issues.push(...rowsAfterEnd(grid, layout, r, end, file));
        scanned += grid.rows.length - r - 1;
        break;
      }
    }
    let kind = classifyRow(grid, layout, r, row, ctx);
    if (kind === 'footer') {
      if (footerKind(row.texts[0].text) === 'sign') {
        // A signature block ends the document body; task-like rows after it are not counted, but each
        // is reported, so nothing is lost silently.
        issues.push(...rowsAfterTable(grid, layout, r + 1, file));
        break;
      }
      if ((lastTask ??= lastTaskLike(grid, layout)) <= r) break;
      kind = 'other'; // a note in the middle of the table: tasks follow it
    }
    if (kind === 'blank' || kind === 'repeat') continue;
    if (kind === 'task') {
      const t = buildTask({ file, grid, layout, section }, r, row);
      stt.check(t);
      tasks.push(t);
      taskRows.push(r);
      ctx.afterTask = ctx.anyTask = true;
    } else if (kind === 'continuation') {
      joinContinuation(tasks[tasks.length - 1], grid, layout, r, row);
    } else if (kind === 'section') {
      section = sectionTitle(row);
      stt.reset();
      ctx.afterTask = false;
    } else {
      issues.push(notTask(grid, r, row.texts[0], file));
      ctx.afterTask = false;
    }
  }
  return { tasks, taskRows, issues, scanned };
}

/** A title that opens another table: "PHỤ LỤC II", "Biểu tổng hợp", "Bảng thống kê …", "Tổng hợp kết quả theo đơn vị". */
const TABLE_TITLE = /^(phu luc|bieu (?:tong hop|so lieu|thong ke|mau|so)|bang (?:tong hop|thong ke|so lieu)|tong hop (?:ket qua|so lieu|tinh hinh|chung)|thong ke|so lieu tong hop|ket qua tong hop)\b/;
/** A totals row: "Tổng cộng", "Tổng số", "Cộng", "Tổng". */
const TOTAL = /^(tong cong|tong so|tong|cong|total|toan (?:bo|tinh|quoc))\b/;
/** Count-table header words: "Tổng số nhiệm vụ", "Số lượng", "Tỷ lệ (%)". */
const COUNT_WORDS = /\b(tong so|so luong|so nhiem vu|ty le|so lieu)\b/;
/** A count cell: "13", "1.234", "25,7%", "25.7 %". */
const COUNT = /^\d{1,5}(?:[.,]\d{1,3})*\s*%?$/;

/**
 * Where the column structure changes below the task list, the table has ended: a title that opens another
 * table, a totals row, a header row of counts, or numbered rows whose lead/deadline/status/result cells are
 * all counts. Returns what was seen (for the message), or null for a row of the task table.
 */
function tableEnd(grid: Grid, layout: TableLayout, r: number, row: RowTexts): string | null {
  const { texts, byRole } = row;
  if (!texts.length) return null;
  const first = foldKey(texts[0].text);
  const numbered = TASK_NUMBER.test(byRole.stt ?? '');
  if (!numbered && texts.length <= 2 && TABLE_TITLE.test(first)) return texts[0].text;
  const counts = texts.filter((t) => COUNT.test(t.text) && t.col !== layout.columns.stt).length;
  if (!numbered && TOTAL.test(first) && counts >= 1) return texts[0].text;
  const cols = layout.columns;
  const data = [cols.lead, cols.co, cols.deadline, cols.result, cols.status].filter((c): c is number => c !== undefined);
  const dataTexts = texts.filter((t) => data.includes(t.col));
  if (numbered && dataTexts.length >= 2 && dataTexts.every((t) => COUNT.test(t.text) && !isDateValue(grid, r, t.col))) return texts.map((t) => t.text).join(' | ');
  if (!numbered && texts.length >= 3 && texts.every((t) => t.text.length <= 60 && !COUNT.test(t.text))
    && texts.filter((t) => COUNT_WORDS.test(foldKey(t.text)) || /\b(hoan thanh|qua han|trong han|dung han|don vi)\b/.test(foldKey(t.text))).length >= 2
    && !repeatsHeader(layout, texts)) {
    return texts.map((t) => t.text).join(' | ');
  }
  return null;
}

/** True when most texts of a row are the table's own header words in their columns (a header repeated on a new page). */
function repeatsHeader(layout: TableLayout, texts: { col: number; text: string }[]): boolean {
  const same = texts.filter((t) => {
    const h = layout.headers[t.col];
    return !!h && (h === t.text || h.split(' / ').includes(t.text) || foldKey(h).includes(foldKey(t.text)));
  }).length;
  return same * 2 >= texts.length;
}

function isDateValue(grid: Grid, r: number, c: number): boolean {
  const v = tableValue(grid, r, c);
  return v instanceof Date || (typeof v === 'number' && v > 20000);
}

/** ROW_AFTER_TABLE for each non-blank row from grid row `from` (where another table starts) up to a signature block. */
function rowsAfterEnd(grid: Grid, layout: TableLayout, from: number, what: string, file: string): Issue[] {
  const out: Issue[] = [];
  const start = sheetRow(grid, from);
  for (let r = from; r < grid.rows.length; r++) {
    const { texts } = rowTexts(grid, layout, r);
    if (!texts.length) continue;
    if (footerKind(texts[0].text) === 'sign') break;
    const row = sheetRow(grid, r);
    out.push(issue('ROW_AFTER_TABLE', r === from
      ? `Dòng ${row}: bảng nhiệm vụ kết thúc ở đây, bắt đầu một bảng khác (“${what.slice(0, 80)}”); các dòng từ dòng ${start} không được tính là nhiệm vụ.`
      : `Dòng ${row} thuộc bảng bên dưới bảng nhiệm vụ (từ dòng ${start}): không được tính là nhiệm vụ: "${texts[0].text.slice(0, 80)}".`,
      { file, sheet: grid.name, row, cell: cellAddress(grid, r, texts[0].col), severity: r === from || taskLike(grid, layout, r) ? 'warning' : 'info' }));
  }
  return out;
}

function notTask(grid: Grid, r: number, first: { col: number; text: string }, file: string): Issue {
  return issue('ROW_NOT_TASK',
    `Dòng ${sheetRow(grid, r)} không phải nhiệm vụ hay tiêu đề mục (bỏ qua): "${first.text.slice(0, 80)}".`,
    { file, sheet: grid.name, row: sheetRow(grid, r), cell: cellAddress(grid, r, first.col) });
}

/** Grid index of the last numbered row with task text and a lead, deadline or status (-1 if none), scanning up from the bottom. */
/** A row that looks like a numbered task: STT number, task text, and a lead unit, deadline or status. */
function taskLike(grid: Grid, layout: TableLayout, r: number): boolean {
  const { byRole } = rowTexts(grid, layout, r);
  return !!byRole.task && TASK_NUMBER.test(byRole.stt ?? '') && !!(byRole.lead || byRole.deadline || byRole.status);
}

/** ROW_AFTER_TABLE for each task-like row from grid row `from` on (below a signature block). */
function rowsAfterTable(grid: Grid, layout: TableLayout, from: number, file: string): Issue[] {
  const out: Issue[] = [];
  if (layout.columns.stt === undefined) return out;
  for (let r = from; r < grid.rows.length; r++) {
    if (!taskLike(grid, layout, r)) continue;
    const row = sheetRow(grid, r);
    out.push(issue('ROW_AFTER_TABLE',
      `Dòng ${row} trông như một nhiệm vụ nhưng nằm dưới phần ký tên, ngoài bảng: không được tính. Nếu là nhiệm vụ, hãy chuyển lên trong bảng.`,
      { file, sheet: grid.name, row, cell: cellAddress(grid, r, layout.columns.task ?? 0) }));
  }
  return out;
}

function lastTaskLike(grid: Grid, layout: TableLayout): number {
  if (layout.columns.task === undefined || layout.columns.stt === undefined) return -1;
  for (let k = grid.rows.length - 1; k >= layout.firstDataRow; k--) if (taskLike(grid, layout, k)) return k;
  return -1;
}

/** tiendo's template sheet of tasks the unit coordinates ("Phối hợp"), folded. */
const COORDINATION = /^phoi hop\b/;

/** Sheet names that hold instructions or lists, never the table. */
const SIDE_SHEETS = /^(huong dan|hd|bia|trang bia|danh muc|dm|list|lists|cover|instructions?|ghi chu|chu thich)\b/;

/**
 * Read a workbook: the visible sheet whose header scores best holds the table
 * (cover and instruction sheets, hidden sheets are passed over). When no
 * sheet has a table, the first sheet's NO_TABLE read is returned.
 */
export function readWorkbook(grids: Grid[], opts: { file: string }): SheetRead {
  if (grids.length === 0) {
    return { file: opts.file, sheet: null, layout: null, tasks: [], issues: [issue('FILE_EMPTY', 'Tệp không có trang tính nào.', { file: opts.file })], rowsScanned: 0 };
  }
  const ranked = grids
    .map((g, i) => ({ g, i, score: headerScore(g) - (g.hidden ? 100 : 0) - (SIDE_SHEETS.test(simpleKey(g.name)) ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const visible = ranked.filter((x) => !x.g.hidden);
  const pick = (visible[0] && headerScore(visible[0].g) > 0) ? visible[0] : ranked[0];
  const read = readSheet(pick.g, opts);
  if (read.layout) return withOtherSheets(read, pick.g, grids.filter((g) => !g.hidden), opts);
  // A legacy-encoded table is only found after decoding: try each sheet fully.
  for (const x of visible) {
    if (x === pick) continue;
    const other = readSheet(x.g, opts);
    if (other.layout) return other;
  }
  return read;
}

/**
 * Every other visible sheet with a task table is read too ("Phụ lục I" and "Phụ lục II"): its tasks are added
 * (each task names its sheet). A sheet whose tasks repeat the first sheet's (an older copy left visible) is not
 * read, and SHEET_NOT_READ names it, so no sheet's tasks vanish silently.
 */
function withOtherSheets(read: SheetRead, picked: Grid, visible: Grid[], opts: { file: string }): SheetRead {
  const others = visible.filter((g) => g !== picked && headerScore(g) > 0);
  if (!others.length) return read;
  const reads: { at: number; tasks: ParsedTask[] }[] = [{ at: visible.indexOf(picked), tasks: read.tasks }];
  const issues = [...read.issues];
  let scanned = read.rowsScanned;
  const seen = new Set(read.tasks.map((t) => foldKey(t.task)));
  for (const g of others) {
    // The "Phối hợp" sheet of tiendo's template lists tasks the unit only coordinates: not its returns, never counted.
    if (COORDINATION.test(simpleKey(g.name))) continue;
    const other = readSheet(g, opts);
    if (!other.layout || !other.tasks.length) continue;
    const cols = other.layout.columns;
    if (cols.status === undefined && cols.result === undefined && !other.tasks.some((t) => t.progressSource === 'tick')) {
      issues.push(issue('SHEET_NOT_READ',
        `Trang tính "${g.name}" có danh sách ${other.tasks.length} nhiệm vụ nhưng không có cột tiến độ hay kết quả thực hiện: không tính. Nếu là báo cáo, hãy thêm cột “Tiến độ”.`,
        { file: opts.file, sheet: g.name, severity: 'info' }));
      continue;
    }
    const same = other.tasks.filter((t) => seen.has(foldKey(t.task))).length;
    if (same * 2 > Math.min(other.tasks.length, Math.max(1, read.tasks.length))) {
      issues.push(issue('SHEET_NOT_READ',
        `Trang tính "${g.name}" cũng có bảng nhiệm vụ (${other.tasks.length} nhiệm vụ) nhưng ${same} nhiệm vụ trùng với trang "${read.sheet}" (có thể là bản cũ): không đọc trang này. Nếu cần tính, hãy xóa hoặc ẩn trang thừa.`,
        { file: opts.file, sheet: g.name }));
      continue;
    }
    reads.push({ at: visible.indexOf(g), tasks: other.tasks });
    issues.push(...other.issues);
    scanned += other.rowsScanned;
    for (const t of other.tasks) seen.add(foldKey(t.task));
  }
  // Tasks in workbook sheet order ("Phụ lục I" before "Phụ lục II"), whichever sheet's header scored best.
  const tasks = reads.sort((a, b) => a.at - b.at).flatMap((x) => x.tasks);
  return { ...read, tasks, issues, rowsScanned: scanned };
}

function simpleKey(name: string): string {
  return foldMarks(name).trim();
}

/**
 * Classify every task of a read at an as-of date (ISO yyyy-mm-dd).
 *
 * @example classifyRead(read, '2025-11-01').filter((t) => t.overdue).length
 */
export function classifyRead(read: SheetRead, asOf: string): Task[] {
  return read.tasks.map((t) => withLeadClasses(classifyTask(t, asOf), asOf));
}

/**
 * A task written one row per lead: each lead is classified on its own status (same deadline), so that each lead's
 * row in the per-unit counts says what that lead reported; the task itself keeps the least advanced status.
 */
function withLeadClasses(t: Task, asOf: string): Task {
  if (!t.leadProgress?.length) return t;
  const leadProgress = t.leadProgress.map((lp) => {
    const c = classifyTask({ ...t, progress: lp.progress, progressText: lp.progressText, resultText: lp.resultText, leadProgress: undefined, issues: [] }, asOf);
    return { ...lp, category: c.category, overdue: c.overdue, daysLate: c.daysLate };
  });
  return { ...t, leadProgress };
}
