import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../xlsx/read';
import type { Grid } from '../../core/grid';
import { detectSwappedDates, excelSerialToIso, findDatesInText, isDateFormat, parseDeadline, swapDayMonth } from '../../core/deadline';

const due = (v: Parameters<typeof parseDeadline>[0], opts?: Parameters<typeof parseDeadline>[1]) => parseDeadline(v, opts).due;
const kind = (v: Parameters<typeof parseDeadline>[0], opts?: Parameters<typeof parseDeadline>[1]) => parseDeadline(v, opts).kind;

describe('parseDeadline: day dates', () => {
  it.each([
    ['31/10/2025', '2025-10-31'],
    ['1/3/2025', '2025-03-01'],
    ['01/03/2025', '2025-03-01'],
    ['31-10-2025', '2025-10-31'],
    ['31.10.2025', '2025-10-31'],
    ['31/10/25', '2025-10-31'],
    ['5/1/26', '2026-01-05'],
    ['ngày 31 tháng 10 năm 2025', '2025-10-31'],
    ['Ngày 5 tháng 1 năm 2026', '2026-01-05'],
    ['2025-10-31', '2025-10-31'],
    ['trước ngày 25/9/2025', '2025-09-25'],
    ['Trước 25/9/2025', '2025-09-25'],
    ['trong ngày 25/9/2025', '2025-09-25'],
    ['chậm nhất 05/10/2025', '2025-10-05'],
    ['chậm nhất ngày 05/10/2025', '2025-10-05'],
    ['Hoàn thành chậm nhất trong ngày 05/10/2025.', '2025-10-05'],
    ['10 giờ, ngày 03/10/2025', '2025-10-03'],
    ['trước 10 giờ, ngày 03/10/2025', '2025-10-03'],
    ['Đến 31/12/2025', '2025-12-31'],
    ['Phấn đấu đến ngày 25/11/2025', '2025-11-25'],
    ['<p>31/10/2025</p>', '2025-10-31'],
  ])('%s → %s', (text, iso) => {
    expect(parseDeadline(text)).toEqual({ text: text.replace(/<\/?p>/g, ''), due: iso, kind: 'date' });
  });

  it('leap years: 29/02 exists in 2024 and 2000, not in 2025 or 2100', () => {
    expect(due('29/02/2024')).toBe('2024-02-29');
    expect(due('29/2/2000')).toBe('2000-02-29');
    expect(parseDeadline('29/02/2025')).toEqual({ text: '29/02/2025', due: null, kind: 'unparsed' });
    expect(kind('29/02/2100')).toBe('unparsed');
  });

  it('impossible dates are unparsed, never re-read as a month', () => {
    expect(parseDeadline('31/02/2025')).toEqual({ text: '31/02/2025', due: null, kind: 'unparsed' });
    expect(kind('31/04/2025')).toBe('unparsed');
    expect(kind('12/13/2025')).toBe('unparsed');
    expect(kind('Tháng 13/2025')).toBe('unparsed');
    expect(kind('ngày 32 tháng 1 năm 2025')).toBe('unparsed');
  });

  it('"trước ngày X" is lenient by default, X - 1 when strict', () => {
    expect(due('trước ngày 25/9/2025', { before: 'strict' })).toBe('2025-09-24');
    expect(due('trước ngày 01/01/2026', { before: 'strict' })).toBe('2025-12-31');
    expect(due('trong ngày 25/9/2025', { before: 'strict' })).toBe('2025-09-25');
    expect(due('trước 10 giờ, ngày 03/10/2025', { before: 'strict' })).toBe('2025-10-03');
  });
});

