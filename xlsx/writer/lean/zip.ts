/**
 * A zip file written part by part: each part's text chunks go through a native
 * raw-deflate stream (compression runs on libuv's thread pool while the next chunk
 * is built), its compressed bytes are buffered, then header and data are appended
 * to the file. Only the compressed form of one part is held at a time.
 */
import { open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';

export interface ZipSink {
  /** Append one part from its text chunks. */
  add(name: string, chunks: Iterable<string>): Promise<void>;
  /** Write the central directory and close the file. */
  close(): Promise<void>;
  /** Close and delete the unfinished file. */
  abort(): Promise<void>;
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/** Parts smaller than this are deflated in one synchronous call. */
const SMALL = 256 * 1024;

export async function zipFile(path: string, level = 1): Promise<ZipSink> {
  const fh = await open(path, 'w');
  const written: Written[] = [];
  let pos = 0;
  const write = async (buf: Uint8Array): Promise<void> => {
    await fh.write(buf, 0, buf.length, pos);
    pos += buf.length;
  };
  return {
    async add(name, chunks) {
      const { crc, size, data } = await deflateChunks(chunks, level);
      const compressed = data.reduce((n, b) => n + b.length, 0);
      const entry: Written = { name: Buffer.from(name, 'utf8'), crc, size, compressed, offset: pos };
      written.push(entry);
      await write(localHeader(entry));
      for (const b of data) await write(b);
    },
    async close() {
      try {
        const central = written.map(centralRecord);
        const cdSize = central.reduce((n, b) => n + b.length, 0);
        const cdStart = pos;
        for (const b of central) await write(b);
        await write(endRecord(written.length, cdSize, cdStart));
      } finally {
        await fh.close();
      }
    },
    async abort() {
      await fh.close().catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}

async function deflateChunks(chunks: Iterable<string>, level: number): Promise<{ crc: number; size: number; data: Buffer[] }> {
  let crc = 0;
  let size = 0;
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  const iter = chunks[Symbol.iterator]();
  // Small parts: one synchronous deflate.
  for (let next = iter.next(); !next.done; next = iter.next()) {
    const buf = Buffer.from(next.value, 'utf8');
    crc = crc32(buf, crc);
    size += buf.length;
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes > SMALL) return streamRest(iter, pending, { crc, size }, level);
  }
  return { crc, size, data: [deflateRawSync(Buffer.concat(pending), { level })] };
}

/** Encoded chunks are batched to this many bytes per deflate write (off the JS heap). */
const BATCH = 1 << 20;

async function streamRest(iter: Iterator<string>, first: Buffer[], acc: { crc: number; size: number }, level: number): Promise<{ crc: number; size: number; data: Buffer[] }> {
  // Large chunks in and out: few thread-pool round trips, and one batch deflates while the next is built.
  const z = createDeflateRaw({ level, memLevel: 9, chunkSize: 1 << 20, writableHighWaterMark: 4 * BATCH } as ZlibOptions);
  const data: Buffer[] = [];
  z.on('data', (b: Buffer) => data.push(b));
  const done = once(z, 'end');
  let { crc, size } = acc;
  let batch: Buffer[] = first;
  let batchBytes = first.reduce((n, b) => n + b.length, 0);
  const flush = async (): Promise<void> => {
    const buf = batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    if (!z.write(buf)) await once(z, 'drain');
  };
  for (let next = iter.next(); !next.done; next = iter.next()) {
    const buf = Buffer.from(next.value, 'utf8');
    crc = crc32(buf, crc);
    size += buf.length;
    batch.push(buf);
    batchBytes += buf.length;
    if (batchBytes >= BATCH) await flush();
  }
  if (batchBytes) await flush();
  z.end();
  await done;
  return { crc, size, data };
}

const DOS_DATE = 0x21; // 1980-01-01

function localHeader(e: Written): Buffer {
  const b = Buffer.alloc(30 + e.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(0x0800, 6); // UTF-8 names
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(e.crc >>> 0, 14);
  b.writeUInt32LE(e.compressed, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  e.name.copy(b, 30);
  return b;
}

function centralRecord(e: Written): Buffer {
  const b = Buffer.alloc(46 + e.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(0x0800, 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(e.crc >>> 0, 16);
  b.writeUInt32LE(e.compressed, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt32LE(e.offset, 42);
  e.name.copy(b, 46);
  return b;
}

function endRecord(count: number, cdSize: number, cdStart: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdStart, 16);
  return b;
}
