import { describe, expect, it } from 'vitest';
import { convertLegacy, detectEncoding } from '../../../core/text/encoding';
import { encodeLegacy } from './legacy-encode';

const SENTENCES = [
  'Bộ Khoa học và Công nghệ',
  'Chưa hoàn thành',
  'Đã hoàn thành quá hạn',
  'Đang thực hiện',
  'Kết quả thực hiện',
  'Đơn vị chủ trì',
  'Viện Khoa học Đo đạc và Bản đồ',
];

describe('test encoder (sanity: hand-checked TCVN3 / VNI strings)', () => {
  it('produces the strings a .VnTime / VNI-Times cell holds', () => {
    expect(encodeLegacy('Bộ Khoa học và Công nghệ', 'tcvn3')).toBe('Bé Khoa häc vµ C«ng nghÖ');
    expect(encodeLegacy('Chưa hoàn thành', 'tcvn3')).toBe('Ch\u00ada hoµn thµnh');
    expect(encodeLegacy('Đã hoàn thành quá hạn', 'tcvn3')).toBe('§· hoµn thµnh qu¸ h¹n');
    expect(encodeLegacy('Công nghệ', 'vni')).toBe('Coâng ngheä');
    expect(encodeLegacy('Việt Nam', 'utf8_as_cp1252')).toBe('Viá»‡t Nam');
  });
});

