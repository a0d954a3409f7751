/** Write the Report as JSON without building one giant string (200,000 tasks stay cheap). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Report } from '../../report/report-types';
import { renderingOf } from '../../report/lazy-text';

/** Writes to a file path, or to an open stream (e.g. process.stdout, left open). */
export async function writeReportJson(report: Report, to: string | Writable): Promise<void> {
  const out = typeof to === 'string' ? createWriteStream(to, 'utf8') : to;
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { tasks, ...head } = report;
  const headJson = JSON.stringify(head, null, 2);
  await write(headJson.slice(0, -2) + ',\n  "tasks": [');
  const BATCH = 500;
  for (let i = 0; i < tasks.length; i += BATCH) {
    // A task rendered by its read worker brings its record (report/lazy-text.ts): the same text, made off this thread.
    const chunk = tasks.slice(i, i + BATCH).map((t) => '\n    ' + (renderingOf(t)?.json() ?? JSON.stringify(t))).join(',');
    await write((i ? ',' : '') + chunk);
  }
  await write(tasks.length ? '\n  ]\n}\n' : ']\n}\n');
  if (typeof to !== 'string') return;
  out.end();
  await once(out, 'finish');
}
