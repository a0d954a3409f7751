import { describe, expect, it } from 'vitest';
import { foldMarks, cleanText, mayFoldTo } from '../../../core/text/normalize';
import { mentionedExtension, mentionedExtensionUnchecked } from '../../../core/deadline/extension';
import words from '../../../core/data/deadlineExtensions';

const fold = (s: string): string => foldMarks(cleanText(s));

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('mayFoldTo: a raw-text pre-check that never says no wrongly', () => {
  const words = ['lui', 'gia han', 'thoi han', 'tien do'];
  const test = mayFoldTo(words);

  it('finds the words however they are written', () => {
    for (const s of ['Đề nghị LÙI thời gian', 'gia  hạn', 'GIA\nHẠN', 'thời\u00a0hạn', 'Tiến Độ', 'lụi', 'tiên đô'])
      expect(test.test(s), s).toBe(true);
    for (const s of ['Đã hoàn thành đúng kế hoạch', 'Bộ KH&CN, a < b', 'thời gian', 'tiến hành', '']) expect(test.test(s), s).toBe(false);
  });

  it('passes what it cannot speak for: tags, entities, combining marks, zero-width, soft hyphen, other scripts', () => {
    for (const s of ['gia<br>hạn', 'gia</b>hạn', 'gia<!-- -->hạn', 'gia&nbsp;hạn', 'gi&#7841;n', 'lu\u0300i', 'gi\u200ba', 'ti\u00ade', 'Ｌ', '\u212a']) expect(test.test(s), s).toBe(true);
  });

  it('is true whenever the folded text holds a word (random texts over a hard alphabet)', () => {
    const alphabet = [...'luigahntodeLUIGAHNTODE  ', 'ù', 'Ù', 'ụ', 'ì', 'ĩ', 'á', 'ạ', 'Ạ', 'ờ', 'ơ', 'ế', 'ệ', 'Đ', 'đ', 'ộ', 'Ồ', '\n', '\t', '\u00a0',
      '\u2003', '\u0300', '\u0323', '\u200b', '\u00ad', '<', '&', ';', '#', '7', '8', '4', 'b', 'r', '>', '/', '!', '-', 'amp', 'nbsp', '&#', 'ĳ', 'ǆ', 'İ', '\u212a', '\u212b', 'Ơ', 'Ư', 'x'];
    const rand = rng(14);
    let hits = 0;
    for (let n = 0; n < 40_000; n++) {
      let s = '';
      const len = 3 + Math.floor(rand() * 14);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const f = fold(s);
      if (words.some((w) => f.includes(w))) {
        hits++;
        expect(test.test(s), JSON.stringify(s)).toBe(true);
      }
    }
    expect(hits).toBeGreaterThan(50);
  });
});

