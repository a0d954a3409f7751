/**
 * Finds the dated milestones in a folded deadline text (see clean.ts fold()):
 * full dates, months, quarters, halves, years. Each match is blanked before the
 * next, less specific, pattern runs, so "31/10/2025" is never re-read as "10/2025".
 */
import type { DeadlineKind } from '../model';
import { endOfMonth, isoDate } from '../dates';

export interface Milestone {
  due: string;
  kind: DeadlineKind;
  /** Position in the folded text. */
  index: number;
  /** Introduced by "hoàn thành …", "chậm nhất …", "hạn chót …": the completion deadline. */
  completion: boolean;
  /** A start or effective date ("từ ngày …", "kể từ …", "hiệu lực từ …"): not a deadline. */
  start: boolean;
  /** Introduced directly by "trước (ngày)": the one reading that may be strict. */
  before: boolean;
}

export interface Scan {
  milestones: Milestone[];
  /** A date that does not exist (31/02/2025, tháng 13/2025) was written. */
  invalid: boolean;
}

type Hit = { due: string | null; kind: DeadlineKind };
type Rule = { re: RegExp; read: (m: RegExpExecArray) => Hit };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const WORD_NUM: Record<string, number> = { ba: 3, sau: 6, chin: 9 };

function year(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function month(y: number, m: number): Hit {
  return { due: m >= 1 && m <= 12 && isoDate(y, m, 1) ? endOfMonth(y, m) : null, kind: 'month' };
}

function quarter(q: string, y: string): Hit {
  const n = ROMAN[q] ?? Number(q);
  return { due: isoDate(Number(y), 1, 1) ? endOfMonth(Number(y), n * 3) : null, kind: 'quarter' };
}

/** "N tháng đầu năm" ends with month N; "N tháng cuối năm" with December. */
function firstMonths(n: number, y: number, first: boolean): Hit {
  if (!isoDate(y, 1, 1) || n < 1 || n > 12) return { due: null, kind: 'half' };
  const m = first ? n : 12;
  const kind: DeadlineKind = n === 6 ? 'half' : first && n % 3 === 0 ? 'quarter' : first ? 'month' : 'year';
  return { due: endOfMonth(y, m), kind };
}

const NUM = '(\\d{1,2}|ba|sau|chin)';

/** In order: most specific first. */
const RULES: Rule[] = [
  // ngày 31 tháng 10 năm 2025
  { re: /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})/g, read: (m) => ({ due: isoDate(+m[3], +m[2], +m[1]), kind: 'date' }) },
  // 2025-10-31 (ISO, as CSV exports write it)
  { re: /(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/])/g, read: (m) => ({ due: isoDate(+m[1], +m[3], +m[4]), kind: 'date' }) },
  // 31/10/2025, 31-10-2025, 31.10.2025, 31/10/25
  {
    re: /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/]|[.-]\d)/g,
    read: (m) => ({ due: isoDate(year(m[4]), +m[3], +m[1]), kind: 'date' }),
  },
  // 6 tháng đầu năm 2025, 9 tháng đầu năm 2025, 6 tháng cuối năm 2025, 05 tháng cuối năm 2025
  {
    re: new RegExp(`(?<![a-z\\d])${NUM}\\s*thang\\s*(dau|cuoi)\\s*nam\\s*(\\d{4})`, 'g'),
    read: (m) => firstMonths(WORD_NUM[m[1]] ?? Number(m[1]), +m[3], m[2] === 'dau'),
  },
  // những tháng cuối năm 2025, các tháng cuối năm 2025
  { re: /(?:nhung|cac)\s*thang\s*cuoi\s*nam\s*(\d{4})/g, read: (m) => ({ due: isoDate(+m[1], 12, 31), kind: 'year' }) },
  // nửa đầu năm 2025 / nửa cuối năm 2025
  { re: /nua\s*(dau|cuoi)\s*nam\s*(\d{4})/g, read: (m) => firstMonths(6, +m[2], m[1] === 'dau') },
  // ranges end at their last period: "Quý III-IV/2025", "Quý I, II năm 2025", "Tháng 9-10/2025", "tháng 9 và 10/2025"
  {
    re: /(?<![a-z])(?:quy|q)\s*(?:iv|iii|ii|i|[1-4])\s*(?:[-–,]|va)\s*(?:quy\s*)?(iv|iii|ii|i|[1-4])\s*(?:[/.-]|,?\s*nam)\s*(\d{4})(?!\d)/g,
    read: (m) => quarter(m[1], m[2]),
  },
  {
    re: /(?<![a-z])(?:thang|t)\s*\d{1,2}\s*(?:[-–,]|va)\s*(?:thang\s*)?(\d{1,2})\s*(?:[/.-]|,?\s*nam)\s*(\d{4})(?!\d)/g,
    read: (m) => month(+m[2], +m[1]),
  },
  // Quý II/2025, quý 2 năm 2025, Q2/2025, Quý IV - 2025
  {
    re: /(?<![a-z])(?:quy|q)\s*\.?\s*(iv|iii|ii|i|[1-4])\s*(?:[/.-]|,?\s*nam)\s*(\d{4})(?!\d)/g,
    read: (m) => quarter(m[1], m[2]),
  },
  // Tháng 3/2025, tháng 6 năm 2025, T3/2025, tháng 09-2025
  {
    re: /(?<![a-z])(?:thang|t)\s*\.?\s*(\d{1,2})\s*(?:[/.-]|,?\s*nam)\s*(\d{4})(?!\d)/g,
    read: (m) => month(+m[2], +m[1]),
  },
  // bare 10/2025 ("hoàn thành trong 10/2025")
  { re: /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/g, read: (m) => month(+m[2], +m[1]) },
  // đầu năm 2026 (vague: end of Q1), giữa năm 2026 (end of June)
  { re: /dau\s*nam\s*(\d{4})/g, read: (m) => ({ due: isoDate(+m[1], 3, 31), kind: 'quarter' }) },
  { re: /giua\s*nam\s*(\d{4})/g, read: (m) => ({ due: isoDate(+m[1], 6, 30), kind: 'half' }) },
  // Năm 2025, trong năm 2025, đến hết năm 2025
  { re: /(?<![a-z])nam\s*(\d{4})(?!\d)/g, read: (m) => ({ due: isoDate(+m[1], 12, 31), kind: 'year' }) },
  // bare 2025 (also the end of a range "2025-2026"); not a document number "107/2024"
  { re: /(?<![\d/.])((?:19|20|21)\d{2})(?![\d/])/g, read: (m) => ({ due: isoDate(+m[1], 12, 31), kind: 'year' }) },
];

