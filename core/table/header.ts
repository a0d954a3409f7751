/**
 * Finding the table: the header row can be anywhere (row 5, column B, under a
 * title block), span two rows with merged parents ("Cơ quan thực hiện" over
 * "Chủ trì | Phối hợp"), hold line breaks and any common wording. Candidate
 * rows are scored by how many column roles they name; the best one wins.
 */
import { foldKey } from '../text/normalize';
import { cellAt, gridWidth, sheetRow, type CellValue, type Grid } from '../grid';
import { issue, type Issue } from '../issue';
import type { ColumnRole, TableLayout } from '../model';
import { parseStatus } from '../status';
import { coveringMerge, displayText, spanText, tableText } from './cells';
import { memo } from '../memo';
import { ROLE_LABELS } from './roles';

/** Folded header wording → role. Order matters: the first rule that matches wins. */
const RULES: readonly [ColumnRole, RegExp][] = [
  ['id', /\b(ma nhiem vu|ma nv|tiendo)\b/],
  ['stt', /^(stt|tt|so tt|so thu tu|thu tu|s tt)$/],
  ['note', /^ghi chu\b/],
  ['co', /\bphoi hop\b/],
  ['lead', /\bchu tri\b|^(co quan|don vi)\b/],
  ['result', /\bket qua\b|^tinh hinh\b/],
  ['deadline', /\bthoi han\b|\bthoi gian\b|\bhan hoan thanh\b|^han$|\bthoi diem\b|\bngay hoan thanh\b/],
  ['status', /\btien do\b|\btinh trang\b|\btrang thai\b|\bmuc do hoan thanh\b/],
  ['task', /\bnhiem vu\b|\bnoi dung\b|\bcong viec\b|^ten\b/],
];

/** Matches when any rule does (the rules have no flags). */
const ANY_RULE = new RegExp(RULES.map(([, re]) => `(?:${re.source})`).join('|'));

const MAX_HEADER_TEXT = 80;
const MAX_SCAN_ROWS = 100;
/** Columns examined for a header (a stray cell in column XFD must not make the scan slow). */
const MAX_SCAN_COLS = 100;
/** Roles that make a row look like a header (notes and IDs alone do not). */
const CORE_ROLES: readonly ColumnRole[] = ['stt', 'task', 'lead', 'co', 'deadline', 'result', 'status'];

/**
 * The role a header cell names, or null.
 *
 * @example columnRole('Đơn vị\nchủ trì') // 'lead'
 * @example columnRole('THỜI GIAN HOÀN THÀNH') // 'deadline'
 */
export function columnRole(text: string): ColumnRole | null {
  if (!text || text.length > MAX_HEADER_TEXT) return null;
  return roleOf(text);
}

/** Memoised: units, statuses and deadlines repeat on every row the header scan and repeat check look at. */
const roleOf = memo((text: string): ColumnRole | null => {
  const key = foldKey(text);
  if (!ANY_RULE.test(key)) return null; // most cells (task and result texts) name no role: one scan
  for (const [role, re] of RULES) if (re.test(key)) return role;
  return null;
});

interface Candidate {
  top: number;
  bottom: number;
  /** Role per grid column (null = none). */
  roles: (ColumnRole | null)[];
  headers: string[];
  score: number;
  /** Parents merged over sub-columns (two-row candidates). */
  parents?: number;
}

/** score() of a row naming every core role, task included. */
const MAX_SCORE = CORE_ROLES.length + 2;

function score(roles: (ColumnRole | null)[], more: ColumnRole[] = []): number {
  const seen = new Set([...roles, ...more].filter((r): r is ColumnRole => r !== null && CORE_ROLES.includes(r)));
  if (seen.size < 3) return 0;
  return seen.size + (seen.has('task') ? 2 : 0);
}

/** A raw cell far too long to be a header (task texts): skipped before any cleaning. */
function isLong(v: CellValue): boolean {
  return typeof v === 'string' && v.length > 2 * MAX_HEADER_TEXT;
}

function singleRow(grid: Grid, r: number, width: number): Candidate {
  const roles: (ColumnRole | null)[] = [];
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const text = coveringMerge(grid, r, c) || isLong(cellAt(grid, r, c)) ? '' : spanText(grid, r, c);
    headers.push(text);
    roles.push(columnRole(text));
  }
  return { top: r, bottom: r, roles, headers, score: score(roles) };
}

