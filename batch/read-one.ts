/** Reads one workbook and finds its table: the unit of work of readFiles (in-process or in a worker). */
import { issue, type Issue } from '../core/issue';
import { formatNumber } from '../core/format';
import type { SheetRead, Task } from '../core/model';
import { classifyRead } from '../core/table/read';
import { workbookRead } from '../core/table/workbook-read';
import { taskKeyPrefix } from '../core/taskkey';
import { foldKeyCodes } from '../core/text/normalize';
import { cyrb53Pair, fingerprintHash } from '../report/duplicate-files';
import type { ReadLimits } from '../xlsx/read';
import { readGridsFile } from './read-grids';
import { baseName } from '../xlsx/reader/read-workbook';
import { COLD_FIELDS, type ColdWire, type Spool, type SpoolWriter } from './spool';
import type { TaskRender } from './render-task';

export { workbookRead } from '../core/table/workbook-read';

/** One input file's outcome, in input order: a SheetRead, or the Issue that rejected the file. */
export interface FileRead {
  file: string;
  read: SheetRead | null;
  error: Issue | null;
  /**
   * The read's tasks classified at `asOf` (core classifyRead), when readFiles was given an `asOf`;
   * `read.tasks` is then this same array (a Task is a ParsedTask plus its classification).
   */
  tasks?: Task[];
  /**
   * Each of `tasks`' identity for the re-submission merge and the duplicate-file check (same order): a 106-bit digest
   * of its core taskKey (keyDigest), computed on the reading thread. A folded task text is ~350 characters; at 3,321
   * communes the digests spare ~70 MB of the main thread's heap and a fifth of what the workers post.
   */
  keys?: string[];
  /** The tasks' duplicate-file fingerprint hash (report/duplicate-files.ts), also computed on the reading thread. */
  hash?: number;
}

export async function readOne(file: string, limits?: Partial<ReadLimits>, asOf?: string): Promise<FileRead> {
  try {
    const got = await sheetRead(file, limits);
    if (!got.read) return { file, read: null, error: got.error };
    if (asOf === undefined) return { file, read: got.read, error: null };
    const tasks = classifyRead(got.read, asOf);
    got.read = { ...got.read, tasks }; // the parsed (unclassified) tasks can be collected while keys are made
    const keys = tasks.map(taskDigest);
    return { file, read: got.read, error: null, tasks, keys, hash: fingerprintHash({ tasks, keys }) };
  } catch (err) {
    return { file, read: null, error: unexpected(file, err) };
  }
}

/**
 * A 106-bit digest of a task key (two 53-bit cyrb53 hashes with different seeds), as 2 × 11 base-36 digits. Two
 * different keys collide with odds of about n²/2¹⁰⁷ (200,000 tasks: under 10⁻²¹); every source of one run gets its
 * keys from here, so equal keys are always equal digests.
 */
export function keyDigest(key: string): string {
  cyrb53Pair(key, null, DIGEST_SEED, pair);
  return digestText();
}

/**
 * keyDigest(taskKey(t)), hashed from the folded task text's codes (foldKeyCodes) without building the key: the
 * key's ~350 characters are neither concatenated nor flattened, and both hashes take one pass.
 */
export function taskDigest(t: Pick<Task, 'taskId' | 'section' | 'task'>): string {
  const prefix = taskKeyPrefix(t);
  cyrb53Pair(prefix, t.taskId ? null : foldKeyCodes(t.task), DIGEST_SEED, pair);
  return digestText();
}

const DIGEST_SEED = 0x9e3779b9;
/** cyrb53Pair's output, reused. */
const pair = new Float64Array(2);

/** The digest's 2 × 11 base-36 digits (as toString(36).padStart(11, '0') writes them, 4 times faster), reused. */
const digits = new Uint16Array(22);
const DIGIT = [...'0123456789abcdefghijklmnopqrstuvwxyz'].map((c) => c.charCodeAt(0));

function digestText(): string {
  putBase36(pair[0], 0);
  putBase36(pair[1], 11);
  return String.fromCharCode.apply(null, digits as unknown as number[]);
}

/** n (an integer below 2⁵³ < 36¹¹) as 11 base-36 digits at `at`; n / 36 is exact to well under 1/36, so floor is right. */
function putBase36(n: number, at: number): void {
  for (let k = at + 10; k >= at; k--) {
    const q = Math.floor(n / 36);
    digits[k] = DIGIT[n - q * 36];
    n = q;
  }
}

