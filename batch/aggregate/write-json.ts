/** Write the Report as JSON without building one giant string (200,000 tasks stay cheap). */
import { closeSync, createWriteStream, openSync, readSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Report } from '../../report/report-types';
import { renderingOf } from '../../report/lazy-text';

/** Writes to a file path, or to an open stream (e.g. process.stdout, left open). */
export async function writeReportJson(report: Report, to: string | Writable): Promise<void> {
  const out = typeof to === 'string' ? createWriteStream(to, 'utf8') : to;
  const write = async (s: string | Uint8Array): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { tasks, ...head } = report;
  const headJson = JSON.stringify(head, null, 2);
  await write(headJson.slice(0, -2) + ',\n  "tasks": [');
  const BATCH = 500;
  const files = new SpoolFiles();
  try {
    for (let i = 0; i < tasks.length; i += BATCH) {
      // A task rendered by its read worker brings its record (report/lazy-text.ts): the same text, made off this
      // thread. Records kept in a file are read into the batch, one read for each run of records that follow one
      // another in their file (a file's tasks do): one read per task cost this thread 200,000 system calls.
      const parts: Part[] = [];
      let text = '';
      for (let j = i; j < Math.min(i + BATCH, tasks.length); j++) {
        const t = tasks[j];
        const r = renderingOf(t);
        const sep = j > 0 ? NEXT : FIRST;
        const src = r?.jsonSource?.();
        if (src) {
          if (text) parts.push(Buffer.from(text, 'utf8'));
          text = '';
          parts.push(sep, src);
        } else {
          text += (j > 0 ? ',\n    ' : '\n    ') + (r ? r.json() : JSON.stringify(t));
        }
      }
      if (text) parts.push(Buffer.from(text, 'utf8'));
      await write(files.build(parts));
    }
  } finally {
    files.close();
  }
  await write(tasks.length ? '\n  ]\n}\n' : ']\n}\n');
  if (typeof to !== 'string') return;
  out.end();
  await once(out, 'finish');
}

/** Bytes, or a range of a file to read. */
type Part = Buffer | { path: string; offset: number; length: number };
type Range = Exclude<Part, Buffer>;

const FIRST = Buffer.from('\n    ');
const NEXT = Buffer.from(',\n    ');

/** Open spool files, read by range into one buffer per batch. */
class SpoolFiles {
  private readonly fds = new Map<string, number>();
  private scratch = Buffer.allocUnsafe(1 << 16);

  build(parts: Part[]): Buffer {
    const out = Buffer.allocUnsafe(parts.reduce((n, p) => n + p.length, 0));
    let pos = 0;
    for (let k = 0; k < parts.length;) {
      const p = parts[k];
      if (Buffer.isBuffer(p)) {
        pos += p.copy(out, pos);
        k++;
        continue;
      }
      // The run of ranges that follow one another in p's file (bytes between them in `parts`, such as separators,
      // are not in the file): read at once, then copied into place.
      let end = k + 1;
      let last: Range = p;
      for (let m = k + 1; m < parts.length; m++) {
        const q = parts[m];
        if (Buffer.isBuffer(q)) continue;
        if (q.path !== p.path || q.offset !== last.offset + last.length) break;
        last = q;
        end = m + 1;
      }
      const length = last.offset + last.length - p.offset;
      if (end === k + 1) {
        this.read(p.path, out, pos, p.length, p.offset);
        pos += p.length;
        k++;
        continue;
      }
      if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
      this.read(p.path, this.scratch, 0, length, p.offset);
      for (; k < end; k++) {
        const q = parts[k];
        pos += Buffer.isBuffer(q) ? q.copy(out, pos) : this.scratch.copy(out, pos, q.offset - p.offset, q.offset - p.offset + q.length);
      }
    }
    return out;
  }

  /** `length` bytes at `offset` of `path` into `buf` at `at`. */
  private read(path: string, buf: Buffer, at: number, length: number, offset: number): void {
    let fd = this.fds.get(path);
    if (fd === undefined) this.fds.set(path, (fd = openSync(path, 'r')));
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, at + done, length - done, offset + done);
      if (n === 0) throw new Error(`tiendo: ${path} ends before ${offset + length}`);
      done += n;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
