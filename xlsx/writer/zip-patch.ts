/**
 * Patch a zip without recompressing it: unchanged entries are copied byte for
 * byte (local header, compressed data, data descriptor), changed and new entries
 * are deflated. Re-zipping a 200,000-row sheet just to add a chart would cost
 * seconds; this costs a copy.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  /** The central directory record, verbatim. */
  central: Uint8Array;
  /** Offset of the local header. */
  offset: number;
  method: number;
  compressedSize: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;

function entries(zip: Uint8Array): { list: Entry[]; cdStart: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  const count = view.getUint16(eocd + 10, true);
  const cdStart = view.getUint32(eocd + 16, true);
  const list: Entry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== SIG_CENTRAL) throw new Error('zip: bad central directory');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const len = 46 + nameLen + extraLen + commentLen;
    list.push({
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)),
      central: zip.subarray(p, p + len),
      offset: view.getUint32(p + 42, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
    });
    p += len;
  }
  return { list, cdStart };
}

/** The uncompressed bytes of one entry, or undefined. */
export function readEntry(zip: Uint8Array, name: string): Uint8Array | undefined {
  const e = entries(zip).list.find((x) => x.name === name);
  if (!e) return undefined;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = zip.subarray(start, start + e.compressedSize);
  return e.method === 0 ? data : new Uint8Array(inflateRawSync(data));
}

/** Names of the entries, in zip order. */
export function entryNames(zip: Uint8Array): string[] {
  return entries(zip).list.map((e) => e.name);
}

/** A new zip: `changes` replace or add entries (by name); everything else is copied raw. */
export function patchZip(zip: Uint8Array, changes: Map<string, Uint8Array>): Uint8Array {
  const { list, cdStart } = entries(zip);
  const starts = [...list.map((e) => e.offset), cdStart].sort((a, b) => a - b);
  const end = (offset: number): number => starts[starts.indexOf(offset) + 1];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let pos = 0;
  const seen = new Set<string>();
  for (const e of list) {
    seen.add(e.name);
    const replacement = changes.get(e.name);
    if (replacement) {
      const { local, record } = newEntry(e.name, replacement, pos);
      parts.push(local);
      central.push(record);
      pos += local.length;
      continue;
    }
    const raw = zip.subarray(e.offset, end(e.offset));
    const record = e.central.slice();
    new DataView(record.buffer).setUint32(42, pos, true);
    parts.push(raw);
    central.push(record);
    pos += raw.length;
  }
  for (const [name, data] of changes) {
    if (seen.has(name)) continue;
    const { local, record } = newEntry(name, data, pos);
    parts.push(local);
    central.push(record);
    pos += local.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, SIG_EOCD, true);
  v.setUint16(8, central.length, true);
  v.setUint16(10, central.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, pos, true);
  return concat([...parts, ...central, eocd]);
}

function newEntry(name: string, data: Uint8Array, offset: number): { local: Uint8Array; record: Uint8Array } {
  const nameBytes = new TextEncoder().encode(name);
  const deflated = new Uint8Array(deflateRawSync(data, { level: 6 }));
  const crc = crc32(data) >>> 0;
  const local = new Uint8Array(30 + nameBytes.length + deflated.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, 0x04034b50, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, 0x0800, true); // UTF-8 names
  l.setUint16(8, 8, true);
  l.setUint16(10, 0, true);
  l.setUint16(12, 0x21, true); // 1980-01-01
  l.setUint32(14, crc, true);
  l.setUint32(18, deflated.length, true);
  l.setUint32(22, data.length, true);
  l.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(deflated, 30 + nameBytes.length);
  const record = new Uint8Array(46 + nameBytes.length);
  const c = new DataView(record.buffer);
  c.setUint32(0, SIG_CENTRAL, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, 0x0800, true);
  c.setUint16(10, 8, true);
  c.setUint16(14, 0x21, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, deflated.length, true);
  c.setUint32(24, data.length, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(42, offset, true);
  record.set(nameBytes, 46);
  return { local, record };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
