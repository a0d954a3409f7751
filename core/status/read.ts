/** Reads a "Tiến độ" cell against the phrase table. */
import type { CellValue } from '../grid';
import type { Progress } from '../model';
import { clean, fold, wordKey } from '../deadline/clean';
import { cellText } from '../text/normalize';
import { PHRASES, type Phrase, type Timeliness } from './phrases';
import { memo } from '../memo';

export interface StatusReading {
  progress: Progress;
  /** The cell text, cleaned of HTML and extra whitespace, otherwise verbatim. */
  text: string;
  recognised: boolean;
  /** What the cell itself says about timing ("quá hạn" → 'late'), or null. */
  timeliness: Timeliness;
}

interface Match {
  phrase: Phrase;
  index: number;
}

/** Longest phrase first; each match is blanked so "chưa hoàn thành" never also reads as "hoàn thành". */
function matchPhrases(key: string): Match[] {
  let s = ` ${key} `;
  const found: Match[] = [];
  for (const phrase of PHRASES) {
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

/** "Hoàn thành 80%", "Đã hoàn thành 2/3 nội dung": the work is not finished. */
function partial(text: string): boolean {
  const key = fold(text);
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(key);
  if (pct && Number(pct[1].replace(',', '.')) < 100) return true;
  const part = /hoan thanh\s*(\d+)\s*\/\s*(\d+)(?![\d/])/.exec(key);
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
 * "Chưa hoàn thành, quá hạn"); a late word turns done into done_late. Timeliness
 * words alone: late → not_done, within deadline → in_progress, "Đúng hạn" alone → unknown.
 */
export function readStatus(value: CellValue): StatusReading {
  if (value === null || value === undefined) return { progress: 'unreported', text: '', recognised: true, timeliness: null };
  return { ...readText(typeof value === 'string' ? value : cellText(value)) };
}

const readText = memo((raw: string): StatusReading => {
  const text = clean(raw);
  if (!text) return { progress: 'unreported', text, recognised: true, timeliness: null };
  const key = wordKey(text);
  const matches = matchPhrases(key);
  const timeliness = timelinessOf(matches);
  const primary = matches.find((m) => m.phrase.progress !== null);
  let progress: Progress | null = primary?.phrase.progress ?? null;
  if (progress === 'done' && timeliness === 'late') progress = 'done_late';
  if ((progress === 'done' || progress === 'done_late') && partial(text)) progress = 'in_progress';
  if (progress === null && timeliness === 'late') progress = 'not_done';
  if (progress === null && timeliness === 'not_due') progress = 'in_progress';
  if (progress === null) return { progress: 'unknown', text, recognised: false, timeliness: null };
  return { progress, text, recognised: true, timeliness };
});
