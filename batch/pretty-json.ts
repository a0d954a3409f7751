/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces: each element of a top-level array is stringified on its
 * own, so a comparison of 200,000 tasks never becomes one 120 MB string plus its 120 MB of bytes (issue 15: so-sanh's
 * peak memory). The text is the same, byte for byte.
 *
 * @example
 * await writePrettyJson({ period: '2025-12', tasks }, 'bien-dong.json'); // same file as writeFile(JSON.stringify(…, null, 2) + '\n')
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The pieces of JSON.stringify(value, null, 2) + '\n'. */
export function* prettyJsonPieces(value: unknown): Generator<string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield (JSON.stringify(value, null, 2) ?? 'null') + '\n';
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    const head = (first ? '{\n  ' : ',\n  ') + JSON.stringify(k) + ': ';
    if (Array.isArray(v) && v.length) {
      first = false;
      yield head + '[';
      for (let i = 0; i < v.length; i++) {
        // Inside a member's array, two levels down: JSON text has no raw line breaks but its own indentation's.
        const el = JSON.stringify(v[i], null, 2) ?? 'null';
        yield (i ? ',\n    ' : '\n    ') + el.replace(/\n/g, '\n    ');
      }
      yield '\n  ]';
      continue;
    }
    const text = JSON.stringify(v, null, 2);
    if (text === undefined) continue; // as JSON.stringify leaves out undefined members and functions
    first = false;
    yield head + text.replace(/\n/g, '\n  ');
  }
  yield first ? '{}\n' : '\n}\n';
}

/** Writes prettyJsonPieces(value) to a file, or to an open stream (e.g. process.stdout, left open). */
export async function writePrettyJson(value: unknown, to: string | Writable): Promise<void> {
  const out = typeof to === 'string' ? createWriteStream(to, 'utf8') : to;
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  let batch = '';
  const flush = async (): Promise<void> => {
    if (!out.write(batch)) await Promise.race([once(out, 'drain'), failed]);
    batch = '';
  };
  for (const piece of prettyJsonPieces(value)) {
    batch += piece;
    if (batch.length >= 1 << 20) await flush();
  }
  if (batch) await flush();
  if (typeof to !== 'string') return;
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
