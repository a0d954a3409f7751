/**
 * One returned workbook read in the pane, exactly as the CLI's read worker reads it (batch/read-one.ts):
 * the browser build of the lean reader (same size, ratio and cell limits), core workbookRead, classifyRead
 * at the as-of date and the task keys used to merge re-submissions. Runs in the rollup Web Worker.
 */
import { issue } from '../../core/issue';
import { classifyRead } from '../../core/table/read';
import { workbookRead } from '../../core/table/workbook-read';
import { taskKey } from '../../core/taskkey';
import type { SourceRead } from '../../report/types';
import { readXlsx } from '../../xlsx/read-browser';

export interface ReturnFile {
  name: string;
  bytes: Uint8Array;
  /** The file's modification time in ms (File.lastModified): the newest re-submission wins, as in the CLI. */
  mtime: number;
}

export function readReturn(f: ReturnFile, asOf: string): SourceRead {
  try {
    const { grids, error, notes } = readXlsx(f.bytes, { file: f.name });
    if (error) return { file: f.name, read: null, error, mtime: f.mtime };
    const read = workbookRead(grids, notes, f.name);
    const tasks = classifyRead(read, asOf);
    return { file: f.name, read: { ...read, tasks }, error: null, tasks, keys: tasks.map(taskKey), mtime: f.mtime };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { file: f.name, read: null, mtime: f.mtime, error: issue('FILE_CORRUPT', `Không đọc được tệp ${f.name}: việc đọc tệp bị dừng bất thường (${detail}). Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.`, { file: f.name }) };
  }
}
