/** buildReport: every input file → the Report (totals, units, tasks, inputs, issues, sentences). */
import type { ColumnTable } from 'arquero';
import type { Issue } from '../core/issue';
import type { Progress, ProgressSource, Task } from '../core/model';
import { classifyRead } from '../core/table/read';
import type { Report, ReportTask, ReportTotals } from './report-types';
import { categoriesOf, rollupCounts, emptyCategories, emptyProgress, emptySources, progressOf } from './counts';
import { isUnrecognised } from './rules';
import { addForward, isLazy, renderingOf, setRendering } from './lazy-text';
import { inputOf, rejection } from './inputs';
import { findDuplicateFiles } from './duplicate-files';
import { mergeResubmissions } from './merge';
import { checkReturns, countByUnit } from './not-returned';
import { sentences } from './sentences';
import { eachTaskOnceRows, taskTable } from './task-table';
import type { BuildOptions, SourceRead } from './types';
import { unitRollup, unitsOf } from './unit-rollup';
import { compareVi } from './units-of';
import { byProvince, communeProvinces, provinceRollup } from './provinces';
import { communeVariants } from './unit-variants';

/**
 * Aggregate read workbooks into the report. Rejected files appear in `inputs`
 * with their reason; re-submitted tasks are merged (see mergeResubmissions);
 * a task led by several units counts once for each unit and once in totals.
 *
 * @example
 * const report = buildReport({ asOf: '2025-11-15', sources: await readFiles(paths) });
 * report.sentences[0] // "Đã hoàn thành 13/49 (26,5%) nhiệm vụ, …"
 */
export function buildReport(opts: BuildOptions): Report {
  const merged = mergeReturns(opts);
  const attached = new Map<string, string>();
  for (const s of opts.sources) if (s.read?.attachedTo) attached.set(s.file, s.read.attachedTo);
  const report = fromTasks(opts.asOf, merged.tasks, attached);
  opts.onPhase?.('rollups');
  if (merged.notReturned) report.notReturned = merged.notReturned;
  report.inputs = opts.sources.map((s) => inputOf(s, merged.duplicateOf.get(s.file)));
  report.issues = [...merged.issues, ...spellingIssues(report, merged.tasks)];
  report.sentences = sentences(report);
  return report;
}

/** UNIT_VARIANT for one commune spelt differently by the returns of its province (report/unit-variants.ts). */
function spellingIssues(report: Report, tasks: readonly Task[]): Issue[] {
  const communes = new Map<string, string>();
  const count = new Map<string, number>();
  for (const u of report.units) {
    count.set(u.unit, u.tasks);
    if (u.province) communes.set(u.unit, u.province);
  }
  if (communes.size < 2) return [];
  // The files of a spelling, gathered only when some spelling has a twin.
  let files: Map<string, Set<string>> | null = null;
  const filesOf = (unit: string): string[] => {
    if (!files) {
      files = new Map();
      for (const t of tasks) {
        for (const u of t.leadUnits) {
          let set = files.get(u.name);
          if (!set) files.set(u.name, (set = new Set()));
          set.add(t.file);
        }
      }
    }
    return [...(files.get(unit) ?? [])];
  };
  return communeVariants(communes, (u) => count.get(u) ?? 0, filesOf);
}

/** The tasks of every source after classifying, merging re-submissions and checking a `distribute` manifest. */
export interface MergedReturns {
  /** Kept tasks, in input order (with NOT_RETURNED-check issues added when `sent` was given). */
  tasks: Task[];
  /** File-, sheet- and aggregation-level issues (row issues stay on their tasks). */
  issues: Issue[];
  /** With `sent`: per unit, tasks sent but not returned, in Vietnamese alphabetical order. */
  notReturned?: { unit: string; tasks: number }[];
  /** Files whose tasks repeat another file's word for word (DUPLICATE_FILE): file → the file kept. */
  duplicateOf: Map<string, string>;
}

