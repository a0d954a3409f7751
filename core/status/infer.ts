/**
 * A status read from the result text ("Kết quả thực hiện" / "Tình hình thực hiện")
 * when the table has no "Tiến độ" column: the units who work this way write the
 * status as the opening words ("Đã hoàn thành. Bộ đã ban hành…", "Đang triển khai…",
 * "Chưa thực hiện do…"), as the closing words ("… (Đã hoàn thành)"), or after a label
 * ("Tiến độ: Đang thực hiện"). Nothing else is guessed: a text that does not say it in
 * one of those places, or says two different things, gives null (the task stays unreported).
 */
import type { Progress } from '../model';
import { clean, wordKey } from '../deadline/clean';
import { EVIDENCE_OPEN, INFERRED_PREFIXES, PARTIAL, PHRASES, RESULT_LABELS } from './phrases';
import { readPhrase } from './read';
import { fold } from '../deadline/clean';
import { memo } from '../memo';

export interface Inference {
  progress: Progress;
  /** The words the status was read from, as written. */
  quote: string;
  /** Where in the text: 'đầu', 'cuối', 'sau nhãn'. */
  place: 'opening' | 'closing' | 'label';
}

/** Clause separators: sentence stops (not a decimal point or a date), ";", ":", ",", "(", ")", dashes, line breaks. */
const SEPARATOR = /[;:,()\n\u2013\u2014]|\.(?!\d)|\s-\s|…/;

/** Words that may follow a status phrase in its clause without changing it: reasons, times, qualifiers. */
const CONNECTOR = /^(?:do|vi|nhung|tuy nhien|theo|tai|va|voi|trong|truoc|sau|tu|den|ngay|vao|thang|quy|nam|kip|dung|qua|cham|tre|muon|so voi|khi|ke tu|nham|nen|con|roi)(?: |$)/;

function phraseAtStart(key: string): { progress: Progress; length: number } | null {
  for (const p of PHRASES) {
    if (p.abbreviation || p.progress === null) continue;
    if (key === p.key || key.startsWith(`${p.key} `)) return { progress: p.progress, length: p.key.length };
  }
  for (const p of INFERRED_PREFIXES) if (key === p.key || key.startsWith(`${p.key} `)) return { progress: p.progress, length: p.key.length };
  return null;
}

/** The status one clause opens with, read with its own timeliness and partial words; null when it does not open with one. */
function clauseStatus(clause: string, whole: string, strictTail: boolean): Progress | null {
  if (!clause) return null;
  const key = wordKey(clause);
  const start = phraseAtStart(key);
  if (!start) return null;
  const tail = key.slice(start.length).trim();
  const reading = readPhrase(clause, false);
  if (!reading.recognised || reading.progress === 'unknown' || reading.progress === 'unreported') return null;
  const done = reading.progress === 'done' || reading.progress === 'done_late';
  if (done && tail && !CONNECTOR.test(tail)) {
    // "Đã hoàn thành dự thảo …": a done verb with an object is a step, not the status, unless nothing in the text says it is still open.
    if (strictTail || EVIDENCE_OPEN.test(fold(whole)) || PARTIAL.test(wordKey(whole))) return null;
  }
  return reading.progress;
}

/** A unit named before the status: "Bộ Y tế đã hoàn thành…", "UBND tỉnh đang triển khai…", "Sở chưa thực hiện…" (word key). */
const SUBJECT = /^(?:bo|ubnd|uy ban|so|tinh|thanh pho|cuc|tong cuc|vu|don vi|co quan|ngan hang|van phong|ban|trung tam|vien|cong an|chung toi|hoi dong|quan|huyen|xa|phuong|tap doan|doanh nghiep|cac)(?: [a-z0-9]+){0,8}? (?=(?:da|dang|chua|khong|co ban) )/;

/** The clause without a leading subject (folded), or '' when it has none. */
function withoutSubject(clause: string): string {
  const key = wordKey(clause);
  const m = SUBJECT.exec(key);
  return m ? key.slice(m[0].length) : '';
}

function clauses(text: string): string[] {
  return text.split(SEPARATOR).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
}

/**
 * The status a result text states, or null.
 *
 * @example inferFromResult('Đã hoàn thành. Bộ đã ban hành Quyết định số 12/QĐ-BYT') // { progress: 'done', quote: 'Đã hoàn thành', place: 'opening' }
 * @example inferFromResult('Bộ đang phối hợp với các địa phương') // null
 */
export function inferFromResult(raw: string): Inference | null {
  return inferMemo(raw);
}

const inferMemo = memo((raw: string): Inference | null => {
  const text = clean(raw).replace(/^[-+•*\s]+/, '');
  if (!text) return null;
  const parts = clauses(text);
  if (!parts.length) return null;
  const found: Inference[] = [];
  const first = parts[0];
  const open = clauseStatus(first, text, false) ?? clauseStatus(withoutSubject(first), text, false);
  if (open) found.push({ progress: open, quote: first, place: 'opening' });
  // A labelled status anywhere: "… Tiến độ: Đang thực hiện".
  const folded = wordKey(text);
  for (const label of RESULT_LABELS) {
    const at = ` ${folded} `.indexOf(` ${label} `);
    if (at < 0) continue;
    const after = text.slice(labelEnd(text, label));
    const clause = clauses(after)[0];
    const s = clause ? clauseStatus(clause, text, true) : null;
    if (s) found.push({ progress: s, quote: clause, place: 'label' });
  }
  const last = parts[parts.length - 1];
  if (parts.length > 1) {
    const key = wordKey(last);
    const start = phraseAtStart(key);
    // The closing clause counts only when it is the status alone ("… (Đã hoàn thành)", "…. Đang thực hiện.").
    if (start && key.length === start.length) {
      const s = clauseStatus(last, text, true);
      if (s) found.push({ progress: s, quote: last, place: 'closing' });
    }
  }
  if (!found.length) return null;
  if (found.some((f) => f.progress !== found[0].progress)) return null;
  return found.find((f) => f.place === 'label') ?? found[0];
});

/** Index in `text` just after the first occurrence of a label's words followed by ":" or "-". */
function labelEnd(text: string, label: string): number {
  const words = label.split(' ');
  const re = new RegExp(words.map(() => '[\\p{L}\\p{M}]+').join('\\s+') + '\\s*[:\\-–]', 'gu');
  for (const m of text.matchAll(re)) if (wordKey(m[0]) === label) return (m.index ?? 0) + m[0].length;
  return text.length;
}
