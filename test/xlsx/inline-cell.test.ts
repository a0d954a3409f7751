import { describe, expect, it } from 'vitest';
import { inlineCellXml } from '../../xlsx/writer/cells';
import { storedText } from '../../xlsx/writer/strings';
import { tElement } from '../../xlsx/writer/xml';

/** inlineCellXml's text cell as first written: storedText, then tElement (escaping, xml:space). */
const reference = (ref: string, s: number, v: string): string =>
  `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is>${tElement(storedText(v))}</is></c>`;

describe('inlineCellXml fast path', () => {
  it('writes what storedText and tElement write, on random texts mixing plain, escaped and cleaned characters', () => {
    const alphabet = [...'aA0 ,.;:!?()[]/%#$=+-*', 'Đ', 'ạ', 'ế', 'ờ', '–', '…', '“', '”', '‰', '\u00a0', '\u02ff', '\u0300', '\u0301', '\t', '\n', '\r',
      '"', '&', '<', '>', "'", '_', '_x', '_x003D_', '_x00', '\u0001', '\ud83d\ude00', '\ud800', '\u2028', '\u205f', '\u2060', '中', 'ｘ', '\u212b', '\ufffe'];
    let seed = 11;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let asIs = 0;
    for (let n = 0; n < 20_000; n++) {
      let v = '';
      const len = Math.floor(rand() * 10);
      for (let i = 0; i < len; i++) v += alphabet[Math.floor(rand() * alphabet.length)];
      const style = n % 3;
      const got = inlineCellXml('B7', style, v);
      expect(got, JSON.stringify(v)).toBe(reference('B7', style, v));
      if (got.includes(`>${v}</t>`) && v.length > 0) asIs++;
    }
    expect(asIs).toBeGreaterThan(500);
  });

  it('keeps the cell limit and the xml:space rule', () => {
    const long = 'a'.repeat(40_000);
    expect(inlineCellXml('A1', 0, long)).toBe(reference('A1', 0, long));
    expect(inlineCellXml('A1', 3, ' lề trái')).toBe('<c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve"> lề trái</t></is></c>');
    expect(inlineCellXml('A1', 0, 'Đã hoàn thành')).toBe('<c r="A1" t="inlineStr"><is><t>Đã hoàn thành</t></is></c>');
  });
});
