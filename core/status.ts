/**
 * Reported progress ("Tiến độ"): variants, case, missing diacritics, tone
 * placement, stray punctuation and word order tolerated; an unrecognised word is
 * kept verbatim as 'unknown' (recognised false), never guessed.
 */
import type { CellValue } from './grid';
import type { Category, Progress } from './model';
import vocabulary from './data/statusVocabulary';
import { readStatus } from './status/read';

export { readStatus, type StatusReading } from './status/read';

/**
 * @example parseStatus('ĐÃ HOÀN THÀNH') // { progress: 'done', text: 'ĐÃ HOÀN THÀNH', recognised: true }
 * @example parseStatus('Quá hạn, chưa hoàn thành') // { progress: 'not_done', … }
 * @example parseStatus(null) // { progress: 'unreported', text: '', recognised: true }
 */
export function parseStatus(value: CellValue): { progress: Progress; text: string; recognised: boolean } {
  const { progress, text, recognised } = readStatus(value);
  return { progress, text, recognised };
}

/** Vietnamese label of each progress value. */
export const PROGRESS_LABELS: Record<Progress, string> = {
  done: 'Đã hoàn thành',
  done_late: 'Đã hoàn thành quá hạn',
  in_progress: 'Đang thực hiện',
  not_done: 'Chưa hoàn thành',
  stopped: 'Dừng thực hiện',
  unreported: 'Chưa báo cáo',
  unknown: 'Không xác định',
};

function vi(id: string): string {
  const c = vocabulary.categories.find((x) => x.id === id);
  return c ? c.vi.replace(/\s*\(.*\)\s*$/, '') : id;
}

/**
 * Vietnamese label of each VPCP category (status_vocabulary.json categories). Open
 * tasks use the Government Office's wording, "Chưa hoàn thành, trong hạn / quá hạn":
 * an open task may be blank or "Chưa thực hiện", so "Đang thực hiện" would misdescribe it.
 */
export const CATEGORY_LABELS: Record<Category, string> = {
  done_on_time: vi('DONE_ON_TIME'), // Đã hoàn thành đúng hạn
  done_late: vi('DONE_LATE'), // Đã hoàn thành quá hạn
  open_in_time: 'Chưa hoàn thành, trong hạn',
  open_overdue: 'Chưa hoàn thành, quá hạn',
  recurring: vi('RECURRING'), // Nhiệm vụ thường xuyên
  stopped: 'Dừng thực hiện',
};

/** The values of the "Tiến độ" dropdown in distributed templates. */
export const STANDARD_STATUSES: string[] = ['Đã hoàn thành', 'Đã hoàn thành quá hạn', 'Đang thực hiện', 'Chưa hoàn thành', 'Dừng thực hiện'];
