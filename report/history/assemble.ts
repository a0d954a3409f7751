/**
 * The comparison from the store's query results (history/compare.ts): task changes, issues for
 * ambiguous matches and unapproved extensions, scores and ranks, sentences. Pure: no SQL here.
 */
import { formatDateVi } from '../../core/format';
import { issue, type Issue } from '../../core/issue';
import type { Progress } from '../../core/model';
import { compareVi } from '../units-of';
import { unitScores, type ScoreWeights } from './score';
import { historySentences, periodVi } from './sentences';
import {
  COUNT_KEYS, type Change, type ChangeCounts, type HistoryComparison, type Period, type ScoreCounts, type TaskChange, type UnitChanges,
} from './types';

type Flagged = Record<'newly_done' | 'newly_overdue' | 'still_overdue' | 'is_new' | 'is_missing' | 'deadline_changed' | 'no_plan' | 'due_30' | 'due_year_end', boolean>;

/** One row of the comparison table (matched or new or missing task). */
export interface RawTask extends Flagged {
  match_key: string;
  task_id: string | null;
  task_key: string;
  lead_unit: string;
  stt: string;
  task: string;
  change: Exclude<Change, 'ambiguous'>;
  streak: number;
  progress: Progress | null;
  prev_progress: Progress | null;
  due: string | null;
  prev_due: string | null;
  deadline_text: string | null;
  prev_deadline_text: string | null;
  overdue: boolean;
  unapproved_extension: boolean | null;
  file: string;
  sheet: string;
  row: number;
}

/** A row whose key is held by several rows of this or the previous period. */
export interface RawAmbiguous {
  side: 'cur' | 'prev';
  match_key: string;
  period: Period;
  task_id: string | null;
  task_key: string;
  lead_unit: string;
  stt: string;
  task: string;
  progress: Progress;
  due: string | null;
  deadline_text: string;
  overdue: boolean;
  file: string;
  sheet: string;
  row: number;
  streak: number;
}

export interface RawScoreCounts extends ScoreCounts {
  period: Period;
  unit: string;
}

export interface RawComparison {
  period: Period;
  previous: Period | null;
  asOf: string | null;
  previousAsOf: string | null;
  periods: Period[];
  totals: ChangeCounts;
  units: UnitChanges[];
  tasks: RawTask[];
  ambiguous: RawAmbiguous[];
  scoreCounts: RawScoreCounts[];
}

const FLAG_OF: Record<keyof ChangeCounts, keyof Flagged> = {
  newlyDone: 'newly_done', newlyOverdue: 'newly_overdue', stillOverdue: 'still_overdue', newTasks: 'is_new',
  missingTasks: 'is_missing', deadlineChanged: 'deadline_changed', noRecoveryPlan: 'no_plan',
  dueWithin30Days: 'due_30', dueByYearEnd: 'due_year_end',
};

function taskChange(r: RawTask): TaskChange {
  const missing = r.change === 'missing';
  return {
    taskId: r.task_id, taskKey: r.task_key, leadUnit: r.lead_unit, stt: r.stt, task: r.task,
    change: r.change, overdueStreak: r.streak,
    progress: missing ? null : r.progress, previousProgress: r.prev_progress,
    due: r.due, previousDue: r.prev_due, deadlineText: r.deadline_text, previousDeadlineText: r.prev_deadline_text,
    overdue: r.overdue, noRecoveryPlan: r.no_plan,
    flags: COUNT_KEYS.filter((k) => r[FLAG_OF[k]]),
    file: r.file, row: r.row,
  };
}

function ambiguousChange(r: RawAmbiguous): TaskChange {
  const cur = r.side === 'cur';
  return {
    taskId: r.task_id, taskKey: r.task_key, leadUnit: r.lead_unit, stt: r.stt, task: r.task,
    change: 'ambiguous', overdueStreak: cur ? r.streak : 0,
    progress: cur ? r.progress : null, previousProgress: cur ? null : r.progress,
    due: cur ? r.due : null, previousDue: cur ? null : r.due,
    deadlineText: cur ? r.deadline_text : null, previousDeadlineText: cur ? null : r.deadline_text,
    overdue: cur && r.overdue, noRecoveryPlan: false, flags: [], file: r.file, row: r.row,
  };
}