/**
 * The merge rules of `aggregate` without the rollups: what buildReport counts, and what the scripting
 * API (api/) hands to an analyst as a table.
 */
export function mergeReturns(opts: BuildOptions): MergedReturns {
  const { asOf, sources } = opts;
  const phase = opts.onPhase ?? ((): void => undefined);
  const perSource = sources.map((s) => tasksOf(s, asOf));
  phase('classify');
  // The same return twice (a copy, a re-save, a renamed file) counts once: see duplicate-files.ts.
  const dup = findDuplicateFiles(sources.map((s, i) => ({ file: s.file, tasks: perSource[i], mtime: s.mtime ?? 0, keys: s.tasks ? s.keys : undefined, hash: s.tasks ? s.hash : undefined })), opts.keepDuplicates);
  const dated = sources.flatMap((s, si) => (dup.duplicateOf.has(s.file) ? [] : perSource[si].map((task, i) => ({ task, mtime: s.mtime ?? 0, key: s.tasks ? s.keys?.[i] : undefined }))));
  phase('duplicate files');
  const merged = mergeResubmissions(dated, opts.keepDuplicates);
  phase('merge');
  let tasks = merged.tasks;
  const issues: Issue[] = [...sources.flatMap(sourceIssues), ...dup.issues, ...merged.issues];
  if (!opts.sent) return { tasks, issues, duplicateOf: dup.duplicateOf };
  const check = checkReturns(opts.sent, tasks);
  tasks = tasks.map((t) => withIssue(t, check.taskIssues.get(t) ?? null));
  issues.push(...check.issues);
  const notReturned = [...countByUnit(check.missing)]
    .map(([unit, n]) => ({ unit, tasks: n }))
    .sort((a, b) => compareVi(a.unit, b.unit));
  return { tasks, issues, notReturned, duplicateOf: dup.duplicateOf };
}

/**
 * The report of already-merged tasks (no inputs or file issues): totals, units, tasks, sentences.
 * `attached`: file → its "(Kèm theo …)" line, where a commune's province may be named (provinces.ts).
 */
export function fromTasks(asOf: string, tasks: Task[], attached?: ReadonlyMap<string, string>): Report {
  const table = taskTable(tasks);
  const units = unitsOf(unitRollup(table));
  const communes = communeProvinces(tasks, attached);
  for (const u of units) {
    const p = communes.get(u.unit);
    if (p) u.province = p;
  }
  const report: Report = {
    asOf,
    inputs: [],
    totals: totalsOf(table, provenanceOf(tasks)),
    units,
    ...(byProvince(units.length, communes, units.map((u) => u.unit)) ? { provinces: provinceRollup(table, communes) } : {}),
    tasks: tasks.map(toReportTask),
    issues: [],
    sentences: [],
  };
  report.sentences = sentences(report);
  return report;
}

function tasksOf(s: SourceRead, asOf: string): Task[] {
  if (s.tasks) return s.tasks;
  if (!s.read || rejection(s)) return [];
  return classifyRead(s.read, asOf);
}

function sourceIssues(s: SourceRead): Issue[] {
  const err = rejection(s);
  if (err) return [err];
  return s.read?.issues ?? [];
}

/** Totals of a taskTable(): each task once, whatever its number of lead units, with the provenance counts of its tasks. */
export function totalsOf(table: ColumnTable, provenance: Pick<ReportTotals, 'progressSources' | 'unrecognised'>): ReportTotals {
  const extra = { progressSources: provenance.progressSources, unrecognised: provenance.unrecognised };
  if (!table.numRows()) return { tasks: 0, overdue: 0, progress: emptyProgress(), categories: emptyCategories(), ...extra };
  const row = rollupCounts(table, [], {}, eachTaskOnceRows(table)).object() as Record<string, unknown>;
  return { tasks: Number(row.tasks), overdue: Number(row.overdue), progress: progressOf(row), categories: categoriesOf(row), ...extra };
}

