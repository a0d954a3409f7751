/**
 * Deflate segments on worker threads, pigz-style, for the zip writer's large parts (xlsx/zip/write.ts).
 *
 * A part is cut into batches of bytes and recipes (xlsx/zip/recipe.ts: rows whose bytes are still in the read
 * workers' spool); a worker builds its batch, deflates it on its own and ends it with a sync flush on a byte boundary.
 * The segments, then an empty final block, are one valid raw-deflate stream. Each worker also returns its batch's
 * size and CRC-32, which `crc32Combine` joins in order. (Segments are not primed with the bytes before them: those
 * are only known to another worker. At 4 MB a segment, that costs under 1 % of the compressed size, tested.)
 *
 * Why workers and not libuv's thread pool: an async zlib call hands its output back in `chunkSize` pieces, each one
 * waiting for the main thread's event loop, which is busy building the next batch (building and deflating then took
 * turns); a chunkSize as large as the batch avoided that but held several MB of external memory per segment, which
 * sent the main thread's garbage collector into repeated full collections (3,321 realistic communes: 11 s of GC).
 * In a worker, `deflateRawSync` runs to the end on its own thread and its garbage stays on its own heap.
 *
 * @example
 * const pool = deflatePool();
 * const a = pool?.deflate([bytes1, recipe1], 1); // { data, crc, size } promises, in flight together
 * const b = pool?.deflate([bytes2], 1);
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildRecipe, type Recipe } from './recipe';

export interface Segment {
  /** The sync-flushed raw-deflate bytes of the batch. */
  data: Buffer;
  /** CRC-32 of the batch's uncompressed bytes. */
  crc: number;
  /** The batch's uncompressed size. */
  size: number;
}

export interface DeflatePool {
  /** Builds and deflates a batch of bytes and recipes (handed over: the caller must not touch them again). */
  deflate(parts: (Uint8Array | Recipe)[], level: number): Promise<Segment>;
  /**
   * Builds a batch of bytes and recipes and writes it into the existing file `path` at `position` (tong-hop.json's
   * spooled records, batch/aggregate/write-json.ts); resolves to the bytes written.
   */
  write(parts: (Uint8Array | Recipe)[], path: string, position: number): Promise<number>;
  /** How many batches may usefully be in flight at once. */
  readonly width: number;
}

/**
 * The worker's whole program (plain CommonJS, no bundle or loader needed): buildRecipe's own text, which is
 * self-contained for this (`__name` stands in for the helper a bundler may wrap inner functions with).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const fs = require('node:fs');
const __name = (f) => f;
const buildRecipe = ${buildRecipe.toString()};
// One buffer for every batch and one read block per spool file, reused: the worker's garbage is zlib's output only.
const sink = { buf: new Uint8Array(8 << 20), pos: 0, blocks: new Map() };
parentPort.on('message', ({ id, parts, level, write }) => {
  try {
    sink.pos = 0;
    for (const p of parts) {
      if (p instanceof Uint8Array) {
        if (sink.pos + p.length > sink.buf.length) {
          const next = new Uint8Array(Math.max(sink.pos + p.length, sink.buf.length * 2));
          next.set(sink.buf.subarray(0, sink.pos));
          sink.buf = next;
        }
        sink.buf.set(p, sink.pos);
        sink.pos += p.length;
      } else buildRecipe(p, fs, sink);
    }
    const input = Buffer.from(sink.buf.buffer, 0, sink.pos);
    if (write) {
      // Built bytes written as they are, at their place in the file (each batch its own range: any order is fine).
      const fd = fs.openSync(write.path, 'r+');
      try {
        let done = 0;
        while (done < input.length) done += fs.writeSync(fd, input, done, input.length - done, write.position + done);
      } finally {
        fs.closeSync(fd);
      }
      parentPort.postMessage({ id, size: input.length });
      return;
    }
    const out = zlib.deflateRawSync(input, { level, memLevel: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 1 << 20 });
    const data = new Uint8Array(out.length);
    data.set(out);
    parentPort.postMessage({ id, data, crc: zlib.crc32(input), size: input.length }, [data.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err), code: err && typeof err.code === 'string' ? err.code : undefined });
  }
});
`;

interface Reply { id: number; data?: Uint8Array; crc?: number; size?: number; error?: string; code?: string }

let shared: DeflatePool | null | undefined;

/**
 * The process's deflate pool (one worker per core, at most four: the main thread only describes rows), started on first use; a
 * worker keeps the process alive only while it has work (so an idle pool never holds the process open, and a pending
 * segment is never abandoned by an exiting process). Null where worker threads cannot start (the caller then deflates
 * on its own thread).
 */