describe('parseDeadline: periods', () => {
  it.each([
    ['Tháng 3/2025', '2025-03-31', 'month'],
    ['tháng 2/2024', '2024-02-29', 'month'],
    ['Tháng 2/2025', '2025-02-28', 'month'],
    ['tháng 6 năm 2025', '2025-06-30', 'month'],
    ['T3/2025', '2025-03-31', 'month'],
    ['trong tháng 09/2025', '2025-09-30', 'month'],
    ['hoàn thành trong 10/2025', '2025-10-31', 'month'],
    ['THÁNG 12/2025', '2025-12-31', 'month'],
    ['thang 4/2025', '2025-04-30', 'month'],
    ['đến tháng 4/2025', '2025-04-30', 'month'],
    ['Quý I/2025', '2025-03-31', 'quarter'],
    ['Quý II/2025', '2025-06-30', 'quarter'],
    ['quý III/2025', '2025-09-30', 'quarter'],
    ['Quý IV/2025', '2025-12-31', 'quarter'],
    ['Quý 2/2025', '2025-06-30', 'quarter'],
    ['quý 2 năm 2025', '2025-06-30', 'quarter'],
    ['quý IV năm 2025', '2025-12-31', 'quarter'],
    ['Q3/2025', '2025-09-30', 'quarter'],
    ['trong quý II/2025', '2025-06-30', 'quarter'],
    ['6 tháng đầu năm 2025', '2025-06-30', 'half'],
    ['6 tháng cuối năm 2025', '2025-12-31', 'half'],
    ['9 tháng đầu năm 2025', '2025-09-30', 'quarter'],
    ['05 tháng cuối năm 2025', '2025-12-31', 'year'],
    ['trong những tháng cuối năm 2025', '2025-12-31', 'year'],
    ['Năm 2025', '2025-12-31', 'year'],
    ['Năm 2027', '2027-12-31', 'year'],
    ['2025', '2025-12-31', 'year'],
    ['trong năm 2025', '2025-12-31', 'year'],
    ['từ nay đến hết năm 2025', '2025-12-31', 'year'],
    ['đến cuối năm 2025', '2025-12-31', 'year'],
    ['2025-2026', '2026-12-31', 'year'],
    ['đầu năm 2026', '2026-03-31', 'quarter'],
    ['Quý III-IV/2025', '2025-12-31', 'quarter'],
    ['Quý I, II năm 2025', '2025-06-30', 'quarter'],
    ['Quý I và Quý II/2025', '2025-06-30', 'quarter'],
    ['Tháng 9-10/2025', '2025-10-31', 'month'],
    ['tháng 9 và tháng 10/2025', '2025-10-31', 'month'],
  ])('%s → %s (%s)', (text, iso, k) => {
    expect(parseDeadline(text)).toEqual({ text, due: iso, kind: k });
  });

  it('a month reference inside an event is read ("Kỳ họp thứ 9 (tháng 5/2025)")', () => {
    expect(due('Kỳ họp thứ 9 (tháng 5/2025)')).toBe('2025-05-31');
  });

  it('document numbers are not dates', () => {
    expect(kind('Nghị định 107/2024')).toBe('unparsed');
  });
});

describe('parseDeadline: recurring, ongoing, several milestones', () => {
  it.each(['Thực hiện thường xuyên', 'Nhiệm vụ thường xuyên', 'Thường xuyên', 'THƯỜNG XUYÊN', 'Hằng tháng', 'Hàng tháng', 'Hằng năm', 'Hằng quý', 'hàng năm', 'Định kỳ hằng quý', '1 lần/tuần', 'Không có thời hạn', 'thuc hien thuong xuyen'])(
    '%s is recurring, no due date',
    (text) => expect(parseDeadline(text)).toEqual({ text, due: null, kind: 'recurring' }),
  );

  it('HTML and line breaks are cleaned from the kept text', () => {
    expect(parseDeadline('<p>Thực hiện  thường\nxuyên</p>')).toEqual({ text: 'Thực hiện thường xuyên', due: null, kind: 'recurring' });
    expect(parseDeadline('Nhiệm vụ\nthường\nxuyên')).toEqual({ text: 'Nhiệm vụ thường xuyên', due: null, kind: 'recurring' });
    expect(parseDeadline('Tháng&nbsp;3/2025')).toEqual({ text: 'Tháng 3/2025', due: '2025-03-31', kind: 'month' });
  });

  it('"… và những năm tiếp theo" is ongoing with the first milestone as due date', () => {
    expect(parseDeadline('Tháng 12/2025 và những năm tiếp theo')).toEqual({
      text: 'Tháng 12/2025 và những năm tiếp theo', due: '2025-12-31', kind: 'ongoing',
    });
    expect(parseDeadline('Năm 2026 và các năm tiếp theo')).toEqual({ text: 'Năm 2026 và các năm tiếp theo', due: '2026-12-31', kind: 'ongoing' });
    expect(parseDeadline('Từ năm 2025 trở đi').kind).toBe('recurring');
  });

  it('a recurring phrase with a dated first milestone is ongoing', () => {
    expect(parseDeadline('Quý IV/2025, sau đó thực hiện thường xuyên')).toMatchObject({ due: '2025-12-31', kind: 'ongoing' });
  });

  it('several milestones: the completion deadline ("hoàn thành …"), else the latest', () => {
    expect(parseDeadline('Quý II/2025; hoàn thành trong Quý III/2025')).toMatchObject({ due: '2025-09-30', kind: 'quarter' });
    expect(parseDeadline('Hoàn thành trong tháng 6/2025; báo cáo kết quả tháng 9/2025')).toMatchObject({ due: '2025-06-30', kind: 'month' });
    expect(parseDeadline('Phấn đấu đến 25/11/2025 hoàn thiện phần mềm, đến 15/12/2025 vận hành')).toMatchObject({ due: '2025-12-15', kind: 'date' });
  });

  it('start dates are not deadlines', () => {
    expect(parseDeadline('từ ngày 01 tháng 7 năm 2025').kind).toBe('unparsed');
    expect(parseDeadline('Từ ngày 01/7/2025, hoàn thành trước 31/12/2025')).toMatchObject({ due: '2025-12-31', kind: 'date' });
  });

  it('blank is none; anything else unparsed with the text kept', () => {
    expect(parseDeadline(null)).toEqual({ text: '', due: null, kind: 'none' });
    expect(parseDeadline('')).toEqual({ text: '', due: null, kind: 'none' });
    expect(parseDeadline('  \n ')).toEqual({ text: '', due: null, kind: 'none' });
    expect(parseDeadline('Sau khi Luật được thông qua')).toEqual({ text: 'Sau khi Luật được thông qua', due: null, kind: 'unparsed' });
    expect(parseDeadline('trong tuần thứ 2 tháng 9')).toEqual({ text: 'trong tuần thứ 2 tháng 9', due: null, kind: 'unparsed' });
    expect(parseDeadline(true)).toEqual({ text: 'TRUE', due: null, kind: 'unparsed' });
  });
});

