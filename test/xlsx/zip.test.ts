/** The one zip module (xlsx/zip): what the writer writes the reader reads, zip64 both ways, and hostile directories refused. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ReadFailure } from '../../xlsx/reader/limits';
import { entryData, findEntry, openZip, readEntry, readNamed } from '../../xlsx/zip/read';
import { patchZip, zipFile } from '../../xlsx/zip/write';
import { crc32Combine } from '../../xlsx/zip/deflate-pool';
import { deflated, rawZip } from './read-helpers';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-zip-'));

async function written(name: string, parts: [string, (string | Uint8Array)[]][], zip64 = false): Promise<Buffer> {
  const path = join(dir, name);
  const sink = await zipFile(path, { zip64 });
  for (const [n, chunks] of parts) await sink.add(n, chunks);
  await sink.close();
  return readFileSync(path);
}

function failure(fn: () => unknown): ReadFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReadFailure) return err;
    throw err;
  }
  throw new Error('expected a ReadFailure');
}

const big = Array.from({ length: 20_000 }, (_, i) => `<r>${(i * 7919) % 100_003} Nhiệm vụ số ${i}</r>`).join(''); // > 256 KB: the streamed deflate path

describe('xlsx/zip', () => {
  it('reads back what it writes, small and streamed parts, with and without zip64 records', async () => {
    for (const zip64 of [false, true]) {
      const buf = await written(`w${zip64}.zip`, [['a/b.xml', ['<a>', 'Tiến độ', '</a>']], ['big.xml', [big, big]]], zip64);
      const zip = openZip(buf, DEFAULT_LIMITS);
      expect([...zip.entries.keys()]).toEqual(['a/b.xml', 'big.xml']);
      expect(readNamed(zip, 'a/b.xml')?.toString('utf8')).toBe('<a>Tiến độ</a>');
      expect(readNamed(zip, 'big.xml')?.toString('utf8')).toBe(big + big);
      if (zip64) expect(buf.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    }
  });

  it('writes a large part as primed deflate segments: zlib reads one stream back, about as small as one deflate', async () => {
    // 14 MB in 1 MB chunks: four segments on the deflate pool (xlsx/zip/deflate-pool.ts), with text repeating across their edges.
    const chunk = Buffer.from(Array.from({ length: 9_000 }, (_, i) => `<row r="${i}"><c t="inlineStr"><is><t>Đã hoàn thành ${i % 97}</t></is></c></row>`).join('').slice(0, 1 << 20));
    const chunks = Array.from({ length: 14 }, (_, k) => Buffer.concat([chunk.subarray(k * 1000), chunk.subarray(0, k * 1000)]));
    const whole = Buffer.concat(chunks);
    const buf = await written('segments.zip', [['x.xml', chunks]]);
    const zip = openZip(buf, DEFAULT_LIMITS);
    const entry = findEntry(zip, 'x.xml')!;
    expect(readEntry(zip, entry).equals(whole)).toBe(true);
    const { start, end } = entryData(zip, entry);
    const raw = buf.subarray(start, end);
    expect(inflateRawSync(raw).equals(whole)).toBe(true);
    expect(buf.readUInt32LE(entry.localOffset + 14)).toBe(crc32(whole) >>> 0);
    expect(raw.length).toBeLessThan(deflateRawSync(whole, { level: 1 }).length * 1.01);
  });

  it('joins CRCs as zlib would: crc32Combine(crc(a), crc(b), |b|) = crc(a + b)', () => {
    const whole = Buffer.from(big + 'Tiến độ' + big.slice(0, 12_345));
    for (const cut of [0, 1, 7, 4096, 65_537, whole.length - 1, whole.length]) {
      const a = whole.subarray(0, cut);
      const b = whole.subarray(cut);
      expect(crc32Combine(crc32(a), crc32(b), b.length), `cut ${cut}`).toBe(crc32(whole) >>> 0);
    }
  });

  it('patches a zip: changed entries replaced, new ones added, others copied byte for byte', async () => {
    const buf = await written('p.zip', [['keep.xml', [big]], ['change.xml', ['old']]]);
    const out = patchZip(buf, new Map([['change.xml', Buffer.from('mới')], ['new.xml', Buffer.from('thêm')]]));
    const zip = openZip(out, DEFAULT_LIMITS);
    expect([...zip.entries.keys()]).toEqual(['keep.xml', 'change.xml', 'new.xml']);
    expect(readNamed(zip, 'keep.xml')?.toString('utf8')).toBe(big);
    expect(readNamed(zip, 'change.xml')?.toString('utf8')).toBe('mới');
    expect(readNamed(zip, 'new.xml')?.toString('utf8')).toBe('thêm');
    const orig = openZip(buf, DEFAULT_LIMITS);
    const e = findEntry(orig, 'keep.xml')!;
    expect(out.includes(buf.subarray(e.localOffset, e.localOffset + 30 + e.compressedSize))).toBe(true);
  });

  it('shifts offsets past a self-extractor prefix and tolerates junk after the archive', () => {
    const zip = rawZip([deflated('x.xml', '<x>một</x>')]);
    const prefixed = Buffer.concat([Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode '.repeat(50), 'latin1'), zip]);
    expect(readNamed(openZip(prefixed, DEFAULT_LIMITS), 'x.xml')?.toString('utf8')).toBe('<x>một</x>');
    const padded = Buffer.concat([zip, Buffer.alloc(100 * 1024)]);
    expect(readNamed(openZip(padded, DEFAULT_LIMITS), 'x.xml')?.toString('utf8')).toBe('<x>một</x>');
    const both = Buffer.concat([Buffer.from('MZ'), zip, Buffer.alloc(200 * 1024, 0x20)]);
    expect(readNamed(openZip(both, DEFAULT_LIMITS), 'x.xml')?.toString('utf8')).toBe('<x>một</x>');
  });

  it('refuses duplicate names (also differing only in case or separator) as a damaged file', () => {
    const dup = rawZip([deflated('xl/worksheets/sheet1.xml', '<a/>'), deflated('xl/worksheets/sheet1.xml', '<b/>')]);
    const f = failure(() => openZip(dup, DEFAULT_LIMITS));
    expect(f.code).toBe('FILE_CORRUPT');
    expect(f.detail).toContain('hai mục cùng tên');
    expect(failure(() => openZip(rawZip([deflated('xl/a.xml', '<a/>'), deflated('XL\\A.xml', '<b/>')]), DEFAULT_LIMITS)).code).toBe('FILE_CORRUPT');
  });

  it('checks every directory field against the file: counts, lengths and offsets that point outside', () => {
    const zip = rawZip([deflated('x.xml', '<x/>')]);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const lyingCount = Buffer.from(zip);
    lyingCount.writeUInt16LE(500, eocd + 10);
    lyingCount.writeUInt16LE(500, eocd + 8);
    expect(() => openZip(lyingCount, DEFAULT_LIMITS)).toThrow(ReadFailure);
    const cen = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const longName = Buffer.from(zip);
    longName.writeUInt16LE(60_000, cen + 28);
    expect(failure(() => openZip(longName, DEFAULT_LIMITS)).code).toBe('FILE_CORRUPT');
    const farOffset = Buffer.from(zip);
    farOffset.writeUInt32LE(zip.length + 1000, cen + 42);
    expect(failure(() => readEntry(openZip(farOffset, DEFAULT_LIMITS), findEntry(openZip(farOffset, DEFAULT_LIMITS), 'x.xml')!)).code).toBe('FILE_TRUNCATED');
    expect(failure(() => openZip(zip.subarray(0, zip.length - 10), DEFAULT_LIMITS)).code).toBe('FILE_TRUNCATED');
  });
});
