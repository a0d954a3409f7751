/** Reads a "Tiến độ" cell against the phrase table. */
import type { CellValue } from '../grid';
import type { Progress } from '../model';
import { clean, fold, wordKey } from '../deadline/clean';
import { cellText } from '../text/normalize';
import { INFERRED_PREFIXES, PARTIAL, PHRASES, STOP_DECISION, STOP_REQUEST, type Phrase, type Timeliness } from './phrases';
import { memo } from '../memo';

export interface StatusReading {
  progress: Progress;
  /** The cell text, cleaned of HTML and extra whitespace, otherwise verbatim. */
  text: string;
  recognised: boolean;
  /** What the cell itself says about timing ("quá hạn" → 'late'), or null. */
  timeliness: Timeliness;
  /** Set when the reading is a documented reading of a task-dependent phrase ("Đã trình", "Đang …"): why (Vietnamese). */
  inferred?: string;
}

interface Match {
  phrase: Phrase;
  index: number;
}

/** Longest phrase first; each match is blanked so "chưa hoàn thành" never also reads as "hoàn thành". */
function matchPhrases(key: string, abbreviations: boolean): Match[] {
  let s = ` ${key} `;
  const found: Match[] = [];
  for (const phrase of PHRASES) {
    if (phrase.abbreviation && !abbreviations) continue;
    const needle = ` ${phrase.key} `;
    let at = s.indexOf(needle);
    while (at >= 0) {
      found.push({ phrase, index: at });
      s = s.slice(0, at + 1) + ' '.repeat(phrase.key.length) + s.slice(at + 1 + phrase.key.length);
      at = s.indexOf(needle);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "Hoàn thành 80%", "Đã hoàn thành 2/3 nội dung", "Đã hoàn thành một phần", "Cơ bản hoàn thành": the work is not finished. */
function partial(text: string, key: string): boolean {
  if (PARTIAL.test(key)) return true;
  const folded = fold(text);
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(folded);
  if (pct && Number(pct[1].replace(',', '.')) < 100) return true;
  const part = /hoan thanh\s*(\d+)\s*\/\s*(\d+)(?![\d/])/.exec(folded);
  return !!part && Number(part[1]) < Number(part[2]);
}

function timelinessOf(matches: Match[]): Timeliness {
  const all = matches.map((m) => m.phrase.timeliness).filter((t): t is NonNullable<Timeliness> => t !== null);
  if (all.includes('late')) return 'late';
  return all[0] ?? null;
}

/**
 * Combine the matches: the first phrase that says what happened decides the
 * progress (order-insensitive for timeliness: "Quá hạn, chưa hoàn thành" =
 * "Chưa hoàn thành, quá hạn"); a late word turns done into done_late; a partial
 * qualifier turns done into in_progress; a request to stop is open unless the text
 * records the decision. Timeliness words alone: late → not_done, within deadline →
 * in_progress, "Đúng hạn" alone → unknown. A task-dependent phrase ("Đã trình",
 * "Chờ ý kiến", "Đang …") gets its one documented reading, with `inferred` set.
 */
export function readStatus(value: CellValue): StatusReading {
  if (value === null || value === undefined) return { progress: 'unreported', text: '', recognised: true, timeliness: null };
  return { ...readText(typeof value === 'string' ? value : cellText(value)) };
}

const readText = memo((raw: string): StatusReading => readPhrase(raw, true));

/**
 * Read a status phrase. `abbreviations` false when reading words inside a longer text
 * (result text), where "HT" or "QH" may mean something else.
 */
export function readPhrase(raw: string, abbreviations: boolean): StatusReading {
  const text = clean(raw);
  if (!text) return { progress: 'unreported', text, recognised: true, timeliness: null };
  let key = wordKey(text);
  // "Đ.H.T", "C.H.T": an abbreviation written with dots.
  if (abbreviations && /^[a-z]( [a-z]){1,4}$/.test(key)) key = key.replace(/ /g, '');
  const matches = matchPhrases(key, abbreviations);
  const timeliness = timelinessOf(matches);
  const primary = matches.find((m) => m.phrase.progress !== null);
  let progress: Progress | null = primary?.phrase.progress ?? null;
  let inferred = primary?.phrase.inferred;
  if (progress === null) {
    const prefix = INFERRED_PREFIXES.find((p) => key === p.key || key.startsWith(`${p.key} `));
    if (prefix) {
      progress = prefix.progress;
      inferred = prefix.reason;
    }
  }
  if (progress === 'done' && timeliness === 'late') progress = 'done_late';
  if ((progress === 'done' || progress === 'done_late') && partial(text, key)) progress = 'in_progress';
  if (progress === 'not_done' && primary && STOP_REQUEST.test(primary.phrase.key) && STOP_DECISION.test(key)) progress = 'stopped';
  if (progress === null && timeliness === 'late') progress = 'not_done';
  if (progress === null && timeliness === 'not_due') progress = 'in_progress';
  if (progress === null) return { progress: 'unknown', text, recognised: false, timeliness: null };
  return { progress, text, recognised: true, timeliness, ...(inferred ? { inferred } : {}) };
}
