import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from '../../../core/text/syllable';
import { placeTone, splitSyllable } from '../../../core/text/tone';

describe('isVietnameseSyllable', () => {
  it.each(['hoà', 'hòa', 'thuý', 'thúy', 'quý', 'gì', 'gìn', 'giữa', 'nghĩa', 'người', 'được', 'khuya', 'khuỷu',
    'ngoài', 'hoàng', 'hoạch', 'tuyết', 'huỳnh', 'quốc', 'trực', 'thuộc', 'Việt', 'NGHỆ', 'Đã'])('accepts %s', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each([
    ['café', 'final f'],
    ['trùc', 'grave tone on a stop final (-c)'],
    ['kêt', 'level tone on a stop final (-t)'],
    ['ngìa', 'ng before i must be ngh'],
    ['kon', 'k before o must be c'],
    ['ngheọ', 'tone on the wrong vowel'],
    ['tỹm', 'a lone y takes no final'],
    ['hoaứn', 'no such vowel cluster'],
    ['xoong', '"oo" loanwords are not counted'],
  ])('rejects %s (%s)', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });

  it('treats NFD like NFC', () => {
    expect(isVietnameseSyllable('người'.normalize('NFD'))).toBe(true);
  });
});

describe('splitSyllable / placeTone', () => {
  it('splits initial, vowels and final, with gi/qu as initials only before another vowel', () => {
    expect(splitSyllable('nghiêng')).toEqual({ initial: 'ngh', vowels: 'iê', final: 'ng' });
    expect(splitSyllable('gi')).toEqual({ initial: 'g', vowels: 'i', final: '' });
    expect(splitSyllable('giua')).toEqual({ initial: 'gi', vowels: 'ua', final: '' });
    expect(splitSyllable('quy')).toEqual({ initial: 'qu', vowels: 'y', final: '' });
  });

  it('puts oa/oe/uy tones on the first vowel in open syllables, elsewhere where both styles agree', () => {
    expect(placeTone('hoà')).toBe('hòa');
    expect(placeTone('khoẻ')).toBe('khỏe');
    expect(placeTone('thuỷ')).toBe('thủy');
    expect(placeTone('hoàng')).toBe('hoàng');
    expect(placeTone('quý')).toBe('quý');
    expect(placeTone('ngoài')).toBe('ngoài');
    expect(placeTone('mưa')).toBe('mưa');
  });
});
