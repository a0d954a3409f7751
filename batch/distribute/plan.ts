/**
 * Who receives which task: each lead unit gets its own tasks, each coordinating
 * unit a read-only list. Group leads ("Các bộ, ngành, địa phương") either expand
 * to every member unit (expandGroups) or go to a file for the group itself.
 */
import { issue, type Issue } from '../../core/issue';
import type { ParsedTask, ResolvedUnit } from '../../core/model';
import { taskKey } from '../../core/taskkey';
import { expandGroup } from '../../core/units';
import { occurrences, taskIdOf } from './ids';

export interface Assignment {
  /** Stable ID of this (task, unit) pair; '' for coordination entries. */
  id: string;
  task: ParsedTask;
  unit: string;
  /** The group the unit was reached through with expandGroups, else null. */
  viaGroup: string | null;
  /** True when the task went to more than one unit (the lead column then names the receiving unit). */
  shared: boolean;
}

export interface UnitPlan {
  unit: string;
  own: Assignment[];
  coordinating: Assignment[];
}

export interface DistributionPlan {
  units: UnitPlan[];
  /** Tasks with no lead unit: listed in the manifest and as issues, sent to nobody. */
  unassigned: ParsedTask[];
  issues: Issue[];
}

interface Recipient {
  unit: string;
  viaGroup: string | null;
}

/** Units a cell's resolution stands for, groups expanded when asked (and when their members are known). */
function recipients(units: ResolvedUnit[], expandGroups: boolean): Recipient[] {
  const out: Recipient[] = [];
  const seen = new Set<string>();
  const add = (unit: string, viaGroup: string | null) => {
    if (seen.has(unit)) return;
    seen.add(unit);
    out.push({ unit, viaGroup });
  };
  for (const u of units) {
    const members = expandGroups && u.kind === 'group' ? expandGroup(u.name) : [];
    if (members.length) for (const m of members) add(m, u.name);
    else add(u.name, null);
  }
  return out;
}

/** The distribution of a master's tasks (in master order) to units (in order of first appearance). */
export function planDistribution(tasks: ParsedTask[], opts: { expandGroups: boolean }): DistributionPlan {
  const byUnit = new Map<string, UnitPlan>();
  const plan = (unit: string): UnitPlan => {
    let p = byUnit.get(unit);
    if (!p) {
      p = { unit, own: [], coordinating: [] };
      byUnit.set(unit, p);
    }
    return p;
  };
  const keys = tasks.map((t) => taskKey({ ...t, taskId: null }));
  const occ = occurrences(keys);
  const unassigned: ParsedTask[] = [];
  const issues: Issue[] = [];
  tasks.forEach((t, i) => {
    const leads = recipients(t.leadUnits, opts.expandGroups);
    if (!leads.length) {
      unassigned.push(t);
      issues.push(issue('NO_LEAD_UNIT', `Nhiệm vụ STT ${t.stt || '?'} (dòng ${t.row}) không có đơn vị chủ trì: không giao cho đơn vị nào.`,
        { file: t.file, sheet: t.sheet, row: t.row, cell: t.cells.lead }));
    }
    const shared = leads.length > 1;
    for (const r of leads) plan(r.unit).own.push({ id: taskIdOf(keys[i], occ[i], r.unit), task: t, unit: r.unit, viaGroup: r.viaGroup, shared });
    const leadNames = new Set(leads.map((r) => r.unit));
    for (const r of recipients(t.coUnits, opts.expandGroups)) {
      if (leadNames.has(r.unit)) continue;
      plan(r.unit).coordinating.push({ id: '', task: t, unit: r.unit, viaGroup: r.viaGroup, shared });
    }
  });
  return { units: [...byUnit.values()], unassigned, issues };
}
