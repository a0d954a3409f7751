/**
 * What a row below the header is: a task, a section title, the continuation
 * of the task above, the footer (notes, footnotes, signature block) that ends
 * the table, a blank row, a repeated header, or content that is none of these.
 */
import type { Grid } from '../grid';
import type { ColumnRole, TableLayout } from '../model';
import { foldKey } from '../text/normalize';
import { coveringMerge, isBold, tableText } from './cells';
import { columnRole, isColumnNumberRow } from './header';

export type RowKind = 'blank' | 'task' | 'section' | 'continuation' | 'footer' | 'repeat' | 'other';

/** The texts of one row by role, plus where its single text (if any) sits. */
export interface RowTexts {
  byRole: Partial<Record<ColumnRole, string>>;
  /** Every non-empty cell text in the table span, left to right. */
  texts: { col: number; text: string }[];
}

interface Span {
  roleCols: [ColumnRole, number][];
  left: number;
  right: number;
}

/** Role columns and the column span of a layout, worked out once per layout (layouts are not mutated). */
const spans = new WeakMap<TableLayout, Span>();

function spanOf(layout: TableLayout): Span {
  let s = spans.get(layout);
  if (!s) {
    const roleCols = Object.entries(layout.columns) as [ColumnRole, number][];
    const right = Math.max(layout.headers.length - 1, ...roleCols.map(([, c]) => c));
    spans.set(layout, s = { roleCols, left: firstCol(layout), right });
  }
  return s;
}

export function rowTexts(grid: Grid, layout: TableLayout, r: number): RowTexts {
  const byRole: Partial<Record<ColumnRole, string>> = {};
  const texts: { col: number; text: string }[] = [];
  const { roleCols, left, right } = spanOf(layout);
  const at: string[] = [];
  for (let c = left; c <= right; c++) {
    const t = tableText(grid, r, c);
    at[c] = t;
    if (t) texts.push({ col: c, text: t });
  }
  for (const [role, col] of roleCols) byRole[role] = at[col] ?? tableText(grid, r, col);
  return { byRole, texts };
}

function firstCol(layout: TableLayout): number {
  const i = layout.headers.findIndex((h) => h !== '');
  return Math.max(0, Math.min(i < 0 ? 0 : i, ...Object.values(layout.columns)));
}

/** Task numbering: "1", "12.", "1.1", "2a", "a)", "b." (a lower-case letter; capitals and Roman numerals are section labels). */
export const TASK_NUMBER = /^(\d{1,4}([.,]\d{1,3})*[.)]?[a-zđ]?|[a-zđ][.)]|\d{1,4}[a-z]?\))$/;
/** Section labels alone in the STT cell: "A", "B.", "I", "IV", "Phần I", "Mục 2". */
const SECTION_LABEL = /^(([A-Z]|[IVXLC]{1,6})[.)]?|(Phần|PHẦN|Mục|MỤC)\s+\S{1,6})$/;
/** A title starting with its label: "B. Nhiệm vụ …", "II - …", "Phần I: …". */
const LABEL_PREFIX = /^(([A-Z]|[IVXLC]{1,6})\s*[.)\-–:]\s*|(Phần|PHẦN|Mục|MỤC)\s+\S{1,6}[.:\-–]?\s+)\S/;
/** Wording of untitled section rows ("Nhiệm vụ giao Bộ trưởng … chỉ đạo", "Nhóm nhiệm vụ …"). */
const SECTION_WORDS = /^(nhiem vu|cac nhiem vu|nhom|phan|muc|linh vuc|chuong trinh|de an|khoi)\b/;
/** Notes and recipients under a table (folded), written "Ghi chú: …". */
const NOTE_WORDS = /^(ghi chu|luu y|chu thich|chu y|nguon|noi nhan)\b/;
/** Signature block lines (folded, short): "TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Người lập biểu". */
/**
 * Signature-block openings. The abbreviations ("TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG", "Q. CHỦ TỊCH")
 * only count with a word after them: a bare "Q" or "TM" is a section label ("Q | Nhóm nhiệm vụ số 17").
 */
const SIGN_WORDS = /^((tm|kt|tl|tuq|q) \p{L}|(thu truong|bo truong|chu tich|pho chu tich|giam doc|pho giam doc|chanh van phong|nguoi lap bieu|nguoi lap|nguoi ky|thu truong don vi|lanh dao don vi|xac nhan cua)(\s|$))/u;
const PLACE_DATE = /^[\p{Lu}][\p{L} .]{1,30}, ngày\b/u;
const FOOTNOTE_MARK = /^([¹²³⁴⁵⁶⁷⁸⁹⁰]|\(\*+\)|\*+\s)/;

function isUpperTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && text === text.toLocaleUpperCase('vi') && text !== text.toLocaleLowerCase('vi');
}

/** True when a merge starting in this row spans three or more columns or reaches past the task column. */
function mergedWide(grid: Grid, layout: TableLayout, r: number, col: number): boolean {
  const next = coveringMerge(grid, r, col + 1);
  if (!next || next.top !== r) return false;
  const lead = layout.columns.lead ?? layout.columns.deadline ?? layout.columns.status;
  return next.right - next.left >= 2 || (lead !== undefined && next.right >= lead);
}

/** True when (r, col) is a merged child whose master is in a row above (a cell merged down over several rows). */
export function mergedFromAbove(grid: Grid, r: number, col: number | undefined): boolean {
  if (col === undefined) return false;
  const m = coveringMerge(grid, r, col);
  return m !== undefined && m.top < r;
}

