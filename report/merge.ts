/**
 * Re-submissions: the same task reported in several files (a corrected file, or
 * the master list and a unit's return) is merged into one. Identity: the task ID
 * of a tiendo-distributed workbook, else the core task key + lead unit.
 */
import { issue, type Issue } from '../core/issue';
import type { Task } from '../core/model';
import { taskKey } from '../core/taskkey';
import { foldKey } from '../core/text/normalize';

export interface DatedTask {
  task: Task;
  /** Modification time of the task's file (ms); missing counts as oldest. */
  mtime: number;
  /** The task's core taskKey when already known (computed once per task; else merge computes it). */
  key?: string;
}

export interface MergeResult {
  tasks: Task[];
  issues: Issue[];
}

/** Stable identity of a task across files. */
export function mergeKey(t: Task): string {
  return t.taskId ? 'id:' + t.taskId : 'key:' + taskKey(t) + '|' + t.leadUnit;
}

/**
 * Merge copies of a task found in different files. The winning file is the newest
 * one whose copy reports something (status or result), ties (within 2 s: a copy or a
 * checkout) broken by the later path; copies within one file are all kept (they are separate rows). Each dropped
 * copy becomes an issue: RESUBMISSION_CONFLICT when both copies report something
 * different, else DUPLICATE_TASK. A task under a group lead ("Các bộ, ngành, địa phương") without
 * an ID is each unit's own report: copies that report something are all kept, only blank copies
 * (the master list's row) and word-for-word repeats of a result are dropped (mergeGroupCopies). With `keepDuplicates` every copy is kept and
 * each later copy gets a DUPLICATE_TASK note. Order of the kept tasks is the input order.
 *
 * @example mergeResubmissions([{task: a, mtime: 1}, {task: aCorrected, mtime: 2}]) // → {tasks: [aCorrected], issues: [RESUBMISSION_CONFLICT]}
 */
export function mergeResubmissions(items: DatedTask[], keepDuplicates = false): MergeResult {
  const dropped = new Set<Task>();
  const issues: Issue[] = [];
  for (const group of groupsAcrossFiles(items)) {
    if (keepDuplicates) {
      issues.push(...keptCopies(group));
      continue;
    }
    const winner = pickWinner(group);
    if (sharedLead(winner.task)) {
      mergeGroupCopies(group, winner, dropped, issues);
      continue;
    }
    for (const g of group) {
      if (g.task.file === winner.task.file) continue;
      dropped.add(g.task);
      issues.push(droppedIssue(g.task, winner.task));
    }
  }
  return { tasks: dropped.size ? items.map((i) => i.task).filter((t) => !dropped.has(t)) : items.map((i) => i.task), issues };
}

/**
 * Copies of one task (same mergeKey) found in two files or more, groups in order of first appearance. A key is computed
 * once per task, and a key seen once (the usual case) costs one Map entry, no array.
 */
function groupsAcrossFiles(items: DatedTask[]): DatedTask[][] {
  const groups = new Map<string, DatedTask | DatedTask[]>();
  const shared = unitsInSeveralFiles(items);
  const keyOf = memoKey();
  for (const it of items) {
    // A task can only be re-submitted when it has an ID or its lead unit reports in several files.
    if (!it.task.taskId && !shared.has(it.task.leadUnit)) continue;
    const k = it.key !== undefined && !it.task.taskId ? 'key:' + it.key + '|' + it.task.leadUnit : keyOf(it.task);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, it);
    else if (Array.isArray(g)) g.push(it);
    else groups.set(k, [g, it]);
  }
  const out: DatedTask[][] = [];
  for (const g of groups.values()) {
    if (Array.isArray(g) && g.some((x) => x.task.file !== g[0].task.file)) out.push(g);
  }
  return out;
}

/** Lead units (as written in `leadUnit`) whose tasks come from two files or more. */
function unitsInSeveralFiles(items: DatedTask[]): Set<string> {
  const fileOf = new Map<string, string>();
  const shared = new Set<string>();
  for (const { task } of items) {
    const f = fileOf.get(task.leadUnit);
    if (f === undefined) fileOf.set(task.leadUnit, task.file);
    else if (f !== task.file) shared.add(task.leadUnit);
  }
  return shared;
}

/** mergeKey with the folded text cached: returns of one distributed list repeat the same wording. */
function memoKey(): (t: Task) => string {
  const cache = new Map<string, string>();
  return (t) => {
    if (t.taskId) return mergeKey(t);
    const raw = (t.section ?? '') + '\u0000' + t.task;
    let k = cache.get(raw);
    if (k === undefined) {
      k = taskKey(t);
      cache.set(raw, k);
    }
    return 'key:' + k + '|' + t.leadUnit;
  };
}

