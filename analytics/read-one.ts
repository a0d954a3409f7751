/** Reads one workbook and finds its table: the unit of work of readFiles (in-process or in a worker). */
import { issue, type Issue } from '../core/issue';
import type { SheetRead, Task } from '../core/model';
import { classifyRead, readWorkbook } from '../core/table/read';
import { taskKey } from '../core/taskkey';
import { readXlsxFile, type ReadLimits } from './xlsx/read';

/** One input file's outcome, in input order: a SheetRead, or the Issue that rejected the file. */
export interface FileRead {
  file: string;
  read: SheetRead | null;
  error: Issue | null;
  /**
   * The read's tasks classified at `asOf` (core classifyRead), when readFiles was given an `asOf`;
   * `read.tasks` is then this same array (a Task is a ParsedTask plus its classification).
   */
  tasks?: Task[];
  /** Core taskKey of each of `tasks` (same order), computed with them on the reading thread (re-submission merge). */
  keys?: string[];
}

export async function readOne(file: string, limits?: Partial<ReadLimits>, asOf?: string): Promise<FileRead> {
  try {
    const { grids, error } = await readXlsxFile(file, { limits });
    if (error) return { file, read: null, error };
    const read = readWorkbook(grids, { file });
    if (asOf === undefined) return { file, read, error: null };
    const tasks = classifyRead(read, asOf);
    return { file, read: { ...read, tasks }, error: null, tasks, keys: tasks.map(taskKey) };
  } catch (err) {
    return { file, read: null, error: unexpected(file, err) };
  }
}

/**
 * What a worker posts: the tasks once (JSON does not share them between `read.tasks`
 * and `tasks`, so one of the two is left empty and restored by `unpack`).
 */
export function pack(r: FileRead): FileRead {
  return r.read && r.tasks ? { ...r, read: { ...r.read, tasks: [] } } : r;
}

/**
 * Restores `read.tasks` and makes the tasks share the file's strings that JSON.parse made
 * once per task (file, sheet, asOf): about 200,000 copies fewer in a commune run.
 */
export function unpack(r: FileRead): FileRead {
  if (!r.read || !r.tasks) return r;
  r.read.tasks = r.tasks;
  const asOf = r.tasks[0]?.asOf;
  for (const t of r.tasks) {
    if (t.file === r.file) t.file = r.file;
    if (t.sheet === r.read.sheet) t.sheet = r.read.sheet;
    if (t.asOf === asOf) t.asOf = asOf;
  }
  return r;
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
