/**
 * The `distribute` manifest (danh-sach-giao.json): which task IDs were sent to which unit, read tolerantly:
 * `{units: [{unit, file?, tasks: [{id|taskId, stt?, task?}]}]}` or a flat `{tasks: [{id|taskId, unit|leadUnit,
 * stt?, task?, file?}]}` / a bare array. Pure: the CLI (batch/aggregate/sent.ts) and the task pane's rollup use it.
 */
import type { SentTask } from './types';

type Obj = Record<string, unknown>;

export function parseSent(json: unknown): SentTask[] {
  const root = json as Obj | unknown[];
  if (Array.isArray(root)) return root.flatMap((t) => one(t as Obj, {}));
  const out: SentTask[] = [];
  for (const u of asArray(root.units ?? root.files ?? root.workbooks)) {
    const group = u as Obj;
    for (const t of asArray(group.tasks)) out.push(...one(t as Obj, group));
  }
  for (const t of asArray(root.tasks)) out.push(...one(t as Obj, {}));
  return out;
}

function one(t: Obj, group: Obj): SentTask[] {
  const taskId = str(t.taskId ?? t.id);
  const unit = str(t.unit ?? t.leadUnit ?? group.unit ?? group.name);
  if (!taskId || !unit) return [];
  const s: SentTask = { taskId, unit };
  const stt = str(t.stt);
  const task = str(t.task ?? t.name);
  const section = str(t.section);
  const file = str(t.file ?? group.file);
  if (stt) s.stt = stt;
  if (section) s.section = section;
  if (task) s.task = task;
  if (file) s.file = file;
  return [s];
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
