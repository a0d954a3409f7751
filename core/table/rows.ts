/**
 * One task from one row: its normalised fields and the issues found on it.
 */
import { sheetRow, cellAddress, type Grid } from '../grid';
import { issue, type Issue } from '../issue';
import type { ColumnRole, Deadline, ParsedTask, Progress, ProgressSource, ResolvedUnit, TableLayout } from '../model';
import { parseDeadline } from '../deadline';
import { mentionedExtension } from '../deadline/extension';
import { readStatus } from '../status';
import { inferFromResult } from '../status/infer';
import { quote } from '../classify/where';
import { formatDateVi } from '../format';
import { resolveUnits } from '../units';
import { isLocalUnitName } from '../units/local';
import { missingRowIssues } from '../checks';
import { numFmtAt, tableValue } from './cells';
import { tickColumns } from './header';
import { mergedFromAbove, type RowTexts } from './classify-row';

export interface RowPlace {
  file: string;
  grid: Grid;
  layout: TableLayout;
  section: string | null;
}

function unitIssues(units: ResolvedUnit[], at: { file: string; sheet: string; row: number; cell: string }, role: 'lead' | 'co'): Issue[] {
  const out: Issue[] = [];
  for (const u of units) {
    // A commune-level lead is recognised by its pattern, not a list (core/units/local.ts): its spelling is checked
    // within the table instead (UNIT_VARIANT), so 3,321 communes' returns do not flag every row.
    if (!u.known && role === 'lead' && !isLocalUnitName(u.name)) {
      out.push(issue('UNKNOWN_UNIT', `Ô ${at.cell}: không nhận ra đơn vị "${u.name}" (giữ nguyên).`, at));
    } else if (u.legacy) {
      out.push(issue('LEGACY_UNIT', `Ô ${at.cell}: "${u.legacy}" nay là ${u.name}.`, { ...at, suggestion: u.name }));
    }
  }
  return out;
}

/** The row's text in the column of `role` ('' when none). */
function roleText(row: RowTexts, role: ColumnRole): string {
  return row.byRole[role] ?? '';
}

/** Where an issue about the cell of `role` in row r points. */
function cellPlace(place: RowPlace, r: number, cells: Partial<Record<ColumnRole, string>>, role: ColumnRole) {
  return { file: place.file, sheet: place.grid.name, row: sheetRow(place.grid, r), cell: cells[role] ?? cellAddress(place.grid, r, 0) };
}

/** Build the task of row r (a row classified 'task'). */
export function buildTask(place: RowPlace, r: number, row: RowTexts): ParsedTask {
  const { grid, layout, file } = place;
  const cols = layout.columns;
  const cells: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(cols) as [ColumnRole, number][]) cells[role] = cellAddress(grid, r, col);
  const issues: Issue[] = [];

  const lead = resolveUnits(roleText(row, 'lead'));
  const co = resolveUnits(roleText(row, 'co'));
  if (cols.lead !== undefined) {
    if (!lead.text) issues.push(issue('NO_LEAD_UNIT', `Ô ${cells.lead}: chưa ghi đơn vị chủ trì.`, cellPlace(place, r, cells, 'lead')));
    issues.push(...unitIssues(lead.units, cellPlace(place, r, cells, 'lead'), 'lead'));
  }
  if (cols.co !== undefined) issues.push(...unitIssues(co.units, cellPlace(place, r, cells, 'co'), 'co'));

  let deadline: Deadline = cols.deadline === undefined
    ? { text: '', due: null, kind: 'none' as const }
    : parseDeadline(tableValue(grid, r, cols.deadline), { date1904: grid.date1904, numFmt: numFmtAt(grid, r, cols.deadline) });
  if (!deadline.extension && deadline.kind !== 'recurring') deadline = extensionElsewhere(deadline, row, layout);

  if (deadline.extension) issues.push(extensionIssue(deadline, cellPlace(place, r, cells, 'deadline')));
  const status = readProgress(place, r, row, cells, issues);
  const ticks = tickColumns(layout);

  const task = roleText(row, 'task');
  if (!task) issues.push(issue('NO_TASK_TEXT', `Dòng ${sheetRow(grid, r)}: có số thứ tự nhưng không có tên nhiệm vụ.`, cellPlace(place, r, cells, 'task')));

  const extra: Record<string, string> = {};
  for (const x of layout.extras) {
    const v = rowExtra(row, x.col);
    if (v && !ticks.some((k) => k.col === x.col)) extra[x.header] = v;
  }

  const t: ParsedTask = {
    file,
    sheet: grid.name,
    row: sheetRow(grid, r),
    stt: roleText(row, 'stt'),
    section: place.section,
    task,
    leadUnitText: lead.text,
    leadUnits: lead.units,
    coUnitsText: co.text,
    coUnits: co.units,
    deadline,
    resultText: roleText(row, 'result'),
    progressText: status.text,
    progress: status.progress,
    progressSource: status.source,
    ...(status.reason ? { progressReason: status.reason } : {}),
    dueSource: deadline.due === null ? 'none'
      : deadline.extension?.state === 'approved' && deadline.extension.newDue === deadline.due ? 'extension'
        : typeof tableValue(grid, r, cols.deadline!) === 'string' ? 'typed' : 'date-cell',
    extra,
    taskId: roleText(row, 'id') || null,
    cells,
    issues,
  };
  t.issues.push(...missingRowIssues(t, t.issues));
  return t;
}