describe('TCVN3', () => {
  it('detects and converts hand-written TCVN3 cells', () => {
    expect(detectEncoding('§· hoµn thµnh')).toBe('tcvn3');
    expect(convertLegacy('§· hoµn thµnh', 'tcvn3')).toBe('Đã hoàn thành');
    expect(detectEncoding('Ch\u00ada hoµn thµnh')).toBe('tcvn3');
    expect(convertLegacy('Ch\u00ada hoµn thµnh', 'tcvn3')).toBe('Chưa hoàn thành');
    expect(convertLegacy('§ang thùc hiÖn', 'tcvn3')).toBe('Đang thực hiện');
  });

  it.each(SENTENCES)('round-trips %s', (s) => {
    const legacy = encodeLegacy(s, 'tcvn3');
    expect(legacy).not.toBe(s);
    expect(detectEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe(s);
  });

  it('cannot hold toned capitals: "Ủy" comes back lower-case (VN3 has no Ủ)', () => {
    const legacy = encodeLegacy('Ủy ban nhân dân tỉnh Nghệ An', 'tcvn3');
    expect(legacy).toBe('ñy ban nh©n d©n tØnh NghÖ An');
    expect(detectEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe('ủy ban nhân dân tỉnh Nghệ An');
  });

  it('upper-cases text drawn with .VnTimeH', () => {
    expect(convertLegacy('tªn nhiÖm vô', 'tcvn3', { upper: true })).toBe('TÊN NHIỆM VỤ');
    expect(convertLegacy('T£N NHIÖM Vô', 'tcvn3', { upper: true })).toBe('TÊN NHIỆM VỤ');
    expect(convertLegacy('stt', 'tcvn3', { upper: true })).toBe('STT');
  });

  it('trusts a .Vn* font even for a short ambiguous cell', () => {
    expect(detectEncoding('Bé')).toBe(null); // "bé" is a Vietnamese word too
    expect(detectEncoding('Bé', '.VnTime')).toBe('tcvn3');
    expect(convertLegacy('Bé', 'tcvn3')).toBe('Bộ');
    expect(detectEncoding('tªn nhiÖm vô', '.VnTimeH')).toBe('tcvn3');
  });
});

describe('VNI', () => {
  it('detects and converts hand-written VNI cells', () => {
    expect(detectEncoding('Chöa hoaøn thaønh')).toBe('vni');
    expect(convertLegacy('Chöa hoaøn thaønh', 'vni')).toBe('Chưa hoàn thành');
    expect(convertLegacy('Ñaõ hoaøn thaønh quaù haïn', 'vni')).toBe('Đã hoàn thành quá hạn');
    expect(convertLegacy('TEÂN NHIEÄM VUÏ', 'vni')).toBe('TÊN NHIỆM VỤ');
  });

  it.each([...SENTENCES, 'Ủy ban nhân dân tỉnh Nghệ An', 'TÊN NHIỆM VỤ'])('round-trips %s', (s) => {
    const legacy = encodeLegacy(s, 'vni');
    expect(detectEncoding(legacy)).toBe('vni');
    expect(convertLegacy(legacy, 'vni')).toBe(s);
  });

  it('prefers VNI when TCVN3 would also give well-formed but unusual syllables', () => {
    // TCVN3 reading: "cuỷa tổnh"; VNI reading: "của tỉnh".
    expect(detectEncoding('cuûa tænh')).toBe('vni');
  });

  it('is never applied to real Unicode: VNI ô means ơ', () => {
    expect(detectEncoding('Công nghệ')).toBe(null);
    expect(detectEncoding('Công an')).toBe(null);
    expect(detectEncoding('Hoà Bình')).toBe(null);
    expect(detectEncoding('Công an', 'Times New Roman')).toBe(null);
  });

  it('trusts a VNI- font', () => {
    expect(detectEncoding('Boä', 'VNI-Times')).toBe('vni');
  });
});

describe('VISCII', () => {
  it.each(['Bộ Khoa học và Công nghệ', 'Đã hoàn thành quá hạn', 'Ủy ban nhân dân tỉnh Nghệ An', 'Kết quả thực hiện'])(
    'round-trips %s',
    (s) => {
      const legacy = encodeLegacy(s, 'viscii');
      expect(detectEncoding(legacy)).toBe('viscii');
      expect(convertLegacy(legacy, 'viscii')).toBe(s);
    },
  );

  it('reads both the cp1252 and the raw C1 form of bytes 0x80-0x9F', () => {
    expect(convertLegacy('TÊN NHIŽM Vž', 'viscii')).toBe('TÊN NHIỆM VỤ');
    expect(convertLegacy('TÊN NHI\u008eM V\u009e', 'viscii')).toBe('TÊN NHIỆM VỤ');
  });
});

describe('UTF-8 read as Windows-1252', () => {
  it('reverses the mojibake', () => {
    expect(detectEncoding('Viá»‡t Nam')).toBe('utf8_as_cp1252');
    expect(convertLegacy('Viá»‡t Nam', 'utf8_as_cp1252')).toBe('Việt Nam');
    expect(convertLegacy('Ä\u0090áº¡i há»™i', 'utf8_as_cp1252')).toBe('Đại hội');
  });

  it('restores bytes cp1252 cannot show (0x81 0x8D 0x8F 0x90 0x9D) when they were lost', () => {
    expect(detectEncoding('Äáº¡i há»™i')).toBe('utf8_as_cp1252');
    expect(convertLegacy('Äáº¡i há»™i', 'utf8_as_cp1252')).toBe('Đại hội');
    expect(convertLegacy('Khoa há»c', 'utf8_as_cp1252')).toBe('Khoa học');
    expect(convertLegacy('ThÆ°á»ng trá»±c HÄND', 'utf8_as_cp1252')).toBe('Thường trực HĐND');
  });

  it.each([...SENTENCES, 'Ủy ban nhân dân tỉnh Nghệ An'])('round-trips %s', (s) => {
    const legacy = encodeLegacy(s, 'utf8_as_cp1252');
    expect(detectEncoding(legacy)).toBe('utf8_as_cp1252');
    expect(convertLegacy(legacy, 'utf8_as_cp1252')).toBe(s);
  });

  it('leaves the input alone when the bytes are not valid UTF-8', () => {
    expect(convertLegacy('café', 'utf8_as_cp1252')).toBe('café');
    expect(detectEncoding('Ã©tÃ')).toBe(null);
  });
});

describe('negative cases: nothing to convert', () => {
  it.each([
    'Hồ Chí Minh',
    'Đã hoàn thành',
    'Chưa hoàn thành',
    'Bộ Khoa học và Công nghệ',
    'Công an',
    'Tây Ninh',
    'Cà Mau',
    'Hoà Bình',
    'café crème',
    'Crème brûlée à Zürich',
    'São Paulo',
    'Müller',
    'naïve',
    'Señor Niño',
    'Task completed on time',
    'STT',
    '12/05/2024',
    '1.234,5',
    '100 m²',
    '5°C ± 2',
    '© 2024 Microsoft',
    'Giá 5 £',
    '«Le Monde»',
    '“Quoted” – text…',
    '',
  ])('%s', (s) => {
    expect(detectEncoding(s)).toBe(null);
  });

  it('NFD Vietnamese is Unicode too', () => {
    expect(detectEncoding('Đã hoàn thành quá hạn'.normalize('NFD'))).toBe(null);
  });
});