const START = /(?:(?<![a-z])tu|ke tu|bat dau|hieu luc)\s*(?:ngay|thang|quy|nam)?\s*$/;
const BEFORE = /(?<![a-z])truoc\s*(?:ngay\s*)?$/;
const COMPLETION = /(?:hoan thanh|hoan tat|cham nhat|han chot|thoi han)[^;]*$/;

/** All milestones of a folded text, in text order. */
export function scanMilestones(folded: string): Scan {
  let s = folded;
  const milestones: Milestone[] = [];
  let invalid = false;
  for (const rule of RULES) {
    const hits = [...s.matchAll(rule.re)];
    for (const m of hits) {
      const index = m.index ?? 0;
      const hit = rule.read(m as RegExpExecArray);
      s = s.slice(0, index) + ' '.repeat(m[0].length) + s.slice(index + m[0].length);
      if (!hit.due) {
        invalid = true;
        continue;
      }
      const prefix = folded.slice(0, index);
      milestones.push({
        due: hit.due,
        kind: hit.kind,
        index,
        completion: COMPLETION.test(prefix.slice(-30)),
        start: START.test(prefix),
        before: BEFORE.test(prefix),
      });
    }
  }
  milestones.sort((a, b) => a.index - b.index);
  return { milestones, invalid };
}
