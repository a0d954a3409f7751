import { describe, expect, it } from 'vitest';
import { foldKey, foldMarks } from '../../../core/text/normalize';
import { fold } from '../../../core/deadline/clean';

describe('foldMarks: the one diacritic fold under every text key', () => {
  it('lower-cases, drops the Vietnamese diacritics and đ, keeps punctuation', () => {
    expect(foldMarks('Đã HOÀN thành, 31/12/2025')).toBe('da hoan thanh, 31/12/2025');
    expect(foldMarks('Thuỷ lợi – Quý IV')).toBe('thuy loi – quy iv');
    // Decomposed input (NFD, as some Mac files carry it) folds the same.
    expect(foldMarks('Hoa\u0300n tha\u0300nh')).toBe('hoan thanh');
  });

  it('is what foldKey, the deadline key and the sheet-name key are made of', () => {
    for (const s of ['Đã hoàn thành (quá hạn)', 'Chưa hoàn thành; đang trình', 'ỦY BAN NHÂN DÂN xã Phước Sơn', 'Quý IV/2025']) {
      expect(foldKey(s)).toBe(foldMarks(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
      expect(fold(`  ${s}  `)).toBe(foldMarks(s));
    }
  });
});
