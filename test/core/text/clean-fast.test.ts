import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../core/text/normalize';
import { decodeEntities, stripTags } from '../../../core/text/html';
import { detectEncoding } from '../../../core/text/detect';

/** cleanText without its fast path (the full pipeline, as written before the fast path returned NFC forms). */
function slowClean(s: string): string {
  let d = decodeEntities(stripTags(s)).normalize('NFC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  if (d.includes('\u00ad') && detectEncoding(d) === null) d = d.split('\u00ad').join('');
  return d.replace(/\s+/g, ' ').trim();
}

describe('cleanText fast path', () => {
  it('equals the full pipeline on random texts mixing NFD marks, spaces, tags and entities', () => {
    const alphabet = [...'aeoAEO đĐ', 'ạ', 'ế', 'ờ', '\u0300', '\u0301', '\u0323', '\u0302', '\u031b', ' ', ' ', '\n', '\u00a0', '\u2000', '\u2001',
      '\u200b', '\u00ad', '<b>', '<br>', '&amp;', '&#7841;', 'KH&CN', '⁽²⁾', '\u212b', '\u037e', 'ｘ', '\ud83d\ude00',
      '\t', '\r\n', '\u000b', '\u000c', '\u0085', '\u1680', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u2060', '\u200a',
      '&', '&CN;', '&#', '&#x1EA1;', ';', 'a < b', '<', '</p>', '<!-- x -->', '<Ten don vi>', '< b>', '#', 'x'];
    let seed = 7;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let nfdOnly = 0;
    for (let n = 0; n < 30_000; n++) {
      let s = '';
      const len = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const got = cleanText(s);
      expect(got, JSON.stringify(s)).toBe(slowClean(s));
      if (got !== s && got === s.normalize('NFC')) nfdOnly++;
    }
    expect(nfdOnly).toBeGreaterThan(100);
  });

  it('returns the same string when nothing changes, and the NFC form of decomposed Vietnamese', () => {
    const s = 'Đã hoàn thành ⁽²⁾';
    expect(cleanText(s)).toBe(s);
    expect(cleanText('Đa\u0303 hoa\u0300n tha\u0300nh')).toBe('Đã hoàn thành');
  });
});