/** Header over two rows: sub-row text names the role; a parent alone (merged down) names it otherwise. */
function twoRows(grid: Grid, r: number, width: number): Candidate | null {
  const roles: (ColumnRole | null)[] = [];
  const headers: string[] = [];
  let subs = 0;
  let parents = 0;
  const parentRoles: ColumnRole[] = [];
  for (let c = 0; c < width; c++) {
    const below = coveringMerge(grid, r + 1, c);
    if (!below && isLong(cellAt(grid, r + 1, c))) return null;
    const parent = isLong(cellAt(grid, r, c)) ? '' : spanText(grid, r, c);
    const sub = below && below.top <= r ? '' : spanText(grid, r + 1, c);
    if (sub.length > 40 || /^\d+$/.test(sub)) return null;
    if (sub) subs++;
    const parentMerge = coveringMerge(grid, r, c) ?? (c + 1 < width ? coveringMerge(grid, r, c + 1) : undefined);
    const parentWide = parentMerge !== undefined && parentMerge.top === r && parentMerge.right > parentMerge.left;
    headers.push(parent && sub && parent !== sub ? `${parent} / ${sub}` : parent || sub);
    const subRole = sub ? columnRole(sub) : null;
    roles.push(sub ? subRole ?? (parentWide ? null : columnRole(parent)) : columnRole(parent));
    if (parentWide && sub) {
      parents++;
      // "Tiến độ" over tick columns "Đã hoàn thành | Đang thực hiện": the parent still names a role.
      const pr = columnRole(parent);
      if (!subRole && pr) parentRoles.push(pr);
    }
  }
  if (subs === 0) return null;
  return { top: r, bottom: r + 1, roles, headers, score: score(roles, parentRoles), parents };
}

const candidates = new WeakMap<Grid, Candidate | null>();

/** The best header candidate of a grid, computed once per grid object (grids are not mutated after reading). */
function bestCandidate(grid: Grid): Candidate | null {
  let best = candidates.get(grid);
  if (best === undefined) candidates.set(grid, best = scanCandidates(grid));
  return best;
}

function scanCandidates(grid: Grid): Candidate | null {
  const width = Math.min(gridWidth(grid), MAX_SCAN_COLS);
  const last = Math.min(grid.rows.length, MAX_SCAN_ROWS);
  let best: Candidate | null = null;
  for (let r = 0; r < last; r++) {
    let cand = singleRow(grid, r, width);
    if (cand.score === 0 && !rowHasText(grid, r, width)) continue;
    if (r + 1 < grid.rows.length) {
      const two = twoRows(grid, r, width);
      if (two && (two.score > cand.score || (two.score === cand.score && two.score > 0 && (two.parents ?? 0) > 0))) cand = two;
    }
    if (cand.score > 0 && (!best || cand.score > best.score)) best = cand;
    // Only a strictly higher score replaces the best: once it is the highest possible, stop.
    if (best && best.score >= MAX_SCORE) break;
  }
  return best;
}

function rowHasText(grid: Grid, r: number, width: number): boolean {
  for (let c = 0; c < width; c++) if (cellAt(grid, r, c) !== null) return true;
  return false;
}

/**
 * "(1)", "3", "IV", "(3)=(1)+(2)", "5 = 3 - 4": spaces only where a parenthesis or an operator stands, so a cell of
 * "1/ 1/ 1/ …" has one way through (two adjacent optional space runs per term made it exponential: 200 characters
 * took a second, 400 never ended). Same cells accepted as before (test/core/table/header.test.ts).
 */
const COLUMN_NUMBER = /^\(?\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)?(?:\s*[=+\-*/x]\s*(?:\(\s*)?\d{1,2}(?:\s*\))?)*$/i;

/** True for a column-number row "(1) (2) (3)" or "1 2 3 4" under the header. */
export function isColumnNumberRow(grid: Grid, r: number, left: number, right: number): boolean {
  let n = 0;
  for (let c = left; c <= right; c++) {
    if (coveringMerge(grid, r, c)) continue;
    const t = displayText(grid, r, c).trim();
    if (!t) continue;
    if (!COLUMN_NUMBER.test(t)) return false;
    n++;
  }
  return n >= 2;
}

/**
 * Find the table's header on a sheet, or null when no row names at least
 * three roles (STT, task, lead, deadline, result, status…).
 *
 * @example findHeader(grid)?.columns // { stt: 1, task: 2, lead: 3, deadline: 4, status: 6 }
 */
