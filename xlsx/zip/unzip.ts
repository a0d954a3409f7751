/**
 * The zip reader of every .xlsx tiendo opens (input workbooks and its own outputs): the central
 * directory parsed with every offset and length checked against the file, zip64 records, duplicate
 * names refused, data prepended (self-extractors, `MZ…`) shifted away, junk after the archive
 * tolerated, and each entry inflated on its own with a hard output cap (declared sizes can lie).
 * Platform-neutral (plain Uint8Array, an injected ByteCodec): Node's entry point is ./read.ts, the
 * browser's is ../read-browser.ts.
 */
import { DEFAULT_LIMITS, ReadFailure, type ReadLimits } from '../reader/limits';
import { InflateError, lastIndexOfBytes, latin1, u16, u32, u64, type ByteCodec } from './bytes';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header in the buffer (prefix shift applied). */
  localOffset: number;
  /** Offset of this entry's central directory record, and its length (name, extra, comment included). */
  centralOffset: number;
  centralLength: number;
}

export interface ZipArchive {
  buf: Uint8Array;
  /** Inflate and UTF-8 decoding for this platform. */
  codec: ByteCodec;
  /** Entries by exact name, in directory order. */
  entries: Map<string, ZipEntry>;
  /** Entries by lower-cased name with "/" separators, for tolerant lookup. */
  folded: Map<string, ZipEntry>;
  /** Offset of the central directory (prefix shift applied). */
  cdStart: number;
  /** Bytes inflated so far (against maxTotalBytes). */
  inflated: number;
  limits: ReadLimits;
}

const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const MB = 1024 * 1024;
const UTF8_NAMES = new TextDecoder('utf-8');
/** The end-of-central-directory signature, 0x06054b50 little-endian. */
const EOCD_MARK = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);

/** Limits for reading back tiendo's own outputs (never a stranger's file): no bomb guard needed. */
export const OWN_OUTPUT: Readonly<ReadLimits> = Object.freeze({
  ...DEFAULT_LIMITS,
  maxFileBytes: Number.MAX_SAFE_INTEGER,
  maxPartBytes: 2 ** 31 - 1,
  maxTotalBytes: Number.MAX_SAFE_INTEGER,
  maxRatio: Number.MAX_SAFE_INTEGER,
});

/** True when the bytes hold an end-of-central-directory record somewhere (a zip, maybe behind a prefix). */
export function looksLikeZip(buf: Uint8Array): boolean {
  return lastIndexOfBytes(buf, EOCD_MARK) >= 0;
}

/**
 * Opens the archive's central directory; throws ReadFailure for truncated, malformed or ambiguous zips.
 * @example
 * const zip = openZipWith(bytes, DEFAULT_LIMITS, codec);
 * const sheet = zip.codec.utf8(readEntry(zip, findEntry(zip, 'xl/worksheets/sheet1.xml')!));
 */
export function openZipWith(buf: Uint8Array, limits: ReadLimits, codec: ByteCodec): ZipArchive {
  const dir = findDirectory(buf);
  if (!dir) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt (thiếu mục lục cuối tệp zip)');
  const { count, cdSize, start, shift } = dir;
  const entries = new Map<string, ZipEntry>();
  const folded = new Map<string, ZipEntry>();
  const end = start + cdSize;
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(buf, p) !== SIG_CEN) throw new ReadFailure('FILE_CORRUPT', 'mục lục tệp nén bị hỏng');
    const e = readCentralEntry(buf, p, end, shift);
    p += e.centralLength;
    const key = foldName(e.name);
    const twin = folded.get(key);
    if (twin) {
      throw new ReadFailure('FILE_CORRUPT', `tệp nén chứa hai mục cùng tên "${twin.name}" (Excel cũng báo tệp này cần sửa): hãy mở tệp bằng Excel, để Excel sửa, lưu lại rồi gửi lại`);
    }
    entries.set(e.name, e);
    folded.set(key, e);
  }
  return { buf, codec, entries, folded, cdStart: start, inflated: 0, limits };
}

interface Directory {
  count: number;
  cdSize: number;
  /** Where the central directory really starts in `buf`. */
  start: number;
  /** Bytes of data before the archive (added to every stored offset). */
  shift: number;
}

/**
 * The last end record whose central directory checks out. The search runs back through the whole
 * file, not only the 64 KB a comment can span, so junk appended after the archive (zero padding
 * from a careless copy) does not hide it.
 */
function findDirectory(buf: Uint8Array): Directory | null {
  let i = buf.length - 22;
  while (i >= 0) {
    i = lastIndexOfBytes(buf, EOCD_MARK, i);
    if (i < 0) return null;
    const dir = directoryAt(buf, i);
    if (dir) return dir;
    i--;
  }
  return null;
}

function directoryAt(buf: Uint8Array, eocd: number): Directory | null {
  if (eocd + 22 > buf.length) return null;
  let count = u16(buf, eocd + 10);
  let cdSize = u32(buf, eocd + 12);
  let cdOffset = u32(buf, eocd + 16);
  let recordStart = eocd;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const z64 = readZip64Eocd(buf, eocd);
    if (z64) ({ count, cdSize, cdOffset, recordStart } = z64);
  }
  // Data prepended to the archive (self-extractors) shifts every offset by the same amount:
  // the directory ends where the end record (or the zip64 one) begins.
  const shift = recordStart - (cdOffset + cdSize);
  if (shift < 0) return null;
  const start = cdOffset + shift;
  if (count * 46 > cdSize || start + cdSize > buf.length) return null;
  if (count > 0 && u32(buf, start) !== SIG_CEN) return null;
  return { count, cdSize, start, shift };
}

