/**
 * Legacy encodings through a real .xlsx: written with ExcelJS (fonts as a legacy-era
 * workbook has them), read back with the lean reader, then decodeGrid.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../xlsx/read';
import { decodeGrid } from '../../../core/text/encoding';
import type { Grid } from '../../../core/grid';
import { encodeLegacy } from '../../support/legacy';

type Cell = { v: string | number; font?: string };

async function roundTrip(rows: Cell[][]): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  rows.forEach((row, r) => row.forEach((cell, c) => {
    const x = ws.getCell(r + 1, c + 1);
    x.value = cell.v;
    if (cell.font) x.font = { name: cell.font };
  }));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const { grids, error } = readXlsx(bytes, { file: 'legacy.xlsx' });
  expect(error).toBe(null);
  return grids[0];
}

describe('legacy encodings in a real .xlsx', () => {
  it('TCVN3 with .VnTimeH headers and .VnTime body (soft hyphen = ư survives the round trip)', async () => {
    const H = '.VnTimeH';
    const B = '.VnTime';
    const grid = await roundTrip([
      [{ v: 'stt', font: H }, { v: encodeLegacy('tên nhiệm vụ', 'tcvn3'), font: H }, { v: encodeLegacy('tiến độ', 'tcvn3'), font: H }],
      [{ v: 1, font: B }, { v: encodeLegacy('Xây dựng Đề án chuyển đổi số', 'tcvn3'), font: B }, { v: encodeLegacy('Chưa hoàn thành', 'tcvn3'), font: B }],
      [{ v: 2, font: B }, { v: encodeLegacy('Rà soát thủ tục hành chính', 'tcvn3'), font: B }, { v: encodeLegacy('Đã hoàn thành quá hạn', 'tcvn3'), font: B }],
    ]);
    expect(grid.rows[1][2]).toBe('Ch\u00ada hoµn thµnh');
    const out = decodeGrid(grid);
    expect(out.grid.rows).toEqual([
      ['STT', 'TÊN NHIỆM VỤ', 'TIẾN ĐỘ'],
      [1, 'Xây dựng Đề án chuyển đổi số', 'Chưa hoàn thành'],
      [2, 'Rà soát thủ tục hành chính', 'Đã hoàn thành quá hạn'],
    ]);
    expect(out.conversions).toHaveLength(1);
    expect(out.conversions[0]).toMatchObject({ encoding: 'tcvn3', col: null, cells: 7 });
  });

  it('VNI-Times cells', async () => {
    const F = 'VNI-Times';
    const grid = await roundTrip([
      [{ v: 'STT', font: F }, { v: encodeLegacy('Đơn vị chủ trì', 'vni'), font: F }],
      [{ v: 1, font: F }, { v: encodeLegacy('Ủy ban nhân dân tỉnh Nghệ An', 'vni'), font: F }],
    ]);
    expect(decodeGrid(grid).grid.rows).toEqual([['STT', 'Đơn vị chủ trì'], [1, 'Ủy ban nhân dân tỉnh Nghệ An']]);
  });

  it('UTF-8 read as cp1252, including the C1 control from an undefined byte (Đ = C4 90)', async () => {
    const grid = await roundTrip([[{ v: encodeLegacy('Đã hoàn thành', 'utf8_as_cp1252') }], [{ v: 'Bộ Y tế' }]]);
    const out = decodeGrid(grid);
    expect(out.grid.rows).toEqual([['Đã hoàn thành'], ['Bộ Y tế']]);
    expect(out.conversions).toEqual([
      { encoding: 'utf8_as_cp1252', col: 0, cells: 1, example: { cell: 'A1', from: 'Ä\u0090Ã£ hoÃ\u00a0n thÃ\u00a0nh', to: 'Đã hoàn thành' } },
    ]);
  });

  it('a Unicode workbook comes back untouched (same grid object)', async () => {
    const grid = await roundTrip([[{ v: 'Tên nhiệm vụ' }, { v: 'Tiến độ' }], [{ v: 'Công an' }, { v: 'Hoà Bình' }], [{ v: 'café' }, { v: 45838 }]]);
    expect(decodeGrid(grid).grid).toBe(grid);
  });
});
