/**
 * Monthly scoring ("chấm điểm") of units. The weights live in report/history/cham-diem.json
 * (or a file given with --trong-so); the formula (README, docs/lich-su.md):
 *
 *   scored tasks n = doneOnTime + doneLate + openInTime + openOverdue + unreported
 *     (tasks the unit leads; recurring and stopped tasks are not scored; an open task with a
 *      blank "Tiến độ" counts as unreported, not by its timeliness)
 *   score = clamp(0, 100, ( Σ weight[c] × count[c]  +  chronicOverdue × chronic ) / n ), one decimal
 *     chronic = open overdue tasks overdue for at least `chronicFromPeriods` consecutive periods
 *   rank: by score, highest first; equal scores share a rank (1, 2, 2, 4); units with n = 0 are unranked.
 */
import defaults from './cham-diem.json';
import type { Period, ScoreCounts, UnitScore } from './types';
import { compareVi } from '../units-of';

export interface ScoreWeights {
  doneOnTime: number;
  doneLate: number;
  openInTime: number;
  openOverdue: number;
  unreported: number;
  /** Added per chronic overdue task (negative = a penalty). */
  chronicOverdue: number;
  /** Streak (periods) from which an overdue task is chronic. */
  chronicFromPeriods: number;
}

const KEYS: readonly (keyof ScoreWeights)[] = ['doneOnTime', 'doneLate', 'openInTime', 'openOverdue', 'unreported', 'chronicOverdue', 'chronicFromPeriods'];

/** Check a weights object (from JSON); a Vietnamese message on the first problem. */
export function parseWeights(raw: unknown, source = 'cham-diem.json'): { ok: true; weights: ScoreWeights } | { ok: false; message: string } {
  if (!raw || typeof raw !== 'object') return { ok: false, message: `${source}: cần một đối tượng JSON với các trọng số ${KEYS.join(', ')}.` };
  const o = raw as Record<string, unknown>;
  const w = {} as ScoreWeights;
  for (const k of KEYS) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, message: `${source}: thiếu hoặc sai trọng số "${k}" (cần một số).` };
    w[k] = v;
  }
  if (!Number.isInteger(w.chronicFromPeriods) || w.chronicFromPeriods < 2) {
    return { ok: false, message: `${source}: "chronicFromPeriods" cần số nguyên từ 2 trở lên.` };
  }
  return { ok: true, weights: w };
}

const parsed = parseWeights(defaults);
if (!parsed.ok) throw new Error(parsed.message);
/** The repository's weights (report/history/cham-diem.json). */
export const DEFAULT_WEIGHTS: ScoreWeights = parsed.weights;

export function scoredTasks(c: ScoreCounts): number {
  return c.doneOnTime + c.doneLate + c.openInTime + c.openOverdue + c.unreported;
}

/** @example scoreOf({ doneOnTime: 2, doneLate: 0, openInTime: 1, openOverdue: 1, unreported: 0, chronicOverdue: 0 }, DEFAULT_WEIGHTS) // 75 */
export function scoreOf(c: ScoreCounts, w: ScoreWeights): number | null {
  const n = scoredTasks(c);
  if (!n) return null;
  const points = w.doneOnTime * c.doneOnTime + w.doneLate * c.doneLate + w.openInTime * c.openInTime
    + w.openOverdue * c.openOverdue + w.unreported * c.unreported + w.chronicOverdue * c.chronicOverdue;
  const s = Math.min(100, Math.max(0, points / n));
  return Math.round(s * 10) / 10;
}

/** Competition ranks (1, 2, 2, 4) by score, highest first; null scores are unranked. */
export function ranks(scores: Map<string, number | null>): Map<string, number | null> {
  const sorted = [...scores].filter(([, s]) => s !== null).sort((a, b) => (b[1] as number) - (a[1] as number));
  const out = new Map<string, number | null>([...scores.keys()].map((u) => [u, null]));
  sorted.forEach(([u, s], i) => {
    out.set(u, i > 0 && sorted[i - 1][1] === s ? (out.get(sorted[i - 1][0]) as number) : i + 1);
  });
  return out;
}

/** Scores of every unit of `period`, with the previous period's score and rank. */
export function unitScores(
  period: Period,
  current: Map<string, ScoreCounts>,
  previous: Map<string, ScoreCounts> | null,
  w: ScoreWeights = DEFAULT_WEIGHTS,
): UnitScore[] {
  const now = new Map([...current].map(([u, c]) => [u, scoreOf(c, w)]));
  const rankNow = ranks(now);
  const before = previous ? new Map([...previous].map(([u, c]) => [u, scoreOf(c, w)])) : new Map<string, number | null>();
  const rankBefore = ranks(before);
  return [...current].map(([unit, counts]) => {
    const rank = rankNow.get(unit) ?? null;
    const previousRank = rankBefore.get(unit) ?? null;
    return {
      unit, period, score: now.get(unit) ?? null, rank,
      previousScore: before.get(unit) ?? null, previousRank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      tasks: scoredTasks(counts), counts,
    };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareVi(a.unit, b.unit));
}