/**
 * An extension written in the note or result cell rather than the deadline cell: an approved one with a new date
 * takes it (the deadline text says where it came from), a requested one keeps the date; both are flagged.
 */
function extensionElsewhere(d: Deadline, row: RowTexts, layout: TableLayout): Deadline {
  const cols = [layout.columns.note, layout.columns.result, ...layout.extras.map((x) => x.col)].filter((c): c is number => c !== undefined);
  for (const col of new Set(cols)) {
    const text = rowExtra(row, col);
    const x = text ? mentionedExtension(text) : null;
    if (!x) continue;
    const extension = { state: x.state, originalDue: d.due, newDue: x.newDue };
    if (x.state === 'approved' && x.newDue) return { ...d, due: x.newDue, kind: 'date', extension, text: d.text ? `${d.text} (gia hạn: ${text})` : text };
    return { ...d, extension };
  }
  return d;
}

function extensionIssue(d: Deadline, at: { file: string; sheet: string; row: number; cell: string }): Issue {
  const x = d.extension!;
  if (x.state === 'approved') {
    return issue('EXTENSION_APPROVED', x.newDue === d.due && d.due
      ? `Ô ${at.cell}: thời hạn đã được điều chỉnh (${quote(d.text, 100)}); tính theo thời hạn mới ${formatDateVi(d.due)}${x.originalDue ? ` thay cho ${formatDateVi(x.originalDue)}` : ''}.`
      : `Ô ${at.cell}: thời hạn đã được điều chỉnh nhưng không đọc được thời hạn mới (${quote(d.text, 100)}); cần kiểm tra.`, at);
  }
  return issue('EXTENSION_REQUESTED', d.due
    ? `Ô ${at.cell}: đơn vị đề nghị gia hạn${x.newDue ? ` đến ${formatDateVi(x.newDue)}` : ''} (${quote(d.text, 100)}); chưa có ý kiến đồng ý nên vẫn tính theo thời hạn ${formatDateVi(d.due)}.`
    : `Ô ${at.cell}: đơn vị đề nghị gia hạn (${quote(d.text, 100)}) nhưng không ghi thời hạn ban đầu; cần kiểm tra.`, at);
}

export interface ProgressReading {
  progress: Progress;
  text: string;
  source: ProgressSource;
  reason?: string;
}

/** A lone tick mark: ✓ ✔ x X • * + v 1. */
const MARK = /^[✓✔✗✘xX•*+vV1]$/;

/** Cell texts that leave a tick column unticked: "0", "-", "không". */
const NO_MARK = /^(?:0|-+|–|—|k|không|khong|no|false|sai)$/i;

/** Least advanced first: a task's progress over several marks or leads is the first of these present. */
const PROGRESS_ORDER: readonly Progress[] = ['unknown', 'not_done', 'in_progress', 'done_late', 'done', 'stopped'];

/**
 * The progress of row r, and where it came from: the "Tiến độ" cell (typed, or a
 * task-dependent phrase read one documented way: inferred); else the tick columns
 * (tick); else, with a result column and no status column at all, the status the
 * result text opens or closes with (inferred). Issues for two ticks in a row and for
 * a result text that states no readable status go to `issues`.
 */
