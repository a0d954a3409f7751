/**
 * trimFillers in one pass (core/units/fillers.ts) against the loop it replaced, which trimmed a word at a time and
 * tokenized what was left each time (quadratic: a lead cell of 5,000 "và" took a second).
 */
import { describe, expect, it } from 'vitest';
import { trimFillers } from '../../core/units/fillers';
import { nameKeys, tokenize } from '../../core/units/keys';
import { resolveUnits } from '../../core/units';

const FILLERS: string[][] = [
  'Nhiệm vụ giao', 'Nhiệm vụ', 'Giao', 'Đề nghị', 'Yêu cầu',
  'Bộ trưởng', 'Thủ trưởng', 'Chủ nhiệm', 'Thống đốc', 'Tổng Giám đốc', 'Giám đốc', 'Chủ tịch', 'Đồng chí', 'Lãnh đạo',
  'chỉ đạo', 'chủ trì', 'phối hợp với', 'phối hợp', 'cùng với', 'cùng', 'với', 'và', 'hoặc', 'gồm',
].map(nameKeys);
const EDGE = /^[\s,;:.\-–—/+&*•·]+|[\s,;:.\-–—/+&*•·]+$/g;
const LIST_MARKER = /^(?:\d{1,3}|[a-zđ]|[ivx]{1,4})[.)]?$/iu;

/** The loop as written before. */
function reference(piece: string): string {
  const fillerAt = (keys: string[], i: number, backward: boolean): number => {
    let best = 0;
    for (const f of FILLERS) {
      if (f.length <= best) continue;
      const from = backward ? i - f.length + 1 : i;
      if (from < 0 || from + f.length > keys.length) continue;
      if (f.every((k, j) => keys[from + j] === k)) best = f.length;
    }
    return best;
  };
  let s = piece.replace(EDGE, '');
  for (;;) {
    const toks = tokenize(s);
    if (toks.length === 0) return '';
    const keys = toks.map((t) => t.key);
    const lead = toks[0].start === 0 ? fillerAt(keys, 0, false) : 0;
    if (lead > 0) {
      s = s.slice(toks[lead - 1].end).replace(EDGE, '');
      continue;
    }
    const lastTok = toks[toks.length - 1];
    const trail = lastTok.end === s.length ? fillerAt(keys, keys.length - 1, true) : 0;
    if (trail > 0) {
      s = s.slice(0, toks[toks.length - trail].start).replace(EDGE, '');
      continue;
    }
    return LIST_MARKER.test(s) ? '' : s;
  }
}

describe('trimFillers', () => {
  it('equals the word-at-a-time loop on 20,000 random pieces', () => {
    const words = ['và', 'Và', 'phối hợp', 'với', 'phối hợp với', 'Bộ trưởng', 'Nhiệm vụ', 'giao', 'chủ trì', 'Bộ Y tế', 'UBND', 'tỉnh', 'Nghệ An',
      'Sở', '2', 'IV', 'a', '(Vietinbank)', '(', ')', '"x"', 'các', 'Ngân hàng', 'hoặc', 'gồm', 'chỉ đạo'];
    const seps = [' ', ', ', '; ', ': ', ' - ', '–', '.', '/', ' + ', ' & ', '•', '\u00a0', '\n', ''];
    let seed = 11;
    const rand = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % n; };
    let changed = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = seps[rand(seps.length)];
      for (let i = rand(7); i >= 0; i--) s += words[rand(words.length)] + seps[rand(seps.length)];
      const want = reference(s);
      if (want !== s) changed++;
      expect(trimFillers(s), JSON.stringify(s)).toBe(want);
    }
    expect(changed).toBeGreaterThan(10_000);
  });

  it('reads a long lead cell of connectors, abbreviations or titles in linear time', () => {
    // Each took seconds at 32,000 characters before (quadratic); the test's timeout is the bound.
    for (const piece of ['và ', 'TP ', 'UBND ', 'Bộ trưởng ', 'phối hợp với ']) {
      const cell = piece.repeat(Math.ceil(32_000 / piece.length)) + 'Bộ Y tế';
      expect(resolveUnits(cell).units.length, piece).toBeGreaterThan(0);
    }
    expect(trimFillers('và '.repeat(10_000) + 'Bộ Y tế')).toBe('Bộ Y tế');
  });
});
