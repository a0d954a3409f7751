/**
 * The browser ByteCodec: fflate's streaming inflate fed 16 KB of compressed data at a time, its output
 * copied into a buffer of exactly `cap` bytes, stopping as soon as the output would pass the cap (so a
 * bomb costs at most the cap plus one step's output, about 16 MB at deflate's 1032:1, never its full
 * size), and TextDecoder for UTF-8. Same limits as Node's zlib path, enforced by the same zip reader.
 */
import { Inflate } from 'fflate';
import { InflateError, type ByteCodec } from './bytes';

const UTF8 = new TextDecoder('utf-8');
const STEP = 16 * 1024;

export const FFLATE_CODEC: ByteCodec = {
  inflateRaw(data: Uint8Array, cap: number): Uint8Array {
    // zlib calls empty input an unexpected end; so does this codec.
    if (data.length === 0) throw new InflateError('truncated', 'unexpected end of data');
    const out = new Uint8Array(cap);
    let n = 0;
    const inflater = new Inflate((chunk: Uint8Array) => {
      if (n + chunk.length > cap) throw new InflateError('too-large', `output exceeds ${cap} bytes`);
      out.set(chunk, n);
      n += chunk.length;
    });
    try {
      for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    } catch (err) {
      if (err instanceof InflateError) throw err;
      // fflate error codes: 0 unexpected EOF, 1 invalid block type, 2 invalid length/literal, 3 invalid distance.
      const code = (err as { code?: number }).code;
      throw new InflateError(code === 0 ? 'truncated' : 'corrupt', (err as Error).message);
    }
    return n === cap ? out : out.subarray(0, n);
  },
  utf8(bytes: Uint8Array): string {
    return UTF8.decode(bytes);
  },
};