/**
 * The file's SheetRead, or the Issue that rejected it. The grids stay in this frame, so they can be collected
 * before classification (the largest workbook the reader allows: 75 MB of cells).
 */
async function sheetRead(file: string, limits?: Partial<ReadLimits>): Promise<{ read: SheetRead | null; error: Issue | null }> {
  const { grids, error, notes } = await readGridsFile(file, limits);
  if (error) return { read: null, error };
  return { read: workbookRead(grids, notes, file), error: null };
}

/**
 * What a worker posts, smaller than the FileRead it stands for (3,321 communes: about 200,000
 * tasks cross the thread boundary as JSON). The tasks go once (JSON does not share them between
 * `read.tasks` and `tasks`), and the strings every task repeats (its file, sheet and as-of date,
 * and its issues' file and sheet) are replaced in place, keeping the key order, by `SAME`.
 * `unpack` restores them.
 */
export interface Packed extends FileRead {
  /** The as-of date the tasks were classified at, once. */
  asOf?: string;
  /**
   * With spooled tasks: the worker's spool file and where this file's pieces start in each of its streams (STREAMS
   * order); each task's `$cold` then gives its cold fields' offset and length and its rendered pieces' lengths,
   * which follow one another in task order.
   */
  spool?: { file: string; at: number[] };
}

/** Stands for "the file's value" in a packed task or issue (those fields are otherwise strings). */
const SAME = 1;

export function pack(r: FileRead): Packed {
  if (!r.read || !r.tasks) return r;
  const sheet = r.read.sheet;
  const asOf = r.tasks[0]?.asOf;
  const same = (v: string | null | undefined, owner: string | null | undefined): unknown => (typeof v === 'string' && v === owner ? SAME : v);
  const tasks = r.tasks.map((t) => ({
    ...t,
    file: same(t.file, r.file),
    sheet: same(t.sheet, sheet),
    asOf: same(t.asOf, asOf),
    issues: t.issues.map((i) => ({ ...i, ...('file' in i ? { file: same(i.file, r.file) } : {}), ...('sheet' in i ? { sheet: same(i.sheet, sheet) } : {}) })),
  }) as unknown as Task);
  return { ...r, read: { ...r.read, tasks: [] }, tasks, ...(asOf === undefined ? {} : { asOf }) };
}

/** Key of a packed task's spool reference (see spoolCold). */
const COLD_KEY = '$cold';

/**
 * Moves each packed task's cold fields (task and result texts, cell references: batch/spool.ts) to the worker's
 * spool, leaving a `$cold` reference that `unpack` turns back into fields read on first use. Returns `p`.
 */
export function spoolCold(p: Packed, writer: SpoolWriter, name: string, renders?: readonly TaskRender[]): Packed {
  if (!p.tasks) return p;
  p.spool = { file: name, at: writer.offsets() };
  p.tasks.forEach((t, i) => {
    const m = t as unknown as Record<string, unknown>;
    const cold: Record<string, unknown> = {};
    // An unreported task's result text is read by every report (is it an unrecognised status?): it stays with the task.
    const hot = m.progress === 'unreported' || m.progress === 'unknown';
    const r = renders?.[i];
    for (const k of COLD_FIELDS) {
      if (hot && k === 'resultText') continue;
      // A rendered task's texts are read back from its JSON record: they are not spooled twice.
      if (!r || k === 'cells') cold[k] = m[k];
      m[k] = undefined; // left out by JSON.stringify; `delete` would turn the object into a slow dictionary
    }
    const [offset, length] = writer.append(JSON.stringify(cold));
    if (!r) {
      m[COLD_KEY] = [offset, length] satisfies ColdWire;
      return;
    }
    const json = writer.append(r.json, 'json')[1];
    const detail = writer.append(r.detail, 'detail')[1];
    const overdue = r.overdue ? writer.append(r.overdue, 'overdue')[1] : 0;
    m[COLD_KEY] = [offset, length, json, detail, overdue, ...r.issues.map((x) => writer.append(x, 'issues')[1])] satisfies ColdWire;
  });
  writer.flush();
  return p;
}

/**
 * One copy of each short text many tasks repeat (a section title, a lead cell, a status, a cell reference): JSON.parse
 * makes a new string for every occurrence, and every task lives on the main heap until the report is written, so
 * 200,000 tasks kept about 60 MB of copies that each collection moved and marked. Bounded: cleared at 50,000 texts.
 */
