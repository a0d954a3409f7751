import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { run as templates, TEMPLATE_FILE } from '../../../cli/commands/templates';
import { writeWorkbook } from '../../../xlsx/write';
import { readXlsxFile } from '../../../xlsx/read';
import { readWorkbook } from '../../../core/table/read';
import { coordinationSheet, reportTemplateSpec, statusPrompt, TASK_ID_HEADER } from '../../../report/layout/report-template';

type DvModel = Record<string, ExcelJS.DataValidation>;
const dvOf = (ws: ExcelJS.Worksheet): DvModel => (ws as unknown as { dataValidations: { model: DvModel } }).dataValidations.model;
const protectionOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } | null }).sheetProtection;

async function generate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tiendo-tpl-'));
  expect(await templates(['--out', dir])).toBe(0);
  return join(dir, TEMPLATE_FILE);
}

describe('blank report template (npm run templates)', () => {
  it('has the title block, the header, the hidden ID column and Times New Roman', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await generate());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Hướng dẫn']);
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getCell('A1').value).toBe('Phụ lục');
    expect(ws.getCell('A2').value).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(ws.getCell('A3').value).toBe('(Kèm theo văn bản số …… ngày …… tháng …… năm ……)');
    expect(ws.getCell('A3').font.italic).toBe(true);
    expect(ws.getRow(5).values).toEqual([undefined, 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Ghi chú', TASK_ID_HEADER]);
    expect(ws.getColumn(9).hidden).toBe(true);
    for (const a of ['A1', 'A2', 'B5', 'G5', 'B6', 'G6']) expect(ws.getCell(a).font.name, a).toBe('Times New Roman');
    expect(ws.getCell('B5').font.bold).toBe(true);
    expect(ws.getCell('E6').numFmt).toBe('dd/mm/yyyy');
  });

  it('has the status dropdown with an explaining input message and a date validation on Thời hạn', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await generate());
    const dv = dvOf(wb.getWorksheet('Báo cáo')!);
    expect(dv.G6).toMatchObject({
      type: 'list', allowBlank: true, showInputMessage: true, showErrorMessage: true, promptTitle: 'Tiến độ thực hiện',
      formulae: ['"Đã hoàn thành,Đã hoàn thành quá hạn,Đang thực hiện,Chưa hoàn thành,Dừng thực hiện"'],
    });
    expect(dv.G6.prompt).toContain('Đã hoàn thành quá hạn (xong sau thời hạn)');
    expect(dv.G6.prompt).toContain('Chưa hoàn thành (chưa xong, đã quá hạn)');
    // Validations reach 500 rows below the header so pasted rows keep the dropdown.
    expect(dv.G505?.type).toBe('list');
    expect(dv.E6).toMatchObject({ type: 'date', operator: 'between', promptTitle: 'Thời hạn' });
    expect(dv.F6).toBeUndefined();
  });

  it('is protected without a password; only Kết quả thực hiện, Tiến độ and Ghi chú are unlocked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await generate());
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(protectionOf(ws)?.sheet).toBe(true);
    expect(protectionOf(ws)?.hashValue).toBeUndefined();
    const unlocked = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].filter((c) => ws.getCell(`${c}6`).protection?.locked === false);
    expect(unlocked).toEqual(['F', 'G', 'H']);
    // Below the pre-made rows the column styles keep the same three columns editable.
    const colUnlocked = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((c) => ws.getColumn(c).style?.protection?.locked === false);
    expect(colUnlocked).toEqual([6, 7, 8]);
    expect(ws.getCell('G5').protection?.locked).not.toBe(false);
  });

  it('prints A4 landscape, one page wide, header repeated; header frozen', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await generate());
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, topLeftCell: 'A6' });
  });

  it('writes the print titles and protection into the XML', async () => {
    const files = unzipSync(new Uint8Array(await readFile(await generate())));
    const wbXml = strFromU8(files['xl/workbook.xml']);
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Báo cáo'!$5:$5</definedName>`);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape"');
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    expect(sheet).not.toContain('hashValue');
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it('the committed templates/mau-bao-cao.xlsx is what `npm run templates` generates (else run it)', async () => {
    const fresh = unzipSync(new Uint8Array(await readFile(await generate())));
    const committed = unzipSync(new Uint8Array(await readFile(join('templates', TEMPLATE_FILE))));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const name of Object.keys(fresh)) {
      expect(strFromU8(committed[name]), `${name} differs: run npm run templates`).toBe(strFromU8(fresh[name]));
    }
  });

  it('the input message fits Excel\'s 255 characters', () => {
    expect(statusPrompt(['Đã hoàn thành', 'Đã hoàn thành quá hạn', 'Đang thực hiện', 'Chưa hoàn thành', 'Dừng thực hiện']).length).toBeLessThanOrEqual(255);
    expect(statusPrompt(['Đang thực hiện', 'Khác'])).toBe('Đang thực hiện (chưa xong, còn trong hạn); Khác.');
  });
});

describe('pre-filled template', () => {
  it('is read back by the core: the "Báo cáo" table with task IDs, sections and dates', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tiendo-tpl-')), 'don-vi.xlsx');
    const rows = [
      { section: 'Nhiệm vụ chung', label: 'A' },
      { id: 'NV-AAAA', stt: '1', task: 'Xây dựng kế hoạch', lead: 'Bộ Y tế', deadline: new Date(Date.UTC(2025, 2, 31)) },
      { id: 'NV-BBBB', stt: '2', task: '=HYPERLINK("http://x","y")', lead: 'Bộ Y tế', deadline: 'Quý II/2025', status: 'Đang thực hiện' },
    ];
    await writeWorkbook(reportTemplateSpec({ unit: 'Bộ Y tế', rows }, [{ stt: '9', task: 'Phối hợp việc khác', lead: 'Bộ Công an', deadline: 'Năm 2025' }]), path);
    const { grids, error } = await readXlsxFile(path);
    expect(error).toBeNull();
    const read = readWorkbook(grids, { file: 'don-vi.xlsx' });
    expect(read.sheet).toBe('Báo cáo');
    expect(read.tasks.map((t) => [t.stt, t.taskId, t.task, t.deadline.due, t.progressText])).toEqual([
      ['1', 'NV-AAAA', 'Xây dựng kế hoạch', '2025-03-31', ''],
      ['2', 'NV-BBBB', '=HYPERLINK("http://x","y")', '2025-06-30', 'Đang thực hiện'],
    ]);
    expect(read.tasks[0].section).toMatch(/Nhiệm vụ chung/);
  });

  it('the "Phối hợp" sheet is read-only: protected, nothing unlocked, no status column', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tiendo-tpl-')), 'phoi-hop.xlsx');
    await writeWorkbook({ sheets: [coordinationSheet([{ stt: '9', task: 'Phối hợp việc khác', lead: 'Bộ Công an', deadline: 'Năm 2025' }])] }, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Phối hợp')!;
    expect(protectionOf(ws)?.sheet).toBe(true);
    expect(ws.getRow(5).values).toEqual([undefined, 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']);
    expect(ws.getCell('B6').value).toBe('Phối hợp việc khác');
    let unlocked = 0;
    ws.eachRow((row) => row.eachCell((cell) => { if (cell.protection?.locked === false) unlocked++; }));
    for (let c = 1; c <= 5; c++) if (ws.getColumn(c).style?.protection?.locked === false) unlocked++;
    expect(unlocked).toBe(0);
    expect(Object.keys(dvOf(ws))).toHaveLength(0);
  });
});
