import { describe, expect, it } from 'vitest';
import { expandGroup, findUnit, listUnits, resolveUnits } from '../../core/units';
import { registry } from '../../core/units/registry';
import type { ResolvedUnit } from '../../core/model';

const units = (cell: string): ResolvedUnit[] => resolveUnits(cell).units;
const names = (cell: string): string[] => units(cell).map((u) => u.name);
const ministry = (name: string, extra: Partial<ResolvedUnit> = {}): ResolvedUnit => ({ name, known: true, kind: 'ministry', ...extra });
const agency = (name: string, extra: Partial<ResolvedUnit> = {}): ResolvedUnit => ({ name, known: true, kind: 'agency', ...extra });
const group = (name: string): ResolvedUnit => ({ name, known: true, kind: 'group' });
const unknown = (name: string): ResolvedUnit => ({ name, known: false });

const ALL = 'Các bộ, ngành, địa phương';
const CENTRAL = 'Các bộ, ngành';
const PROVINCES = 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương';
const TT_NOTE = '(Nhiệm vụ của Bộ Thông tin và Truyền thông chuyển sang)';

describe('registry', () => {
  it('gives every name key a single meaning', () => {
    expect(registry().conflicts).toEqual([]);
  });

  it('lists 14 ministries, 28 provinces, 6 cities and 9 groups', () => {
    expect(listUnits('ministry')).toHaveLength(14);
    expect(listUnits('province')).toHaveLength(28);
    expect(listUnits('city')).toHaveLength(6);
    expect(listUnits('group')).toHaveLength(9);
    expect(listUnits().length).toBe(14 + 28 + 28 + 6 + 9); // agencies 27 + Thủ tướng Chính phủ (issue 9)
    expect(listUnits('agency').filter((u) => u.subkind === 'ministerial_level').map((u) => u.canonical)).toEqual([
      'Ngân hàng Nhà nước Việt Nam',
      'Thanh tra Chính phủ',
      'Văn phòng Chính phủ',
    ]);
  });
});