function readZip64Eocd(buf: Uint8Array, eocd: number): { count: number; cdSize: number; cdOffset: number; recordStart: number } | null {
  const loc = eocd - 20;
  if (loc < 0 || u32(buf, loc) !== SIG_EOCD64_LOC) return null;
  // The locator's offset is unshifted; without extensible data the record sits just before the locator.
  const stated = u64(buf, loc + 8);
  const rec = stated >= 0 && stated + 56 <= loc && u32(buf, stated) === SIG_EOCD64 ? stated : loc - 56;
  if (rec < 0 || u32(buf, rec) !== SIG_EOCD64) return null;
  const count = u64(buf, rec + 32);
  const cdSize = u64(buf, rec + 40);
  const cdOffset = u64(buf, rec + 48);
  if (count < 0 || cdSize < 0 || cdOffset < 0) return null;
  return { count, cdSize, cdOffset, recordStart: rec };
}

function readCentralEntry(buf: Uint8Array, p: number, end: number, shift: number): ZipEntry {
  const flags = u16(buf, p + 8);
  const nameLen = u16(buf, p + 28);
  const extraLen = u16(buf, p + 30);
  const commentLen = u16(buf, p + 32);
  const centralLength = 46 + nameLen + extraLen + commentLen;
  if (p + centralLength > end) throw new ReadFailure('FILE_CORRUPT', 'mục lục tệp nén bị hỏng (bản ghi vượt ra ngoài mục lục)');
  const name = flags & 0x800 ? UTF8_NAMES.decode(buf.subarray(p + 46, p + 46 + nameLen)) : latin1(buf, p + 46, p + 46 + nameLen);
  let size = u32(buf, p + 24);
  let compressedSize = u32(buf, p + 20);
  let localOffset = u32(buf, p + 42);
  if (size === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
    // zip64 extra field (id 1): only the fields that overflowed, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(buf, x);
      const len = u16(buf, x + 2);
      const fieldEnd = Math.min(x + 4 + len, xEnd);
      if (id === 1) {
        let q = x + 4;
        if (size === MAX32 && q + 8 <= fieldEnd) { size = u64(buf, q); q += 8; }
        if (compressedSize === MAX32 && q + 8 <= fieldEnd) { compressedSize = u64(buf, q); q += 8; }
        if (localOffset === MAX32 && q + 8 <= fieldEnd) localOffset = u64(buf, q);
        break;
      }
      x += 4 + len;
    }
    if (size < 0 || compressedSize < 0 || localOffset < 0) throw new ReadFailure('FILE_CORRUPT', `mục "${name}" trong tệp nén khai báo kích thước không hợp lệ`);
  }
  return { name, method: u16(buf, p + 10), flags, compressedSize, size, localOffset: localOffset + shift, centralOffset: p, centralLength };
}

/** Name as compared by OPC (part names are case-insensitive) and by tolerant lookup. */
function foldName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

/** The entry named `name` (exact, then case/separator-insensitive), or undefined. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(name) ?? zip.folded.get(foldName(name));
}

/** Where an entry's compressed data lies in the buffer, checked against its bounds. */
export function entryData(zip: ZipArchive, e: ZipEntry): { start: number; end: number } {
  const { buf } = zip;
  const p = e.localOffset;
  if (p + 30 > buf.length) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt');
  if (u32(buf, p) !== SIG_LOC) throw new ReadFailure('FILE_CORRUPT', `mục "${e.name}" trong tệp nén bị hỏng`);
  const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ReadFailure('FILE_TRUNCATED', 'tệp nén bị cắt cụt (dữ liệu thiếu ở cuối tệp)');
  return { start, end };
}

/** Inflates one entry, enforcing the limits; throws ReadFailure. */
export function readEntry(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const { buf, limits } = zip;
  if (e.flags & 1) throw new ReadFailure('FILE_ENCRYPTED', 'tệp nén được đặt mật khẩu');
  checkDeclared(zip, e);
  const { start, end } = entryData(zip, e);
  const data = buf.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    out = inflateCapped(zip.codec, data, outputCap(zip, e), e.name);
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

function inflateCapped(codec: ByteCodec, data: Uint8Array, cap: number, name: string): Uint8Array {
  try {
    return codec.inflateRaw(data, Math.max(1, cap));
  } catch (err) {
    const kind = err instanceof InflateError ? err.kind : 'corrupt';
    if (kind === 'too-large') {
      throw tooLarge(`phần "${name}" giải nén ra nhiều hơn kích thước khai báo hoặc giới hạn ${mb(cap)}, nghi là "bom giải nén"`);
    }
    if (kind === 'truncated') throw new ReadFailure('FILE_TRUNCATED', `phần "${name}" bị cắt cụt`);
    throw new ReadFailure('FILE_CORRUPT', `phần "${name}" không giải nén được (${(err as Error).message})`);
  }
}

function tooLarge(detail: string): ReadFailure {
  return new ReadFailure('FILE_TOO_LARGE', detail);
}

function mb(n: number): string {
  return n >= MB ? `${Math.round(n / MB).toLocaleString('vi-VN')} MB` : `${n.toLocaleString('vi-VN')} byte`;
}
