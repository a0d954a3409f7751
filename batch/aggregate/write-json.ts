/**
 * Write the Report as JSON without building one giant string (200,000 tasks stay cheap).
 *
 * The tasks go out as recipes (xlsx/zip/recipe.ts): separators and the records made on this thread as literal text, the
 * records the read workers rendered as ranges of their spool. The deflate pool's workers read those ranges and write
 * each batch at its place in the file (xlsx/zip/deflate-pool.ts `write`), so the 360 MB of records of 3,321 realistic
 * returns never pass through this thread, which meanwhile describes the workbook's rows.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Report } from '../../report/report-types';
import { renderingOf } from '../../report/lazy-text';
import { deflatePool, type DeflatePool } from '../../xlsx/zip/deflate-pool';
import { RecipeBuilder, type Recipe } from '../../xlsx/zip/recipe';
import { recipeBytes } from '../../xlsx/zip/write';

/** Bytes per batch handed to a worker. */
const BATCH = 4 << 20;

export async function writeReportJson(report: Report, path: string): Promise<void> {
  const { tasks, ...head } = report;
  const headJson = JSON.stringify(head, null, 2);
  const start = Buffer.from(headJson.slice(0, -2) + ',\n  "tasks": [', 'utf8');
  writeFileSync(path, start);
  // Workers only for a JSON of more than one batch: starting them costs a small report more than writing it.
  let pool: DeflatePool | null | undefined;
  const inFlight: Promise<number>[] = [];
  let position = start.length;
  const send = async (r: Recipe, last = false): Promise<void> => {
    if (pool === undefined) pool = last ? null : deflatePool();
    if (!pool) {
      writeHere(r, path, position);
    } else {
      const written = pool.write([r], path, position);
      written.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      inFlight.push(written);
      // A few batches in flight at most: each holds its bytes in a worker until written.
      if (inFlight.length >= 2 * pool.width) await inFlight.shift();
    }
    position += r.size;
  };
  const b = new RecipeBuilder();
  for (let j = 0; j < tasks.length; j++) {
    const t = tasks[j];
    const r = renderingOf(t);
    // A task rendered by its read worker brings its record (report/lazy-text.ts): the same text, made off this thread.
    const src = r?.jsonSource?.();
    b.literal(j > 0 ? ',\n    ' : '\n    ');
    // Records hold no byte 1 (JSON escapes control characters), so the ranges are copied as they are.
    if (src) b.piece(src.path, src.offset, src.length, 0);
    else b.literal(r ? r.json() : JSON.stringify(t));
    if (b.size() >= BATCH) await send(b.take());
  }
  b.literal(tasks.length ? '\n  ]\n}\n' : ']\n}\n');
  await send(b.take(), true);
  await Promise.all(inFlight);
}

/** A batch built and written on this thread (no worker threads, or a small report). */
function writeHere(r: Recipe, path: string, position: number): void {
  const bytes = recipeBytes(r);
  const fd = openSync(path, 'r+');
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  } finally {
    closeSync(fd);
  }
}
