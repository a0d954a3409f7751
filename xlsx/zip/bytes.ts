/**
 * Byte helpers for the reading path, on plain Uint8Array so the reader runs in the browser too
 * (the task pane's Web Worker) as well as in Node. What differs between the two, inflating and UTF-8
 * decoding, is a `ByteCodec` handed in by the entry point: node:zlib and Buffer in Node (xlsx/read.ts),
 * fflate and TextDecoder in the browser (xlsx/read-browser.ts). Both enforce the same hard output cap.
 */

/** Why an inflate failed, as the zip reader needs to know it. */
export type InflateFailure = 'too-large' | 'truncated' | 'corrupt';

export class InflateError extends Error {
  constructor(readonly kind: InflateFailure, message: string) {
    super(message);
  }
}

export interface ByteCodec {
  /**
   * Raw-deflate data inflated to at most `cap` bytes; throws InflateError('too-large') when the data
   * would inflate to more (never returns a silently truncated part), 'truncated' or 'corrupt' otherwise.
   */
  inflateRaw(data: Uint8Array, cap: number): Uint8Array;
  /** UTF-8 bytes as a string (invalid sequences become U+FFFD). */
  utf8(bytes: Uint8Array): string;
}

/** Little-endian unsigned 16-bit value at `p`; throws RangeError outside the bytes (as Buffer does). */
export function u16(b: Uint8Array, p: number): number {
  if (p < 0 || p + 2 > b.length) throw new RangeError(`offset ${p} is out of range`);
  return b[p] | (b[p + 1] << 8);
}

/** Little-endian unsigned 32-bit value at `p`; throws RangeError outside the bytes. */
export function u32(b: Uint8Array, p: number): number {
  if (p < 0 || p + 4 > b.length) throw new RangeError(`offset ${p} is out of range`);
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

/** Little-endian unsigned 64-bit value at `p` as a number, or -1 when it is beyond Number.MAX_SAFE_INTEGER. */
export function u64(b: Uint8Array, p: number): number {
  const lo = u32(b, p);
  const hi = u32(b, p + 4);
  return hi > 0x1fffff ? -1 : hi * 0x100000000 + lo;
}

/** First index of `needle` in `hay` at or after `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from;
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0 && i + n <= hay.length; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** Last index of `needle` in `hay` starting at or before `from`, or -1. */
export function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array, from = hay.length - needle.length): number {
  const n = needle.length;
  const first = needle[0];
  for (let i = hay.lastIndexOf(first, Math.min(from, hay.length - n)); i >= 0; i = i > 0 ? hay.lastIndexOf(first, i - 1) : -1) {
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** ISO-8859-1 bytes as a string (each byte one code point, as Node's 'latin1'; TextDecoder's "latin1" is windows-1252). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 8192)));
  return s;
}

/** A string's UTF-16LE bytes (for searching OLE2 directory names). */
export function utf16leBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** UTF-16 bytes (no BOM) as a string; `bigEndian` swaps each pair first (an odd trailing byte is dropped). */
export function utf16(b: Uint8Array, bigEndian: boolean): string {
  const even = b.subarray(0, b.length - (b.length % 2));
  if (!bigEndian) return new TextDecoder('utf-16le').decode(even);
  const swapped = new Uint8Array(even.length);
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1];
    swapped[i + 1] = even[i];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}
