import { describe, expect, it } from 'vitest';
import { dateToExcelSerial, excelSerialToDate, excelSerialToIso, isDateFormat, isDateOrTimeFormat } from '../../core/deadline/serial';

describe('Excel serials: one conversion each way (reader, writer, add-in, deadlines)', () => {
  it('reads serials as UTC instants, keeping the time of day and both date systems', () => {
    expect(excelSerialToDate(45961, false).toISOString()).toBe('2025-10-31T00:00:00.000Z');
    expect(excelSerialToDate(45961.75, false).toISOString()).toBe('2025-10-31T18:00:00.000Z');
    expect(excelSerialToDate(44499, true).toISOString()).toBe('2025-10-31T00:00:00.000Z');
    expect(excelSerialToDate(59, false).toISOString()).toBe('1900-02-28T00:00:00.000Z');
    expect(excelSerialToDate(61, false).toISOString()).toBe('1900-03-01T00:00:00.000Z');
  });

  it('writes Dates as serials, and the two directions agree on every day from 1900-03-01 to 2100', () => {
    expect(dateToExcelSerial(new Date(Date.UTC(2025, 9, 31)))).toBe(45961);
    expect(dateToExcelSerial(new Date(Date.UTC(2025, 9, 31, 12)))).toBe(45961.5);
    for (let serial = 61; serial < 73_416; serial += 7) {
      const d = excelSerialToDate(serial, false);
      expect(dateToExcelSerial(d)).toBe(serial);
      expect(excelSerialToIso(serial)).toBe(d.toISOString().slice(0, 10));
    }
  });
});

describe('number formats: a calendar date, or any date or time', () => {
  it.each([
    ['dd/mm/yyyy', true, true],
    ['[$-42A]d mmmm yyyy', true, true],
    ['m/d/yy', true, true],
    ['"Ngày" dd', true, true],
    ['hh:mm', false, true],
    ['[h]:mm:ss', false, true],
    ['mmmm', false, true],
    ['General', false, false],
    ['@', false, false],
    ['#,##0', false, false],
    ['0.0%', false, false],
    ['"day"0', false, false],
    [undefined, false, false],
  ] as const)('%s: date %s, date or time %s', (code, date, dateOrTime) => {
    expect(isDateFormat(code)).toBe(date);
    expect(isDateOrTimeFormat(code)).toBe(dateOrTime);
  });
});
