/**
 * Data problems are values, never exceptions: each is a coded issue attached to
 * the file, sheet and row (and cell where known). Codes are stable: reports, the
 * add-in and tests key on them. Messages are Vietnamese, for the user.
 */

export type IssueCode =
  // file level: the file could not be read or holds no table
  | 'FILE_NOT_FOUND'
  | 'FILE_NOT_XLSX'
  | 'FILE_LEGACY_XLS'
  | 'FILE_LEGACY_DOC'
  // look-alikes beside the workbooks: a CSV, an OpenDocument spreadsheet, a PDF; FILE_WORD: Word content under
  // a spreadsheet's name (read as Word by batch/read-grids.ts, so it only surfaces where Word is not read)
  | 'FILE_CSV'
  | 'FILE_ODS'
  | 'FILE_WORD'
  | 'FILE_PDF'
  | 'FILE_ENCRYPTED'
  | 'FILE_TRUNCATED'
  | 'FILE_CORRUPT'
  | 'FILE_TOO_LARGE'
  | 'FILE_TOO_SLOW'
  | 'FILE_EMPTY'
  | 'NO_TABLE'
  | 'MISSING_COLUMN'
  // file level, read but worth saying: what the reader met and how it handled it
  | 'SHARED_SHEET_PART'
  | 'HIDDEN_TABLE'
  | 'CELL_TOO_LONG'
  | 'INVALID_CHARACTER'
  // row level
  | 'ROW_NOT_TASK'
  | 'ROW_AFTER_TABLE'
  | 'NO_TASK_TEXT'
  | 'NO_DEADLINE'
  | 'DEADLINE_UNPARSED'
  | 'DEADLINE_MAYBE_SWAPPED'
  | 'UNKNOWN_STATUS'
  | 'NO_STATUS'
  | 'NO_LEAD_UNIT'
  | 'UNKNOWN_UNIT'
  | 'LEGACY_UNIT'
  | 'UNIT_VARIANT'
  | 'DUPLICATE_STT'
  | 'STT_OUT_OF_ORDER'
  | 'OVERDUE_IN_PROGRESS'
  | 'LONG_OVERDUE'
  | 'DONE_AFTER_DEADLINE'
  | 'DONE_SUGGESTED'
  | 'DONE_LATE_BUT_ON_TIME'
  | 'LEGACY_ENCODING'
  | 'FORMULA_TEXT'
  | 'TICK_CONFLICT'
  | 'TICK_CONTRADICTS_DEADLINE'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_APPROVED'
  | 'MULTI_LEAD_PROGRESS'
  | 'SHEET_NOT_READ'
  // aggregation level
  | 'DUPLICATE_FILE'
  | 'DUPLICATE_TASK'
  | 'RESUBMISSION_CONFLICT'
  | 'NO_TASK_ID'
  | 'UNKNOWN_TASK_ID'
  | 'NOT_RETURNED'
  // conclusion notice → master appendix (trich-xuat)
  | 'LEAD_FROM_HEADING'
  | 'TWO_DEADLINES'
  | 'MAYBE_TWO_TASKS'
  // history level (tiendo so-sanh, aggregate --lich-su)
  | 'HISTORY_AMBIGUOUS_MATCH'
  | 'DEADLINE_CHANGED_UNAPPROVED';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Vietnamese message for the user, naming the cell where there is one. */
  message: string;
  file?: string;
  sheet?: string;
  /** 1-based sheet row. */
  row?: number;
  /** A1 address of the cell concerned, e.g. "G12". */
  cell?: string;
  /** A proposed correction, offered to the user and never applied silently. */
  suggestion?: string;
}

/** Build an issue; severity defaults by code. */
export function issue(code: IssueCode, message: string, at: Omit<Issue, 'code' | 'message' | 'severity'> & { severity?: Severity } = {}): Issue {
  const { severity, ...rest } = at;
  return { code, severity: severity ?? defaultSeverity(code), message, ...rest };
}

const ERRORS: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'FILE_NOT_FOUND', 'FILE_NOT_XLSX', 'FILE_LEGACY_XLS', 'FILE_LEGACY_DOC', 'FILE_CSV', 'FILE_ODS', 'FILE_WORD', 'FILE_PDF',
  'FILE_ENCRYPTED', 'FILE_TRUNCATED', 'FILE_CORRUPT',
  'FILE_TOO_LARGE', 'FILE_TOO_SLOW', 'FILE_EMPTY', 'NO_TABLE', 'MISSING_COLUMN',
]);
const INFOS: ReadonlySet<IssueCode> = new Set<IssueCode>(['LONG_OVERDUE', 'LEGACY_ENCODING', 'LEGACY_UNIT', 'DONE_SUGGESTED', 'ROW_NOT_TASK', 'LEAD_FROM_HEADING', 'MAYBE_TWO_TASKS', 'SHARED_SHEET_PART', 'HIDDEN_TABLE']);

function defaultSeverity(code: IssueCode): Severity {
  if (ERRORS.has(code)) return 'error';
  if (INFOS.has(code)) return 'info';
  return 'warning';
}