describe('resolveUnits: seed 000 (Chỉ thị 07/CT-TTg) lead cells', () => {
  it('A.3: per-unit counts become notes, one unit each, legacy text inside notes is not a unit', () => {
    const cell =
      'Bộ Tài chính: 03 dịch vụ (01 DVC BHXH chuyển sang); Bộ Công thương: 01 dịch vụ; Bộ Giáo dục và Đào tạo: 03 dịch vụ; ' +
      'Bộ Nội vụ: 07 dịch vụ (Bộ Lao động - Thương binh và Xã hội chuyển sang); Bộ Quốc phòng: 01 dịch vụ; ' +
      'Bộ nông nghiệp và Môi trường: 02 dịch vụ (Tài nguyên và Môi trường chuyển sang); Bộ Tư pháp: 01 dịch vụ; ' +
      'Bộ Y tế: 02 dịch vụ; Bộ Văn hóa, Thể thao và Du lịch: 01 dịch vụ';
    expect(units(cell)).toEqual([
      ministry('Bộ Tài chính', { note: '03 dịch vụ (01 DVC BHXH chuyển sang)' }),
      ministry('Bộ Công Thương', { note: '01 dịch vụ' }),
      ministry('Bộ Giáo dục và Đào tạo', { note: '03 dịch vụ' }),
      ministry('Bộ Nội vụ', { note: '07 dịch vụ (Bộ Lao động - Thương binh và Xã hội chuyển sang)' }),
      ministry('Bộ Quốc phòng', { note: '01 dịch vụ' }),
      ministry('Bộ Nông nghiệp và Môi trường', { note: '02 dịch vụ (Tài nguyên và Môi trường chuyển sang)' }),
      ministry('Bộ Tư pháp', { note: '01 dịch vụ' }),
      ministry('Bộ Y tế', { note: '02 dịch vụ' }),
      ministry('Bộ Văn hóa, Thể thao và Du lịch', { note: '01 dịch vụ' }),
    ]);
  });

  it('A.21: <p> tags removed, transferred-from units kept as notes, six leads', () => {
    const cell =
      '<p>Bộ Nội vụ (của Bộ Lao động - Thương binh và Xã hội chuyển sang), Bộ Nông nghiệp và môi trường (của Bộ Tài nguyên và Môi trường, ' +
      'Bộ Nông nghiệp và Phát triển nông thôn chuyển sang), Bộ Xây dựng (của Bộ Giao thông vận tải chuyển sang), Ngân hàng nhà nước Việt Nam, ' +
      'Bộ Khoa học và Công nghệ, Bộ Tài chính</p>';
    const r = resolveUnits(cell);
    expect(r.text.startsWith('Bộ Nội vụ (của')).toBe(true);
    expect(r.text.endsWith('Bộ Tài chính')).toBe(true);
    expect(r.units).toEqual([
      ministry('Bộ Nội vụ', { note: '(của Bộ Lao động - Thương binh và Xã hội chuyển sang)' }),
      ministry('Bộ Nông nghiệp và Môi trường', { note: '(của Bộ Tài nguyên và Môi trường, Bộ Nông nghiệp và Phát triển nông thôn chuyển sang)' }),
      ministry('Bộ Xây dựng', { note: '(của Bộ Giao thông vận tải chuyển sang)' }),
      agency('Ngân hàng Nhà nước Việt Nam'),
      ministry('Bộ Khoa học và Công nghệ'),
      ministry('Bộ Tài chính'),
    ]);
  });

  it('section A group cells resolve to groups, not expanded', () => {
    expect(units('Các Bộ, ngành, địa phương')).toEqual([group(ALL)]);
    expect(units('Các bộ, ngành, địa phương')).toEqual([group(ALL)]);
    expect(units('<p>Các bộ, ngành, địa phương</p>')).toEqual([group(ALL)]);
    expect(units('<p>Các Bộ, ngành, địa phương</p>')).toEqual([group(ALL)]);
    expect(units('Các bộ, ngành')).toEqual([group(CENTRAL)]);
    expect(units('Các địa phương')).toEqual([group(PROVINCES)]);
    expect(units('Các bộ, ngành là chủ quản CSDLQG, CSDL chuyên ngành')).toEqual([group('Các bộ, ngành là chủ quản CSDLQG, CSDL chuyên ngành')]);
    expect(units('Các Bộ, ngành, cơ quan thuộc Chính phủ')).toEqual([group('Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ')]);
  });

  it('section B single-unit leads', () => {
    expect(units('Bộ Công an')).toEqual([ministry('Bộ Công an')]);
    expect(units('Bộ Ngoại giao')).toEqual([ministry('Bộ Ngoại giao')]);
    expect(units('Văn phòng Chính phủ')).toEqual([agency('Văn phòng Chính phủ')]);
    expect(units('Bộ Giáo dục và Đào tạo')).toEqual([ministry('Bộ Giáo dục và Đào tạo')]);
    expect(units('Thanh tra Chính phủ')).toEqual([agency('Thanh tra Chính phủ')]);
    expect(units('Bộ Y tế')).toEqual([ministry('Bộ Y tế')]);
    expect(units('Các bộ, ngành, địa phương liên quan')).toEqual([group(ALL)]);
  });

  it('B.9: a pre-merger ministry maps to its successor with legacy set', () => {
    expect(units('Bộ Kế hoạch và Đầu tư')).toEqual([ministry('Bộ Tài chính', { legacy: 'Bộ Kế hoạch và Đầu tư' })]);
  });

  it('B.21: a trailing comma is not a unit', () => {
    expect(units('Bộ Tài chính,')).toEqual([ministry('Bộ Tài chính')]);
  });

  it('B.32–B.46: "(Nhiệm vụ của … chuyển sang)" is a note; the transferred-from unit is not a second lead', () => {
    expect(units(`Bộ Khoa học và Công nghệ ${TT_NOTE}`)).toEqual([ministry('Bộ Khoa học và Công nghệ', { note: TT_NOTE })]);
    expect(units('Bộ Tài chính (Nhiệm vụ Bộ Kế hoạch và Đầu tư chuyển sang)')).toEqual([
      ministry('Bộ Tài chính', { note: '(Nhiệm vụ Bộ Kế hoạch và Đầu tư chuyển sang)' }),
    ]);
    expect(units('Bộ Nông nghiệp và Môi trường (Nhiệm vụ của Bộ Tài nguyên và Môi trường chuyển sang)')).toEqual([
      ministry('Bộ Nông nghiệp và Môi trường', { note: '(Nhiệm vụ của Bộ Tài nguyên và Môi trường chuyển sang)' }),
    ]);
    expect(units('Bộ Xây dựng (Nhiệm vụ Bộ Giao thông vận tải chuyển sang)')).toEqual([
      ministry('Bộ Xây dựng', { note: '(Nhiệm vụ Bộ Giao thông vận tải chuyển sang)' }),
    ]);
  });

  it('B.81: two broadcasters', () => {
    expect(units('Đài Truyền hình Việt Nam, Đài tiếng nói Việt Nam')).toEqual([
      agency('Đài Truyền hình Việt Nam'),
      agency('Đài Tiếng nói Việt Nam'),
    ]);
  });

  it('section C leads', () => {
    expect(units('Các địa phương liên quan')).toEqual([group('Các địa phương liên quan')]);
  });
});

