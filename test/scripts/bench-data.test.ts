/** The realistic benchmark returns look like Excel's and read as 60 tasks each, with seed-length texts. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { realCommuneXlsx } from '../../scripts/bench-data';
import { readXlsx } from '../../xlsx/read';
import { readWorkbook } from '../../core/table/read';

describe('realistic commune returns (npm run bench)', () => {
  it('open in ExcelJS with styles, merged title rows, widths and long texts', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(realCommuneXlsx(3)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Phụ lục');
    expect(ws.getCell('A3').value).toBe('Phụ lục');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('B9').border?.top?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell('A1').isMerged).toBe(true);
    const task = String(ws.getCell('B9').value);
    expect(task.length).toBeGreaterThanOrEqual(150);
    expect(task.length).toBeLessThanOrEqual(400);
  });

  it('read by tiendo as exactly 60 tasks under two sections, led by the commune', () => {
    const read = readXlsx(realCommuneXlsx(3), { file: 'xa-0004.xlsx' });
    const sheet = readWorkbook(read.grids, { file: 'xa-0004.xlsx' });
    expect(sheet.tasks).toHaveLength(60);
    expect(new Set(sheet.tasks.map((t) => t.section))).toEqual(new Set(['A. NHIỆM VỤ CHUNG', 'B. NHIỆM VỤ CỤ THỂ']));
    expect(sheet.tasks.filter((t) => t.leadUnitText.startsWith('UBND xã')).length).toBeGreaterThan(40);
    const results = sheet.tasks.map((t) => t.resultText.length).filter((n) => n > 0);
    expect(Math.max(...results)).toBeLessThanOrEqual(600);
    expect(Math.min(...results)).toBeGreaterThanOrEqual(100);
  });
});
