/**
 * The status phrase table: every phrase of status_vocabulary.json plus a few
 * common variants, each with what it says about completion and timeliness.
 */
import vocabulary from '../data/statusVocabulary';
import { wordKey } from '../deadline/clean';
import type { Progress } from '../model';

export type Timeliness = 'on_time' | 'late' | 'not_due' | 'no_deadline' | null;

export interface Phrase {
  /** Folded word key ("da hoan thanh qua han"). */
  key: string;
  /** What the phrase says about the work; null = a timeliness word only ("Quá hạn", "Trong hạn"). */
  progress: Progress | null;
  timeliness: Timeliness;
}

const TIMELINESS: Record<string, Timeliness> = { ON_TIME: 'on_time', LATE: 'late', NOT_DUE: 'not_due', NO_DEADLINE: 'no_deadline' };

/** Words that only say when, not whether: they qualify another phrase, or stand alone. */
const MODIFIERS = new Set([
  'qua han', 'tre han', 'cham', 'cham muon', 'cham tien do', 'no dong', 'trong han', 'con trong han', 'trung han',
  'dung han', 'truoc han', 'chua den han', 'sap den han', 'sap qua han',
]);

/** Open phrases that mean work is under way (in_progress) rather than not done / not started. */
const UNDER_WAY = /^(?:dang |co ban hoan thanh|cho xac nhan|thuc hien lai|de nghi dieu chinh)/;

/**
 * Requests stay open until approved (vocabulary note on STOPPED): "Đề nghị rút",
 * "Xin rút nhiệm vụ", "Đề nghị dừng thực hiện" → not_done. Only a decided stop
 * ("Dừng thực hiện", "Tạm dừng", "Đã được rút") is 'stopped'.
 */
const EXTRA: Array<[string, Progress | null, Timeliness]> = [
  ['Đã hoàn thành trước hạn', 'done', 'on_time'],
  ['Đã hoàn thành trễ hạn', 'done_late', 'late'],
  ['Đã hoàn thành chậm', 'done_late', 'late'],
  ['Đã xong', 'done', null],
  ['Không hoàn thành', 'not_done', null],
  ['Chưa xong', 'not_done', null],
  ['Chưa xử lý', 'not_done', null],
  ['Đang xử lý', 'in_progress', null],
  ['Đề nghị rút', 'not_done', null],
  ['Đề nghị rút nhiệm vụ', 'not_done', null],
  ['Xin rút nhiệm vụ', 'not_done', null],
  ['Đề nghị dừng', 'not_done', null],
  ['Đề nghị gia hạn', 'in_progress', null],
  ['Xin lùi thời hạn', 'in_progress', null],
  ['Đã dừng thực hiện', 'stopped', null],
  ['Đã được rút', 'stopped', null],
  ['Đã rút nhiệm vụ', 'stopped', null],
  ['Đã đưa ra khỏi danh mục', 'stopped', null],
  ['Đã được đưa ra khỏi danh mục', 'stopped', null],
];

function progressOf(key: string, completion: string, timeliness: Timeliness): Progress | null {
  if (MODIFIERS.has(key)) return null;
  switch (completion) {
    case 'DONE':
      return timeliness === 'late' ? 'done_late' : 'done';
    case 'STOPPED':
      return 'stopped';
    case 'ONGOING':
      return 'in_progress';
    case 'NOT_STARTED':
      return 'not_done';
    default:
      return UNDER_WAY.test(key) ? 'in_progress' : 'not_done';
  }
}

function build(): Phrase[] {
  const byKey = new Map<string, Phrase>();
  for (const p of vocabulary.phrases) {
    const key = wordKey(p.text);
    const timeliness = p.timeliness ? TIMELINESS[p.timeliness] ?? null : null;
    byKey.set(key, { key, progress: progressOf(key, p.completion, timeliness), timeliness });
  }
  for (const [text, progress, timeliness] of EXTRA) {
    const key = wordKey(text);
    byKey.set(key, { key, progress, timeliness });
  }
  // Longest first: "da hoan thanh qua han" before "da hoan thanh" before "hoan thanh".
  return [...byKey.values()].sort((a, b) => b.key.length - a.key.length);
}

export const PHRASES: readonly Phrase[] = build();