/**
 * What ends a table: 'sign' for a signature block or place-date line (nothing
 * of the table comes after), 'note' for notes and footnotes (tasks may still
 * follow a note put in the middle of a table), else null.
 */
export function footerKind(text: string): 'sign' | 'note' | null {
  if (PLACE_DATE.test(text)) return 'sign';
  if (FOOTNOTE_MARK.test(text)) return 'note';
  const key = foldKey(text);
  if (NOTE_WORDS.test(key) && /^[^:]{1,20}:/.test(text)) return 'note';
  return SIGN_WORDS.test(key) && key.split(' ').length <= 8 ? 'sign' : null;
}

function isFooterText(text: string): boolean {
  return footerKind(text) !== null;
}

/** A repeated header row (page headers in converted documents) or column-number row. */
function isRepeat(grid: Grid, layout: TableLayout, r: number, row: RowTexts): boolean {
  const last = row.texts.length ? row.texts[row.texts.length - 1].col : 0;
  if (row.texts.length >= 2 && isColumnNumberRow(grid, r, row.texts[0].col, last)) return true;
  // Cheap tests first. A repeat names at least 3 roles, so at least one outside the task and result
  // columns, whose long unique texts are the costly ones to look at (the others repeat: memo hits).
  const { task: taskCol, result: resultCol } = layout.columns;
  if (!row.texts.some((t) => t.col !== taskCol && t.col !== resultCol && columnRole(t.text) !== null)) return false;
  // And it names its STT or task column.
  const { stt, task } = row.byRole;
  if (!(stt && columnRole(stt) === 'stt') && !(task && columnRole(task) === 'task')) return false;
  const roles = new Set(row.texts.map((t) => columnRole(t.text)).filter((x) => x !== null));
  return roles.size >= 3 && (roles.has('task') || roles.has('stt'));
}

export interface RowContext {
  /** The previous non-blank row was a task (or its continuation). */
  afterTask: boolean;
  /** At least one task was read. */
  anyTask: boolean;
}

/** Classify row r. `row` is rowTexts(grid, layout, r). */
export function classifyRow(grid: Grid, layout: TableLayout, r: number, row: RowTexts, ctx: RowContext): RowKind {
  if (row.texts.length === 0) return 'blank';
  const { byRole } = row;
  const stt = byRole.stt ?? '';
  const task = byRole.task ?? '';
  const filled = Boolean(byRole.lead || byRole.deadline || byRole.status);
  const numbered = TASK_NUMBER.test(stt);
  if (isRepeat(grid, layout, r, row)) return 'repeat';
  if (!numbered && isFooterText(row.texts[0].text)) return ctx.anyTask ? 'footer' : 'other';
  if (ctx.afterTask && mergedFromAbove(grid, r, layout.columns.task) && (!stt || mergedFromAbove(grid, r, layout.columns.stt))) {
    return 'continuation';
  }
  if (task && (numbered || filled)) return 'task';
  if (SECTION_LABEL.test(stt) && !filled) return 'section';
  const only = row.texts.length === 1 ? row.texts[0] : null;
  const titleCol = only && (only.col === layout.columns.task || only.col === layout.columns.stt) ? only : null;
  if (titleCol) {
    const strong = isBold(grid, r, titleCol.col) || mergedWide(grid, layout, r, titleCol.col)
      || isUpperTitle(titleCol.text) || LABEL_PREFIX.test(titleCol.text)
      || (/^\p{Lu}/u.test(titleCol.text) && SECTION_WORDS.test(foldKey(titleCol.text)));
    return ctx.afterTask && !strong && titleCol.col === layout.columns.task ? 'continuation' : 'section';
  }
  if (ctx.afterTask && !stt && !filled && task) return 'continuation';
  if (ctx.afterTask && !stt && !task) {
    const cols = layout.columns;
    // The result text of the task above going on in its own row (no STT, nothing but result or note text).
    if (byRole.result && row.texts.every((t) => t.col === cols.result || t.col === cols.note)) return 'continuation';
    // One row per lead unit under a task whose STT and task cells are left blank: the lead's own status and result.
    if (byRole.lead && !byRole.deadline) return 'continuation';
  }
  if (numbered && filled) return 'task';
  return 'other';
}

/**
 * The section title of a section row: "A. Nhiệm vụ chung …" from a label in
 * the STT column and a title in the task column; a title already labelled, or
 * untitled, is kept as written.
 */
export function sectionTitle(row: RowTexts): string {
  const stt = row.byRole.stt ?? '';
  const rest = row.texts.filter((t) => t.text !== stt).map((t) => t.text);
  const title = rest[0] ?? '';
  if (stt && SECTION_LABEL.test(stt)) {
    const label = stt.replace(/[.)]$/, '');
    if (!title) return label;
    return LABEL_PREFIX.test(title) ? title : `${label}. ${title}`;
  }
  return row.texts[0]?.text ?? '';
}

/** The label of a section title: "A. Nhiệm vụ …" → "A", "II - …" → "II"; null when untitled. */
export function sectionLabel(title: string | null): string | null {
  if (!title) return null;
  const m = /^(([A-Z]|[IVXLC]{1,6})|(?:Phần|PHẦN|Mục|MỤC)\s+(\S{1,6}?))\s*([.)\-–:]|$)/.exec(title);
  if (!m) return null;
  return m[2] ?? m[3] ?? null;
}
