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
      // thread. A record kept in a file is read straight into its place in the batch (no block, view or copy).
      const parts: Part[] = [];
      let text = i ? ',' : '';
      for (let j = i; j < Math.min(i + BATCH, tasks.length); j++) {
        const t = tasks[j];
        const r = renderingOf(t);
        text += (j > i ? ',' : '') + '\n    ';
        const src = r?.jsonSource?.();
        if (src) {
          parts.push(Buffer.from(text, 'utf8'), src);
          text = '';
        } else {
          text += r ? r.json() : JSON.stringify(t);
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

/** Open spool files, read by range into one buffer per batch. */
class SpoolFiles {
  private readonly fds = new Map<string, number>();

  build(parts: Part[]): Buffer {
    const out = Buffer.allocUnsafe(parts.reduce((n, p) => n + p.length, 0));
    let pos = 0;
    for (const p of parts) {
      if (Buffer.isBuffer(p)) {
        pos += p.copy(out, pos);
        continue;
      }
      let fd = this.fds.get(p.path);
      if (fd === undefined) this.fds.set(p.path, (fd = openSync(p.path, 'r')));
      let done = 0;
      while (done < p.length) {
        const n = readSync(fd, out, pos + done, p.length - done, p.offset + done);
        if (n === 0) throw new Error(`tiendo: ${p.path} ends before ${p.offset + p.length}`);
        done += n;
      }
      pos += p.length;
    }
    return out;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
