/** buildReport: every input file → the Report (totals, units, tasks, inputs, issues, sentences). */
import type { ColumnTable } from 'arquero';
import type { Issue } from '../core/issue';
import type { Task } from '../core/model';
import { classifyRead } from '../core/table/read';
import type { Report, ReportTask, ReportTotals } from './report-types';
import { categoriesOf, countExprs, emptyCategories, emptyProgress, emptySources, progressOf } from './counts';
import { isUnrecognised } from './rules';
import { inputOf, rejection } from './inputs';
import { mergeResubmissions } from './merge';
import { checkReturns, countByUnit } from './not-returned';
import { sentences } from './sentences';
import { eachTaskOnce, taskTable } from './task-table';
import type { BuildOptions, SourceRead } from './types';
import { unitRollup, unitsOf } from './unit-rollup';
import { compareVi } from './units-of';

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
  const { asOf, sources } = opts;
  const phase = opts.onPhase ?? ((): void => undefined);
  const dated = sources.flatMap((s) => tasksOf(s, asOf).map((task, i) => ({ task, mtime: s.mtime ?? 0, key: s.tasks ? s.keys?.[i] : undefined })));
  phase('classify');
  const merged = mergeResubmissions(dated, opts.keepDuplicates);
  phase('merge');
  let tasks = merged.tasks;
  const issues: Issue[] = [...sources.flatMap(sourceIssues), ...merged.issues];
  const report = fromTasks(asOf, tasks);
  phase('rollups');
  if (opts.sent) {
    const check = checkReturns(opts.sent, tasks);
    tasks = tasks.map((t) => withIssue(t, check.taskIssues.get(t) ?? null));
    report.tasks = tasks.map(toReportTask);
    issues.push(...check.issues);
    report.notReturned = [...countByUnit(check.missing)]
      .map(([unit, n]) => ({ unit, tasks: n }))
      .sort((a, b) => compareVi(a.unit, b.unit));
  }
  report.inputs = sources.map(inputOf);
  report.issues = issues;
  report.sentences = sentences(report);
  return report;
}

/** The report of already-merged tasks (no inputs or file issues): totals, units, tasks, sentences. */
export function fromTasks(asOf: string, tasks: Task[]): Report {
  const table = taskTable(tasks);
  const report: Report = {
    asOf,
    inputs: [],
    totals: totalsOf(table, tasks),
    units: unitsOf(unitRollup(table)),
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

function totalsOf(table: ColumnTable, tasks: Task[]): ReportTotals {
  const { progressSources, unrecognised } = provenanceOf(tasks);
  if (!table.numRows()) return { tasks: 0, overdue: 0, progress: emptyProgress(), categories: emptyCategories(), progressSources, unrecognised };
  const row = eachTaskOnce(table).rollup(countExprs()).object() as Record<string, unknown>;
  return { tasks: Number(row.tasks), overdue: Number(row.overdue), progress: progressOf(row), categories: categoriesOf(row), progressSources, unrecognised };
}

/** Tasks by progress source, and how many had something written but no readable status (see rules.ts). */
function provenanceOf(tasks: Task[]): Pick<ReportTotals, 'progressSources' | 'unrecognised'> {
  const progressSources = emptySources();
  let unrecognised = 0;
  for (const t of tasks) {
    progressSources[t.progressSource ?? (t.progress === 'unreported' ? 'none' : 'typed')]++;
    if (isUnrecognised({ progress: t.progress, result: t.resultText })) unrecognised++;
  }
  return { progressSources, unrecognised };
}

function withIssue(t: Task, extra: Issue | null): Task {
  return extra ? { ...t, issues: [...t.issues, extra] } : t;
}

export function toReportTask(t: Task): ReportTask {
  return {
    file: t.file,
    sheet: t.sheet,
    row: t.row,
    stt: t.stt,
    section: t.section,
    task: t.task,
    leadUnit: t.leadUnit,
    leadUnits: t.leadUnits.map((u) => u.name),
    coUnits: t.coUnits.map((u) => u.name),
    deadline: t.deadline,
    result: t.resultText,
    progressText: t.progressText,
    progress: t.progress,
    progressSource: t.progressSource,
    ...(t.progressReason ? { progressReason: t.progressReason } : {}),
    dueSource: t.dueSource,
    category: t.category,
    overdue: t.overdue,
    daysLate: t.daysLate,
    taskId: t.taskId,
    issues: t.issues,
  };
}
