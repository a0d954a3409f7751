/**
 * The domain model every part of tiendo shares: deadlines, progress, VPCP
 * categories, table layouts and tasks. Types only; the functions live in their
 * own small modules (deadline.ts, status.ts, units.ts, classify.ts, table/…).
 */
import type { Issue } from './issue';

/** How a "Thời hạn" cell was understood. */
export type DeadlineKind =
  | 'date' //        31/10/2025, Excel date, "trước ngày …", "10 giờ, ngày 03/10/2025"
  | 'month' //       "Tháng 3/2025", "tháng 6 năm 2025" → last day of month
  | 'quarter' //     "Quý II/2025" → last day of quarter
  | 'half' //        "6 tháng đầu năm 2025" → 30/06
  | 'year' //        "Năm 2025", "2025" → 31/12
  | 'ongoing' //     "Tháng 12/2025 và những năm tiếp theo": first milestone is the due date, then recurring
  | 'recurring' //   "Thực hiện thường xuyên", "Hằng tháng": no due date, never overdue
  | 'none' //        blank cell
  | 'unparsed'; //   text kept verbatim, flagged

export interface Deadline {
  /** The original cell text (dates rendered dd/mm/yyyy). */
  text: string;
  /** ISO date yyyy-mm-dd, or null (recurring, none, unparsed). */
  due: string | null;
  kind: DeadlineKind;
  /**
   * An extension the cell mentions: 'requested' ("đã đề nghị lùi đến 30/11/2025": `due` stays the original date)
   * or 'approved' ("đã được Thủ tướng đồng ý gia hạn đến …": `due` is the new date).
   */
  extension?: { state: 'requested' | 'approved'; originalDue: string | null; newDue: string | null };
}

/**
 * Where a task's progress came from (the JSON's `progressSource`):
 * `typed` a status written in its cell; `tick` a mark under a status column of a tick form;
 * `inferred` read by tiendo from other text (the result text, a phrase with one documented reading), see `progressReason`;
 * `none` nothing reported (progress `unreported`).
 */
export type ProgressSource = 'typed' | 'tick' | 'inferred' | 'none';
export const PROGRESS_SOURCES: readonly ProgressSource[] = ['typed', 'tick', 'inferred', 'none'];

/**
 * Where a task's due date came from (the JSON's `dueSource`):
 * `typed` a deadline written as text ("Tháng 10/2025", "31/10/2025" typed as text);
 * `date-cell` an Excel date value; `extension` an approved extension's new date; `none` no due date.
 */
export type DueSource = 'typed' | 'date-cell' | 'extension' | 'none';

/** Reported progress ("Tiến độ"), normalised. `unknown` = a word tiendo does not recognise (kept verbatim, flagged). */
export type Progress = 'done' | 'done_late' | 'in_progress' | 'not_done' | 'stopped' | 'unreported' | 'unknown';
export const PROGRESS_KEYS: readonly Progress[] = ['done', 'done_late', 'in_progress', 'not_done', 'stopped', 'unreported', 'unknown'];

/** VPCP category of a task at an as-of date (completion × timeliness). */
export type Category = 'done_on_time' | 'done_late' | 'open_in_time' | 'open_overdue' | 'recurring' | 'stopped';
export const CATEGORY_KEYS: readonly Category[] = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'recurring', 'stopped'];

/** What a column of the appendix table means. */
export type ColumnRole = 'stt' | 'task' | 'lead' | 'co' | 'deadline' | 'result' | 'status' | 'note' | 'id';

export type UnitKind = 'ministry' | 'agency' | 'province' | 'city' | 'group';

/** One unit named in a "Đơn vị chủ trì / phối hợp" cell. */
export interface ResolvedUnit {
  /** Canonical registry name, or the text verbatim when unknown. */
  name: string;
  known: boolean;
  kind?: UnitKind;
  /** The pre-merger name the cell used, when it was mapped to a successor. */
  legacy?: string;
  /** Trailing detail kept from the cell, e.g. "03 dịch vụ", "(Nhiệm vụ của Bộ Thông tin và Truyền thông chuyển sang)". */
  note?: string;
  /** A unit below the province named with it ("UBND xã Tân Lập, tỉnh Phú Thọ"): the province or city it is in (canonical). */
  province?: string;
}

