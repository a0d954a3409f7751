/** Browser-safe rollups (Arquero): shared by the CLI and the add-in. No Node APIs here. */
export { buildReport, fromTasks, mergeReturns, toReportTask, totalsOf, type MergedReturns } from './report';
export { mergeResubmissions, mergeKey } from './merge';
export { taskTable, eachTaskOnce } from './task-table';
export { unitRollup, unitsOf } from './unit-rollup';
export { sectionRollup } from './section-rollup';
export { fileRollup } from './file-rollup';
export { overdueTable, overdueList, type OverdueEntry, type TaskDetail } from './overdue-list';
export { sentences, headline, unitList, type SentenceInput, type UnitCount } from './sentences';
export { checkReturns } from './not-returned';
export { inputOf, rejection } from './inputs';
export { leadUnitsOf } from './units-of';
export { NO_UNIT, type SourceRead, type SentTask, type BuildOptions } from './types';
