/** What the "Kết quả thực hiện" text proves: completion dates and completion claims. */
import { findDateMentions } from '../deadline/find';
import { clean, fold } from '../deadline/clean';
import { memo } from '../memo';
import { EVIDENCE_DONE, EVIDENCE_OPEN } from '../status/phrases';

/** Dates that bound or plan the work rather than record it: "từ ngày", "trước ngày", "đến ngày", "dự kiến …". */
const NOT_EVIDENCE = /(?:(?<![a-z])tu|ke tu|hieu luc|du kien|truoc|den|cham nhat|thoi han|han)\s*(?:ngay\s*)?$/;

/**
 * The latest date the result text cites as a record (a document "số … ngày X"),
 * on or before asOf; null when none. Later dates are plans, not evidence.
 */
export function completionDate(resultText: string, asOf: string): string | null {
  let best: string | null = null;
  for (const iso of recordDates(resultText)) if (iso <= asOf && (!best || iso > best)) best = iso;
  return best;
}

/**
 * Exact pre-check for findDateMentions: both of its patterns end in a four-digit year after a day and a month,
 * "12/10/2025" or "ngày 12 tháng 10 năm 2025" (some letters between the numbers). Folding neither makes
 * nor moves ASCII digits, separators or whitespace runs; cleaning can (a tag, an entity, a zero-width
 * character or soft hyphen between them), so a text with one of those passes.
 */
const MAY_DATE = /\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d\s*[^\s\d]+\s*\d{1,2}\s*,?\s*[^\s\d]+\s*\d{4}|[<&\u00ad\u200b-\u200d\u2060\ufeff]/;

/** MAY_DATE.test: false only when findDateMentions(text) finds no date. */
export function mayCiteDate(text: string): boolean {
  return MAY_DATE.test(text);
}

/**
 * Dates the text cites as records (not bounds or plans), whatever the as-of date; memoised: result texts repeat.
 * The pre-checks come before the memo: a text citing no date costs no hashing of the text nor a cache entry.
 */
function recordDates(resultText: string): readonly string[] {
  if (!/\d\s*[/.-]\s*\d|th[aá]\p{M}*ng/iu.test(resultText) || !mayCiteDate(resultText)) return NO_DATES;
  return recordDatesOf(resultText);
}

const NO_DATES: readonly string[] = [];
const recordDatesOf = memo((resultText: string): readonly string[] =>
  findDateMentions(resultText).filter((m) => !NOT_EVIDENCE.test(m.before)).map((m) => m.iso));

const DONE = EVIDENCE_DONE;
const OPEN = EVIDENCE_OPEN;

/** Cheap pre-check on the raw text before folding: could it say "hoàn thành", "100%", "ban hành", "trình"? */
const MAYBE_DONE = /ho[aàáảãạ]\p{M}*n\s*th|100|ban\s*h|tr[iìíỉĩị]\p{M}*nh/iu;

function partial(key: string): boolean {
  for (const m of key.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)) if (Number(m[1].replace(',', '.')) < 100) return true;
  for (const m of key.matchAll(/da hoan thanh\s*(\d+)\s*\/\s*(\d+)/g)) if (Number(m[1]) < Number(m[2])) return true;
  return false;
}

/**
 * The words that say the work is complete ("… đã hoàn thành …, đạt tỷ lệ 100%"),
 * quoted from the text; null when the text does not say so or also says it is
 * still open or partial. "Đã trình" counts only for tasks that are a submission.
 */
export function completionClaim(resultText: string, taskText = ''): string | null {
  if (!MAYBE_DONE.test(resultText)) return null;
  const text = clean(resultText);
  const key = fold(text);
  if (!key || OPEN.test(key) || partial(key)) return null;
  const m = DONE.exec(key);
  if (!m) return null;
  if (/^da (?:trinh|gui to trinh)/.test(m[0]) && !/trinh/.test(fold(taskText))) return null;
  const src = key.length === text.length ? text : key;
  return sentenceAround(src, m.index);
}

/** The sentence (between ";" or a full stop not inside a number) that holds position i. */
function sentenceAround(s: string, i: number): string {
  const stops = [...s.matchAll(/;|\.(?!\d)/g)].map((m) => m.index ?? 0);
  const start = stops.filter((x) => x < i).pop();
  const end = stops.find((x) => x >= i);
  return s.slice(start === undefined ? 0 : start + 1, end ?? s.length).trim();
}
