/**
 * Minimal zip reader for .xlsx: parses the central directory (zip64 tolerant), checks
 * declared sizes against the limits before inflating, and inflates one entry at a time
 * with a hard output cap (declared sizes can lie).
 */
import { inflateRawSync } from 'node:zlib';
import { ReadFailure, type ReadLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  buf: Buffer;
  /** Entries by exact name. */
  entries: Map<string, ZipEntry>;
  /** Entries by lower-cased name with "/" separators, for tolerant lookup. */
  folded: Map<string, ZipEntry>;
  /** Bytes inflated so far (against maxTotalBytes). */
  inflated: number;
  limits: ReadLimits;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;
const MAX32 = 0xffffffff;
const MB = 1024 * 1024;

/** Opens the archive's central directory; throws ReadFailure for truncated or malformed zips. */
export function openZip(buf: Buffer, limits: ReadLimits): ZipArchive {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt (thiếu mục lục cuối tệp zip)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  const z64 = count === 0xffff || cdSize === MAX32 || cdOffset === MAX32 ? readZip64Eocd(buf, eocd) : null;
  if (z64) ({ count, cdSize, cdOffset } = z64);
  // Data prepended to the archive (self-extractors) shifts every offset.
  const shift = !z64 && cdOffset + cdSize < eocd ? eocd - (cdOffset + cdSize) : 0;
  const start = cdOffset + shift;
  if (start + cdSize > buf.length || start < 0) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt (mục lục trỏ ra ngoài tệp)');
  const entries = new Map<string, ZipEntry>();
  const folded = new Map<string, ZipEntry>();
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CEN) throw new ReadFailure('FILE_CORRUPT', 'mục lục tệp nén bị hỏng');
    const e = readCentralEntry(buf, p, shift);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    entries.set(e.name, e);
    folded.set(e.name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase(), e);
  }
  return { buf, entries, folded, inflated: 0, limits };
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf.readUInt32LE(i) === SIG_EOCD) {
      // Accept only a record whose comment fits exactly (or within) the file.
      if (i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
    }
  }
  return -1;
}

function readZip64Eocd(buf: Buffer, eocd: number): { count: number; cdSize: number; cdOffset: number } | null {
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== SIG_EOCD64_LOC) return null;
  const off = Number(buf.readBigUInt64LE(loc + 8));
  if (off + 56 > buf.length || buf.readUInt32LE(off) !== SIG_EOCD64) return null;
  return {
    count: Number(buf.readBigUInt64LE(off + 32)),
    cdSize: Number(buf.readBigUInt64LE(off + 40)),
    cdOffset: Number(buf.readBigUInt64LE(off + 48)),
  };
}

function readCentralEntry(buf: Buffer, p: number, shift: number): ZipEntry {
  const flags = buf.readUInt16LE(p + 8);
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  if (p + 46 + nameLen + extraLen > buf.length) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt');
  const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
  let size = buf.readUInt32LE(p + 24);
  let compressedSize = buf.readUInt32LE(p + 20);
  let localOffset = buf.readUInt32LE(p + 42);
  if (size === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
    // zip64 extra field (id 1): only the fields that overflowed, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === MAX32 && q + 8 <= x + 4 + len) { size = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (compressedSize === MAX32 && q + 8 <= x + 4 + len) { compressedSize = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (localOffset === MAX32 && q + 8 <= x + 4 + len) localOffset = Number(buf.readBigUInt64LE(q));
        break;
      }
      x += 4 + len;
    }
  }
  return { name, method: buf.readUInt16LE(p + 10), flags, compressedSize, size, localOffset: localOffset + shift };
}

/** The entry named `name` (exact, then case/separator-insensitive), or undefined. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(name) ?? zip.folded.get(name.replace(/^\//, '').toLowerCase());
}

/** Inflates one entry to a Buffer, enforcing the limits; throws ReadFailure. */
export function readEntry(zip: ZipArchive, e: ZipEntry): Buffer {
  const { buf, limits } = zip;
  if (e.flags & 1) throw new ReadFailure('FILE_ENCRYPTED', 'tệp nén được đặt mật khẩu');
  checkDeclared(zip, e);
  const p = e.localOffset;
  if (p + 30 > buf.length) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt');
  if (buf.readUInt32LE(p) !== SIG_LOC) throw new ReadFailure('FILE_CORRUPT', `mục "${e.name}" trong tệp nén bị hỏng`);
  const dataStart = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > buf.length) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt (dữ liệu thiếu ở cuối tệp)');
  const data = buf.subarray(dataStart, dataEnd);
  let out: Buffer;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    out = inflateCapped(data, outputCap(zip, e), e.name);
  } else {
    throw new ReadFailure('FILE_CORRUPT', `mục "${e.name}" dùng kiểu nén không hỗ trợ (method ${e.method})`);
  }
  zip.inflated += out.length;
  if (zip.inflated > limits.maxTotalBytes) throw tooLarge(`tổng dung lượng giải nén vượt ${mb(limits.maxTotalBytes)}`);
  return out;
}

function checkDeclared(zip: ZipArchive, e: ZipEntry): void {
  const { limits } = zip;
  if (e.size > limits.maxPartBytes) throw tooLarge(`phần "${e.name}" khai báo ${mb(e.size)} khi giải nén, vượt giới hạn ${mb(limits.maxPartBytes)}`);
  if (zip.inflated + e.size > limits.maxTotalBytes) throw tooLarge(`tổng dung lượng giải nén vượt ${mb(limits.maxTotalBytes)}`);
  if (e.size > limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio) {
    throw tooLarge(`phần "${e.name}" có tỷ lệ nén bất thường (${Math.round(e.size / Math.max(1, e.compressedSize))}:1), nghi là "bom giải nén"`);
  }
}

/** The most an entry may inflate to: its declared size (real zips declare it exactly), within the limits. */
function outputCap(zip: ZipArchive, e: ZipEntry): number {
  const { limits } = zip;
  const byLimits = Math.min(limits.maxPartBytes, limits.maxTotalBytes - zip.inflated);
  const byRatio = Math.max(limits.ratioFloorBytes, e.compressedSize * limits.maxRatio);
  // A zero size with data is itself a lie (writers always fill the central directory): allow a modest ratio only.
  const declared = e.size > 0 ? e.size : Math.max(limits.ratioFloorBytes, e.compressedSize * 32);
  return Math.max(0, Math.min(byLimits, declared, byRatio));
}

function inflateCapped(data: Buffer, cap: number, name: string): Buffer {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw tooLarge(`phần "${name}" giải nén ra nhiều hơn kích thước khai báo hoặc giới hạn ${mb(cap)}, nghi là "bom giải nén"`);
    }
    if (code === 'Z_BUF_ERROR') throw new ReadFailure('FILE_TRUNCATED', `phần "${name}" bị cắt cụt`);
    throw new ReadFailure('FILE_CORRUPT', `phần "${name}" không giải nén được (${(err as Error).message})`);
  }
}

function tooLarge(detail: string): ReadFailure {
  return new ReadFailure('FILE_TOO_LARGE', detail);
}

function mb(n: number): string {
  return n >= MB ? `${Math.round(n / MB).toLocaleString('vi-VN')} MB` : `${n.toLocaleString('vi-VN')} byte`;
}
