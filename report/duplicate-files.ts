/**
 * The same return twice: one unit's workbook saved again as "phu-luc (1).xlsx", re-saved by
 * LibreOffice, or renamed, beside the first copy. Two files whose tasks have the same normalised
 * content are one return: the later copies' tasks are dropped before anything is counted, and a
 * DUPLICATE_FILE issue names both files.
 *
 * Content, not bytes: a re-save rewrites the zip, the styles and the shared strings, so identity is
 * taken from what tiendo read. A file's fingerprint is, for each task in order, its key (section +
 * folded text; the task ID and the folded text for a distributed workbook), lead and co-operating unit cells, deadline (the date when one was read,
 * else the text), status cell, result and other columns, each folded (case, diacritics, spacing and
 * punctuation ignored). Sheet names, row numbers, formatting and file metadata are left out: a copy
 * with a blank row inserted or a renamed sheet is still the same return.
 *
 * Why files, not tasks: the group-lead rule keeps every file's report of a task led by
 * "Các bộ, ngành, địa phương" (each member reports its own part), so task-level merging cannot tell
 * two members' identical lines apart from one member's two copies; a whole workbook identical to
 * another can only be a copy. Two different units sending word-for-word the same workbook would be
 * merged too, which is why the issue is a warning naming both files.
 */
import { issue, type Issue } from '../core/issue';
import type { Task } from '../core/model';
import { taskKey } from '../core/taskkey';
import { foldKey, foldKeyCodes } from '../core/text/normalize';

export interface FileTasks {
  file: string;
  tasks: Task[];
  /** Modification time (ms); the newest copy is kept, as for re-submitted tasks. */
  mtime: number;
  /** Core taskKey of each task, when already known. */
  keys?: string[];
  /** fingerprintHash of these tasks, when already computed (by the read workers, off the main thread). */
  hash?: number;
}

export interface DuplicateFiles {
  /** Dropped file → the file kept in its place. */
  duplicateOf: Map<string, string>;
  issues: Issue[];
}

/** Files written within this many ms of each other count as equally new (as in merge.ts). */
const SAME_TIME_MS = 2000;

/**
 * Find files whose tasks are the same content as another file's. Of each set of copies, the newest
 * is kept (ties within 2 s broken by the later path, so "phu-luc.xlsx" wins over "phu-luc (1).xlsx").
 * With `keepDuplicates` nothing is dropped, but each copy is still named in an issue.
 *
 * @example findDuplicateFiles([{ file: 'a.xlsx', tasks, mtime: 1 }, { file: 'a (1).xlsx', tasks: same, mtime: 1 }])
 * // → { duplicateOf: Map { 'a (1).xlsx' => 'a.xlsx' }, issues: [DUPLICATE_FILE] }
 */
export function findDuplicateFiles(files: FileTasks[], keepDuplicates = false): DuplicateFiles {
  const byHash = new Map<number, FileTasks[][]>();
  for (const f of files) {
    if (!f.tasks.length) continue;
    const h = f.hash ?? fingerprintHash(f);
    const sets = byHash.get(h);
    if (!sets) {
      byHash.set(h, [[f]]);
      continue;
    }
    // Same hash: compare the full fingerprints (recomputed, not stored: 3,321 files × 60 tasks).
    const fp = fingerprint(f);
    const same = sets.find((s) => fingerprint(s[0]) === fp);
    if (same) same.push(f);
    else sets.push([f]);
  }
  const duplicateOf = new Map<string, string>();
  const issues: Issue[] = [];
  for (const sets of byHash.values()) {
    for (const set of sets) {
      if (set.length < 2) continue;
      const kept = set.reduce((best, f) => (newer(f, best) ? f : best));
      for (const f of set) {
        if (f === kept) continue;
        const same = `Tệp "${f.file}" có nội dung trùng khớp với tệp "${kept.file}" (${f.tasks.length} nhiệm vụ, cùng đơn vị, thời hạn, tiến độ và kết quả)`;
        if (keepDuplicates) {
          issues.push(issue('DUPLICATE_FILE', `${same}: giữ cả hai bản (--keep-duplicates), các nhiệm vụ được tính hai lần.`, { file: f.file }));
          continue;
        }
        duplicateOf.set(f.file, kept.file);
        issues.push(issue('DUPLICATE_FILE', `${same}: coi là một báo cáo gửi hai lần, chỉ tính một lần theo tệp "${kept.file}".`,
          { file: f.file, suggestion: `Xoá bản thừa; nếu đây là báo cáo của một đơn vị khác, kiểm tra lại với "${kept.file}".` }));
      }
    }
  }
  return { duplicateOf, issues };
}

function newer(a: FileTasks, b: FileTasks): boolean {
  if (Math.abs(a.mtime - b.mtime) > SAME_TIME_MS) return a.mtime > b.mtime;
  return a.file > b.file;
}

