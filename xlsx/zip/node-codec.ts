/** The Node ByteCodec: zlib's native inflate with its own output cap, a UTF-8 decoder for text-heavy parts (utf8.ts), else Buffer's (the batch reader's hot path). */
import { inflateRawSync } from 'node:zlib';
import { InflateError, type ByteCodec } from './bytes';
import { decodeUtf8 } from './utf8';

export const NODE_CODEC: ByteCodec = {
  inflateRaw(data: Uint8Array, cap: number): Uint8Array {
    try {
      return inflateRawSync(data, { maxOutputLength: cap });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new InflateError('too-large', (err as Error).message);
      if (code === 'Z_BUF_ERROR') throw new InflateError('truncated', (err as Error).message);
      throw new InflateError('corrupt', (err as Error).message);
    }
  },
  utf8(bytes: Uint8Array): string {
    return decodeUtf8(bytes) ?? asBuffer(bytes).toString('utf8');
  },
};

/** The same bytes as a Buffer, without copying. */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
