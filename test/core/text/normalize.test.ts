import { describe, expect, it } from 'vitest';
import { cellText, cleanText, foldKey, foldKeyCodes, toneKey } from '../../../core/text/normalize';
import { decodeEntities, stripTags } from '../../../core/text/html';
import { detectEncoding } from '../../../core/text/detect';

describe('cleanText', () => {
  it('strips HTML tags; <br> and </p> become spaces', () => {
    expect(cleanText('<p>Đã hoàn thành</p><p>quá hạn</p>')).toBe('Đã hoàn thành quá hạn');
    expect(cleanText('Bộ Tài chính<br>Bộ Tư pháp<br/>Bộ Nội vụ')).toBe('Bộ Tài chính Bộ Tư pháp Bộ Nội vụ');
    expect(cleanText('<b>Bộ</b> <i>Công an</i>')).toBe('Bộ Công an');
    expect(cleanText('<span style="color:red">Chưa hoàn thành</span>')).toBe('Chưa hoàn thành');
    expect(cleanText('Kết<!-- note --> quả')).toBe('Kết quả');
  });

  it('leaves text that only looks like a tag alone', () => {
    expect(cleanText('tỷ lệ < 5% và > 2%')).toBe('tỷ lệ < 5% và > 2%');
    expect(cleanText('a<5')).toBe('a<5');
    expect(cleanText('<Ten don vi> gửi <Tên đơn vị>')).toBe('<Ten don vi> gửi <Tên đơn vị>');
    expect(cleanText('Word<o:p></o:p> export')).toBe('Word export');
  });

  it('decodes named and numeric entities', () => {
    expect(cleanText('Bộ Kế hoạch &amp; Đầu tư')).toBe('Bộ Kế hoạch & Đầu tư');
    expect(cleanText('&lt;b&gt; &quot;x&quot; &#39;y&#39;')).toBe('<b> "x" \'y\'');
    expect(cleanText('Đã&nbsp;hoàn&nbsp;thành')).toBe('Đã hoàn thành');
    expect(cleanText('Vi&#7879;t Nam')).toBe('Việt Nam');
    expect(cleanText('Vi&#x1EC7;t Nam')).toBe('Việt Nam');
    expect(cleanText('&unknown; &#xD800;')).toBe('&unknown; &#xD800;');
  });

  it('decodes entities after stripping, so escaped tags survive as text', () => {
    expect(cleanText('&lt;p&gt;')).toBe('<p>');
  });

  it('collapses whitespace, line breaks, tabs, NBSP and zero-width characters', () => {
    expect(cleanText('  Đã\r\nhoàn\tthành  ')).toBe('Đã hoàn thành');
    expect(cleanText('Đang\u00a0\u00a0thực\nhiện')).toBe('Đang thực hiện');
    expect(cleanText('\ufeffChưa\u200b hoàn\u200d thành')).toBe('Chưa hoàn thành');
    expect(cleanText('\n\n')).toBe('');
  });

  it('turns NFD input into NFC', () => {
    const nfd = 'Đã hoàn thành'.normalize('NFD');
    expect(nfd).not.toBe('Đã hoàn thành');
    expect(cleanText(nfd)).toBe('Đã hoàn thành');
  });

  it('drops soft hyphens in Unicode text but keeps U+00AD in TCVN3 text (it is the letter ư)', () => {
    expect(cleanText('Việt\u00adNam')).toBe('ViệtNam');
    expect(cleanText('Ch\u00ada hoµn thµnh')).toBe('Ch\u00ada hoµn thµnh');
  });
});

describe('cellText', () => {
  it('formats each cell type', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  Bộ <b>Y tế</b> ')).toBe('Bộ Y tế');
    expect(cellText(1234567)).toBe('1234567');
    expect(cellText(25.7)).toBe('25.7');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(-3)).toBe('-3');
    expect(cellText(NaN)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
  });

  it('formats dates as dd/mm/yyyy in UTC', () => {
    expect(cellText(new Date(Date.UTC(2025, 5, 30)))).toBe('30/06/2025');
    expect(cellText(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe('31/12/2025');
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('05/01/2026');
    expect(cellText(new Date(NaN))).toBe('');
  });
});

describe('foldKey', () => {
  it('ignores case, diacritics and đ', () => {
    expect(foldKey('ĐÃ HOÀN THÀNH')).toBe('da hoan thanh');
    expect(foldKey('đã hoàn thành')).toBe('da hoan thanh');
    expect(foldKey('Ủy ban nhân dân tỉnh Nghệ An')).toBe('uy ban nhan dan tinh nghe an');
  });

  it('turns punctuation runs into one space and trims', () => {
    expect(foldKey(' Bộ Kế hoạch & Đầu tư; ')).toBe('bo ke hoach dau tu');
    expect(foldKey('Đã hoàn thành (quá hạn)!')).toBe('da hoan thanh qua han');
    expect(foldKey('UBND tỉnh Bà Rịa - Vũng Tàu')).toBe('ubnd tinh ba ria vung tau');
  });

  it('keeps digits', () => {
    expect(foldKey('Chỉ thị số 07/CT-TTg')).toBe('chi thi so 07 ct ttg');
  });

  it('treats NFD and NFC alike', () => {
    const s = 'Bộ Khoa học và Công nghệ';
    expect(foldKey(s.normalize('NFD'))).toBe(foldKey(s));
    expect(foldKey(s.normalize('NFD'))).toBe('bo khoa hoc va cong nghe');
  });

  it('equates old and new tone placement (diacritics are removed anyway)', () => {
    expect(foldKey('Hoà Bình')).toBe(foldKey('Hòa Bình'));
  });

  it('gives what the whole-string pipeline gives, on 5,000 random mixed strings', () => {
    const slow = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    // Plain letters and digits, Vietnamese letters, punctuation and spaces, combining marks, Greek and CJK (slow path).
    const pool = [...'abcxyz0189 ABCZ', ...'ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
      ...'ÀẢÃÁẠỲỶỸÝỴ', ...',.;:!?-–—()/&\n\t“”…', '\u0300', '\u0309', '\u00a0', 'Σ', 'ς', 'ß', 'İ', '中'];
    let seed = 7;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let n = rnd(40); n > 0; n--) s += pool[rnd(pool.length)];
      expect(foldKey(s), JSON.stringify(s)).toBe(slow(s));
    }
  });
});