function readProgress(place: RowPlace, r: number, row: RowTexts, cells: Partial<Record<ColumnRole, string>>, issues: Issue[]): ProgressReading {
  const { grid, layout } = place;
  const cols = layout.columns;
  if (cols.status !== undefined) {
    const s = readStatus(tableValue(grid, r, cols.status));
    if (!s.text) return { progress: s.progress, text: s.text, source: 'none' };
    return { progress: s.progress, text: s.text, source: s.inferred ? 'inferred' : 'typed', ...(s.inferred ? { reason: s.inferred } : {}) };
  }
  const ticks = tickColumns(layout);
  if (ticks.length) {
    const ticked = ticks.filter((x) => { const v = rowExtra(row, x.col); return v !== '' && !NO_MARK.test(v); });
    cells.status = cellAddress(grid, r, (ticked[0] ?? ticks[0]).col);
    if (!ticked.length) return { progress: 'unreported', text: '', source: 'none' };
    const reads = ticked.map((x) => ({ x, s: readStatus(x.status) }));
    reads.sort((a, b) => PROGRESS_ORDER.indexOf(a.s.progress) - PROGRESS_ORDER.indexOf(b.s.progress));
    const pick = reads[0];
    if (ticked.length > 1) {
      const where = { file: place.file, sheet: grid.name, row: sheetRow(grid, r), cell: cells.status };
      issues.push(issue('TICK_CONFLICT',
        `Dòng ${sheetRow(grid, r)}: đánh dấu ở ${ticked.length} cột tiến độ (${ticked.map((x) => quote(x.status)).join(', ')}); tính theo mức thấp nhất ${quote(pick.x.status)}, cần kiểm tra.`,
        where));
    }
    return { progress: pick.s.progress, text: pick.x.status, source: 'tick', reason: `đánh dấu ở cột ${quote(pick.x.status)}` };
  }
  // A mark under a column tiendo does not recognise as a status: counted as open, flagged (UNKNOWN_STATUS), never guessed.
  const marked = layout.extras.find((x) => x.col !== cols.note && MARK.test(rowExtra(row, x.col)));
  if (marked) {
    cells.status = cellAddress(grid, r, marked.col);
    return { progress: 'unknown', text: `${rowExtra(row, marked.col)} (cột “${marked.header}”)`, source: 'tick', reason: `đánh dấu ở cột ${quote(marked.header)}, không nhận ra là tiến độ nào` };
  }
  if (cols.result === undefined) return { progress: 'unreported', text: '', source: 'none' };
  // No "Tiến độ" column: the status is read from the result text, or the row is flagged unreported.
  cells.status = cells.result;
  const result = roleText(row, 'result');
  const header = layout.headers[cols.result] || 'Kết quả thực hiện';
  const at = { file: place.file, sheet: grid.name, row: sheetRow(grid, r), cell: cells.result };
  const found = inferFromResult(result);
  if (found) {
    const where = found.place === 'opening' ? 'đầu' : found.place === 'closing' ? 'cuối' : 'nhãn tiến độ trong';
    return { progress: found.progress, text: found.quote, source: 'inferred', reason: `suy ra từ ${where} nội dung cột “${header}”: ${quote(found.quote)}` };
  }
  issues.push(issue('NO_STATUS', result
    ? `Ô ${cells.result}: bảng không có cột “Tiến độ” và nội dung cột “${header}” (${quote(result, 60)}) không nêu rõ tiến độ; tính là chưa báo cáo, cần kiểm tra.`
    : `Ô ${cells.result}: bảng không có cột “Tiến độ” và cột “${header}” để trống; tính là chưa báo cáo.`, at));
  return { progress: 'unreported', text: '', source: 'none' };
}

function rowExtra(row: RowTexts, col: number): string {
  return row.texts.find((t) => t.col === col)?.text ?? '';
}

/**
 * Join a continuation row into the task above: the rest of a task text that
 * ran into the next row, or a second row of a task whose cells are merged
 * down (a second lead unit on it). Cells merged from above are not repeated.
 */
export function joinContinuation(t: ParsedTask, grid: Grid, layout: TableLayout, r: number, row: RowTexts): void {
  const own = (col: number | undefined): boolean => col !== undefined && !mergedFromAbove(grid, r, col);
  const join = (a: string, b: string, sep = ' ') => (a && b ? `${a}${sep}${b}` : a || b);
  const cols = layout.columns;
  if (own(cols.task)) t.task = join(t.task, row.byRole.task ?? '');
  if (own(cols.result)) t.resultText = join(t.resultText, row.byRole.result ?? '');
  for (const x of layout.extras) {
    const v = own(x.col) ? rowExtra(row, x.col) : '';
    if (v) t.extra[x.header] = join(t.extra[x.header] ?? '', v);
  }
  const ownLead = own(cols.lead) && !!row.byRole.lead;
  const ownStatus = cols.status !== undefined ? own(cols.status) : tickColumns(layout).length > 0 || own(cols.result);
  // Per lead only when a lead row reports something of its own (else a second lead unit is simply joined).
  const reports = cols.status !== undefined ? !!row.byRole.status : tickColumns(layout).some((x) => rowExtra(row, x.col)) || !!row.byRole.result;
  if (ownLead && ownStatus && (reports || t.leadProgress || t.progress !== 'unreported')) addLeadProgress(t, { file: t.file, grid, layout, section: t.section }, r, row);
  for (const [role, textKey, unitsKey] of [['lead', 'leadUnitText', 'leadUnits'], ['co', 'coUnitsText', 'coUnits']] as const) {
    const more = own(cols[role]) ? row.byRole[role] ?? '' : '';
    if (!more) continue;
    const res = resolveUnits(more);
    t[textKey] = join(t[textKey], res.text, '; ');
    t[unitsKey] = [...t[unitsKey], ...res.units.filter((u) => !t[unitsKey].some((v) => v.name === u.name))];
    const at = { file: t.file, sheet: t.sheet, row: sheetRow(grid, r), cell: cellAddress(grid, r, cols[role] ?? 0) };
    t.issues.push(...unitIssues(res.units, at, role));
    if (role === 'lead') t.issues = t.issues.filter((i) => i.code !== 'NO_LEAD_UNIT');
  }
  t.rowEnd = sheetRow(grid, r);
}

