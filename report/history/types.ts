/**
 * The period-history contract (`tiendo so-sanh --json`, `bien-dong.json` beside tong-hop.xlsx).
 * Field names are public: keep them stable and documented in docs/lich-su.md.
 */
import type { Category, DueSource, Progress } from '../../core/model';
import type { Issue } from '../../core/issue';

/** A reporting period ("kỳ báo cáo"): a calendar month, `YYYY-MM`. */
export type Period = string;

/** True for a well-formed period `YYYY-MM` (month 01..12). */
export function isPeriod(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/**
 * One task of one period as stored in the history (one Parquet row; column names in snake_case there).
 * `matchKey` is how the same task is found in another period: `id:<tiendo ID>` when it has one,
 * otherwise `<lead units>|<task key>`.
 */
export interface HistoryRow {
  period: Period;
  asOf: string;
  matchKey: string;
  taskId: string | null;
  taskKey: string;
  leadUnit: string;
  leadUnits: string[];
  stt: string;
  section: string | null;
  task: string;
  deadlineText: string;
  due: string | null;
  dueSource: DueSource | null;
  progress: Progress;
  progressText: string;
  category: Category;
  overdue: boolean;
  daysLate: number | null;
  result: string;
  /** The result text gives a plan or a new date (report/history/plan.ts). */
  hasPlan: boolean;
  /** The deadline or result text speaks of an extension ("gia hạn", "điều chỉnh thời hạn"). */
  extensionNoted: boolean;
  file: string;
  sheet: string;
  row: number;
}

/** One label per task; the counts in `changes` follow their own definitions (a task can count twice). */
export type Change = 'newly_done' | 'newly_overdue' | 'still_overdue' | 'new' | 'missing' | 'deadline_changed' | 'unchanged' | 'ambiguous';
export const CHANGES: readonly Change[] = ['newly_done', 'newly_overdue', 'still_overdue', 'new', 'missing', 'deadline_changed', 'unchanged', 'ambiguous'];

/** The counts of one comparison, overall or for one unit. */
export interface ChangeCounts {
  /** Done or done late now, not done in the previous period (present in both). */
  newlyDone: number;
  /** Overdue now, not overdue or absent before. */
  newlyOverdue: number;
  /** Overdue in both periods. */
  stillOverdue: number;
  /** Present now, absent before. */
  newTasks: number;
  /** Present before, absent from this period's returns. */
  missingTasks: number;
  /** Present in both, due date (or deadline text when neither has a date) differs. */
  deadlineChanged: number;
  /** Overdue now and the result gives no plan or new date ("chưa báo cáo lộ trình khắc phục"). */
  noRecoveryPlan: number;
  /** Not done, not overdue, due within 30 days of the as-of date. */
  dueWithin30Days: number;
  /** Not done, not overdue, due by 31/12 of the as-of year. */
  dueByYearEnd: number;
}

export const COUNT_KEYS: readonly (keyof ChangeCounts)[] = [
  'newlyDone', 'newlyOverdue', 'stillOverdue', 'newTasks', 'missingTasks', 'deadlineChanged', 'noRecoveryPlan', 'dueWithin30Days', 'dueByYearEnd',
];

export interface UnitChanges extends ChangeCounts {
  unit: string;
  /** Still-overdue tasks whose streak is at least 2 periods, listed in the sentences ("quá hạn kéo dài"). */
  chronicOverdue: number;
}

export interface TaskChange {
  taskId: string | null;
  taskKey: string;
  leadUnit: string;
  stt: string;
  task: string;
  change: Change;
  /** Consecutive periods, this one included, in which the task was overdue (0 when not overdue now). */
  overdueStreak: number;
  progress: Progress | null;
  previousProgress: Progress | null;
  due: string | null;
  previousDue: string | null;
  deadlineText: string | null;
  previousDeadlineText: string | null;
  overdue: boolean;
  /** Overdue now with no plan or new date in the result. */
  noRecoveryPlan: boolean;
  /** The flags behind `changes` for this task. */
  flags: (keyof ChangeCounts)[];
  /** Where the row is (this period's file, or the previous one's for a missing task). */
  file: string;
  row: number;
}

/** Per-unit category counts a score is computed from (tasks led by the unit, recurring and stopped left out). */
export interface ScoreCounts {
  doneOnTime: number;
  doneLate: number;
  /** Open, in time, progress reported. */
  openInTime: number;
  /** Open, overdue, progress reported. */
  openOverdue: number;
  /** Open with a blank "Tiến độ" (in time or overdue). */
  unreported: number;
  /** Open overdue tasks (reported or not) whose overdue streak reaches `chronicFromPeriods`. */
  chronicOverdue: number;
}

export interface UnitScore {
  unit: string;
  period: Period;
  /** 0..100 with one decimal; null when the unit has no scored task. */
  score: number | null;
  /** 1 = best; ties share a rank (1, 2, 2, 4); null when unscored. */
  rank: number | null;
  previousScore: number | null;
  previousRank: number | null;
  /** previousRank - rank: positive = moved up; null when either is missing. */
  rankChange: number | null;
  /** Tasks scored (done on time + done late + open in time + open overdue + unreported). */
  tasks: number;
  counts: ScoreCounts;
}

export interface HistoryComparison {
  period: Period;
  previous: Period | null;
  asOf: string;
  previousAsOf: string | null;
  /** Every period in the store up to this one, oldest first (the streaks count over these). */
  periods: Period[];
  changes: ChangeCounts;
  units: UnitChanges[];
  tasks: TaskChange[];
  scores: UnitScore[];
  /** Ambiguous matches, unapproved deadline extensions. */
  issues: Issue[];
  sentences: string[];
}
