/**
 * The read pool's spool (issue 14): what the main thread needs of a task only now and then (its task and result
 * texts, its cell references) stays on disk instead of crossing the thread boundary and living on the main heap.
 *
 * Each read worker appends to its own spool file and posts offsets; the main thread reads a task's cold fields back
 * on first use (`pread`), so every consumer still sees plain strings. At 3,321 realistic commune returns the texts
 * are about 70 % of a task's memory (5 KB per task on the main heap before, with 200,000 tasks).
 *
 * @example
 * const spool = Spool.create();           // main thread: a private folder under the OS temp folder
 * await readFiles(paths, { asOf, spool }); // workers write spool-<thread>.bin files there
 * spool.dispose();                         // or at exit (the report's tasks read from it until then)
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setRendering, type TaskRendering } from '../report/lazy-text';
import type { ByteSource } from '../report/layout/spec';

/** Byte offset and length of a piece in one stream of a spool file. */
export type Piece = [offset: number, length: number];

/**
 * Where a task's spooled bytes are, as the read worker posts them: the byte offset and length of its cold fields
 * (UTF-8 JSON) in the spool file and, when rendered (batch/render-task.ts), the byte lengths of its pieces in their
 * own streams: its JSON record, its "Chi tiết" cells, its "Quá hạn" cells (0 when not overdue) and each of its
 * issues' "Cảnh báo" cells. A task's pieces follow the previous task's in each stream, so lengths say where they are.
 */
export type ColdWire = [offset: number, length: number, json?: number, detail?: number, overdue?: number, ...issues: number[]];

/** Fields moved to the spool, read back together on first use of any of them. */
export const COLD_FIELDS = ['task', 'resultText', 'cells'] as const;

/**
 * The streams of one worker's spool: its cold fields (the spool file itself) and, for rendered tasks, one file per
 * output, so each output's pass reads only its own bytes, in order (a pass over one file of everything read the
 * whole spool, about 1,2 GB at 3,321 realistic communes, once per output).
 */
const STREAMS = ['cold', 'json', 'detail', 'issues', 'overdue'] as const;
export type Stream = (typeof STREAMS)[number];

/** The file of a stream of the spool file `name`. */
function streamFile(name: string, stream: Stream): string {
  return stream === 'cold' ? name : `${name}.${stream}`;
}

/** One stream's bytes appended since the last flush (encoded in place: no buffer per piece). */
class StreamBuffer {
  size = 0;
  buf = new Uint8Array(1 << 16);
  pos = 0;
}

/**
 * Appends to one worker's spool files. Offsets are logical, per stream; each input file's pieces are written by one
 * `flush` (each file is opened in append mode and closed again, so no descriptor outlives the job).
 */
export class SpoolWriter {
  private readonly streams = STREAMS.map(() => new StreamBuffer());
  private readonly encoder = new TextEncoder();

  constructor(readonly path: string) {
    for (const s of STREAMS) closeSync(openSync(streamFile(path, s), 'w'));
  }

  /** Appends `text` as UTF-8 to `stream` (default: the cold fields); returns its offset and byte length. */
  append(text: string, stream: Stream = 'cold'): [offset: number, length: number] {
    const b = this.streams[STREAMS.indexOf(stream)];
    const need = b.pos + text.length * 3;
    if (need > b.buf.length) {
      const next = new Uint8Array(Math.max(need, b.buf.length * 2));
      next.set(b.buf.subarray(0, b.pos));
      b.buf = next;
    }
    const n = this.encoder.encodeInto(text, b.buf.subarray(b.pos)).written;
    const at = b.size;
    b.pos += n;
    b.size += n;
    return [at, n];
  }

  /** The next offset of each stream (STREAMS order). */
  offsets(): number[] {
    return this.streams.map((b) => b.size);
  }

  /** Writes what was appended (call before posting the offsets: the main thread may read them at once). */
  flush(): void {
    STREAMS.forEach((s, k) => {
      const b = this.streams[k];
      if (!b.pos) return;
      const fd = openSync(streamFile(this.path, s), 'a');
      try {
        let done = 0;
        while (done < b.pos) done += writeSync(fd, b.buf, done, b.pos - done);
      } finally {
        closeSync(fd);
      }
      b.pos = 0;
    });
  }
}

const SLOT = Symbol('tiendo.cold');
/** Cold fields assigned after reading (rare: a copy is usually made instead), kept on the task. */
const WRITTEN = Symbol('tiendo.coldWritten');
type Cold = Record<string, unknown> & { [SLOT]?: SpoolRef; [WRITTEN]?: Record<string, unknown> };

