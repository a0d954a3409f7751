/**
 * The one rule behind each number tiendo reports. Every face (tom-tat.txt, the terminal line,
 * tong-hop.xlsx, tong-hop.json, `inspect`, the task pane and its summary sheet) takes its
 * numbers from the report model built with these rules; none counts on its own.
 *
 * - **Nhiệm vụ (tasks)**: each task once in the totals; a task led by several units counts once
 *   for each of them in the per-unit rows (so the unit rows can add up to more than the total).
 * - **Đã hoàn thành (done)**: the unit *reported* it done, `progress` `done` or `done_late`, whatever
 *   its deadline. A recurring task ("Thực hiện thường xuyên") reported "Đã hoàn thành" is done for
 *   this report; its VPCP category stays "Nhiệm vụ thường xuyên" (the categories describe timeliness,
 *   and a recurring task has none), so "done" can be larger than the two "Đã hoàn thành …" category
 *   columns together. A stopped task is never done.
 * - **Hoàn thành quá hạn (done late)**: `progress` `done_late` (reported late, or corrected by an issue).
 * - **Quá hạn (overdue)**: not done, not stopped, not recurring, due before the as-of date
 *   (category `open_overdue`; due on the as-of date is still in time).
 * - **Chưa báo cáo (unreported)**: nothing in "Tiến độ" (`progress` `unreported`).
 * - **Tỷ lệ hoàn thành (done rate)**: done / tasks.
 * - **Sắp đến hạn (due soon, the pane only)**: open in time with a due date at most N days after as-of.
 * - **Suy ra (inferred)**: `progressSource` `inferred` (read from the result text or a phrase with one
 *   documented reading) or `tick` (a mark under a status column of a tick form).
 * - **Không nhận ra tiến độ (unrecognised)**: something was written but no status could be read:
 *   a "Tiến độ" word tiendo does not know (`unknown`), or a blank "Tiến độ" beside a result text
 *   from which no status could be inferred.
 */
import type { Progress, ProgressSource } from '../core/model';
import { daysBetween } from '../core/dates';
import type { ProgressCounts } from './report-types';

export function isDone(progress: Progress): boolean {
  return progress === 'done' || progress === 'done_late';
}

/** Done tasks in a progress count (done + done_late). */
export function doneOf(progress: ProgressCounts): number {
  return (progress.done ?? 0) + (progress.done_late ?? 0);
}

export function doneRate(progress: ProgressCounts, tasks: number): number {
  return tasks ? doneOf(progress) / tasks : 0;
}

/** True when tiendo, not the unit, decided the progress (shown as inferred in every output). */
export function isInferred(source: ProgressSource): boolean {
  return source === 'inferred' || source === 'tick';
}

/** Something written, no status read: an unknown word, or a blank status beside a result text. */
export function isUnrecognised(t: { progress: Progress; result: string }): boolean {
  return t.progress === 'unknown' || (t.progress === 'unreported' && t.result.trim() !== '');
}

/** Open in time and due at most `days` days after `asOf` (the pane's "sắp đến hạn"). */
export function isDueSoon(t: { category: string; overdue: boolean; deadline: { due: string | null } }, asOf: string, days: number): boolean {
  if (t.overdue || !t.deadline.due || t.category !== 'open_in_time') return false;
  const left = daysBetween(asOf, t.deadline.due);
  return left >= 0 && left <= days;
}
