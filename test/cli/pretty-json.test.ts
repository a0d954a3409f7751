/** batch/pretty-json.ts: the pieces make JSON.stringify(value, null, 2) + '\n', byte for byte. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prettyJsonPieces, writePrettyJson } from '../../batch/pretty-json';

const expected = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';
const pieces = (v: unknown): string => [...prettyJsonPieces(v)].join('');

describe('prettyJsonPieces', () => {
  const comparison = {
    period: '2025-12', previous: null, empty: [], emptyObject: {}, skipped: undefined, fn: () => 1,
    totals: { newlyDone: 3, nested: { a: [1, { b: 'Đã hoàn thành "đúng hạn"\nxuống dòng' }] } },
    tasks: [{ task: 'Nhiệm vụ 1', due: new Date(Date.UTC(2025, 11, 31)), lead: ['Bộ Công an', 'UBND tỉnh'], gone: undefined },
      undefined, null, 'chuỗi', 42, [], [[1, 2], { x: {} }]],
    last: [1],
  };

  it('is JSON.stringify(value, null, 2) for objects with arrays, nested values, undefined and dates', () => {
    expect(pieces(comparison)).toBe(expected(comparison));
  });

  it('handles what is not an object with members the same way', () => {
    for (const v of [{}, [], [1, [2]], 'x', 3, null, { only: undefined }, { a: [] }, new Date(0)]) expect(pieces(v)).toBe(expected(v));
  });

  it('stringifies a large array one element at a time', () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => ({ i, task: `Nhiệm vụ ${i}` }));
    const all = [...prettyJsonPieces({ tasks })];
    expect(all.length).toBeGreaterThan(1000);
    expect(all.join('')).toBe(expected({ tasks }));
  });

  it('writes the same file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tiendo-pretty-')), 'bien-dong.json');
    const big = { tasks: Array.from({ length: 30_000 }, (_, i) => ({ i, task: 'Nhiệm vụ '.repeat(10) + i })) };
    await writePrettyJson(big, path);
    expect(readFileSync(path, 'utf8')).toBe(expected(big));
  });
});