describe('resolveUnits: seed 000 coordinating cells', () => {
  it('B.16: typo alias, ";" and "và" separators, and the banks kept verbatim as an unknown unit', () => {
    expect(units('Ngân hàng hàng Nhà nước, Bộ Tài chính; Bộ Nội vụ và các Ngân hàng (Vietinbank, Vietcombank, BIDV, Agribank và MBBank...);')).toEqual([
      agency('Ngân hàng Nhà nước Việt Nam'),
      ministry('Bộ Tài chính'),
      ministry('Bộ Nội vụ'),
      unknown('các Ngân hàng (Vietinbank, Vietcombank, BIDV, Agribank và MBBank...)'),
    ]);
  });

  it('B.23 and B.80: missing separators between names', () => {
    expect(units('Bộ Công an Bộ Tư pháp')).toEqual([ministry('Bộ Công an'), ministry('Bộ Tư pháp')]);
    expect(units('Bộ Công an, Bộ Nội vụ Văn phòng Chính phủ')).toEqual([
      ministry('Bộ Công an'),
      ministry('Bộ Nội vụ'),
      agency('Văn phòng Chính phủ'),
    ]);
  });

  it('names containing "," and "và" are not split', () => {
    expect(names('Bộ Khoa học và Công nghệ, Bộ Công thương, Bộ Tài chính')).toEqual(['Bộ Khoa học và Công nghệ', 'Bộ Công Thương', 'Bộ Tài chính']);
    expect(names('Bộ Giáo dục và Đào tạo, Bộ Khoa học và Công nghệ')).toEqual(['Bộ Giáo dục và Đào tạo', 'Bộ Khoa học và Công nghệ']);
    expect(names('Bộ Công an, Bộ Công Thương, Bộ Khoa học và Công nghệ')).toEqual(['Bộ Công an', 'Bộ Công Thương', 'Bộ Khoa học và Công nghệ']);
    expect(names('Bộ Công thương, Bộ Khoa học và Công nghệ, Bộ Công an, Ngân hàng Nhà nước, Văn phòng Chính phủ')).toEqual([
      'Bộ Công Thương',
      'Bộ Khoa học và Công nghệ',
      'Bộ Công an',
      'Ngân hàng Nhà nước Việt Nam',
      'Văn phòng Chính phủ',
    ]);
  });

  it('a unit followed by a group', () => {
    expect(units('Bộ Tư pháp, các Bộ, ngành')).toEqual([ministry('Bộ Tư pháp'), group(CENTRAL)]);
    expect(units('Bộ Khoa học và Công nghệ, các bộ, ngành, địa phương')).toEqual([ministry('Bộ Khoa học và Công nghệ'), group(ALL)]);
    expect(units('Bộ Công an, các địa phương')).toEqual([ministry('Bộ Công an'), group(PROVINCES)]);
    expect(units('Bộ Tài chính; Bộ Công an; Các địa phương')).toEqual([ministry('Bộ Tài chính'), ministry('Bộ Công an'), group(PROVINCES)]);
  });

  it('group wordings', () => {
    expect(units('Các bộ, ngành có liên quan')).toEqual([group(CENTRAL)]);
    expect(units('Các bộ, ngành liên quan')).toEqual([group(CENTRAL)]);
    expect(units('Các bộ, ngành và địa phương')).toEqual([group(ALL)]);
    expect(units('Bộ, ngành, địa phương')).toEqual([group(ALL)]);
    expect(units('các bộ, ngành, địa phương')).toEqual([group(ALL)]);
  });

  it('unknown text between or beside known names is kept verbatim', () => {
    expect(units('Tập đoàn công nghệ (VNPT, CMC, FPT, Viettel...)')).toEqual([unknown('Tập đoàn công nghệ (VNPT, CMC, FPT, Viettel...)')]);
    expect(units('Bộ Công an, các nhà mạng viễn thông')).toEqual([ministry('Bộ Công an'), unknown('các nhà mạng viễn thông')]);
    expect(units('Các cơ quan Đảng, Quốc hội, Tòa án nhân dân tối cao, Viện Kiểm sát nhân dân tối cao')).toEqual([
      unknown('Các cơ quan Đảng, Quốc hội'),
      agency('Tòa án nhân dân tối cao'),
      agency('Viện Kiểm sát nhân dân tối cao'),
    ]);
  });
});

