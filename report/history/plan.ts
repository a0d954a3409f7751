/**
 * Does a result text give a recovery plan ("lộ trình khắc phục") or a new date? Used for overdue tasks:
 * "trong 37 nhiệm vụ chậm tiến độ có 11 nhiệm vụ chưa được báo cáo lộ trình khắc phục".
 *
 * A plan is either a planning phrase (dự kiến, lộ trình, phấn đấu, sẽ hoàn thành, kế hoạch khắc phục,
 * đề nghị gia hạn / điều chỉnh thời hạn, thời hạn mới) or a date, month or quarter not before the as-of
 * date ("tháng 12/2025", "Quý I/2026", "31/12/2025"). A past date ("đã trình ngày 15/10/2025") is not a plan.
 */
import { foldKey } from '../../core/text/normalize';
import { endOfMonth, isoDate } from '../../core/dates';

const PLAN_WORDS = /\b(du kien|lo trinh|phan dau|se hoan thanh|se trinh|se ban hanh|ke hoach khac phuc|giai phap khac phuc|thoi han moi|gia han|dieu chinh thoi han|lui thoi han|hoan thanh trong|hoan thanh truoc)\b/;
const EXTENSION_WORDS = /\b(gia han|dieu chinh thoi han|lui thoi han|thoi han moi)\b/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Every date the folded text names, as the last ISO day it covers. */
function datesIn(text: string): string[] {
  const f = foldKey(text);
  const out: string[] = [];
  for (const m of f.matchAll(/\b(\d{1,2}) (\d{1,2}) (\d{4})\b/g)) {
    const d = isoDate(+m[3], +m[2], +m[1]);
    if (d) out.push(d);
  }
  for (const m of f.matchAll(/\bthang (\d{1,2})(?: nam)? (\d{4})\b/g)) {
    if (+m[1] >= 1 && +m[1] <= 12) out.push(endOfMonth(+m[2], +m[1]));
  }
  for (const m of f.matchAll(/\bquy (i{1,3}|iv|[1-4])(?: nam)? (\d{4})\b/g)) {
    const q = ROMAN[m[1]] ?? +m[1];
    out.push(endOfMonth(+m[2], q * 3));
  }
  return out;
}

/**
 * @example hasRecoveryPlan('Dự kiến hoàn thành trong tháng 12/2025', '2025-11-15') // true
 * @example hasRecoveryPlan('Đã trình Thủ tướng ngày 15/10/2025', '2025-11-15') // false
 * @example hasRecoveryPlan('', '2025-11-15') // false
 */
export function hasRecoveryPlan(result: string, asOf: string): boolean {
  if (!result.trim()) return false;
  if (PLAN_WORDS.test(foldKey(result))) return true;
  return datesIn(result).some((d) => d >= asOf);
}

/** The deadline or result text speaks of an extension ("gia hạn", "điều chỉnh thời hạn", "lùi thời hạn"). */
export function mentionsExtension(...texts: string[]): boolean {
  return texts.some((t) => EXTENSION_WORDS.test(foldKey(t)));
}