describe('mentionedExtension pre-check', () => {
  it('rests on the extension words as analysed (revisit MAY_MOVE and MAY_ASK in core/deadline/extension.ts if they change)', () => {
    expect(words.moveInText).toBe('(?:lui(?: thoi han| thoi gian| tien do)?|gia han|keo dai thoi han|(?:dieu chinh|hoan|chuyen) (?:thoi han|thoi gian hoan thanh|tien do))(?![a-z])');
    expect(words.requested).toEqual(['(?:da |dang )?(?:de nghi|kien nghi|xin|de xuat)(?: [a-z]+){0,6}? (?:cho )?MOVE']);
    expect(words.approved.filter((s) => s.includes('MOVE'))).toEqual(['(?:da )?duoc(?: [a-z0-9/.-]+){0,8}? (?:dong y|chap thuan|cho phep|phe duyet)(?: cho)?(?: [a-z]+){0,3}? MOVE']);
  });

  it('still reads extensions written in every way', () => {
    expect(mentionedExtension('Đã được Thủ tướng đồng ý gia hạn đến 31/12/2025')).toEqual({ state: 'approved', newDue: '2025-12-31' });
    expect(mentionedExtension('ĐÃ ĐƯỢC THỦ TƯỚNG ĐỒNG Ý GIA HẠN ĐẾN 31/12/2025')).toEqual({ state: 'approved', newDue: '2025-12-31' });
    expect(mentionedExtension('Bộ đề nghị lùi thời hạn đến Quý I/2026')).toEqual({ state: 'requested', newDue: '2026-03-31' });
    expect(mentionedExtension('Bộ xin điều chỉnh tiến độ sang 30/6/2026')).toEqual({ state: 'requested', newDue: '2026-06-30' });
    expect(mentionedExtension('Bộ đề nghị điều chỉnh quy hoạch vùng')).toBeNull();
    expect(mentionedExtension('Đã hoàn thành đúng hạn, được đánh giá cao')).toBeNull();
    expect(mentionedExtension('Đề nghị hoãn<br/>tiến độ đến 31/12/2025')).toEqual({ state: 'requested', newDue: '2025-12-31' });
    expect(mentionedExtension('ĐỀ NGHỊ CHUYỂN&nbsp;THỜI GIAN HOÀN THÀNH sang 30/6/2026')).toEqual({ state: 'requested', newDue: '2026-06-30' });
  });

  it('reads hostile runs of tags, comments and entities between words in linear time (each was an exponential split before)', () => {
    // Exponential backtracking would not finish these within the test's timeout (22 "<>" pairs took 57 ms, each one more doubling it).
    for (const piece of ['<>', '<br/>', '<br />', '<!---->', '<!-- a -->-->', '&', '&amp;', '<b', '<!--']) {
      const s = 'Đề nghị gia' + piece.repeat(3000) + 'x';
      expect(mentionedExtension(s), piece).toBeNull();
    }
    expect(mentionedExtension('Đề nghị gia' + '<br />'.repeat(40) + 'hạn đến 31/12/2025')).toEqual({ state: 'requested', newDue: '2025-12-31' });
    expect(mentionedExtension('Đề nghị gia<!-- ghi chú -->hạn đến 31/12/2025')).toEqual(mentionedExtensionUnchecked('Đề nghị gia<!-- ghi chú -->hạn đến 31/12/2025'));
    expect(mentionedExtension('Đề nghị gia h&#7841;n đến 31/12/2025')).toEqual({ state: 'requested', newDue: '2025-12-31' });
  });

  it('never says no to a text the full reading finds an extension in (random texts over the phrases\' hard spellings)', () => {
    const pieces = ['hoàn', 'hoãn', 'HOÃN', 'hoa\u0303n', 'chuyển', 'CHUYỂN', 'chuye\u0302\u0309n', 'thời', 'thơ\u0300i', 'THỜI', 'hạn', 'gian', 'hoàn thành', 'tiến', 'TIẾN', 'độ',
      'thành', 'điều', 'chỉnh', 'lùi', 'gia', 'kéo', 'dài', 'đề nghị', 'xin', 'được', 'đồng ý', 'đến 31/12/2025', 'sang 30/6/2026', 'chuyển đổi số', 'Bộ'];
    const seps = [' ', '  ', '\n', '\u00a0', ' - ', '<br>', '<b>', '&nbsp;', ', ', '\u200b', '/', '<br />', ' <!-- x --> ', '<span style="x">', '</p>', '<>', ' < ', ' & ', '&amp;', '&#7841;'];
    const rand = rng(7);
    let found = 0;
    for (let n = 0; n < 40_000; n++) {
      let s = '';
      const len = 2 + Math.floor(rand() * 9);
      for (let i = 0; i < len; i++) s += (i ? seps[Math.floor(rand() * seps.length)] : '') + pieces[Math.floor(rand() * pieces.length)];
      const full = mentionedExtensionUnchecked(s);
      if (full) found++;
      expect(mentionedExtension(s), JSON.stringify(s)).toEqual(full);
    }
    expect(found).toBeGreaterThan(200);
  });
});

describe('mayCiteDate: the date pre-check of completionDate', () => {
  it('is true whenever findDateMentions finds a date (random texts over a hard alphabet)', async () => {
    const { mayCiteDate } = await import('../../../core/classify/evidence');
    const { findDateMentions } = await import('../../../core/deadline/find');
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
    const noise = ['<b>', '</b>', '&#50;', '&#x2f;', '\u200b', '\u00ad', '\u00a0', '\n', '  ', 'ấ', 'x', '0', '/', ''];
    const rand = rng(2025);
    let hits = 0;
    for (let n = 0; n < 20_000; n++) {
      const sp = (): string => pick(['', ' ', ' ', '\u00a0', '\n ']);
      const parts = rand() < 0.5
        ? [pick(['1', '12', '05']), sp(), pick(['/', '.', '-']), sp(), pick(['1', '10', '5']), sp(), pick(['/', '.', '-']), sp(), pick(['2025', '1999'])]
        : [pick(['ngày', 'NGÀY', 'nga\u0300y']), sp(), pick(['1', '12']), sp(), pick(['tháng', 'THÁNG', 'tha\u0301ng']), sp(), pick(['1', '10']), pick([',', '']), sp(),
          pick(['năm', 'NĂM', 'nă\u0300m']), sp(), pick(['2025', '1999'])];
      for (let k = Math.floor(rand() * 3); k > 0; k--) parts.splice(Math.floor(rand() * (parts.length + 1)), rand() < 0.5 ? 1 : 0, pick(noise));
      const s = pick(['', 'số 12/QĐ ', 'Văn bản ']) + parts.join('') + pick(['', '.', ' của Bộ']);
      if (findDateMentions(s).length) {
        hits++;
        expect(mayCiteDate(s), JSON.stringify(s)).toBe(true);
      }
    }
    expect(hits).toBeGreaterThan(50);
    expect(mayCiteDate('Nghị quyết 214/NQ-CP, năm 2025')).toBe(false);
  });
});