/**
 * The last task whose cold fields were parsed: consecutive reads of one task's fields parse once, and nothing is
 * retained per task (200,000 tasks' texts would be the main heap's largest part again).
 */
let lastTask: object | null = null;
let lastCold: Record<string, unknown> = {};

function coldOf(o: Cold, k: string): unknown {
  const written = o[WRITTEN];
  if (written && k in written) return written[k];
  if (lastTask === o) return lastCold[k];
  const ref = o[SLOT];
  if (!ref) throw new Error('tiendo: a spooled task lost its spool reference');
  lastCold = ref.cold();
  lastTask = o;
  return lastCold[k];
}

/**
 * One shared accessor per cold field (no closure per task). Own and enumerable, so a spread copy, JSON.stringify and
 * deep equality see plain values; each read goes to the spool (sequential reads are served from a read-ahead block).
 */
const DESCRIPTORS: PropertyDescriptorMap = Object.fromEntries(COLD_FIELDS.map((k) => [k, {
  get(this: Cold): unknown { return coldOf(this, k); },
  set(this: Cold, v: unknown): void {
    let w = this[WRITTEN];
    if (!w) Object.defineProperty(this, WRITTEN, { value: (w = {}), enumerable: false });
    w[k] = v;
  },
  enumerable: true,
  configurable: true,
}]));

/**
 * Bytes read from a spool file at a time, growing from SMALL_BLOCK to BLOCK while reads go forward (an output
 * walking the tasks in order) and back to SMALL_BLOCK on a jump (a sorted list reading here and there).
 */
const BLOCK = 1 << 20;
const SMALL_BLOCK = 1 << 13;

/** The main thread's side: a private folder the workers write into, read back by offset. */
export class Spool {
  private readonly fds = new Map<string, number>();
  /** The last block read of each spool file. */
  private readonly blocks = new Map<string, { at: number; buf: Buffer; size: number; next: number }>();
  private disposed = false;

  private constructor(readonly dir: string) {}

  /** A new spool folder under the OS temp folder, removed by dispose() or when the process exits. */
  static create(): Spool {
    const spool = new Spool(mkdtempSync(join(tmpdir(), 'tiendo-spool-')));
    process.once('exit', () => spool.dispose());
    return spool;
  }

  private readonly paths = new Map<string, string>();

  /** The full path of a stream of one worker's spool file (made once). */
  path(file: string, stream: Stream): string {
    const name = streamFile(file, stream);
    let p = this.paths.get(name);
    if (p === undefined) this.paths.set(name, (p = join(this.dir, name)));
    return p;
  }

  /** `length` bytes at `offset` of a spool file, as text (sequential reads are served from the last block read). */
  text(file: string, offset: number, length: number): string {
    return this.bytes(file, offset, length).toString('utf8');
  }

  /** `length` bytes at `offset` of a spool file: a view valid until the next read of that file. */
  bytes(file: string, offset: number, length: number): Buffer {
    if (this.disposed) throw new Error(`tiendo: spool ${this.dir} was already removed`);
    let block = this.blocks.get(file);
    if (!block || offset < block.at || offset + length > block.at + block.size) {
      let fd = this.fds.get(file);
      if (fd === undefined) {
        fd = openSync(join(this.dir, file), 'r');
        this.fds.set(file, fd);
      }
      // On from the last block (the piece starts in it or right after it): read ahead more; a jump: read little
      // (random access reads what it needs).
      const onward = block !== undefined && offset >= block.at && offset <= block.at + block.size;
      const want = Math.max(length, onward ? Math.min(block!.next * 2, BLOCK) : SMALL_BLOCK);
      const buf = block && block.buf.length >= want ? block.buf : Buffer.allocUnsafe(Math.max(want, block?.buf.length ?? 0));
      let size = 0;
      while (size < want) {
        const n = readSync(fd, buf, size, want - size, offset + size);
        if (n === 0) break;
        size += n;
      }
      if (size < length) throw new Error(`tiendo: spool ${file} ends before ${offset + length}`);
      block = { at: offset, buf, size, next: want };
      this.blocks.set(file, block);
    }
    const from = offset - block.at;
    return block.buf.subarray(from, from + length);
  }

