/**
 * A read worker's share of the outputs (issue 14): each task's tong-hop.json record, its "Chi tiết" row and its
 * issues' "Cảnh báo" rows, rendered where the task was read, with the same functions the main thread uses
 * (toReportTask, detailValues/issueValues, the writer's inlineCells and the summary workbook's style preset), so the
 * main thread only stitches them together (batch/spool.ts holds them; report/lazy-text.ts tells outputs to use them).
 */
import type { Task } from '../core/model';
import { columnLetter } from '../core/grid';
import { toReportTask } from '../report/report';
import { cellOf, SUMMARY_STYLE_PRESET } from '../report/layout/summary';
import { DETAIL_COLUMNS, ISSUE_COLUMNS, OVERDUE_COLUMNS, detailValues, issueValues, overdueValues } from '../report/layout/summary-tables';
import { ROW_MARK } from '../report/layout/spec';
import { inlineCells, presetStyles } from '../xlsx/writer/body';
import { styleTable } from '../xlsx/writer/styles';

const [DETAIL_STYLES, ISSUE_STYLES, OVERDUE_STYLES] = presetStyles(styleTable(), SUMMARY_STYLE_PRESET);
const DETAIL_LETTERS = DETAIL_COLUMNS.map((_, i) => columnLetter(i + 1));
const ISSUE_LETTERS = ISSUE_COLUMNS.map((_, i) => columnLetter(i + 1));
const OVERDUE_LETTERS = OVERDUE_COLUMNS.map((_, i) => columnLetter(i + 1));

export interface TaskRender {
  json: string;
  detail: string;
  /** One per issue: its "Cảnh báo" cells from the second column (the STT is numbered by the main thread). */
  issues: string[];
  /** An overdue task's "Quá hạn" cells from the second column, else null. */
  overdue: string | null;
}

export function renderTask(t: Task): TaskRender {
  const rt = toReportTask(t);
  const values = detailValues(rt);
  const detail = inlineCells(DETAIL_COLUMNS.map((c, i) => cellOf(c, values[i] ?? null)), 0, DETAIL_LETTERS, DETAIL_STYLES, ROW_MARK);
  const issues = rt.issues.map((x) => {
    const v = issueValues(x);
    return inlineCells([null, ...v.map((value, i) => cellOf(ISSUE_COLUMNS[i + 1], value))], 1, ISSUE_LETTERS, ISSUE_STYLES, ROW_MARK);
  });
  const overdue = rt.overdue
    ? inlineCells([null, ...overdueValues(rt).map((value, i) => cellOf(OVERDUE_COLUMNS[i + 1], value))], 1, OVERDUE_LETTERS, OVERDUE_STYLES, ROW_MARK)
    : null;
  return { json: JSON.stringify(rt), detail, issues, overdue };
}
