/** Write the Report as JSON without building one giant string (200,000 tasks stay cheap). */
import { createWriteStream } from 'node:fs';
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
  for (let i = 0; i < tasks.length; i += BATCH) {
    // A task rendered by its read worker brings its record (report/lazy-text.ts): the same text, made off this
    // thread, copied as bytes.
    const parts: (string | Uint8Array)[] = [];
    let text = i ? ',' : '';
    for (let j = i; j < Math.min(i + BATCH, tasks.length); j++) {
      const t = tasks[j];
      const r = renderingOf(t);
      text += (j > i ? ',' : '') + '\n    ';
      if (r?.jsonBytes) {
        parts.push(text, Buffer.from(r.jsonBytes()));
        text = '';
      } else {
        text += r ? r.json() : JSON.stringify(t);
      }
    }
    if (text) parts.push(text);
    await write(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  }
  await write(tasks.length ? '\n  ]\n}\n' : ']\n}\n');
  if (typeof to !== 'string') return;
  out.end();
  await once(out, 'finish');
}