export function deflatePool(): DeflatePool | null {
  if (shared !== undefined) return shared;
  try {
    shared = startPool(Math.max(1, Math.min(availableParallelism(), 4)));
  } catch {
    shared = null;
  }
  return shared;
}

function startPool(size: number): DeflatePool {
  const pending = new Map<number, { done: (s: Segment) => void; fail: (e: Error) => void }>();
  const load: number[] = new Array<number>(size).fill(0);
  let nextId = 0;
  const workers = Array.from({ length: size }, (_, k) => {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', (r: Reply) => {
      if (--load[k] === 0) w.unref();
      const p = pending.get(r.id);
      pending.delete(r.id);
      if (!p) return;
      // The system's error code goes along (ENOENT: a spool file removed mid-run), so the message can say why in Vietnamese.
      if (r.error !== undefined || (!r.data && r.size === undefined)) p.fail(Object.assign(new Error(`tiendo: deflate worker: ${r.error ?? 'no data'}`), r.code ? { code: r.code } : {}));
      else p.done({ data: r.data ? Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) : Buffer.alloc(0), crc: (r.crc ?? 0) >>> 0, size: r.size! });
    });
    w.on('error', (err) => {
      // A dead worker fails what it had; the pool is not used again.
      shared = null;
      for (const p of pending.values()) p.fail(err);
      pending.clear();
    });
    w.unref(); // after the listeners: adding a 'message' listener refs the worker again
    return w;
  });
  return {
    width: size + 1,
    deflate(parts, level) {
      return post(parts, { level });
    },
    async write(parts, path, position) {
      return (await post(parts, { write: { path, position } })).size;
    },
  };

  /** Hands a batch to the least loaded worker (its whole buffers transferred). */
  function post(parts: (Uint8Array | Recipe)[], job: { level: number } | { write: { path: string; position: number } }): Promise<Segment> {
    const id = nextId++;
    let k = 0;
    for (let i = 1; i < size; i++) if (load[i] < load[k]) k = i;
    if (load[k]++ === 0) workers[k].ref();
    // Whole buffers are handed over; a view into a larger one (a pooled small Buffer) is copied by the message.
    const transfer: ArrayBuffer[] = [];
    for (const p of parts) {
      if (p instanceof Uint8Array) {
        if (p.byteOffset === 0 && p.byteLength === p.buffer.byteLength && p.buffer instanceof ArrayBuffer) transfer.push(p.buffer);
      } else {
        transfer.push(p.literal.buffer as ArrayBuffer, p.ops.buffer as ArrayBuffer);
      }
    }
    return new Promise<Segment>((done, fail) => {
      pending.set(id, { done, fail });
      workers[k].postMessage({ id, parts, ...job }, [...new Set(transfer)]);
    });
  }
}

/** CRC-32 (the zip polynomial) of `a + b` from the CRCs of `a` and `b` and the length of `b` (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const odd = new Uint32Array(32);
  const even = new Uint32Array(32);
  odd[0] = 0xedb88320; // the operator for one zero bit
  let row = 1;
  for (let n = 1; n < 32; n++) {
    odd[n] = row;
    row <<= 1;
  }
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crcA >>> 0;
  let len = lengthB;
  // Apply len zero bytes to crcA (the first square gives the operator for one zero byte).
  do {
    square(even, odd);
    if (len & 1) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    square(odd, even);
    if (len & 1) crc = times(odd, crc);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (crc ^ crcB) >>> 0;
}

function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  let v = vec >>> 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= mat[i];
  return sum >>> 0;
}

function square(out: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]);
}