describe('resolveUnits: aliases and normalisation', () => {
  it.each([
    ['Bộ KH&CN', 'Bộ Khoa học và Công nghệ'],
    ['BKHCN', 'Bộ Khoa học và Công nghệ'],
    ['NHNN', 'Ngân hàng Nhà nước Việt Nam'],
    ['Ngân hàng nhà nước', 'Ngân hàng Nhà nước Việt Nam'],
    ['Thống đốc Ngân hàng Nhà nước Việt Nam', 'Ngân hàng Nhà nước Việt Nam'],
    ['TP.HCM', 'Thành phố Hồ Chí Minh'],
    ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Tổng Thanh tra Chính phủ', 'Thanh tra Chính phủ'],
    ['Bộ Công thương', 'Bộ Công Thương'],
    ['BỘ CÔNG AN', 'Bộ Công an'],
    ['Bộ Văn hoá, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['Uỷ ban nhân dân tỉnh Khánh Hoà', 'Tỉnh Khánh Hòa'],
    ['Tổng Giám đốc Tập đoàn Điện lực Việt Nam (EVN)', 'Tập đoàn Điện lực Việt Nam'],
    ['Bộ Khoa học và Công nghệ (Bộ KH&CN)', 'Bộ Khoa học và Công nghệ'],
  ])('%s → %s', (cell, canonical) => {
    expect(units(cell)).toEqual([expect.objectContaining({ name: canonical, known: true })]);
    expect(units(cell)[0].note).toBeUndefined();
  });

  it('ignores NFD, line breaks and extra spaces', () => {
    expect(names('Bộ Công an\nBộ Tư pháp')).toEqual(['Bộ Công an', 'Bộ Tư pháp']);
    expect(names('Bộ  Khoa học\r\nvà Công nghệ'.normalize('NFD'))).toEqual(['Bộ Khoa học và Công nghệ']);
  });

  it('strips titles and boilerplate', () => {
    expect(units('Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo')).toEqual([ministry('Bộ Y tế')]);
    expect(names('Bộ trưởng Bộ Công an, Bộ trưởng Bộ Tư pháp')).toEqual(['Bộ Công an', 'Bộ Tư pháp']);
    expect(names('Đồng chí Chủ tịch UBND tỉnh Nghệ An')).toEqual(['Tỉnh Nghệ An']);
    expect(units('Chủ tịch UBND 06 thành phố trực thuộc trung ương')).toEqual([group('UBND 06 thành phố trực thuộc trung ương')]);
  });

  it('province names with or without prefixes', () => {
    for (const cell of ['Nghệ An', 'Tỉnh Nghệ An', 'tỉnh Nghệ An', 'UBND tỉnh Nghệ An', 'UBND TỈNH NGHỆ AN', 'Ủy ban nhân dân tỉnh Nghệ An', 'Uỷ ban nhân dân tỉnh Nghệ An']) {
      expect(units(cell)).toEqual([{ name: 'Tỉnh Nghệ An', known: true, kind: 'province' }]);
    }
    for (const cell of ['Hà Nội', 'TP Hà Nội', 'TP. Hà Nội', 'Thành phố Hà Nội', 'UBND thành phố Hà Nội', 'Ủy ban nhân dân TP Hà Nội']) {
      expect(units(cell)).toEqual([{ name: 'Thành phố Hà Nội', known: true, kind: 'city' }]);
    }
  });

  it('list separators and numbering are not units', () => {
    expect(names('Bộ Tài chính/Bộ Y tế')).toEqual(['Bộ Tài chính', 'Bộ Y tế']);
    expect(names('- Bộ Tài chính\n- Bộ Y tế')).toEqual(['Bộ Tài chính', 'Bộ Y tế']);
    expect(names('1. Bộ Tài chính; 2. Bộ Y tế')).toEqual(['Bộ Tài chính', 'Bộ Y tế']);
    expect(names('Bộ Tài chính và Bộ Y tế')).toEqual(['Bộ Tài chính', 'Bộ Y tế']);
    expect(names('Các tỉnh: Nghệ An, Hà Tĩnh')).toEqual(['Tỉnh Nghệ An', 'Tỉnh Hà Tĩnh']);
    expect(names('Các tỉnh')).toEqual(['Các tỉnh']);
  });

  it('blank cells have no units', () => {
    expect(resolveUnits('')).toEqual({ text: '', units: [] });
    expect(resolveUnits('  <p> </p> ').units).toEqual([]);
  });
});

describe('resolveUnits: legacy units and former provinces', () => {
  it.each([
    ['Bộ Thông tin và Truyền thông', 'Bộ Khoa học và Công nghệ', 'Bộ Thông tin và Truyền thông'],
    ['Bộ KH&ĐT', 'Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư'],
    ['Bộ Lao động - Thương binh và Xã hội', 'Bộ Nội vụ', 'Bộ Lao động - Thương binh và Xã hội'],
    ['Bộ Giao thông vận tải', 'Bộ Xây dựng', 'Bộ Giao thông vận tải'],
    ['Ủy ban Dân tộc', 'Bộ Dân tộc và Tôn giáo', 'Ủy ban Dân tộc'],
  ])('%s → %s', (cell, successor, legacy) => {
    expect(units(cell)).toEqual([ministry(successor, { legacy })]);
  });

  it.each([
    ['Yên Bái', 'Tỉnh Lào Cai', 'province', 'Yên Bái'],
    ['UBND tỉnh Yên Bái', 'Tỉnh Lào Cai', 'province', 'Yên Bái'],
    ['Tỉnh Hoà Bình', 'Tỉnh Phú Thọ', 'province', 'Hòa Bình'],
    ['Ủy ban nhân dân tỉnh Đắk Nông', 'Tỉnh Lâm Đồng', 'province', 'Đắk Nông'],
    ['UBND tỉnh Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh', 'city', 'Bà Rịa - Vũng Tàu'],
    ['Tỉnh Bình Dương', 'Thành phố Hồ Chí Minh', 'city', 'Bình Dương'],
    ['Quảng Nam', 'Thành phố Đà Nẵng', 'city', 'Quảng Nam'],
  ])('%s → %s', (cell, successor, kind, legacy) => {
    expect(units(cell)).toEqual([{ name: successor, known: true, kind, legacy }]);
  });

  it('two legacy names with one successor become one unit with both legacy names', () => {
    expect(units('Bộ Tài nguyên và Môi trường, Bộ Nông nghiệp và Phát triển nông thôn')).toEqual([
      ministry('Bộ Nông nghiệp và Môi trường', { legacy: 'Bộ Tài nguyên và Môi trường; Bộ Nông nghiệp và Phát triển nông thôn' }),
    ]);
  });
});

describe('resolveUnits: unknown names', () => {
  it('keeps unknown names verbatim', () => {
    expect(units('Cục C06 (Bộ Công an)')).toEqual([unknown('Cục C06 (Bộ Công an)')]);
    expect(units('Sở Tư pháp')).toEqual([unknown('Sở Tư pháp')]);
  });

  it('commune-level and department names are unknown even when they contain a province name', () => {
    expect(units('UBND xã Tân Lập')).toEqual([unknown('UBND xã Tân Lập')]);
    expect(units('Phường Hà Giang 1')).toEqual([unknown('Phường Hà Giang 1')]);
    expect(units('UBND phường Hải Dương')).toEqual([unknown('UBND phường Hải Dương')]);
    // Located in the province they name (issue 9: kept on the unit for rollups by province).
    expect(units('Sở Tài chính tỉnh Nghệ An')).toEqual([{ ...unknown('Sở Tài chính tỉnh Nghệ An'), province: 'Tỉnh Nghệ An' }]);
    expect(units('Công an tỉnh Nghệ An, Bộ Công an')).toEqual([{ ...unknown('Công an tỉnh Nghệ An'), province: 'Tỉnh Nghệ An' }, ministry('Bộ Công an')]);
  });
});

describe('resolveUnits: units as people write them (issue 9)', () => {
  it('abbreviations (words that cannot be one syllable) are read as initials of the name, however they are spelt', () => {
    for (const cell of ['Bộ KH và CN', 'B KHCN', 'Bộ KH & CN', 'Bộ Khoa học và CN', 'BỘ KH-CN', 'Bộ K.H và C.N']) {
      expect([cell, names(cell)]).toEqual([cell, ['Bộ Khoa học và Công nghệ']]);
    }
    for (const cell of ['Ngân hàng NN', 'Ngân hàng NN Việt Nam', 'NH Nhà nước', 'NHNN VN']) expect([cell, names(cell)]).toEqual([cell, ['Ngân hàng Nhà nước Việt Nam']]);
    expect(units('Bộ NN và MT')).toEqual([ministry('Bộ Nông nghiệp và Môi trường')]);
    expect(units('Bộ GD và ĐT')).toEqual([ministry('Bộ Giáo dục và Đào tạo')]);
    expect(units('Bộ VH, TT và DL')).toEqual([ministry('Bộ Văn hóa, Thể thao và Du lịch')]);
    // A pre-merger ministry in abbreviations still maps to its successor.
    expect(units('Bộ KH và ĐT')[0]).toMatchObject({ name: 'Bộ Tài chính', legacy: 'Bộ Kế hoạch và Đầu tư' });
    expect(units('Bộ TT và TT')[0]).toMatchObject({ name: 'Bộ Khoa học và Công nghệ', legacy: 'Bộ Thông tin và Truyền thông' });
    expect(units('UBND TP Hà Nội')).toEqual([{ name: 'Thành phố Hà Nội', known: true, kind: 'city' }]);
    expect(names('Văn phòng TW Đảng; Thanh tra CP; BHXH VN')).toEqual(['Văn phòng Trung ương Đảng', 'Thanh tra Chính phủ', 'Bảo hiểm xã hội Việt Nam']);
  });

  it('an abbreviation two units could stand for is not guessed', () => {
    // "Bộ TC": Tài chính? Tư pháp is "TP"; but "Bộ T" alone fits several ministries.
    expect(units('Bộ T')[0].known).toBe(false);
    // Full words must be the same words: "Ban TC" is not "Bộ Tài chính".
    expect(units('Ban TC')[0].known).toBe(false);
  });

  it('group spellings: with or without UBND, "các", "trực thuộc TW", abbreviated', () => {
    for (const cell of ['UBND các tỉnh, TP', 'UBND tỉnh, TP', 'Các tỉnh, thành phố', 'Các tỉnh, TP trực thuộc TW', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc TW', 'Chủ tịch UBND các tỉnh, TP']) {
      expect([cell, units(cell)]).toEqual([cell, [group(PROVINCES)]]);
    }
    for (const cell of ['UBND 06 TP trực thuộc TW', '06 TP trực thuộc TW', 'UBND 6 thành phố trực thuộc Trung ương']) {
      expect([cell, names(cell)]).toEqual([cell, ['UBND 06 thành phố trực thuộc trung ương']]);
    }
    expect(expandGroup('UBND các tỉnh, TP')).toHaveLength(34);
    expect(expandGroup('UBND 06 TP trực thuộc TW')).toHaveLength(6);
  });

  it('a long group spelling stays one group, "và" or ",": ministries with provinces is "Các bộ, ngành, địa phương"', () => {
    for (const cell of ['Các bộ, ngành và địa phương', 'Các Bộ, ngành và UBND các tỉnh, TP', 'Các bộ, ngành, UBND các tỉnh, thành phố trực thuộc Trung ương', 'Các bộ, ngành; các tỉnh, TP']) {
      expect([cell, units(cell)]).toEqual([cell, [group(ALL)]]);
    }
    // The registry's long group, abbreviated, is that group (not two).
    expect(names('Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc CP, Chủ tịch UBND các tỉnh, TP trực thuộc TW'))
      .toEqual(['Cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương']);
    expect(names('Các Bộ, ngành, cơ quan thuộc CP')).toEqual(['Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ']);
    // A heading over a list is still a heading.
    expect(names('Các tỉnh, thành phố: Hà Nội, Huế')).toEqual(['Thành phố Hà Nội', 'Thành phố Huế']);
  });

  it('Thủ tướng Chính phủ is a known lead, not one of "các bộ, ngành"', () => {
    for (const cell of ['Thủ tướng Chính phủ', 'Thủ tướng CP', 'Thủ tướng']) expect([cell, units(cell)]).toEqual([cell, [agency('Thủ tướng Chính phủ')]]);
    expect(expandGroup(CENTRAL)).not.toContain('Thủ tướng Chính phủ');
  });

  it('"UBND xã X, tỉnh Y" is one lead, the commune, located in the province', () => {
    expect(units('UBND xã Tân Lập, tỉnh Phú Thọ')).toEqual([{ ...unknown('UBND xã Tân Lập, tỉnh Phú Thọ'), province: 'Tỉnh Phú Thọ' }]);
    expect(units('Phường Ba Đình - TP Hà Nội')).toEqual([{ ...unknown('Phường Ba Đình - TP Hà Nội'), province: 'Thành phố Hà Nội' }]);
    expect(units('UBND xã Tân Lập, tỉnh Phú Thọ; Bộ Công an')).toEqual([{ ...unknown('UBND xã Tân Lập, tỉnh Phú Thọ'), province: 'Tỉnh Phú Thọ' }, ministry('Bộ Công an')]);
    // A ward named after a former province is not located by that name.
    expect(units('UBND phường Hà Giang 1')).toEqual([unknown('UBND phường Hà Giang 1')]);
    // Two leads stay two: a ministry and a province, or a company and a province.
    expect(names('Bộ Công an, tỉnh Nghệ An')).toEqual(['Bộ Công an', 'Tỉnh Nghệ An']);
    expect(names('Công ty X, tỉnh Nghệ An')).toEqual(['Công ty X', 'Tỉnh Nghệ An']);
  });
});

describe('resolveUnits: memoisation', () => {
  it('returns equal results that callers cannot corrupt', () => {
    const a = resolveUnits('Bộ Công an, Bộ Tư pháp');
    a.units[0].name = 'changed';
    a.units.push(unknown('x'));
    expect(resolveUnits('Bộ Công an, Bộ Tư pháp').units).toEqual([ministry('Bộ Công an'), ministry('Bộ Tư pháp')]);
  });
});

describe('findUnit', () => {
  it('finds by canonical name, alias, legacy name and with titles', () => {
    expect(findUnit('Bộ Tư pháp')?.canonical).toBe('Bộ Tư pháp');
    expect(findUnit('NHNN')?.canonical).toBe('Ngân hàng Nhà nước Việt Nam');
    expect(findUnit('Yên Bái')?.canonical).toBe('Tỉnh Lào Cai');
    expect(findUnit('Bộ trưởng Bộ Y tế')?.canonical).toBe('Bộ Y tế');
    expect(findUnit('TP.HCM')).toMatchObject({ canonical: 'Thành phố Hồ Chí Minh', kind: 'city', code: '79', short: 'Hồ Chí Minh' });
  });

  it('returns registry units that callers cannot change', () => {
    const u = findUnit('Bộ Tư pháp');
    expect(() => u!.aliases.push('x')).toThrow(TypeError);
    expect(findUnit('Bộ Tư pháp')?.aliases).not.toContain('x');
  });

  it('returns undefined for unknown names and for cells naming several units', () => {
    expect(findUnit('Sở Tư pháp')).toBeUndefined();
    expect(findUnit('Bộ Công an, Bộ Tư pháp')).toBeUndefined();
    expect(findUnit('')).toBeUndefined();
  });
});

describe('expandGroup', () => {
  it('the 34 provinces and cities', () => {
    const members = expandGroup('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương');
    expect(members).toHaveLength(34);
    expect(members).toContain('Tỉnh Nghệ An');
    expect(members).toContain('Thành phố Hồ Chí Minh');
    expect(members).not.toContain('Bộ Công an');
    expect(expandGroup('Các địa phương')).toEqual(members);
    expect(expandGroup('UBND các tỉnh, thành phố trực thuộc Trung ương')).toEqual(members);
  });

  it('the 6 centrally-run cities', () => {
    expect(expandGroup('UBND 06 thành phố trực thuộc trung ương')).toEqual([
      'Thành phố Hà Nội',
      'Thành phố Hải Phòng',
      'Thành phố Huế',
      'Thành phố Đà Nẵng',
      'Thành phố Hồ Chí Minh',
      'Thành phố Cần Thơ',
    ]);
  });

  it('ministries, ministerial-level and government agencies (22)', () => {
    const members = expandGroup('Các bộ, ngành');
    expect(members).toHaveLength(22);
    expect(members).toContain('Bộ Công an');
    expect(members).toContain('Ngân hàng Nhà nước Việt Nam');
    expect(members).toContain('Đài Truyền hình Việt Nam');
    expect(members).not.toContain('Tòa án nhân dân tối cao');
    expect(members).not.toContain('Tập đoàn Điện lực Việt Nam');
    expect(members).not.toContain('Bảo hiểm xã hội Việt Nam');
    expect(expandGroup('Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ')).toEqual(members);
  });

  it('ministries, agencies and provinces (56)', () => {
    const members = expandGroup('Các bộ, ngành, địa phương');
    expect(members).toHaveLength(56);
    expect(expandGroup('Bộ, ngành, địa phương')).toEqual(members);
  });

  it('groups with unstated membership and non-groups expand to nothing', () => {
    expect(expandGroup('Các địa phương liên quan')).toEqual([]);
    expect(expandGroup('Các bộ, ngành là chủ quản CSDLQG, CSDL chuyên ngành')).toEqual([]);
    expect(expandGroup('Bộ Công an')).toEqual([]);
    expect(expandGroup('Sở Tư pháp')).toEqual([]);
  });
});
