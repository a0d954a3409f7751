/**
 * danh-sach-giao.json: what `distribute` sent to whom, read by `aggregate --sent`
 * to list tasks not returned ("chưa báo cáo"). Format: templates/README-distribute.md.
 */
import type { Issue } from '../../core/issue';
import type { Deadline } from '../../core/model';
import type { Assignment, DistributionPlan } from './plan';

export const MANIFEST_FILE = 'danh-sach-giao.json';
const MANIFEST_FORMAT = 'tiendo/danh-sach-giao@1';

export interface ManifestTask {
  id: string;
  stt: string;
  section: string | null;
  task: string;
  /** The lead cell as written in the master. */
  leadText: string;
  /** The group this unit received the task through (--expand-groups), else null. */
  viaGroup: string | null;
  deadline: Deadline;
  /** Sheet and 1-based row of the task in the master. */
  sheet: string;
  row: number;
}

export interface ManifestUnit {
  unit: string;
  /** Workbook written for the unit, relative to the manifest. */
  file: string;
  /** Tasks the unit leads and must report on. */
  tasks: ManifestTask[];
  /** Tasks it coordinates (read-only sheet "Phối hợp"; not expected back). */
  coordinating: { stt: string; task: string; leadText: string; sheet: string; row: number }[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  master: string;
  sheet: string | null;
  createdAt: string;
  asOf: string | null;
  expandGroups: boolean;
  units: ManifestUnit[];
  unassigned: { stt: string; task: string; sheet: string; row: number }[];
  issues: Issue[];
}

function taskEntry(a: Assignment): ManifestTask {
  const t = a.task;
  return { id: a.id, stt: t.stt, section: t.section, task: t.task, leadText: t.leadUnitText, viaGroup: a.viaGroup, deadline: t.deadline, sheet: t.sheet, row: t.row };
}

export function buildManifest(
  plan: DistributionPlan, files: Map<string, string>,
  meta: { master: string; sheet: string | null; createdAt: string; asOf: string | null; expandGroups: boolean; issues: Issue[] },
): Manifest {
  return {
    format: MANIFEST_FORMAT,
    master: meta.master,
    sheet: meta.sheet,
    createdAt: meta.createdAt,
    asOf: meta.asOf,
    expandGroups: meta.expandGroups,
    units: plan.units.map((u) => ({
      unit: u.unit,
      file: files.get(u.unit) ?? '',
      tasks: u.own.map(taskEntry),
      coordinating: u.coordinating.map((a) => ({ stt: a.task.stt, task: a.task.task, leadText: a.task.leadUnitText, sheet: a.task.sheet, row: a.task.row })),
    })),
    unassigned: plan.unassigned.map((t) => ({ stt: t.stt, task: t.task, sheet: t.sheet, row: t.row })),
    issues: [...meta.issues, ...plan.issues],
  };
}
