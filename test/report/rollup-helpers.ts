/** Hand-built classified tasks for the rollup tests (no reader involved). */
import type { Category, Progress, ResolvedUnit, Task } from '../../core/model';

export interface TaskInit {
  file?: string;
  row?: number;
  stt?: string;
  task?: string;
  units?: string[];
  progress?: Progress;
  progressText?: string;
  category?: Category;
  overdue?: boolean;
  daysLate?: number | null;
  due?: string | null;
  section?: string | null;
  result?: string;
  taskId?: string | null;
  /** Mark the lead units as groups ("Các bộ, ngành, địa phương"). */
  group?: boolean;
}

const TEXT: Partial<Record<Progress, string>> = {
  done: 'Đã hoàn thành', done_late: 'Đã hoàn thành quá hạn', in_progress: 'Đang thực hiện',
  not_done: 'Chưa hoàn thành', stopped: 'Dừng thực hiện', unreported: '',
};

export function mkTask(o: TaskInit): Task {
  const units = o.units ?? ['Bộ Nội vụ'];
  const leadUnits: ResolvedUnit[] = units.map((name) => ({ name, known: true, ...(o.group ? { kind: 'group' as const } : {}) }));
  const progress = o.progress ?? 'in_progress';
  return {
    file: o.file ?? 'a.xlsx', sheet: 'Phụ lục', row: o.row ?? 5, stt: o.stt ?? '1', section: o.section ?? null,
    task: o.task ?? 'Nhiệm vụ', leadUnitText: units.join(', '), leadUnits, coUnitsText: '', coUnits: [],
    deadline: { text: o.due ? o.due.split('-').reverse().join('/') : '', due: o.due ?? null, kind: o.due ? 'date' : 'none' },
    resultText: o.result ?? '', progressText: o.progressText ?? TEXT[progress] ?? '', progress, extra: {},
    progressSource: progress === 'unreported' ? 'none' : 'typed', dueSource: o.due ? 'typed' : 'none',
    taskId: o.taskId ?? null, cells: {}, issues: [],
    leadUnit: units.join('; '), asOf: '2025-11-15', category: o.category ?? 'open_in_time',
    overdue: o.overdue ?? false, daysLate: o.daysLate ?? null,
  };
}

/** Overdue, not done, `days` late. */
export function late(units: string[], days: number, extra: TaskInit = {}): Task {
  return mkTask({ units, progress: 'not_done', category: 'open_overdue', overdue: true, daysLate: days, ...extra });
}