const unitNames = (units: ResolvedUnit[], text: string): string => (units.length ? units.map((u) => u.name).join('; ') : text);

/**
 * A row of a task written one row per lead unit: the lead's own progress is kept in `leadProgress`, and the task's
 * progress becomes the least advanced of the leads that reported, with a MULTI_LEAD_PROGRESS note naming each.
 */
function addLeadProgress(t: ParsedTask, place: RowPlace, r: number, row: RowTexts): void {
  const { grid } = place;
  if (!t.leadProgress) {
    t.leadProgress = [{
      lead: unitNames(t.leadUnits, t.leadUnitText), row: t.row, progress: t.progress, progressText: t.progressText,
      progressSource: t.progressSource, ...(t.progressReason ? { progressReason: t.progressReason } : {}), resultText: t.resultText,
    }];
  }
  const cells: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(place.layout.columns) as [ColumnRole, number][]) cells[role] = cellAddress(grid, r, col);
  const rowIssues: Issue[] = [];
  const s = readProgress(place, r, row, cells, rowIssues);
  const lead = resolveUnits(row.byRole.lead ?? '');
  t.leadProgress.push({
    lead: unitNames(lead.units, lead.text), row: sheetRow(grid, r), progress: s.progress, progressText: s.text,
    progressSource: s.source, ...(s.reason ? { progressReason: s.reason } : {}), resultText: row.byRole.result ?? '',
  });
  t.issues.push(...rowIssues.filter((i) => i.code !== 'NO_STATUS'));
  const reported = t.leadProgress.filter((x) => x.progress !== 'unreported');
  const pick = reported.slice().sort((a, b) => PROGRESS_ORDER.indexOf(a.progress) - PROGRESS_ORDER.indexOf(b.progress))[0];
  if (pick) {
    t.progress = pick.progress;
    t.progressText = pick.progressText;
    t.progressSource = pick.progressSource;
    if (pick.progressReason) t.progressReason = pick.progressReason;
    else delete t.progressReason;
  }
  const list = t.leadProgress.map((x) => `${x.lead}: ${x.progressText ? quote(x.progressText, 40) : 'chưa báo cáo'}`).join('; ');
  const note = issue('MULTI_LEAD_PROGRESS',
    `Dòng ${t.row}-${sheetRow(grid, r)}: nhiệm vụ có ${t.leadProgress.length} đơn vị chủ trì báo cáo riêng (${list}); mỗi đơn vị được tính theo tiến độ của mình, tiến độ chung của nhiệm vụ lấy mức thấp nhất${pick ? ` (${quote(pick.progressText, 40)})` : ''}.`,
    { file: t.file, sheet: t.sheet, row: t.row, ...(t.cells.status ? { cell: t.cells.status } : {}), severity: reported.length < t.leadProgress.length ? 'warning' : 'info' });
  t.issues = t.issues.filter((i) => i.code !== 'MULTI_LEAD_PROGRESS' && (!pick || (i.code !== 'NO_STATUS' && i.code !== 'UNKNOWN_STATUS')));
  t.issues.push(...missingRowIssues(t, t.issues), note);
}

/** Per-section STT bookkeeping: duplicates and numbers going backwards ("1, 2, 2, 4, 3"). */
export class SttTracker {
  private seen = new Set<string>();
  private max = 0;

  /** Start a new section: numbering restarts. */
  reset(): void {
    this.seen.clear();
    this.max = 0;
  }

  /** Check a task's STT, adding DUPLICATE_STT / STT_OUT_OF_ORDER to it. Sub-numbering ("1.1", "a)") is not checked. */
  check(t: ParsedTask): void {
    const m = /^(\d{1,4})\.?$/.exec(t.stt);
    if (!m) return;
    const n = Number(m[1]);
    const key = String(n);
    const at = { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.stt };
    if (this.seen.has(key)) {
      t.issues.push(issue('DUPLICATE_STT', `Dòng ${t.row}: số thứ tự ${n} bị trùng (giữ cả hai nhiệm vụ).`, at));
    } else if (n < this.max) {
      t.issues.push(issue('STT_OUT_OF_ORDER', `Dòng ${t.row}: số thứ tự ${n} đứng sau ${this.max} (sai thứ tự).`, at));
    }
    this.seen.add(key);
    this.max = Math.max(this.max, n);
  }
}
