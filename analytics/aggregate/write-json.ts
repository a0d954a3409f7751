/** Write the Report as JSON without building one giant string (200,000 tasks stay cheap). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Report } from '../report-types';

export async function writeReportJson(report: Report, path: string): Promise<void> {
  const out = createWriteStream(path, 'utf8');
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { tasks, ...head } = report;
  const headJson = JSON.stringify(head, null, 2);
  await write(headJson.slice(0, -2) + ',\n  "tasks": [');
  const BATCH = 500;
  for (let i = 0; i < tasks.length; i += BATCH) {
    const chunk = tasks.slice(i, i + BATCH).map((t) => '\n    ' + JSON.stringify(t)).join(',');
    await write((i ? ',' : '') + chunk);
  }
  await write(tasks.length ? '\n  ]\n}\n' : ']\n}\n');
  out.end();
  await once(out, 'finish');
}