  /**
   * Gives `target` the cold fields (COLD_FIELDS) as accessors reading them from spool file `file` on first use, and,
   * when `wire` has rendered pieces, their rendering (report/lazy-text.ts). `at` is where the file's next pieces are
   * in each rendered stream (json, detail, issues, overdue: the posted `Packed.spool.at` after the cold stream), moved
   * past this task's.
   * One object per task holds all of it (no array per piece: 200,000 tasks' references cost the main thread's
   * garbage collector more than their bytes).
   */
  attach(target: object, file: string, wire: ColdWire, at?: number[]): void {
    const ref = new SpoolRef(this, file, wire);
    if (wire.length > 2) {
      if (!at) throw new Error('tiendo: a rendered spool reference needs its streams\' offsets');
      ref.place(at);
    }
    Object.defineProperty(target, SLOT, { value: ref, writable: false, enumerable: false, configurable: false });
    // A field the task kept (spoolCold keeps an unreported task's result text) stays a plain field.
    if (!('resultText' in target)) Object.defineProperties(target, DESCRIPTORS);
    else for (const k of COLD_FIELDS) if (!(k in target)) Object.defineProperty(target, k, DESCRIPTORS[k]);
    if (ref.rendered) setRendering(target, ref);
  }

  /** Closes and removes the spool (idempotent). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.blocks.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A task's spooled bytes (its cold fields and, when rendered, its rendering: report/lazy-text.ts TaskRendering), read
 * on use, nothing kept. The issue pieces' lengths stay in the posted `wire` array, from index ISSUES.
 */
class SpoolRef implements TaskRendering {
  jsonAt = -1;
  detailAt = -1;
  issueAt = -1;
  overdueAt = -1;

  constructor(private readonly spool: Spool, private readonly file: string, private readonly wire: ColdWire) {}

  get rendered(): boolean {
    return this.jsonAt >= 0;
  }

  /** Takes this task's rendered pieces at `at` (json, detail, issues, overdue) and moves `at` past them. */
  place(at: number[]): void {
    const w = this.wire as number[];
    this.jsonAt = at[0];
    at[0] += w[2];
    this.detailAt = at[1];
    at[1] += w[3];
    this.issueAt = at[2];
    for (let k = ISSUES; k < w.length; k++) at[2] += w[k];
    this.overdueAt = at[3];
    at[3] += w[4];
  }

  /** The cold fields; a rendered task's texts are read from its JSON record (a ReportTask: `result` is the result text). */
  cold(): Record<string, unknown> {
    const cold = JSON.parse(this.spool.text(this.file, this.wire[0], this.wire[1])) as Record<string, unknown>;
    if (this.rendered) {
      const record = JSON.parse(this.json()) as { task: string; result: string };
      cold.task = record.task;
      cold.resultText = record.result;
    }
    return cold;
  }

  get issues(): number {
    return this.wire.length - ISSUES;
  }

  get hasOverdue(): boolean {
    return (this.wire[4] ?? 0) > 0;
  }

  /** Offset and length of this task's piece in a rendered stream (in "issues", its k-th issue's). */
  private piece(stream: Exclude<Stream, 'cold'>, k = 0): Piece {
    const w = this.wire as number[];
    if (stream === 'json') return [this.jsonAt, w[2]];
    if (stream === 'detail') return [this.detailAt, w[3]];
    if (stream === 'overdue') return [this.overdueAt, w[4]];
    let at = this.issueAt;
    for (let i = ISSUES; i < ISSUES + k; i++) at += w[i];
    return [at, w[ISSUES + k]];
  }

  private text(stream: Exclude<Stream, 'cold'>, k = 0): string {
    const [at, length] = this.piece(stream, k);
    return this.spool.text(streamFile(this.file, stream), at, length);
  }

  private source(stream: Exclude<Stream, 'cold'>, k = 0): ByteSource {
    const [offset, length] = this.piece(stream, k);
    return { path: this.spool.path(this.file, stream), offset, length };
  }

  jsonSource(): ByteSource {
    return this.source('json');
  }

  cellsSource(): ByteSource {
    return this.source('detail');
  }

  issueSource(k: number): ByteSource {
    return this.source('issues', k);
  }

  overdueSource(): ByteSource {
    return this.source('overdue');
  }

  json(): string {
    return this.text('json');
  }

  cellsXml(): string {
    return this.text('detail');
  }

  issueXml(k: number): string {
    return this.text('issues', k);
  }

  overdueXml(): string {
    return this.text('overdue');
  }
}

/** Where the issue lengths start in a ColdWire. */
const ISSUES = 5;
