/**
 * Texts read on demand. At national scale the read pool keeps each task's task and result texts on disk
 * (batch/spool.ts) and gives the Task accessors that read them back; a ReportTask made from such a Task
 * forwards to them instead of copying (copying 200,000 tasks' texts would put them all back on the heap).
 * For an ordinary Task (plain data properties) nothing changes.
 */
import type { ByteSource } from './layout/spec';
const SOURCE = Symbol('tiendo.textSource');

type Forwarding = Record<string, unknown> & { [SOURCE]?: Record<string, unknown> };

/** Is `key` of `o` read on demand (an own accessor)? */
export function isLazy(o: object, key: string): boolean {
  return typeof Object.getOwnPropertyDescriptor(o, key)?.get === 'function';
}

const forwarders = new Map<string, PropertyDescriptor>();

function forwarder(to: string, from: string): PropertyDescriptor {
  const id = to + '\u0000' + from;
  let d = forwarders.get(id);
  if (!d) {
    d = {
      get(this: Forwarding): unknown { return this[SOURCE]?.[from]; },
      set(this: Forwarding, v: unknown): void { Object.defineProperty(this, to, { value: v, writable: true, enumerable: true, configurable: true }); },
      enumerable: true,
      configurable: true,
    };
    forwarders.set(id, d);
  }
  return d;
}

/**
 * Adds `key` to `o` (a new property, at the end of its key order) reading `source[from]` on demand; the first call
 * on `o` names its `source`, later ones pass null. Objects built alike, property by property (no property redefined),
 * share one hidden class and stay as compact as plain ones. Use when isLazy(source, …).
 */
export function addForward(o: object, source: object | null, key: string, from: string): void {
  if (source) Object.defineProperty(o, SOURCE, { value: source, enumerable: false });
  Object.defineProperty(o, key, forwarder(key, from));
}

/**
 * A task's output rows rendered ahead by the read worker that read it (issue 14): its tong-hop.json record, its
 * "Chi tiết" cells and each issue's "Cảnh báo" cells after the STT (report/layout/spec.ts RenderedCells, with
 * ROW_MARK for the row number). Made from the task exactly as the main thread would render it; any change to the
 * task makes a new object without it (see renderingOf).
 */
export interface TaskRendering {
  /** JSON.stringify of the task's ReportTask. */
  json(): string;
  /** The "Chi tiết" row's cells. */
  cellsXml(): string;
  /** The k-th issue's "Cảnh báo" row cells, from the second column. */
  issueXml(k: number): string;
  /** How many issues the task had when rendered. */
  readonly issues: number;
  /** The task's "Quá hạn" row cells from the second column (its own lead text and days late), when `hasOverdue`. */
  overdueXml(): string;
  /** Rendered with a "Quá hạn" row (the task is overdue). */
  readonly hasOverdue: boolean;
  /** Where the same texts are kept as UTF-8 bytes, when in a file. */
  jsonSource?(): ByteSource;
  cellsSource?(): ByteSource;
  issueSource?(k: number): ByteSource;
  overdueSource?(): ByteSource;
}

const RENDERING = Symbol('tiendo.rendering');

/** Attaches a rendering to a Task or ReportTask (not enumerable: a spread copy, a changed task, does not keep it). */
export function setRendering(o: object, r: TaskRendering): void {
  Object.defineProperty(o, RENDERING, { value: r, enumerable: false });
}

/** The task's rendering, when it has one and its issues are still those it was rendered with. */
export function renderingOf(o: { issues: readonly unknown[] }): TaskRendering | null {
  const r = (o as { [RENDERING]?: TaskRendering })[RENDERING];
  return r && r.issues === o.issues.length ? r : null;
}
