/**
 * The status phrase table, built from reference/status_vocabulary.json (the one
 * place status words live, each with its sources; compiled into core/data/statusVocabulary.ts): phrases, timeliness-only
 * modifiers, abbreviations, partial-completion qualifiers, stop decisions, and
 * the task-dependent phrases read one documented way and marked inferred.
 */
import vocabulary from '../data/statusVocabulary';
import type { PhraseRecord } from '../data/statusVocabulary';
import { wordKey } from '../deadline/clean';
import type { Progress } from '../model';

export type Timeliness = 'on_time' | 'late' | 'not_due' | 'no_deadline' | null;

export interface Phrase {
  /** Folded word key ("da hoan thanh qua han"). */
  key: string;
  /** What the phrase says about the work; null = a timeliness word only ("Quá hạn", "Trong hạn"). */
  progress: Progress | null;
  timeliness: Timeliness;
  /** Set for a phrase whose meaning depends on the task: the documented reading's reason (Vietnamese). */
  inferred?: string;
  /** An abbreviation ("ĐHT"): only read in a status cell, never inside result text. */
  abbreviation?: boolean;
}

const TIMELINESS: Record<string, Timeliness> = { ON_TIME: 'on_time', LATE: 'late', NOT_DUE: 'not_due', NO_DEADLINE: 'no_deadline' };

const MODIFIER_TIMELINESS = new Map<string, Timeliness>();
for (const [t, words] of Object.entries(vocabulary.modifiers)) {
  if (!TIMELINESS[t]) continue;
  for (const w of words) MODIFIER_TIMELINESS.set(wordKey(w), TIMELINESS[t]);
}

function progressOf(p: PhraseRecord, key: string, timeliness: Timeliness): Progress | null {
  if (MODIFIER_TIMELINESS.has(key)) return null;
  if (p.progress) return p.progress as Progress;
  switch (p.completion) {
    case 'DONE':
      return timeliness === 'late' ? 'done_late' : 'done';
    case 'STOPPED':
      return 'stopped';
    case 'ONGOING':
      return 'in_progress';
    default:
      return 'not_done';
  }
}

function build(): Phrase[] {
  const byKey = new Map<string, Phrase>();
  for (const p of vocabulary.phrases) {
    const key = wordKey(p.text);
    const timeliness = p.timeliness ? TIMELINESS[p.timeliness] ?? null : null;
    byKey.set(key, { key, progress: progressOf(p, key, timeliness), timeliness, ...(p.inferred ? { inferred: p.inferred } : {}) });
  }
  for (const [key, timeliness] of MODIFIER_TIMELINESS) if (!byKey.has(key)) byKey.set(key, { key, progress: null, timeliness });
  for (const p of vocabulary.inferred) {
    if (p.prefix) continue;
    const key = wordKey(p.text);
    byKey.set(key, { key, progress: p.progress as Progress, timeliness: null, inferred: p.reason });
  }
  for (const [abbr, text] of Object.entries(vocabulary.abbreviations)) {
    const key = wordKey(abbr);
    const full = byKey.get(wordKey(text));
    if (full && !byKey.has(key)) byKey.set(key, { ...full, key, abbreviation: true });
  }
  // Longest first: "da hoan thanh qua han" before "da hoan thanh" before "hoan thanh".
  return [...byKey.values()].sort((a, b) => b.key.length - a.key.length);
}

export const PHRASES: readonly Phrase[] = build();

/** Task-dependent openings read one documented way when no phrase matched: "Chờ …", "Đang …" (folded keys, longest first). */
export const INFERRED_PREFIXES: readonly { key: string; progress: Progress; reason: string }[] = vocabulary.inferred
  .filter((p) => p.prefix)
  .map((p) => ({ key: wordKey(p.text), progress: p.progress as Progress, reason: p.reason }))
  .sort((a, b) => b.key.length - a.key.length);

const alternation = (words: readonly string[]): string => words.map((w) => wordKey(w)).sort((a, b) => b.length - a.length).join('|');

/** A "done" phrase qualified as partial: "Đã hoàn thành một phần", "Cơ bản đã hoàn thành", "Gần hoàn thành" (on a word key). */
export const PARTIAL = new RegExp(
  `(?:^| )(?:${alternation(vocabulary.partial.before)}) (?:da )?(?:hoan thanh|xong|thuc hien)(?: |$)` +
  `|(?:^| )(?:hoan thanh|xong|thuc hien) (?:duoc )?(?:${alternation(vocabulary.partial.after)})(?: |$)`,
);

/** Words that record a decision to stop ("đã được Thủ tướng đồng ý"), on a word key. */
export const STOP_DECISION = new RegExp(`(?:^| )(?:${alternation(vocabulary.stopDecision.words)})(?: |$)|(?:^| )duoc [a-z ]{0,40}(?:dong y|chap thuan|cho phep)(?: |$)`);

/** Labels before a status inside result text ("Tiến độ: …"), on a folded text. */
export const RESULT_LABELS: readonly string[] = vocabulary.resultLabels.map((w) => wordKey(w));

/** Result-text evidence (folded): words that claim completion, words that say the work is still open. */
export const EVIDENCE_DONE = new RegExp(vocabulary.evidence.done.join('|'));
export const EVIDENCE_OPEN = new RegExp(vocabulary.evidence.open.join('|'));

/** Requests to stop ("Không thực hiện", "Đề nghị dừng"): open unless STOP_DECISION words say it was decided (word keys). */
export const STOP_REQUEST = new RegExp(`^(?:${alternation(vocabulary.stopDecision.requests)})(?: |$)`);
