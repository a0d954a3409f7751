import { describe, expect, it } from 'vitest';
import type { CellValue, Grid, MergeRange } from '../../../core/grid';
import { readSheet, readWorkbook } from '../../../core/table/read';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL: CellValue[] = [
  null, null, null, '', ' ', 1, 2, 2, '3.', 'A', 'II', 'a)', true, 0, -5, 1e9, 45961, new Date(Date.UTC(2025, 5, 30)), new Date(Number.NaN),
  'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', 'Ghi chú:', 'KT. BỘ TRƯỞNG', '¹ chú thích', '(1)',
  'Bộ Y tế', 'Các bộ, ngành, địa phương', 'Xã Không Có', 'Quý II/2025', 'sau Tết', 'Đã hoàn thành', 'Xong', '<p>việc</p>',
  'NHIỆM VỤ KHÁC', 'Bé Y tÕ', 'Boä Y teá', 'x',
];

function randomGrid(seed: number): Grid {
  const next = rng(seed);
  const pick = () => POOL[Math.floor(next() * POOL.length)];
  const nRows = Math.floor(next() * 40);
  const rows: CellValue[][] = [];
  if (next() < 0.7) rows.push(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', 'Ghi chú'].slice(0, 3 + Math.floor(next() * 4)));
  for (let r = 0; r < nRows; r++) rows.push(Array.from({ length: Math.floor(next() * 8) }, pick));
  const merges: MergeRange[] = [];
  for (let k = 0; k < Math.floor(next() * 6); k++) {
    const top = Math.floor(next() * (rows.length + 2));
    const left = Math.floor(next() * 6);
    merges.push({ top, left, bottom: top + Math.floor(next() * 3), right: left + Math.floor(next() * 3) });
  }
  return { name: `S${seed}`, rows, merges, hidden: next() < 0.1 };
}

describe('reading never throws and loses nothing silently', () => {
  it('reads 500 random grids: every task has its row, every issue a code', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const g = randomGrid(seed);
      const read = readSheet(g, { file: 'f.xlsx' });
      expect(read.rowsScanned).toBeLessThanOrEqual(g.rows.length);
      for (const t of read.tasks) {
        expect(t.row).toBeGreaterThan(0);
        expect(typeof t.task).toBe('string');
      }
      if (!read.layout) expect(read.issues.some((i) => i.code === 'NO_TABLE' || i.code === 'MISSING_COLUMN')).toBe(true);
    }
  });

  it('reads workbooks of random sheets, and an empty workbook', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const read = readWorkbook([randomGrid(seed), randomGrid(seed + 1000), randomGrid(seed + 2000)], { file: 'f.xlsx' });
      expect(read.file).toBe('f.xlsx');
    }
    expect(readWorkbook([], { file: 'f.xlsx' }).issues.map((i) => i.code)).toEqual(['FILE_EMPTY']);
  });

  it('stays quick on a sheet with a stray cell far to the right', () => {
    const rows: CellValue[][] = [['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn'], ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025']];
    rows[1][16000] = 'lạc';
    const read = readSheet({ name: 'S', rows, merges: [] }, { file: 'f.xlsx' });
    expect(read.tasks).toHaveLength(1);
  });
});
