import { describe, expect, it } from 'vitest';
import type { CellStyle, CellValue, Grid } from '../../../core/grid';
import { decodeGrid } from '../../../core/text/encoding';
import { encodeLegacy } from '../../support/legacy';

const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'];
const ROWS: CellValue[][] = [
  [1, 'Xây dựng Đề án chuyển đổi số', 'Bộ Khoa học và Công nghệ', new Date(Date.UTC(2025, 5, 30)), 'Đã hoàn thành'],
  [2, 'Hoàn thiện thể chế về dữ liệu', 'Bộ Công an', 'Quý II/2025', 'Chưa hoàn thành'],
  [3, 'Rà soát thủ tục hành chính', 'Ủy ban nhân dân tỉnh Nghệ An', 45838, 'Đã hoàn thành quá hạn'],
  [4, 'Báo cáo kết quả', 'Bộ Tư pháp', null, 'Đang thực hiện'],
];

function encodeRows(rows: CellValue[][], enc: 'tcvn3' | 'vni'): CellValue[][] {
  return rows.map((row) => row.map((v) => (typeof v === 'string' ? encodeLegacy(v, enc) : v)));
}

function grid(rows: CellValue[][], styles?: (CellStyle | undefined)[][]): Grid {
  return { name: 'Phụ lục', rows, merges: [], styles };
}