const short = (s: string): string => (s.length > 80 ? s.slice(0, 77) + '…' : s);

function ambiguityIssues(rows: RawAmbiguous[]): Issue[] {
  const groups = new Map<string, RawAmbiguous[]>();
  for (const r of rows) {
    const k = `${r.side}\u0000${r.match_key}`;
    const g = groups.get(k);
    if (g) g.push(r); else groups.set(k, [r]);
  }
  const out: Issue[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue; // the key is ambiguous in the other period only
    const first = g[0];
    const where = g.map((r) => `${r.file} dòng ${r.row}`).join('; ');
    const what = first.task_id ? `cùng mã nhiệm vụ ${first.task_id}` : `cùng đơn vị chủ trì (${first.lead_unit}) và nội dung “${short(first.task)}”`;
    out.push(issue('HISTORY_AMBIGUOUS_MATCH',
      `Kỳ ${periodVi(first.period)}: ${g.length} nhiệm vụ ${what} (${where}); không xác định được nhiệm vụ nào tương ứng ở kỳ khác, `
      + 'nên không so sánh các nhiệm vụ này; cần kiểm tra.', { file: first.file, sheet: first.sheet, row: first.row }));
  }
  return out;
}

function extensionIssue(r: RawTask, previous: Period | null): Issue {
  const before = r.prev_due ? formatDateVi(r.prev_due) : `“${r.prev_deadline_text ?? ''}”`;
  const after = r.due ? formatDateVi(r.due) : `“${r.deadline_text ?? ''}”`;
  return issue('DEADLINE_CHANGED_UNAPPROVED',
    `Nhiệm vụ STT ${r.stt} “${short(r.task)}” (${r.lead_unit}): thời hạn đổi từ ${before}${previous ? ` (kỳ ${periodVi(previous)})` : ''} `
    + `sang ${after} nhưng không thấy ghi nhận gia hạn; cần kiểm tra văn bản cho phép điều chỉnh thời hạn.`,
    { file: r.file, sheet: r.sheet, row: r.row });
}

function countsByUnit(rows: RawScoreCounts[], period: Period | null): Map<string, ScoreCounts> | null {
  if (!period) return null;
  const m = new Map<string, ScoreCounts>();
  for (const { period: p, unit, ...c } of rows) if (p === period) m.set(unit, c);
  return m;
}

export function assemble(raw: RawComparison, weights: ScoreWeights): HistoryComparison {
  const ambiguousKeysNow = new Set(raw.ambiguous.filter((r) => r.side === 'cur').map((r) => r.match_key));
  const tasks = [
    ...raw.tasks.map(taskChange),
    ...raw.ambiguous.filter((r) => r.side === 'cur' || !ambiguousKeysNow.has(r.match_key)).map(ambiguousChange),
  ];
  const issues = [
    ...ambiguityIssues(raw.ambiguous),
    ...raw.tasks.filter((r) => r.unapproved_extension).map((r) => extensionIssue(r, raw.previous)),
  ];
  const units = raw.units.slice().sort((a, b) => compareVi(a.unit, b.unit));
  const scores = unitScores(raw.period, countsByUnit(raw.scoreCounts, raw.period) ?? new Map(), countsByUnit(raw.scoreCounts, raw.previous), weights);
  const cmp: HistoryComparison = {
    period: raw.period, previous: raw.previous, asOf: raw.asOf ?? '', previousAsOf: raw.previousAsOf,
    periods: raw.periods, changes: raw.totals, units, tasks, scores, issues, sentences: [],
  };
  cmp.sentences = historySentences(cmp);
  return cmp;
}
