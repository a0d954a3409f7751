/**
 * One return read in the pane, exactly as the CLI's read worker reads it (batch/read-one.ts, batch/read-grids.ts): a
 * workbook with the browser build of the lean reader, a Word return (.docx) with the browser build of the Word reader
 * (both: same size, ratio, row and cell limits; a legacy .doc is FILE_LEGACY_DOC), then core workbookRead, classifyRead
 * at the as-of date and the task keys used to merge re-submissions. Runs in the rollup Web Worker.
 */
import { issue } from '../../core/issue';
import { classifyRead } from '../../core/table/read';
import { workbookRead } from '../../core/table/workbook-read';
import { taskKey } from '../../core/taskkey';
import type { SourceRead } from '../../report/types';
import { readDocx } from '../../docx/read-browser';
import { readXlsx } from '../../xlsx/read-browser';

export interface ReturnFile {
  name: string;
  bytes: Uint8Array;
  /** The file's modification time in ms (File.lastModified): the newest re-submission wins, as in the CLI. */
  mtime: number;
}

/** Word documents are read as tables, as batch/read-grids.ts reads them (its WORD_EXTENSIONS). */
export const WORD_EXTENSIONS = /\.(docx|docm|doc)$/i;

function readGrids(f: ReturnFile): ReturnType<typeof readXlsx> {
  if (WORD_EXTENSIONS.test(f.name)) return readDocx(f.bytes, { file: f.name });
  const read = readXlsx(f.bytes, { file: f.name });
  // A Word return saved under a spreadsheet's name (the reader saw word/document.xml): read it as Word.
  return read.error?.code === 'FILE_WORD' ? readDocx(f.bytes, { file: f.name }) : read;
}

export function readReturn(f: ReturnFile, asOf: string): SourceRead {
  try {
    const { grids, error, notes } = readGrids(f);
    if (error) return { file: f.name, read: null, error, mtime: f.mtime };
    const read = workbookRead(grids, notes, f.name);
    const tasks = classifyRead(read, asOf);
    return { file: f.name, read: { ...read, tasks }, error: null, tasks, keys: tasks.map(taskKey), mtime: f.mtime };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { file: f.name, read: null, mtime: f.mtime, error: issue('FILE_CORRUPT', `Không đọc được tệp ${f.name}: việc đọc tệp bị dừng bất thường (${detail}). Hãy mở tệp bằng Excel hoặc Word, lưu lại rồi gửi lại.`, { file: f.name }) };
  }
}