export function findHeader(grid: Grid): TableLayout | null {
  const cand = bestCandidate(grid);
  if (!cand) return null;
  const columns: Partial<Record<ColumnRole, number>> = {};
  const extras: { col: number; header: string }[] = [];
  let left = -1;
  let right = -1;
  cand.headers.forEach((h, c) => {
    if (!h && !cand.roles[c]) return;
    if (left < 0) left = c;
    right = c;
  });
  for (let c = left; c <= right; c++) {
    const role = cand.roles[c];
    const header = cand.headers[c];
    if (role && columns[role] === undefined) columns[role] = c;
    else if (header) extras.push({ col: c, header });
    if (role === 'note' && columns.note === c) extras.push({ col: c, header });
  }
  let first = cand.bottom + 1;
  let bottom = cand.bottom;
  const headers = cand.headers.slice();
  if (subHeaderRow(grid, first, left, right, cand.roles)) {
    // A third header row under a group ("Tiến độ" / "Đã hoàn thành" / "Đúng hạn | Quá hạn"): its words join their column's header.
    for (let c = left; c <= right; c++) {
      const t = tableText(grid, first, c);
      if (t) headers[c] = headers[c] ? `${headers[c]} / ${t}` : t;
    }
    for (const x of extras) x.header = headers[x.col];
    bottom = first;
    first++;
  }
  if (isColumnNumberRow(grid, first, left, right)) first++;
  const headerRows: number[] = [];
  for (let r = cand.top; r <= bottom; r++) headerRows.push(sheetRow(grid, r));
  return {
    sheet: grid.name,
    headerTop: cand.top,
    headerBottom: bottom,
    headerRows,
    columns,
    headers: headers.slice(0, right + 1).map((h, c) => (c < left ? '' : h)),
    extras,
    firstDataRow: first,
  };
}

/**
 * True when row r under a header holds only short sub-header words over columns of no role (a third
 * header row of a tick group: "Đúng hạn | Quá hạn | Trong hạn | Quá hạn"), at least two of them.
 */
function subHeaderRow(grid: Grid, r: number, left: number, right: number, roles: (ColumnRole | null)[]): boolean {
  if (r >= grid.rows.length) return false;
  let n = 0;
  for (let c = left; c <= right; c++) {
    const m = coveringMerge(grid, r, c);
    if (m && m.top < r) continue; // a header cell merged down over this row
    const t = tableText(grid, r, c);
    if (!t) continue;
    if (roles[c] || t.length > 30 || /^[\d\s().,/-]*$/.test(t) || /^[✓✔✗✘x•*+v]$/i.test(t)) return false;
    n++;
  }
  return n >= 2;
}

/** Score of the best header candidate on a sheet (0 = no table); used to pick a workbook's table sheet. */
export function headerScore(grid: Grid): number {
  return bestCandidate(grid)?.score ?? 0;
}

/**
 * Tick-mark status columns: with no "Tiến độ" column, extra columns headed by a
 * status ("Tiến độ" over "Đã hoàn thành | Đang thực hiện | Chưa hoàn thành", or
 * those words as headers) where units put an "x" in the one that applies.
 */
export function tickColumns(layout: TableLayout): { col: number; status: string }[] {
  let ticks = tickCache.get(layout);
  if (!ticks) tickCache.set(layout, ticks = findTicks(layout));
  return ticks;
}

const tickCache = new WeakMap<TableLayout, { col: number; status: string }[]>();

function findTicks(layout: TableLayout): { col: number; status: string }[] {
  if (layout.columns.status !== undefined) return [];
  // Parent and sub-headers are read together: "Đã hoàn thành / Quá hạn" is done late, "Chưa hoàn thành / Trong hạn"
  // open in time. Without a status word in the parent ("Tiến độ / Đang thực hiện"), the sub-header alone says it.
  return layout.extras.flatMap((x) => {
    const parts = x.header.split(' / ');
    // Leading group words that are no status ("Tiến độ", "Kết quả") are dropped from the label.
    while (parts.length > 1 && !parseStatus(parts[0]).recognised) parts.shift();
    const label = parts.join(' / ');
    const s = parseStatus(label);
    return s.recognised && s.progress !== 'unreported' && s.progress !== 'unknown' ? [{ col: x.col, status: label }] : [];
  });
}

/**
 * Issues about the layout itself: no task column → MISSING_COLUMN error (the
 * sheet cannot be read); no lead, deadline or status column → MISSING_COLUMN warning.
 */
export function layoutIssues(layout: TableLayout, file: string): Issue[] {
  const rows = layout.headerRows.join('-');
  const out: Issue[] = [];
  for (const role of ['task', 'lead', 'deadline', 'status'] as const) {
    if (layout.columns[role] !== undefined) continue;
    if (role === 'status' && tickColumns(layout).length) continue;
    const result = role === 'status' && layout.columns.result !== undefined ? layout.headers[layout.columns.result] : '';
    const message = result
      ? `Bảng (tiêu đề ở dòng ${rows}) không có cột "${ROLE_LABELS[role]}": tiến độ được suy ra từ đầu hoặc cuối nội dung cột "${result}" khi nội dung nêu rõ (đánh dấu là suy ra); dòng không nêu rõ tính là chưa báo cáo.`
      : `Bảng (tiêu đề ở dòng ${rows}) không có cột "${ROLE_LABELS[role]}".`;
    out.push(issue('MISSING_COLUMN', message, {
      file, sheet: layout.sheet, row: layout.headerRows[0], severity: role === 'task' ? 'error' : 'warning',
    }));
  }
  return out;
}
