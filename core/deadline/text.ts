/** Reads a deadline written as text ("Quý II/2025", "trước ngày 25/9/2025", "Thực hiện thường xuyên"). */
import type { Deadline } from '../model';

import { fold } from './clean';
import { scanMilestones, type Milestone } from './milestones';

export type BeforeReading = 'lenient' | 'strict';

/** "thường xuyên", "hằng/hàng tháng", "định kỳ", "không có thời hạn", "1 lần/tuần": no due date. */
const RECURRING = /thuong xuyen|(?<![a-z])(?:hang|moi)\s+(?:ngay|tuan|thang|quy|nam)(?![a-z])|dinh ky|khong (?:co )?thoi han|lan\s*\/\s*(?:tuan|thang|quy|nam)|lien tuc/;
/** "… và những năm tiếp theo", "các năm sau", "… trở đi": a first milestone, then recurring. */
const ONGOING = /(?:nhung|cac) nam (?:tiep theo|sau)|(?<![a-z])tro di(?![a-z])/;

function addDays(iso: string, n: number): string {
  const d = new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Which milestone a secretariat tracks when a cell names several
 * ("Quý II/2025; hoàn thành trong Quý III/2025"): the completion deadline, i.e.
 * the latest milestone introduced by "hoàn thành / chậm nhất / hạn chót"; without
 * such a marker, the latest milestone (the task is done when all its parts are).
 */
function pickMilestone(ms: Milestone[]): Milestone {
  const marked = ms.filter((m) => m.completion);
  const pool = marked.length ? marked : ms;
  return pool.reduce((best, m) => (m.due >= best.due ? m : best));
}

export function parseDeadlineText(text: string, before: BeforeReading = 'lenient'): Deadline {
  if (!text) return { text, due: null, kind: 'none' };
  const key = fold(text);
  const { milestones, invalid } = scanMilestones(key);
  if (invalid) return { text, due: null, kind: 'unparsed' };
  const dated = milestones.filter((m) => !m.start);
  if (ONGOING.test(key) || (dated.length && RECURRING.test(key))) {
    if (!dated.length) return { text, due: null, kind: 'recurring' };
    const first = dated.reduce((a, m) => (m.due < a.due ? m : a));
    return { text, due: first.due, kind: 'ongoing' };
  }
  if (RECURRING.test(key)) return { text, due: null, kind: 'recurring' };
  if (!dated.length) return { text, due: null, kind: 'unparsed' };
  const pick = pickMilestone(dated);
  const strict = before === 'strict' && pick.before && pick.kind === 'date';
  return { text, due: strict ? addDays(pick.due, -1) : pick.due, kind: pick.kind };
}