describe('parseDeadline: Excel cells', () => {
  it('Date cells (UTC midnight) are read in UTC and rendered dd/mm/yyyy', () => {
    expect(parseDeadline(new Date(Date.UTC(2025, 9, 31)))).toEqual({ text: '31/10/2025', due: '2025-10-31', kind: 'date' });
    expect(parseDeadline(new Date(Date.UTC(2024, 1, 29)))).toEqual({ text: '29/02/2024', due: '2024-02-29', kind: 'date' });
    expect(parseDeadline(new Date(Number.NaN)).kind).toBe('unparsed');
  });

  it.each([
    [45747, '2025-03-31'],
    [45838, '2025-06-30'],
    [45930, '2025-09-30'],
    [45961, '2025-10-31'],
    [45991, '2025-11-30'],
    [46022, '2025-12-31'],
    [46387, '2026-12-31'],
    [45961.5, '2025-10-31'],
  ])('serial %d in a General cell → %s', (n, iso) => {
    expect(parseDeadline(n)).toEqual({ text: iso.split('-').reverse().join('/'), due: iso, kind: 'date' });
  });

  it('1904 serials', () => {
    expect(parseDeadline(44499, { date1904: true })).toEqual({ text: '31/10/2025', due: '2025-10-31', kind: 'date' });
    expect(parseDeadline(44499)).toMatchObject({ due: '2021-10-30' });
  });

  it('a number with a date format is a serial even when small; without one, 2025 is a year', () => {
    expect(parseDeadline(2025, { numFmt: 'dd/mm/yyyy' })).toEqual({ text: '17/07/1905', due: '1905-07-17', kind: 'date' });
    expect(parseDeadline(2025)).toEqual({ text: '2025', due: '2025-12-31', kind: 'year' });
    expect(parseDeadline(2025, { numFmt: 'General' })).toMatchObject({ kind: 'year' });
    expect(parseDeadline(7).kind).toBe('unparsed');
    expect(parseDeadline(60, { numFmt: 'dd/mm/yyyy' })).toEqual({ text: '60', due: null, kind: 'unparsed' });
  });

  it('a serial typed as text', () => {
    expect(parseDeadline('45961')).toMatchObject({ due: '2025-10-31', kind: 'date' });
  });
});

describe('excelSerialToIso', () => {
  it('1900 system with the phantom 29/02/1900', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(45961)).toBe('2025-10-31');
  });
  it('1904 system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(59, true)).toBe('1904-02-29');
    expect(excelSerialToIso(44499, true)).toBe('2025-10-31');
  });
  it('bad input gives null', () => {
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
});

describe('isDateFormat', () => {
  it.each([['dd/mm/yyyy', true], ['m/d/yy', true], ['[$-42A]d mmmm yyyy', true], ['yyyy-mm-dd', true], ['General', false], ['0', false], ['#,##0', false], ['@', false], ['hh:mm', false], ['"Ngày "0', false]])(
    '%s → %s',
    (f, yes) => expect(isDateFormat(f)).toBe(yes),
  );
});

