/**
 * The read every command reports for one workbook (the CLI's workers and the task pane's rollup worker):
 * core readWorkbook plus what the reader noted and a note for each hidden sheet holding a table that was passed over.
 */
import type { Grid } from '../grid';
import { issue, type Issue } from '../issue';
import type { SheetRead } from '../model';
import { headerScore } from './header';
import { readWorkbook } from './read';

/**
 * core readWorkbook plus what the reader noted (XlsxRead.notes) and a note for each hidden sheet
 * holding a table that was passed over: the read every command reports.
 * @example
 * const { grids, error, notes } = readXlsx(bytes, { file });
 * if (!error) console.log(workbookRead(grids, notes, file).issues.map((i) => i.code));
 */
export function workbookRead(grids: Grid[], notes: Issue[] | undefined, file: string): SheetRead {
  const read = readWorkbook(grids, { file });
  const more = [...(notes ?? []), ...hiddenTables(grids, read.sheet, file)];
  if (more.length > 0) read.issues = [...read.issues, ...more];
  return read;
}

/** A note for each hidden sheet that holds a table but was passed over (readWorkbook reads visible sheets first). */
function hiddenTables(grids: Grid[], chosen: string | null, file: string): Issue[] {
  return grids.filter((g) => g.hidden && g.name !== chosen && headerScore(g) > 0).map((g) => issue('HIDDEN_TABLE',
    `Trang tính "${g.name}" bị ẩn nhưng có bảng nhiệm vụ; bảng này không được tổng hợp${chosen ? ` (đã đọc trang tính "${chosen}")` : ''}. Nếu đó là bảng cần nộp, hãy bỏ ẩn trang tính (chuột phải vào tên trang tính → Bỏ ẩn) rồi gửi lại.`,
    { file, sheet: g.name }));
}