const FIELD = '\u0001';
const TASK = '\u0002';

/** The normalised content of a file's tasks, in order (see the module comment). */
export function fingerprint(f: Pick<FileTasks, 'tasks' | 'keys'>): string {
  let out = '';
  for (let i = 0; i < f.tasks.length; i++) {
    const t = f.tasks[i];
    const key = f.keys?.[i] ?? taskKey(t);
    const extra = Object.keys(t.extra).sort().map((k) => foldKey(k) + '=' + foldKey(t.extra[k])).join(FIELD);
    out += key + FIELD + (t.taskId ? foldKey(t.task) + FIELD : '') + foldKey(t.leadUnitText) + FIELD + foldKey(t.coUnitsText) + FIELD
      + (t.deadline.due ?? foldKey(t.deadline.text)) + FIELD + foldKey(t.progressText) + FIELD + t.progress + FIELD
      + foldKey(t.resultText) + FIELD + extra + TASK;
  }
  return out;
}

/**
 * The 53-bit hash of a file's fingerprint: what findDuplicateFiles groups by (full fingerprints are compared
 * only within a group). The read workers compute it with the tasks, so the main thread folds no text.
 * Equal to hash(fingerprint(f)), but streamed: each piece is folded into a reused buffer and hashed from there (foldKeyCodes),
 * with no folded copy of the texts and no fingerprint string built (a sixth of a worker's time before).
 */
export function fingerprintHash(f: Pick<FileTasks, 'tasks' | 'keys'>): number {
  const h = new Hasher();
  const fold = (s: string): void => h.codes(foldKeyCodes(s));
  for (let i = 0; i < f.tasks.length; i++) {
    const t = f.tasks[i];
    h.add(f.keys?.[i] ?? taskKey(t));
    h.char(1);
    if (t.taskId) {
      fold(t.task);
      h.char(1);
    }
    fold(t.leadUnitText);
    h.char(1);
    fold(t.coUnitsText);
    h.char(1);
    if (t.deadline.due !== null && t.deadline.due !== undefined) h.add(t.deadline.due);
    else fold(t.deadline.text);
    h.char(1);
    fold(t.progressText);
    h.char(1);
    h.add(t.progress);
    h.char(1);
    fold(t.resultText);
    h.char(1);
    const keys = Object.keys(t.extra);
    if (keys.length) {
      keys.sort();
      for (let k = 0; k < keys.length; k++) {
        if (k > 0) h.char(1);
        fold(keys[k]);
        h.char(61); // '='
        fold(t.extra[keys[k]]);
      }
    }
    h.char(2);
  }
  return h.value();
}

/**
 * cyrb53: a fast 53-bit string hash (collisions are resolved by comparing fingerprints). fingerprintHash(f) ===
 * cyrb53(fingerprint(f)). Another `seed` gives an independent hash (two of them make the read pool's key digests).
 */
export function cyrb53(s: string, seed = 0): number {
  const h = new Hasher(seed);
  h.add(s);
  return h.value();
}

/**
 * cyrb53(s + String.fromCharCode(...codes), 0) and cyrb53(same, seed), in one pass: the read pool's key digests
 * (batch/read-one.ts) hash a task key from its folded codes without building it. Written to `out` ([seed 0, seed]).
 */
export function cyrb53Pair(s: string, codes: Uint16Array | null, seed: number, out: Float64Array): void {
  let a1 = 0xdeadbeef ^ 0, a2 = 0x41c6ce57 ^ 0, b1 = 0xdeadbeef ^ seed, b2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a1 = Math.imul(a1 ^ c, 2654435761);
    a2 = Math.imul(a2 ^ c, 1597334677);
    b1 = Math.imul(b1 ^ c, 2654435761);
    b2 = Math.imul(b2 ^ c, 1597334677);
  }
  if (codes) {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      a1 = Math.imul(a1 ^ c, 2654435761);
      a2 = Math.imul(a2 ^ c, 1597334677);
      b1 = Math.imul(b1 ^ c, 2654435761);
      b2 = Math.imul(b2 ^ c, 1597334677);
    }
  }
  out[0] = finish(a1, a2);
  out[1] = finish(b1, b2);
}

function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** cyrb53 fed one character code or string at a time: the same value as hashing the concatenation. */
class Hasher {
  private h1: number;
  private h2: number;

  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  char(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  add(s: string, from = 0, to = s.length): void {
    let h1 = this.h1, h2 = this.h2;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  codes(a: Uint16Array): void {
    let h1 = this.h1, h2 = this.h2;
    for (let i = 0; i < a.length; i++) {
      const c = a[i];
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  value(): number {
    return finish(this.h1, this.h2);
  }
}
