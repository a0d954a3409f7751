/** The pre-filled workbook for one unit: its tasks on "Báo cáo", the tasks it coordinates on "Phối hợp". */
import type { Grid } from '../../core/grid';
import type { ParsedTask, TableLayout } from '../../core/model';
import { cellText, cleanText, foldKey } from '../../core/text/normalize';
import { reportTemplateSpec, type TemplateRow } from '../../report/layout/report-template';
import type { WorkbookSpec } from '../../report/layout/spec';
import type { Assignment, UnitPlan } from './plan';

export interface UnitWorkbookOptions {
  title?: string;
  attachedTo?: string;
  asOf?: string;
}

/** A Date for a plain-date deadline, else its text ("Quý I/2025", "Thực hiện thường xuyên"). */
function deadlineCell(t: ParsedTask): Date | string | null {
  if (t.deadline.kind === 'date' && t.deadline.due) return new Date(t.deadline.due + 'T00:00:00Z');
  return t.deadline.text || null;
}

/** Template rows with a section row each time the section changes. */
function rowsOf(list: Assignment[], own: boolean): TemplateRow[] {
  const rows: TemplateRow[] = [];
  let section: string | null = null;
  for (const a of list) {
    const t = a.task;
    if (t.section && t.section !== section) rows.push({ section: t.section });
    section = t.section;
    rows.push({
      id: own ? a.id : undefined,
      stt: t.stt,
      task: t.task,
      // A task sent to several units names the receiving unit: each unit reports its own part.
      lead: a.shared || a.viaGroup ? a.unit : t.leadUnitText,
      co: t.coUnitsText,
      deadline: deadlineCell(t),
      result: own ? t.resultText : undefined,
      status: own ? t.progressText : undefined,
      note: own ? masterNote(t) ?? noteOf(a) : undefined,
    });
  }
  return rows;
}

/** The master's "Ghi chú" cell, whatever its header's case or spacing. */
function masterNote(t: ParsedTask): string | undefined {
  for (const [header, value] of Object.entries(t.extra)) if (foldKey(header) === 'ghi chu' && value) return value;
  return undefined;
}

function noteOf(a: Assignment): string | undefined {
  return a.viaGroup ? `Giao chung: ${a.task.leadUnitText}` : a.shared ? `Đồng chủ trì: ${a.task.leadUnitText}` : undefined;
}

export function unitWorkbookSpec(plan: UnitPlan, opts: UnitWorkbookOptions): WorkbookSpec {
  return reportTemplateSpec(
    { title: opts.title, attachedTo: opts.attachedTo, asOf: opts.asOf, unit: plan.unit, rows: rowsOf(plan.own, true), blankRows: 0 },
    plan.coordinating.length ? rowsOf(plan.coordinating, false) : undefined,
  );
}

/** The master's title lines above its table: the report name and the "(Kèm theo …)" line, when present. */
export function masterTitle(grid: Grid | undefined, layout: TableLayout | null): { title?: string; attachedTo?: string } {
  if (!grid || !layout) return {};
  const lines: string[] = [];
  for (let r = 0; r < layout.headerTop; r++) {
    const text = cleanText((grid.rows[r] ?? []).map((v) => cellText(v)).filter(Boolean).join(' '));
    if (text) lines.push(text);
  }
  const attachedTo = lines.find((l) => /^\(?\s*kèm theo/i.test(l));
  const title = lines.find((l) => l !== attachedTo && !/^phụ lục\b/i.test(l) && l.length > 10);
  return { ...(title ? { title } : {}), ...(attachedTo ? { attachedTo: attachedTo.startsWith('(') ? attachedTo : `(${attachedTo})` } : {}) };
}
