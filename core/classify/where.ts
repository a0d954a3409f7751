/** Where a task's issue points: file, sheet, row and the cell of a column role. */
import type { ColumnRole, ParsedTask } from '../model';
import type { Issue } from '../issue';

export type Where = Omit<Issue, 'code' | 'message' | 'severity'>;

export function where(t: ParsedTask, role: ColumnRole): Where {
  const cell = t.cells[role];
  return { file: t.file, sheet: t.sheet, row: t.row, ...(cell ? { cell } : {}) };
}

/** Message prefix naming the cell ("Ô G12: ") or, without one, the row ("Dòng 12: "). */
export function prefix(t: ParsedTask, role: ColumnRole): string {
  const cell = t.cells[role];
  return cell ? `Ô ${cell}: ` : `Dòng ${t.row}: `;
}

/** “text” shortened for a message. */
export function quote(s: string, max = 80): string {
  const t = s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
  return `“${t}”`;
}