describe('decodeGrid', () => {
  it('returns the same grid object and no conversions for a Unicode sheet', () => {
    const g = grid([HEADER, ...ROWS]);
    const out = decodeGrid(g);
    expect(out.grid).toBe(g);
    expect(out.conversions).toEqual([]);
  });

  it('converts a TCVN3 sheet (no styles) and reports one whole-sheet conversion', () => {
    const g = grid([HEADER, ...encodeRows(ROWS, 'tcvn3')]);
    const out = decodeGrid(g);
    expect(out.grid).not.toBe(g);
    expect(out.grid.rows[1][1]).toBe('Xây dựng Đề án chuyển đổi số');
    expect(out.grid.rows[1][2]).toBe('Bộ Khoa học và Công nghệ');
    expect(out.grid.rows[2][4]).toBe('Chưa hoàn thành');
    expect(out.grid.rows[3][2]).toBe('ủy ban nhân dân tỉnh Nghệ An');
    expect(out.grid.rows[3][4]).toBe('Đã hoàn thành quá hạn');
    expect(out.grid.rows[4][4]).toBe('Đang thực hiện');
    // numbers, dates, null and the Unicode header are untouched
    expect(out.grid.rows[1][3]).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(out.grid.rows[3][3]).toBe(45838);
    expect(out.grid.rows[4][3]).toBe(null);
    expect(out.grid.rows[0]).toEqual(HEADER);
    expect(out.conversions).toHaveLength(1);
    expect(out.conversions[0]).toMatchObject({ encoding: 'tcvn3', col: null });
    expect(out.conversions[0].example).toEqual({
      cell: 'B2',
      from: 'X©y dùng §Ò ¸n chuyÓn ®æi sè',
      to: 'Xây dựng Đề án chuyển đổi số',
    });
    // the input grid is not mutated
    expect(g.rows[1][1]).toBe('X©y dùng §Ò ¸n chuyÓn ®æi sè');
  });

  it('counts converted cells, skipping ASCII cells that need no change', () => {
    const g = grid([HEADER, ...encodeRows(ROWS, 'tcvn3')]);
    const { conversions } = decodeGrid(g);
    // 4 rows x 3 text columns; "Quý II/2025" is the same in TCVN3 (ý = 0xFD) so it is not counted
    expect(conversions[0].cells).toBe(12);
  });

  it('uses the column context for short ambiguous cells ("Bé" is "Bộ" in a TCVN3 column)', () => {
    const g = grid([['Đơn vị'], ['Bé'], [encodeLegacy('Bộ Tài chính', 'tcvn3')], [encodeLegacy('Ủy ban nhân dân', 'tcvn3')]]);
    const out = decodeGrid(g);
    expect(out.grid.rows.map((r) => r[0])).toEqual(['Đơn vị', 'Bộ', 'Bộ Tài chính', 'ủy ban nhân dân']);
  });

  it('leaves ambiguous cells alone in a column that also holds real Unicode Vietnamese', () => {
    const g = grid([['Đơn vị'], ['Công an'], [encodeLegacy('Bộ Tài chính', 'tcvn3')], ['Bộ Y tế']]);
    const out = decodeGrid(g);
    expect(out.grid.rows.map((r) => r[0])).toEqual(['Đơn vị', 'Công an', 'Bộ Tài chính', 'Bộ Y tế']);
    expect(out.conversions).toEqual([
      { encoding: 'tcvn3', col: 0, cells: 1, example: { cell: 'A3', from: 'Bé Tµi chÝnh', to: 'Bộ Tài chính' } },
    ]);
  });

  it('upper-cases header cells drawn in .VnTimeH', () => {
    const header = ['stt', 'tªn nhiÖm vô', '®¬n vÞ chñ tr×', 'tiÕn ®é'];
    const body = [[1, 'Ch\u00ada hoµn thµnh', 'Bé Y tÕ', '§· hoµn thµnh']];
    const h: CellStyle = { font: '.VnTimeH', bold: true };
    const n: CellStyle = { font: '.VnTime' };
    const g = grid([header, ...body], [[h, h, h, h], [n, n, n, n]]);
    const out = decodeGrid(g);
    expect(out.grid.rows[0]).toEqual(['STT', 'TÊN NHIỆM VỤ', 'ĐƠN VỊ CHỦ TRÌ', 'TIẾN ĐỘ']);
    expect(out.grid.rows[1]).toEqual([1, 'Chưa hoàn thành', 'Bộ Y tế', 'Đã hoàn thành']);
  });

  it('upper-cases TCVN3 typed with capital ASCII letters when no font is known', () => {
    const g = grid([['T£N NHIÖM Vô', 'TIÕN §é'], [encodeLegacy('Chưa hoàn thành', 'tcvn3'), encodeLegacy('Đang thực hiện', 'tcvn3')]]);
    const out = decodeGrid(g);
    expect(out.grid.rows[0]).toEqual(['TÊN NHIỆM VỤ', 'TIẾN ĐỘ']);
    expect(out.grid.rows[1]).toEqual(['Chưa hoàn thành', 'Đang thực hiện']);
  });

  it('converts a VNI sheet, including cells that TCVN3 could also read', () => {
    const g = grid([HEADER, ...encodeRows(ROWS, 'vni'), [5, encodeLegacy('Chủ trì', 'vni'), encodeLegacy('của tỉnh', 'vni'), null, null]]);
    const out = decodeGrid(g);
    expect(out.grid.rows[2][4]).toBe('Chưa hoàn thành');
    expect(out.grid.rows[3][2]).toBe('Ủy ban nhân dân tỉnh Nghệ An');
    expect(out.grid.rows[5][1]).toBe('Chủ trì');
    expect(out.grid.rows[5][2]).toBe('của tỉnh');
    expect(out.conversions.map((c) => [c.encoding, c.col])).toEqual([['vni', null]]);
  });

  it('trusts cell fonts: a VNI-Times column is VNI', () => {
    const s: CellStyle = { font: 'VNI-Times' };
    const g = grid([['Boä'], ['Sôû Y teá']], [[s], [s]]);
    expect(decodeGrid(g).grid.rows).toEqual([['Bộ'], ['Sở Y tế']]);
  });

  it('leaves Unicode alone in a converted sheet whose cells still carry .VnTime', () => {
    const f: CellStyle = { font: '.VnTime' };
    const g = grid([['Đơn vị'], ['Công an'], ['Bộ Y tế'], ['Bộ Tài chính']], [[f], [f], [f], [f]]);
    const out = decodeGrid(g);
    expect(out.grid).toBe(g);
  });

  it('treats abbreviations like HĐND as TCVN3 in a TCVN3 column', () => {
    const g = grid([[encodeLegacy('Ủy ban nhân dân tỉnh', 'tcvn3')], ['H§ND'], [encodeLegacy('Sở Tư pháp', 'tcvn3')]]);
    expect(decodeGrid(g).grid.rows.map((r) => r[0])).toEqual(['ủy ban nhân dân tỉnh', 'HĐND', 'Sở Tư pháp']);
  });

  it('reports per column when columns use different encodings', () => {
    const g = grid([
      [encodeLegacy('Chưa hoàn thành', 'tcvn3'), encodeLegacy('Việt Nam', 'utf8_as_cp1252')],
      [encodeLegacy('Đã hoàn thành', 'tcvn3'), 'Hà Nội'],
    ]);
    const out = decodeGrid(g);
    expect(out.grid.rows).toEqual([['Chưa hoàn thành', 'Việt Nam'], ['Đã hoàn thành', 'Hà Nội']]);
    expect(out.conversions).toEqual([
      { encoding: 'tcvn3', col: 0, cells: 2, example: { cell: 'A1', from: 'Ch\u00ada hoµn thµnh', to: 'Chưa hoàn thành' } },
      { encoding: 'utf8_as_cp1252', col: 1, cells: 1, example: { cell: 'B1', from: 'Viá»‡t Nam', to: 'Việt Nam' } },
    ]);
  });

  it('uses the grid origin for example addresses', () => {
    const g: Grid = { ...grid([['x'], [encodeLegacy('Chưa hoàn thành', 'tcvn3')]]), origin: { row: 5, col: 3 } };
    expect(decodeGrid(g).conversions[0].example.cell).toBe('C6');
  });

  it('never touches English, French or numbers', () => {
    const g = grid([['Task', 'Note'], ['Report', 'café crème'], ['Done', '12/05/2024'], ['Zürich', 'naïve'], [3.5, true]]);
    const out = decodeGrid(g);
    expect(out.grid).toBe(g);
  });
});
