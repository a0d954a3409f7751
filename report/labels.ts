/**
 * Every label a face shows next to a number or a task, defined once: the VPCP categories,
 * the reported progress, "Chưa báo cáo", where a progress or a due date came from, the name
 * used for a task without a lead unit. The CLI, the sheet layouts and the task pane use these.
 */
import type { DueSource, ProgressSource } from '../core/model';
import { CATEGORY_LABELS, PROGRESS_LABELS } from '../core/status';
import { formatNumber } from '../core/format';

export { CATEGORY_LABELS, PROGRESS_LABELS };
export { NO_UNIT } from './types';

export const UNREPORTED_LABEL = PROGRESS_LABELS.unreported; // "Chưa báo cáo"
export const OVERDUE_LABEL = 'Quá hạn';
export const DONE_RATE_LABEL = 'Tỷ lệ hoàn thành';
export const TOTAL_LABEL = 'Tổng cộng';

export function dueSoonLabel(days: number): string {
  return `Sắp đến hạn trong ${formatNumber(days)} ngày`;
}

/** Where a task's progress came from, as "Chi tiết" and the pane show it. */
export const PROGRESS_SOURCE_LABELS: Record<ProgressSource, string> = {
  typed: 'Đơn vị ghi',
  tick: 'Suy ra từ dấu đánh dấu',
  inferred: 'Suy ra',
  none: 'Không có',
};

/** Where a task's due date came from. */
export const DUE_SOURCE_LABELS: Record<DueSource, string> = {
  typed: 'Ghi bằng chữ',
  'date-cell': 'Ô ngày tháng',
  extension: 'Gia hạn đã được đồng ý',
  none: 'Không có',
};

/** Mark appended to an inferred progress wherever it is shown beside typed ones. */
const INFERRED_MARK = '(suy ra)';

/** "Đã hoàn thành (suy ra)" for an inferred progress, the plain label otherwise. */
export function progressLabel(t: { progress: keyof typeof PROGRESS_LABELS; progressSource?: ProgressSource }): string {
  const label = PROGRESS_LABELS[t.progress];
  return t.progressSource === 'inferred' || t.progressSource === 'tick' ? `${label} ${INFERRED_MARK}` : label;
}
