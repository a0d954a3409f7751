/** Inputs of the rollups: what the Node side (or the add-in) hands over. Plain data, browser-safe. */
import type { Issue } from '../core/issue';
import type { SheetRead, Task } from '../core/model';

/** One input file after reading: the shape of batch/read-files.ts `FileRead`, plus what rollups need. */
export interface SourceRead {
  file: string;
  read: SheetRead | null;
  /** Why the file was rejected (corrupt, not xlsx…), else null. */
  error: Issue | null;
  /** File modification time in ms (re-submissions: newest wins). */
  mtime?: number;
  /** Tasks already classified at asOf; when absent, buildReport classifies `read`. */
  tasks?: Task[];
  /** Core taskKey of each of `tasks`, when already computed (e.g. by the read workers). */
  keys?: string[];
  /** Duplicate-file fingerprint hash of `tasks` (report/duplicate-files.ts), when already computed by the read workers. */
  hash?: number;
}

/** One task sent by `tiendo distribute` (from its manifest danh-sach-giao.json). */
export interface SentTask {
  taskId: string;
  /** Canonical lead unit the task was sent to. */
  unit: string;
  stt?: string;
  /** Section title, for matching a returned row that lost its ID (core taskKey). */
  section?: string;
  task?: string;
  /** Workbook the task was sent in. */
  file?: string;
}

export interface BuildOptions {
  asOf: string;
  sources: SourceRead[];
  /** Keep every copy of a task reported in several files instead of merging. */
  keepDuplicates?: boolean;
  /** Tasks sent by `distribute`: those not returned are reported per unit ("chưa báo cáo"). */
  sent?: SentTask[];
  /** Called after each step (classify, merge, rollups, sentences): for timing in `npm run bench`. */
  onPhase?: (phase: string) => void;
}

/** Name used for tasks whose lead unit cell is empty. */
export const NO_UNIT = 'Chưa xác định đơn vị chủ trì';