/** A lead shared by many units ("Các bộ, ngành, địa phương", "UBND các xã"): its rows from different files are different reports. */
function sharedLead(t: Task): boolean {
  return !t.taskId && t.leadUnits.some((u) => u.kind === 'group');
}

/**
 * Under a group lead each unit reports its own part: copies that report something are all kept, except
 * a copy saying word for word what a newer copy says (same status and the same non-empty result): the
 * result is the unit's own words, so it is one unit's report sent twice, not two units. Blank copies
 * (the master's row) are absorbed by the winner. Two copies with the same status and no result cannot
 * be told apart from two units' reports and are both kept (a file that is a copy of another file as a
 * whole is dropped earlier, see duplicate-files.ts).
 */
function mergeGroupCopies(group: DatedTask[], winner: DatedTask, dropped: Set<Task>, issues: Issue[]): void {
  const seen = new Map<string, Task>();
  const order = [winner, ...group.filter((g) => g !== winner).sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0))];
  for (const g of order) {
    if (g !== winner && !reports(g.task)) {
      if (g.task.file !== winner.task.file) {
        dropped.add(g.task);
        issues.push(droppedIssue(g.task, winner.task));
      }
      continue;
    }
    const said = g.task.resultText.trim() ? foldKey(g.task.progressText) + '\u0001' + foldKey(g.task.resultText) : null;
    if (said === null) continue;
    const first = seen.get(said);
    if (!first) seen.set(said, g.task);
    else if (first.file !== g.task.file) {
      dropped.add(g.task);
      issues.push(droppedIssue(g.task, first));
    }
  }
}

function reports(t: Task): boolean {
  return t.progress !== 'unreported' || t.resultText.trim() !== '';
}

/** Files written within this many ms of each other (one copy or checkout) count as equally new. */
const SAME_TIME_MS = 2000;

function newer(a: DatedTask, b: DatedTask): boolean {
  if (Math.abs(a.mtime - b.mtime) > SAME_TIME_MS) return a.mtime > b.mtime;
  return a.task.file > b.task.file;
}

function pickWinner(group: DatedTask[]): DatedTask {
  const pool = group.some((g) => reports(g.task)) ? group.filter((g) => reports(g.task)) : group;
  return pool.reduce((best, g) => (newer(g, best) ? g : best));
}

function differs(a: Task, b: Task): string | null {
  if (!reports(a) || !reports(b)) return null;
  // Case, spacing and punctuation are no conflict (a re-typed or re-saved copy): the words are compared.
  if (a.progress !== b.progress || foldKey(a.progressText) !== foldKey(b.progressText)) {
    return `Tiến độ "${a.progressText}" khác "${b.progressText}"`;
  }
  if (foldKey(a.resultText) !== foldKey(b.resultText)) return 'Kết quả thực hiện khác nhau';
  return null;
}

function label(t: Task): string {
  const text = t.task.length > 80 ? t.task.slice(0, 79) + '…' : t.task;
  return `Nhiệm vụ${t.stt ? ' STT ' + t.stt : ''} "${text}"`;
}

function droppedIssue(lost: Task, kept: Task): Issue {
  const at = { file: lost.file, sheet: lost.sheet, row: lost.row };
  const diff = differs(lost, kept);
  const base = `${label(lost)} (${lost.leadUnit}) cũng có trong tệp "${kept.file}" hàng ${kept.row}; dùng bản đó, bỏ bản trong tệp này`;
  return diff
    ? issue('RESUBMISSION_CONFLICT', `${base}. ${diff}.`, { ...at, suggestion: `Kiểm tra lại với bản trong "${kept.file}".` })
    : issue('DUPLICATE_TASK', `${base} (nội dung trùng khớp).`, { ...at, severity: 'info' });
}

function keptCopies(group: DatedTask[]): Issue[] {
  const [first, ...rest] = group;
  return rest
    .filter((g) => g.task.file !== first.task.file)
    .map((g) => issue('DUPLICATE_TASK',
      `${label(g.task)} (${g.task.leadUnit}) cũng có trong tệp "${first.task.file}" hàng ${first.task.row}; giữ cả hai bản (--keep-duplicates).`,
      { file: g.task.file, sheet: g.task.sheet, row: g.task.row, severity: 'info' }));
}