export interface UnitResolution {
  text: string;
  units: ResolvedUnit[];
}

/** Where the table is on its sheet. Indices are grid indices (0-based); `headerRows` are 1-based sheet rows. */
export interface TableLayout {
  sheet: string;
  /** First and last grid row of the header block. */
  headerTop: number;
  headerBottom: number;
  /** 1-based sheet rows of the header, for display. */
  headerRows: number[];
  /** Grid column of each recognised role. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Header text of every column in the table span (index = grid column), roles or not. */
  headers: string[];
  /** Grid columns kept as extra data (e.g. "Ghi chú" beyond known roles), by header text. */
  extras: { col: number; header: string }[];
  /** First grid row after the header (a column-number row "(1) (2) (3)" is skipped). */
  firstDataRow: number;
}

/** The progress one lead unit reported for its part of a task written over one row per lead. */
export interface LeadProgress {
  /** Canonical lead unit names joined with "; " (the unit text when unknown). */
  lead: string;
  /** 1-based sheet row of this lead's row. */
  row: number;
  progress: Progress;
  progressText: string;
  progressSource: ProgressSource;
  progressReason?: string;
  resultText: string;
  /** This lead's own category, overdue flag and days late at the as-of date (set when the task is classified). */
  category?: Category;
  overdue?: boolean;
  daysLate?: number | null;
}

/** A task as read from its row, before any as-of date is applied. */
export interface ParsedTask {
  file: string;
  sheet: string;
  /** 1-based sheet row of the task (first row when continuation rows were joined). */
  row: number;
  /** Last sheet row that belongs to this task (continuation rows), when > row. */
  rowEnd?: number;
  stt: string;
  /** Section title the task sits under ("A. Nhiệm vụ chung…" / "Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo"), or null. */
  section: string | null;
  task: string;
  leadUnitText: string;
  leadUnits: ResolvedUnit[];
  coUnitsText: string;
  coUnits: ResolvedUnit[];
  deadline: Deadline;
  resultText: string;
  progressText: string;
  progress: Progress;
  /** Where `progress` came from; anything but `typed`/`none` is shown as inferred in every output. */
  progressSource: ProgressSource;
  /** Why tiendo inferred this progress (Vietnamese, shown to users), when `progressSource` is `tick` or `inferred`. */
  progressReason?: string;
  /** Where `deadline.due` came from. */
  dueSource: DueSource;
  /**
   * One task over several rows, one per lead unit, each with its own status: each lead's own progress (the task's
   * `progress` is the least advanced of those reported). Absent for a task on one row.
   */
  leadProgress?: LeadProgress[];
  /** Other columns (e.g. "Ghi chú"), by header text. */
  extra: Record<string, string>;
  /** Stable ID from a tiendo-distributed workbook's hidden column, if present. */
  taskId: string | null;
  /** A1 address of each role's cell in this row. */
  cells: Partial<Record<ColumnRole, string>>;
  issues: Issue[];
}

/** A task classified at an as-of date. */
export interface Task extends ParsedTask {
  /** Canonical lead unit names joined with "; " (the JSON's `leadUnit`). */
  leadUnit: string;
  asOf: string;
  category: Category;
  /** Not done and due before asOf. */
  overdue: boolean;
  /** Days past due at asOf when overdue, else null. */
  daysLate: number | null;
}

/** The result of reading one sheet (or the chosen sheet of a workbook). */
export interface SheetRead {
  file: string;
  sheet: string | null;
  layout: TableLayout | null;
  tasks: ParsedTask[];
  /** File- and sheet-level issues (NO_TABLE, MISSING_COLUMN, LEGACY_ENCODING…); row issues live on tasks. */
  issues: Issue[];
  /** Grid rows examined below the header, for the "nothing lost" accounting. */
  rowsScanned: number;
  /** The "(Kèm theo …)" line above the table, verbatim, when the sheet has one (where a commune's province may be named). */
  attachedTo?: string;
}