const SHARED_LIMIT = 50_000;
const SHARED_MAX_LENGTH = 200;
let sharedTexts = new Map<string, string>();

function shared(s: string): string {
  if (s.length > SHARED_MAX_LENGTH) return s;
  const had = sharedTexts.get(s);
  if (had !== undefined) return had;
  if (sharedTexts.size >= SHARED_LIMIT) sharedTexts = new Map();
  sharedTexts.set(s, s);
  return s;
}

/** Task fields whose texts repeat from task to task (not the cold fields: those stay in the spool). */
function shareTexts(t: Task): void {
  if (typeof t.section === 'string') t.section = shared(t.section);
  t.stt = shared(t.stt);
  t.leadUnitText = shared(t.leadUnitText);
  t.coUnitsText = shared(t.coUnitsText);
  t.progressText = shared(t.progressText);
  if (typeof t.leadUnit === 'string') t.leadUnit = shared(t.leadUnit);
  t.deadline.text = shared(t.deadline.text);
  if (typeof t.deadline.due === 'string') t.deadline.due = shared(t.deadline.due);
  for (const u of t.leadUnits) u.name = shared(u.name);
  for (const u of t.coUnits) u.name = shared(u.name);
}

/**
 * Restores what `pack` replaced, with one shared copy of the file, sheet and as-of strings
 * (JSON.parse would otherwise have made them once per task: about 200,000 copies fewer),
 * and, with `spool`, the cold fields spoolCold moved there (read on first use).
 */
export function unpack(p: Packed, spool?: Spool): FileRead {
  const { asOf, spool: spooled, ...r } = p;
  if (!r.read || !r.tasks) return r;
  const file = r.file;
  const sheet = r.read.sheet;
  // The next piece of each rendered stream (json, detail, issues, overdue).
  const at = spooled ? spooled.at.slice(1) : [];
  for (const t of r.tasks) {
    const m = t as unknown as Record<string, unknown>;
    const cold = m[COLD_KEY] as ColdWire | undefined;
    if (cold !== undefined) {
      if (!spool || !spooled) throw new Error('tiendo: a spooled read needs its spool to unpack');
      delete m[COLD_KEY];
      spool.attach(m, spooled.file, cold, at);
    }
    if (m.file === SAME) m.file = file;
    if (m.sheet === SAME) m.sheet = sheet;
    if (m.asOf === SAME) m.asOf = asOf;
    shareTexts(t);
    for (const i of t.issues) {
      const x = i as unknown as Record<string, unknown>;
      if (x.file === SAME) x.file = file;
      if (x.sheet === SAME) x.sheet = sheet;
      if (i.cell !== undefined) i.cell = shared(i.cell);
    }
  }
  r.read.tasks = r.tasks;
  return r;
}

/** What the read pool stops a worker with when it has not answered in time (batch/read-files.ts): FILE_TOO_SLOW. */
export class ReadTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer in ${ms} ms`);
    this.name = 'ReadTimeout';
  }
}

/**
 * The Issue for a file whose reading failed in an unforeseen way (a bug, a crashed or exhausted
 * worker): coded and in Vietnamese like every other rejection, with the technical cause in brackets.
 */
export function unexpected(file: string, err: unknown): Issue {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof ReadTimeout) {
    const { ms } = err;
    return issue('FILE_TOO_SLOW', `Từ chối đọc tệp ${baseName(file)}: đọc tệp này mất quá lâu (hơn ${formatNumber(ms / 1000, ms % 1000 ? 1 : 0)} giây) nên đã bị dừng; các tệp khác vẫn được đọc. Hãy mở tệp bằng Excel, xem các ô có nội dung rất dài hoặc lặp lại bất thường, lưu lại rồi gửi lại.`, { file });
  }
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|memory limit|heap|allocation failed|invalid (string|array) length/i.test(detail)) {
    return issue('FILE_TOO_LARGE', `Từ chối đọc tệp ${baseName(file)}: đọc tệp này cần quá nhiều bộ nhớ nên đã bị dừng. Hãy chia bảng thành nhiều tệp nhỏ hơn, hoặc xoá các dòng, cột thừa ở cuối trang tính, rồi gửi lại.`, { file });
  }
  return issue('FILE_CORRUPT', `Không đọc được tệp ${baseName(file)}: việc đọc tệp bị dừng bất thường (${detail}). Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.`, { file });
}
