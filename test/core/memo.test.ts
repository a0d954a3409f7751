/** core/memo.ts: a memoised cell text keeps only itself alive, not the file it was cut from (issue 14). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached, memo } from '../../core/memo';
import { resolveUnits } from '../../core/units';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** What `keep` returns for a slice of a fresh 40 MB string (made in its own frame: no stale reference to it remains). */
function keptFromBig(keep: (slice: string) => unknown): unknown {
  const big = 'Ủy ban nhân dân xã An Phú '.repeat(1_600_000) + String(Math.random());
  return keep(big.slice(1000, 1060));
}

/** Heap growth, in MB, from keeping what `keep` returns for a slice of a fresh 40 MB string. */
function retainedMb(keep: (slice: string) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = keptFromBig(keep);
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined();
  return (after - before) / 1048576;
}

describe('detached', () => {
  it('returns the same text', () => {
    const s = 'Đã hoàn thành đúng hạn theo kế hoạch';
    expect(detached(s.slice(3))).toBe(s.slice(3));
    expect(detached('ngắn')).toBe('ngắn');
  });

  it('does not keep the string it was cut from', () => {
    // The control: a plain slice keeps its 40 MB parent (two bytes a character).
    expect(retainedMb((s) => [s])).toBeGreaterThan(30);
    expect(retainedMb((s) => [detached(s)])).toBeLessThan(5);
  });
});

describe('memo', () => {
  it('caches a cell text cut from a file without keeping the file', () => {
    const len = memo((s: string) => ({ s, n: s.length }));
    expect(retainedMb((s) => len(s))).toBeLessThan(5);
  });

  it('resolveUnits caches the same way', () => {
    expect(retainedMb((s) => resolveUnits(s))).toBeLessThan(5);
  });
});
