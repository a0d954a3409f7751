/**
 * The reader's UTF-8 decoder (xlsx/zip/utf8.ts) against Buffer's, which it stands in for on text-heavy parts: equal on
 * every valid input it takes, and declining (null, so Buffer's decoder replaces what is invalid) on everything else.
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../xlsx/zip/utf8';
import { NODE_CODEC } from '../../xlsx/zip/node-codec';

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIET = 'Đã hoàn thành, chưa thực hiện; Ủy ban nhân dân xã Tân Lập — Sở Tài chính "quá hạn" <br/> &amp; ';
/** Code points of every length in UTF-8: ASCII, 2-byte (ă, đ), 3-byte (ệ, €, U+FEFF, U+FFFF), 4-byte (😀, 𝔸), and NUL. */
const POINTS = [0x00, 0x41, 0x7f, 0x80, 0x103, 0x111, 0x7ff, 0x800, 0x1ec7, 0x20ac, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x1d538, 0x10ffff];

function randomText(r: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += r() < 0.6 ? VIET.slice(Math.floor(r() * VIET.length)) : String.fromCodePoint(POINTS[Math.floor(r() * POINTS.length)]);
  return s;
}

describe('decodeUtf8', () => {
  it('equals Buffer.toString on 300 random Vietnamese texts with every sequence length', () => {
    const r = rng(14);
    let taken = 0;
    for (let k = 0; k < 300; k++) {
      const text = randomText(r, 1000 + Math.floor(r() * 20_000));
      const bytes = Buffer.from(text, 'utf8');
      const out = decodeUtf8(bytes);
      if (out !== null) taken++;
      expect(out ?? bytes.toString('utf8')).toBe(text);
    }
    expect(taken).toBe(300); // all of them text-heavy: the fast path really ran
  });

  it('declines invalid UTF-8, and the codec then decodes it as Buffer does (U+FFFD)', () => {
    const text = Buffer.from(VIET.repeat(40), 'utf8');
    const cases: [string, number[]][] = [
      ['a lone continuation byte', [0x80]],
      ['a truncated 3-byte sequence', [0xe1, 0xbb]],
      ['an overlong "/"', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['a byte never in UTF-8', [0xff]],
    ];
    for (const [what, bad] of cases) {
      for (const at of [0, 500, text.length]) {
        const bytes = Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]);
        expect(decodeUtf8(bytes), what).toBeNull();
        expect(NODE_CODEC.utf8(bytes), what).toBe(bytes.toString('utf8'));
      }
    }
    // Ends mid-sequence: cut just after the last lead byte.
    const lead = text.findLastIndex((b) => b >= 0xc0);
    expect(decodeUtf8(text.subarray(0, lead + 1))).toBeNull();
  });

  it('leaves short and mostly-ASCII parts to Buffer, and a part larger than its reused buffer decodes whole', () => {
    expect(decodeUtf8(Buffer.from('Đã hoàn thành', 'utf8'))).toBeNull();
    const sheet = Buffer.from('<c r="A1" s="1"><v>12</v></c>'.repeat(2000) + 'ệ', 'utf8');
    expect(decodeUtf8(sheet)).toBeNull();
    expect(NODE_CODEC.utf8(sheet)).toBe(sheet.toString('utf8'));
    const big = Buffer.from(VIET.repeat(60_000), 'utf8'); // 6 MB: a buffer of its own
    expect(decodeUtf8(big)).toBe(VIET.repeat(60_000));
    const after = Buffer.from(VIET.repeat(50), 'utf8');
    expect(decodeUtf8(after)).toBe(VIET.repeat(50));
  });
});
