/** Dates cited in free text (the "Kết quả thực hiện" column). */
import { isoDate } from '../dates';
import { fold } from './clean';

export interface DateMention {
  iso: string;
  /** Position in the folded text. */
  index: number;
  /** Up to 30 folded characters before the date, e.g. "cong van so 6001/bkhcn-cdsqg ngay ". */
  before: string;
}

const LONG = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})/g;
const SHORT = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/g;

/** Every real date written in full in the text, in text order (with its context). */
export function findDateMentions(text: string): DateMention[] {
  const key = fold(text);
  const out: DateMention[] = [];
  const push = (iso: string | null, index: number): void => {
    if (iso) out.push({ iso, index, before: key.slice(Math.max(0, index - 30), index) });
  };
  for (const m of key.matchAll(LONG)) push(isoDate(+m[3], +m[2], +m[1]), m.index ?? 0);
  const blanked = key.replace(LONG, (s) => ' '.repeat(s.length));
  for (const m of blanked.matchAll(SHORT)) push(isoDate(+m[4], +m[3], +m[1]), m.index ?? 0);
  return out.sort((a, b) => a.index - b.index);
}

/**
 * ISO dates cited in result text, in order, without repeats.
 *
 * @example findDatesInText('tại công văn số 6001/BKHCN-CĐSQG ngày 24/10/2025') // ['2025-10-24']
 * @example findDatesInText('Tờ trình ngày 5 tháng 11 năm 2025') // ['2025-11-05']
 */
export function findDatesInText(text: string): string[] {
  return [...new Set(findDateMentions(text).map((m) => m.iso))];
}