/** How many tasks' progress was typed, read from ticks, inferred or absent, and how many tiendo could not read. */
export function provenanceOf(tasks: readonly { progress: Progress; progressSource?: ProgressSource; resultText: string }[]): Pick<ReportTotals, 'progressSources' | 'unrecognised'> {
  const progressSources = emptySources();
  let unrecognised = 0;
  for (const t of tasks) {
    progressSources[t.progressSource ?? (t.progress === 'unreported' ? 'none' : 'typed')]++;
    // Only an unreported task's result text matters (isUnrecognised): read it only then (it may be on disk).
    if (t.progress === 'unknown' || (t.progress === 'unreported' && isUnrecognised({ progress: t.progress, result: t.resultText }))) unrecognised++;
  }
  return { progressSources, unrecognised };
}

function withIssue(t: Task, extra: Issue | null): Task {
  return extra ? { ...t, issues: [...t.issues, extra] } : t;
}


export function toReportTask(t: Task): ReportTask {
  if (isLazy(t, 'task')) return lazyReportTask(t);
  const leadUnits = names(t.leadUnits), coUnits = names(t.coUnits);
  let out: ReportTask;
  // Two literals rather than a spread of `progressReason`: the same keys in the same order (the JSON's), without
  // building and copying a throwaway object for each of 200,000 tasks.
  if (t.progressReason) {
    out = {
      file: t.file, sheet: t.sheet, row: t.row, stt: t.stt, section: t.section, task: t.task, leadUnit: t.leadUnit, leadUnits, coUnits,
      deadline: t.deadline, result: t.resultText, progressText: t.progressText, progress: t.progress, progressSource: t.progressSource,
      progressReason: t.progressReason,
      dueSource: t.dueSource, category: t.category, overdue: t.overdue, daysLate: t.daysLate, taskId: t.taskId, issues: t.issues,
    };
  } else {
    out = {
      file: t.file, sheet: t.sheet, row: t.row, stt: t.stt, section: t.section, task: t.task, leadUnit: t.leadUnit, leadUnits, coUnits,
      deadline: t.deadline, result: t.resultText, progressText: t.progressText, progress: t.progress, progressSource: t.progressSource,
      dueSource: t.dueSource, category: t.category, overdue: t.overdue, daysLate: t.daysLate, taskId: t.taskId, issues: t.issues,
    };
  }
  const rendered = renderingOf(t);
  if (rendered) setRendering(out, rendered);
  return out;
}

/**
 * toReportTask of a Task whose texts are on disk (batch/spool.ts): the same keys in the same order, the texts
 * forwarded (added property by property: objects built alike share one hidden class).
 */
function lazyReportTask(t: Task): ReportTask {
  const o: Record<string, unknown> = {};
  o.file = t.file;
  o.sheet = t.sheet;
  o.row = t.row;
  o.stt = t.stt;
  o.section = t.section;
  addForward(o, t, 'task', 'task');
  o.leadUnit = t.leadUnit;
  o.leadUnits = names(t.leadUnits);
  o.coUnits = names(t.coUnits);
  o.deadline = t.deadline;
  addForward(o, null, 'result', 'resultText');
  o.progressText = t.progressText;
  o.progress = t.progress;
  o.progressSource = t.progressSource;
  if (t.progressReason) o.progressReason = t.progressReason;
  o.dueSource = t.dueSource;
  o.category = t.category;
  o.overdue = t.overdue;
  o.daysLate = t.daysLate;
  o.taskId = t.taskId;
  o.issues = t.issues;
  const out = o as unknown as ReportTask;
  const rendered = renderingOf(t);
  if (rendered) setRendering(out, rendered);
  return out;
}

function names(units: readonly { name: string }[]): string[] {
  const out = new Array<string>(units.length);
  for (let k = 0; k < units.length; k++) out[k] = units[k].name;
  return out;
}
