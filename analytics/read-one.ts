/** Reads one workbook and finds its table: the unit of work of readFiles (in-process or in a worker). */
import { issue, type Issue } from '../core/issue';
import type { SheetRead } from '../core/model';
import { readWorkbook } from '../core/table/read';
import { readXlsxFile, type ReadLimits } from './xlsx/read';

/** One input file's outcome, in input order: a SheetRead, or the Issue that rejected the file. */
export interface FileRead {
  file: string;
  read: SheetRead | null;
  error: Issue | null;
}

export async function readOne(file: string, limits?: Partial<ReadLimits>): Promise<FileRead> {
  try {
    const { grids, error } = await readXlsxFile(file, { limits });
    if (error) return { file, read: null, error };
    return { file, read: readWorkbook(grids, { file }), error: null };
  } catch (err) {
    return { file, read: null, error: unexpected(file, err) };
  }
}

/** The Issue for a file whose reading failed in an unforeseen way (a bug, a crashed worker). */
export function unexpected(file: string, err: unknown): Issue {
  const detail = err instanceof Error ? err.message : String(err);
  return issue('FILE_CORRUPT', `Không đọc được tệp ${baseName(file)}: lỗi không mong đợi (${detail}).`, { file });
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}