describe('findDatesInText', () => {
  it('finds document dates in result text, in order, without repeats', () => {
    expect(findDatesInText('Đã hoàn thành tại công văn số 6001/BKHCN-CĐSQG ngày 24/10/2025')).toEqual(['2025-10-24']);
    expect(findDatesInText('Bộ Nội vụ đã trình Chính phủ (Tờ trình số 123/TTr-BNV ngày 28/10/2025)')).toEqual(['2025-10-28']);
    expect(findDatesInText('Quyết định ngày 5 tháng 11 năm 2025; Kế hoạch ngày 01/9/2025; nhắc lại ngày 05/11/2025')).toEqual(['2025-11-05', '2025-09-01']);
  });
  it('ignores document numbers, months and impossible dates', () => {
    expect(findDatesInText('Nghị định số 107/2024/NĐ-CP; tháng 10/2025; ngày 31/02/2025')).toEqual([]);
    expect(findDatesInText('')).toEqual([]);
  });
});

describe('detectSwappedDates / swapDayMonth (US-locale typing)', () => {
  const may10 = new Date(Date.UTC(2025, 4, 10)); // "10/05/2025" typed as 5 October, read by Excel as 10 May
  it('flags a column mixing day ≤ 12 date cells with dd/mm text cells', () => {
    expect(detectSwappedDates([may10, '25/10/2025', null, 'Quý II/2025'])).toBe(true);
    expect(detectSwappedDates([45787, '31/12/2025'])).toBe(true); // 45787 = 2025-05-10
  });
  it('does not flag consistent columns', () => {
    expect(detectSwappedDates([may10, new Date(Date.UTC(2025, 9, 31))])).toBe(false); // a day > 12: dates are real
    expect(detectSwappedDates([may10, '05/10/2025', '25/10/2025'])).toBe(false); // ambiguous text stayed text: typed as text
    expect(detectSwappedDates(['25/10/2025', '31/12/2025'])).toBe(false);
    expect(detectSwappedDates([may10])).toBe(false);
    expect(detectSwappedDates([])).toBe(false);
  });
  it('swaps day and month of date deadlines only', () => {
    expect(swapDayMonth(parseDeadline(may10))).toEqual({ text: '05/10/2025', due: '2025-10-05', kind: 'date' });
    expect(swapDayMonth(parseDeadline('Quý II/2025'))).toEqual({ text: 'Quý II/2025', due: '2025-06-30', kind: 'quarter' });
  });
});

describe('parseDeadline on cells of a real .xlsx (ExcelJS written, lean reader read back)', () => {
  async function roundTrip(date1904: boolean): Promise<Grid> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 9, 31));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = 45961; // a serial left in a General cell
    ws.getCell('A3').value = 'Quý II/2025';
    ws.getCell('A4').value = { richText: [{ text: 'Tháng 12/2025 ' }, { font: { bold: true }, text: 'và những năm tiếp theo' }] };
    ws.getCell('A5').value = { formula: 'DATE(2025,6,30)', result: new Date(Date.UTC(2025, 5, 30)) };
    ws.getCell('A5').numFmt = 'd/m/yyyy';
    ws.getCell('A6').value = 'Thực hiện\nthường xuyên';
    ws.getCell('A7').value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell('A7').numFmt = '[$-42A]dd/mm/yyyy';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { grids, error } = readXlsx(bytes, { file: 'thoi-han.xlsx' });
    expect(error).toBeNull();
    return grids[0];
  }

  const parseColumn = (g: Grid) => g.rows.map((row, r) => parseDeadline(row[0], { date1904: g.date1904, numFmt: g.styles?.[r]?.[0]?.numFmt }));

  it.each([false, true])('date1904 = %s', async (date1904) => {
    const g = await roundTrip(date1904);
    expect(g.date1904 ?? false).toBe(date1904);
    const serialInGeneral = date1904 ? '2029-11-01' : '2025-10-31'; // a bare number is a 1904 serial in a 1904 workbook
    expect(parseColumn(g)).toEqual([
      { text: '31/10/2025', due: '2025-10-31', kind: 'date' },
      { text: serialInGeneral.split('-').reverse().join('/'), due: serialInGeneral, kind: 'date' },
      { text: 'Quý II/2025', due: '2025-06-30', kind: 'quarter' },
      { text: 'Tháng 12/2025 và những năm tiếp theo', due: '2025-12-31', kind: 'ongoing' },
      { text: '30/06/2025', due: '2025-06-30', kind: 'date' },
      { text: 'Thực hiện thường xuyên', due: null, kind: 'recurring' },
      { text: '29/02/2024', due: '2024-02-29', kind: 'date' },
    ]);
  });
});
