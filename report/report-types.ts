/**
 * The machine-readable report (`tiendo aggregate --json FILE`, `tong-hop.json`,
 * `tiendo inspect --json`). Field names are a public contract: keep them stable
 * and documented in the README.
 */
import type { Category, Deadline, DueSource, Progress, ProgressSource } from '../core/model';
import type { Issue } from '../core/issue';

export type ProgressCounts = Record<Progress, number>;
export type CategoryCounts = Record<Category, number>;

export interface ReportInput {
  file: string;
  sheet: string | null;
  tasks: number;
  /** Vietnamese message when the file was rejected, else null. */
  error: string | null;
  /** Stable code of the rejection (FILE_NOT_XLSX, NO_TABLE…), else null. */
  errorCode?: string | null;
  /** Rows examined below the header (the "nothing lost" accounting). */
  rows?: number;
  /** Set when this file repeats another file's content (a copy, a re-save): its tasks are counted there (DUPLICATE_FILE). */
  duplicateOf?: string;
}

export type ProgressSourceCounts = Record<ProgressSource, number>;

export interface ReportTotals {
  tasks: number;
  overdue: number;
  progress: ProgressCounts;
  categories: CategoryCounts;
  /** Tasks by where their progress came from (each task once); `tick` and `inferred` are tiendo's reading. */
  progressSources: ProgressSourceCounts;
  /** Tasks where something was written but no status could be read (an unknown word, or a result text without one). */
  unrecognised: number;
}

export interface ReportUnit {
  unit: string;
  tasks: number;
  overdue: number;
  progress: ProgressCounts;
  categories: CategoryCounts;
  /** done + done_late over tasks, 0..1. */
  doneRate: number;
  /** A commune-level lead (UBND xã/phường/đặc khu…): its province or city, from the cell or the return's folder. */
  province?: string;
}

/** Counts per province when the leads are communes (Report.provinces); a lead that is not a commune is its own row. */
export interface ReportProvince {
  province: string;
  tasks: number;
  overdue: number;
  progress: ProgressCounts;
  categories: CategoryCounts;
  doneRate: number;
  /** Communes and wards among this row's leads, each once ("UBND xã X" and "Công an xã X" are one); 0 for a row that is a unit. */
  communes: number;
}

export interface ReportTask {
  file: string;
  sheet: string;
  row: number;
  stt: string;
  section: string | null;
  task: string;
  leadUnit: string;
  leadUnits: string[];
  coUnits: string[];
  deadline: Deadline;
  result: string;
  progressText: string;
  progress: Progress;
  /** Where `progress` came from: `typed` in its cell, `tick` a mark of a tick form, `inferred` by tiendo (see progressReason), `none`. */
  progressSource: ProgressSource;
  /** Why tiendo inferred `progress` (Vietnamese), when progressSource is `tick` or `inferred`. */
  progressReason?: string;
  /** Where `deadline.due` came from: `typed` text, `date-cell` an Excel date, `extension` an approved extension, `none`. */
  dueSource: DueSource;
  category: Category;
  overdue: boolean;
  daysLate: number | null;
  taskId: string | null;
  issues: Issue[];
}

export interface Report {
  asOf: string;
  inputs: ReportInput[];
  totals: ReportTotals;
  units: ReportUnit[];
  /** When most leads are communes or wards: the rollup by province (see ReportUnit.province). */
  provinces?: ReportProvince[];
  tasks: ReportTask[];
  /** File-, sheet- and aggregation-level issues (row issues are on their tasks). */
  issues: Issue[];
  /** Ready-to-paste Vietnamese sentences (also in tom-tat.txt). */
  sentences: string[];
  /** With a `distribute` manifest (--sent): per unit, tasks sent but not returned ("chưa báo cáo"). */
  notReturned?: { unit: string; tasks: number }[];
}