describe('toneKey', () => {
  it('equates the two tone placements for oa, oe, uy', () => {
    expect(toneKey('hoà')).toBe(toneKey('hòa'));
    expect(toneKey('hoá')).toBe(toneKey('hóa'));
    expect(toneKey('hoả')).toBe(toneKey('hỏa'));
    expect(toneKey('uỷ')).toBe(toneKey('ủy'));
    expect(toneKey('thuý')).toBe(toneKey('thúy'));
    expect(toneKey('khoẻ')).toBe(toneKey('khỏe'));
    expect(toneKey('Uỷ ban nhân dân tỉnh Hoà Bình')).toBe('ủy ban nhân dân tỉnh hòa bình');
  });

  it('keeps diacritics: different words stay different', () => {
    expect(toneKey('hòa')).not.toBe(toneKey('hoa'));
    expect(toneKey('Đã hoàn thành')).not.toBe(toneKey('Đang hoàn thành'));
    expect(toneKey('hòa')).not.toBe(toneKey('hóa'));
  });

  it('does not move tones where both styles agree', () => {
    expect(toneKey('Hoàng')).toBe('hoàng');
    expect(toneKey('kế hoạch')).toBe('kế hoạch');
    expect(toneKey('quý')).toBe('quý');
    expect(toneKey('người')).toBe('người');
    expect(toneKey('tuyết')).toBe('tuyết');
    expect(toneKey('gì')).toBe('gì');
  });

  it('ignores case and NFD/NFC', () => {
    expect(toneKey('ĐÃ HOÀN THÀNH')).toBe(toneKey('đã hoàn thành'));
    expect(toneKey('Thuỷ lợi'.normalize('NFD'))).toBe('thủy lợi');
    expect(toneKey('  Khoẻ \n mạnh ')).toBe('khỏe mạnh');
  });
});

describe('fast paths give the same results as the full pipelines', () => {
  // Reference pipelines, as written before the fast paths.
  const slowFold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').normalize('NFD')
    .replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const pool: number[] = [0x20, 0x20, 0x3c, 0x26, 0x3b, 0x3e, 0x70, 0x62, 0x72, 0x85, 0x1680, 0x3000, 0x300, 0x301, 0x323, 0x3a3, 0x3c3, 0xa0, 0xad, 0x200b, 0xfeff, 0x0a, 0x09];
  for (let c = 0x21; c < 0x250; c++) pool.push(c);
  for (let c = 0x1ea0; c < 0x1f00; c++) pool.push(c);
  for (let c = 0x2000; c < 0x2300; c++) pool.push(c);
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const samples: string[] = [];
  for (let k = 0; k < 10_000; k++) {
    let s = '';
    for (let i = rand(9); i >= 0; i--) s += String.fromCharCode(pool[rand(pool.length)]);
    samples.push(s);
  }

  it('foldKey, and foldKeyCodes code for code', () => {
    for (const s of samples) expect(foldKey(s)).toBe(slowFold(s));
    for (const s of samples) expect(String.fromCharCode(...foldKeyCodes(s)), JSON.stringify(s)).toBe(slowFold(s));
    expect(foldKey('ΣΟΦΟΣ Ủy\u0301')).toBe(slowFold('ΣΟΦΟΣ Ủy\u0301'));
  });

  it('cleanText', () => {
    const slowClean = (s: string) => {
      const d = decodeEntities(stripTags(s)).normalize('NFC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
      const soft = d.includes('\u00ad') && detectEncoding(d) === null ? d.split('\u00ad').join('') : d;
      return soft.replace(/\s+/g, ' ').trim();
    };
    for (const s of samples) expect(cleanText(s)).toBe(slowClean(s));
    for (const s of ['a <b>x</b>', 'a &amp; b', '<p>', ' x', 'x ', 'a  b', 'a\u00a0b', 'e\u0301', '\u2126', '\u3000x', 'a\u0085b', '\u007f']) {
      expect(cleanText(s)).toBe(slowClean(s));
    }
  });

  it('cleanText leaves clean text as it is and cleans the rest', () => {
    for (const s of samples) {
      const c = cleanText(s);
      expect(cleanText(c)).toBe(c);
      expect(c).toBe(c.normalize('NFC'));
      expect(c).not.toMatch(/^\s|\s$|\s\s|[\u200b\ufeff\n\t\u00a0]/);
    }
  });
});
