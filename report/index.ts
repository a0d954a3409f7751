/** The report model, browser-safe (Arquero): every face (CLI, sheet layouts, add-in, scripting API) renders it. No Node APIs here. */
export { buildReport, fromTasks, mergeReturns, provenanceOf, toReportTask, totalsOf, type MergedReturns } from './report';
export { mergeResubmissions, mergeKey } from './merge';
export { taskTable, eachTaskOnce } from './task-table';
export { unitRollup, unitsOf } from './unit-rollup';
export { sectionRollup } from './section-rollup';
export { fileRollup } from './file-rollup';
export { overdueTable, overdueList, reportOverdue, type OverdueEntry, type OverdueRow, type TaskDetail } from './overdue-list';
export { sentences, headline, unitList, provenanceClause, MAX_UNITS_NAMED, type SentenceInput, type UnitCount } from './sentences';
export { isDone, doneOf, doneRate, isInferred, isUnrecognised, isDueSoon } from './rules';
export { countLines, dueSoonCount, type CountLine } from './count-lines';
export * as labels from './labels';
export { checkReturns } from './not-returned';
export { inputOf, rejection } from './inputs';
export { leadUnitsOf } from './units-of';
export { NO_UNIT, type SourceRead, type SentTask, type BuildOptions } from './types';
