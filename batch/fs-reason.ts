/**
 * Why a file could not be written or replaced, in Vietnamese, for the messages after "Không ghi được <tệp>: ".
 * The system's own words follow in brackets (what a helpdesk needs), as in the other rejection messages.
 *
 * @example
 * fsReason(Object.assign(new Error("EBUSY: resource busy or locked, rename 'a' -> 'b'"), { code: 'EBUSY' }))
 * // 'tệp đang mở trong một chương trình khác (ví dụ Excel): hãy đóng tệp rồi chạy lại (EBUSY: resource busy …)'
 */
import { CommitError } from './stage';

const REASONS: Record<string, string> = {
  EBUSY: 'tệp đang mở trong một chương trình khác (ví dụ Excel): hãy đóng tệp rồi chạy lại',
  EPERM: 'tệp đang mở trong một chương trình khác (ví dụ Excel) hoặc không có quyền ghi: hãy đóng tệp, kiểm tra quyền rồi chạy lại',
  EACCES: 'không có quyền ghi vào đây: hãy chọn thư mục khác (--out) hoặc kiểm tra quyền',
  ENOSPC: 'ổ đĩa đã đầy: hãy giải phóng chỗ trống (hoặc đặt TMPDIR/TEMP sang ổ khác) rồi chạy lại',
  EROFS: 'ổ đĩa chỉ cho đọc: hãy chọn thư mục khác (--out)',
  EISDIR: 'ở đó đang có một thư mục cùng tên: tiendo không ghi đè thư mục; hãy đổi tên hoặc chọn nơi khác',
  ENOENT: 'một tệp hoặc thư mục tạm đã bị xoá trong khi chạy: hãy chạy lại',
  EMFILE: 'mở quá nhiều tệp cùng lúc: hãy chạy lại',
};

export function fsReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  return reason ? `${reason} (${detail})` : detail;
}

/**
 * The lines after "Không ghi được " for a write or a commit that failed: for a CommitError, the file that could not
 * be replaced and why, then each previous file that could not be put back and where it is kept.
 */
export function failureLines(e: unknown, label: string): string[] {
  if (!(e instanceof CommitError)) return [`${label}: ${fsReason(e)}`];
  return [
    `${e.path}: ${fsReason(e.cause)}`,
    ...e.stranded.map((s) => `${s.path}: bản cũ không đưa lại được chỗ cũ, đang được giữ nguyên ở ${s.keptAt}`),
  ];
}
