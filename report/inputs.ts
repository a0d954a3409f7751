/** The report's `inputs`: one entry per file, read or rejected. */
import { issue, type Issue } from '../core/issue';
import type { ReportInput } from './report-types';
import type { SourceRead } from './types';

/** Why a source contributes nothing (reader error, or no table found), else null. */
export function rejection(s: SourceRead): Issue | null {
  if (s.error) return s.error;
  if (s.tasks && !s.read) return null;
  if (!s.read) return issue('FILE_CORRUPT', 'Không đọc được tệp.', { file: s.file });
  if (s.read.layout || s.read.tasks.length) return null;
  return s.read.issues.find((i) => i.severity === 'error')
    ?? issue('NO_TABLE', 'Không tìm thấy bảng nhiệm vụ (STT, Tên nhiệm vụ, Đơn vị chủ trì…) trong tệp.', { file: s.file });
}

/** `duplicateOf`: the file this one repeats word for word (its tasks are counted there, see duplicate-files.ts). */
export function inputOf(s: SourceRead, duplicateOf?: string): ReportInput {
  const err = rejection(s);
  return {
    ...(duplicateOf ? { duplicateOf } : {}),
    file: s.file,
    sheet: s.read?.sheet ?? null,
    tasks: err ? 0 : s.tasks?.length ?? s.read?.tasks.length ?? 0,
    error: err ? err.message : null,
    errorCode: err ? err.code : null,
    rows: s.read?.rowsScanned ?? 0,
  };
}
