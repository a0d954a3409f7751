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

describe('foldMarks fast path', () => {
  /** foldMarks as written before its per-character table. */
  const slow = (s: string): string => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');

  it('equals the normalize() pipeline on every character of the ranges and on random texts', () => {
    const ranges: [number, number][] = [[0x0000, 0x024f], [0x1e00, 0x1eff], [0x2000, 0x22ff]]; // the table's, and the marks between
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) expect(foldMarks(String.fromCharCode(c)), c.toString(16)).toBe(slow(String.fromCharCode(c)));
    const alphabet = [...'aAzZ09 .,;-–—“”…İıŉǅǈĳﬁẞßΣσςΑ', 'Đ', 'đ', 'Ệ', 'ệ', 'Ơ', 'ư', 'Ǿ', 'ǘ', '\u0300', '\u0301', '\u0323', '\u031b', '\u00a0', '\u2000', '\u2028',
      '⁽', '²', '\u212a', '\u212b', '\u2126', '≠', '≤', '→', '€', 'Ⅳ', 'ⁿ', '中', '\ud83d\ude00', '\u0130', 'I', 'Ĩ', 'ĩ', 'Ÿ', 'ÿ', 'Ǆ', 'ǆ'];
    let seed = 5;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const len = Math.floor(rand() * (n % 10 === 0 ? 120 : 12));
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(foldMarks(s), JSON.stringify(s)).toBe(slow(s));
    }
  });
});
