/**
 * Commune returns roll up by province (issue 14, "output that reads at national scale"): two provinces, the
 * province once from the lead cell ("UBND phường Sa Pa, tỉnh Lào Cai") and once from the folder
 * ("Tỉnh-Nghệ-An/…") or the "(Kèm theo …)" line, read back from the real tong-hop.xlsx and tong-hop.json. As of 2025-11-15.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, type AggregateArgs } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';
import type { Report } from '../../report/report-types';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import { communeOf, provinceOfPath, provinceOfText } from '../../report/provinces';
import { isLocalUnitName as isCommuneName } from '../../core/units/local';

const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];
type Row = [string, string, string, string, string | null, string];

async function commune(path: string, place: string, lead: string, rows: [string, string][]): Promise<void> {
  await writeAppendix(path, {
    title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', `(Kèm theo Báo cáo của ${place})`],
    header: HEADER,
    rows: rows.map(([due, status], i): Row => [String(i + 1), `Nhiệm vụ số ${i + 1} của ${place}`, lead, due, null, status]),
  });
}

const DONE: [string, string] = ['30/06/2025', 'Đã hoàn thành'];
const OVERDUE: [string, string] = ['30/06/2025', 'Chưa hoàn thành'];
const IN_TIME: [string, string] = ['31/12/2025', 'Đang thực hiện'];

async function folder(): Promise<string> {
  const dir = fixturePath('aggregate-communes');
  rmSync(dir, { recursive: true, force: true });
  // Nghệ An from the folder name only; Lào Cai from the lead cell (its folder names no province) and from a "(Kèm theo …)" line.
  await commune(join(dir, 'Tỉnh-Nghệ-An', 'xa-tan-lap.xlsx'), 'UBND xã Tân Lập', 'UBND xã Tân Lập', [DONE, OVERDUE, IN_TIME, OVERDUE]);
  await commune(join(dir, 'Tỉnh-Nghệ-An', 'xa-hoa-binh.xlsx'), 'UBND xã Hòa Bình', 'UBND xã Hòa Bình', [DONE, OVERDUE]);
  // An office of Tân Lập: its own lead unit, but not one more commune of Nghệ An.
  await commune(join(dir, 'Tỉnh-Nghệ-An', 'ca-tan-lap.xlsx'), 'Công an xã Tân Lập', 'Công an xã Tân Lập', [IN_TIME]);
  await commune(join(dir, 'dot-2', 'phuong-sa-pa.xlsx'), 'UBND phường Sa Pa', 'UBND phường Sa Pa, tỉnh Lào Cai', [IN_TIME, OVERDUE, DONE]);
  // Lào Cai again from the "(Kèm theo …)" line only; its folder names another province, which the line overrides.
  await commune(join(dir, 'Tỉnh-Nghệ-An', 'xa-bat-xat.xlsx'), 'UBND xã Bát Xát, tỉnh Lào Cai', 'UBND xã Bát Xát', [OVERDUE]);
  return dir;
}

function args(over: Partial<AggregateArgs>): AggregateArgs {
  const parsed = parseArgs([]);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.args, quiet: true, asOf: '2025-11-15', ...over };
}

describe('commune names and provinces', () => {
  it('tells communes, wards and special zones from other units', () => {
    expect(['UBND xã Tân Lập', 'Phường Ba Đình', 'Đặc khu Phú Quốc', 'Công an xã Tân Lập', 'UBND thị trấn Phố Lu'].map(isCommuneName)).toEqual([true, true, true, true, true]);
    expect(['Bộ Nội vụ', 'Tỉnh Nghệ An', 'Sở Xây dựng', 'Bộ Nông nghiệp và Môi trường'].map(isCommuneName)).toEqual([false, false, false, false]);
    // "Xã hội" (society) is not a commune: a district's labour office is not rolled up as one.
    expect(['Phòng Lao động - Thương binh và Xã hội', 'Sở Lao động - Thương binh và xã hội tỉnh Nghệ An'].map(isCommuneName)).toEqual([false, false]);
    expect(['Văn phòng HĐND và UBND xã', 'UBND xã Xã Hội'].map(isCommuneName)).toEqual([true, true]);
  });

  it('counts a commune once whatever office of it leads', () => {
    expect(['UBND xã Tân Lập', 'Công an xã Tân Lập', 'UBND xã Tân Lập, tỉnh Phú Thọ', 'Phường Ba Đình'].map(communeOf))
      .toEqual(['xã tân lập', 'xã tân lập', 'xã tân lập', 'phường ba đình']);
  });

  it('reads the province from the deepest folder that names one', () => {
    expect(provinceOfPath('returns/Tỉnh-Nghệ-An/xa-0001.xlsx')).toBe('Tỉnh Nghệ An');
    expect(provinceOfPath('Thành-phố-Hà-Nội/dot-2/phuong-1.xlsx')).toBe('Thành phố Hà Nội');
    expect(provinceOfPath('returns/dot-2/xa.xlsx')).toBeNull();
  });

  it('reads the province a "(Kèm theo …)" line names last', () => {
    expect(provinceOfText('(Kèm theo Báo cáo số 101/BC-UBND ngày 12/11/2025 của UBND xã Tân Lập, Tỉnh Nghệ An)')).toBe('Tỉnh Nghệ An');
    expect(provinceOfText('(Kèm theo Báo cáo của UBND phường Ba Đình, thành phố Hà Nội)')).toBe('Thành phố Hà Nội');
    expect(provinceOfText('(Kèm theo Báo cáo số 88/BC-BTC)')).toBeNull();
  });
});

describe('aggregate commune returns by province', () => {
  let dir: string;
  let out: string;
  let report: Report;

  beforeAll(async () => {
    dir = await folder();
    out = relative(process.cwd(), fixturePath('aggregate-communes-out'));
    rmSync(out, { recursive: true, force: true });
    report = (await aggregate(args({ inputs: [dir], out }))).report;
  }, 60_000);

  it('counts each commune and each province exactly', () => {
    expect(report.totals.tasks).toBe(11);
    expect(report.totals.overdue).toBe(5);
    expect(report.units.map((u) => [u.unit, u.province, u.tasks, u.overdue, u.progress.done])).toEqual([
      ['Công an xã Tân Lập', 'Tỉnh Nghệ An', 1, 0, 0],
      ['UBND phường Sa Pa, tỉnh Lào Cai', 'Tỉnh Lào Cai', 3, 1, 1],
      ['UBND xã Bát Xát', 'Tỉnh Lào Cai', 1, 1, 0],
      ['UBND xã Hòa Bình', 'Tỉnh Nghệ An', 2, 1, 1],
      ['UBND xã Tân Lập', 'Tỉnh Nghệ An', 4, 2, 1],
    ]);
    expect(report.provinces?.map((p) => [p.province, p.communes, p.tasks, p.overdue, p.progress.done, p.categories.open_in_time])).toEqual([
      ['Tỉnh Lào Cai', 2, 4, 2, 1, 1],
      ['Tỉnh Nghệ An', 2, 7, 3, 2, 2],
    ]);
    expect(report.provinces?.[1].doneRate).toBeCloseTo(2 / 7, 10);
  });

  it('says, after the headline naming communes, where the overdue tasks are by province (tom-tat.txt too)', () => {
    expect(report.sentences[0]).toContain('thuộc trách nhiệm của 04 đơn vị: UBND xã Tân Lập (02 nhiệm vụ)');
    expect(report.sentences[1]).toBe('Theo tỉnh, thành phố, nhiệm vụ quá hạn thuộc: Tỉnh Nghệ An (03 nhiệm vụ), Tỉnh Lào Cai (02 nhiệm vụ).');
    expect(readFileSync(join(out, 'tom-tat.txt'), 'utf8')).toContain(report.sentences[1]);
  });

  it('writes the hierarchy into tong-hop.json', () => {
    const json = JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as Report;
    expect(json.provinces?.map((p) => [p.province, p.communes, p.tasks, p.overdue])).toEqual([
      ['Tỉnh Lào Cai', 2, 4, 2], ['Tỉnh Nghệ An', 2, 7, 3],
    ]);
    expect(json.units.map((u) => [u.unit, u.province])).toEqual([
      ['Công an xã Tân Lập', 'Tỉnh Nghệ An'],
      ['UBND phường Sa Pa, tỉnh Lào Cai', 'Tỉnh Lào Cai'], ['UBND xã Bát Xát', 'Tỉnh Lào Cai'], ['UBND xã Hòa Bình', 'Tỉnh Nghệ An'], ['UBND xã Tân Lập', 'Tỉnh Nghệ An'],
    ]);
  });

  it('shows one row per province on "Tổng hợp" and the communes on "Theo xã"', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tong-hop.xlsx'));
    expect(wb.worksheets.map((s) => s.name).slice(0, 3)).toEqual(['Tổng hợp', 'Theo xã', 'Quá hạn']);
    const rowsOf = (name: string): unknown[][] => {
      const ws = wb.getWorksheet(name)!;
      const all: unknown[][] = [];
      ws.eachRow((r) => all.push((r.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v))));
      return all;
    };
    const main = rowsOf('Tổng hợp');
    const header = main.findIndex((r) => r[0] === 'STT');
    expect(main[header].slice(0, 4)).toEqual(['STT', 'Tỉnh, thành phố (đơn vị chủ trì)', 'Số xã, phường', 'Số nhiệm vụ']);
    const data = main.filter((r) => r[0] === '1' || r[0] === '2').map((r) => r.slice(0, 4));
    expect(data).toEqual([['1', 'Tỉnh Lào Cai', 2, 4], ['2', 'Tỉnh Nghệ An', 2, 7]]);
    expect(main.find((r) => r[1] === 'Tổng cộng')?.slice(2, 4)).toEqual([4, 11]);
    const communes = rowsOf('Theo xã').filter((r) => /^\d+$/.test(String(r[0]))).map((r) => r.slice(0, 4));
    expect(communes).toEqual([
      ['1', 'UBND phường Sa Pa, tỉnh Lào Cai', 'Tỉnh Lào Cai', 3],
      ['2', 'UBND xã Bát Xát', 'Tỉnh Lào Cai', 1],
      ['3', 'Công an xã Tân Lập', 'Tỉnh Nghệ An', 1],
      ['4', 'UBND xã Hòa Bình', 'Tỉnh Nghệ An', 2],
      ['5', 'UBND xã Tân Lập', 'Tỉnh Nghệ An', 4],
    ]);
  });
});

describe('one commune spelt differently by two returns of its province', () => {
  it('is reported once, naming the files, the counts left as read; the same name in another province is not', async () => {
    const dir = fixturePath('aggregate-commune-spellings');
    rmSync(dir, { recursive: true, force: true });
    await commune(join(dir, 'Tỉnh-Nghệ-An', 'xa-tan-lap.xlsx'), 'UBND xã Tân Lập', 'UBND xã Tân Lập', [DONE, OVERDUE, IN_TIME]);
    // A re-typed copy of part of the same return: "Lâp" for "Lập".
    await commune(join(dir, 'Tỉnh-Nghệ-An', 'xa-tan-lap-bo-sung.xlsx'), 'UBND xã Tân Lâp', 'UBND xã Tân Lâp', [OVERDUE]);
    // Another commune of the same name in another province: not a spelling of the first.
    await commune(join(dir, 'Tỉnh-Phú-Thọ', 'xa-tan-lap.xlsx'), 'UBND xã Tân Lâp', 'UBND xã Tân Lâp, tỉnh Phú Thọ', [DONE]);
    await commune(join(dir, 'Tỉnh-Phú-Thọ', 'xa-hoa-binh.xlsx'), 'UBND xã Hòa Bình', 'UBND xã Hòa Bình', [DONE]);
    const out = relative(process.cwd(), fixturePath('aggregate-commune-spellings-out'));
    const { report } = await aggregate(args({ inputs: [dir], out }));
    const variants = report.issues.filter((i) => i.code === 'UNIT_VARIANT');
    expect(variants.map((i) => [i.message, i.suggestion, i.severity])).toEqual([[
      `Tỉnh Nghệ An: "UBND xã Tân Lâp" (1 nhiệm vụ, tệp ${relative(process.cwd(), join(dir, 'Tỉnh-Nghệ-An', 'xa-tan-lap-bo-sung.xlsx'))}) có thể là "UBND xã Tân Lập" (3 nhiệm vụ), chỉ khác chữ hoa, dấu hoặc khoảng trắng; đang được đếm là hai đơn vị, cần kiểm tra.`,
      'UBND xã Tân Lập', 'warning',
    ]]);
    // Flagged, not merged: both spellings keep their own rows.
    expect(report.units.filter((u) => u.unit.startsWith('UBND xã Tân')).map((u) => [u.unit, u.province, u.tasks])).toEqual([
      ['UBND xã Tân Lâp', 'Tỉnh Nghệ An', 1], ['UBND xã Tân Lập', 'Tỉnh Nghệ An', 3], ['UBND xã Tân Lâp, tỉnh Phú Thọ', 'Tỉnh Phú Thọ', 1],
    ]);
  });
});

describe('ministry returns keep the per-unit table', () => {
  it('has no provinces when the leads are not communes', async () => {
    const dir = fixturePath('aggregate-no-communes');
    rmSync(dir, { recursive: true, force: true });
    await commune(join(dir, 'Tỉnh-Nghệ-An', 'bo-noi-vu.xlsx'), 'Bộ Nội vụ', 'Bộ Nội vụ', [DONE, OVERDUE]);
    const out = relative(process.cwd(), fixturePath('aggregate-no-communes-out'));
    const { report } = await aggregate(args({ inputs: [dir], out }));
    expect(report.provinces).toBeUndefined();
    expect(report.units.map((u) => [u.unit, u.province ?? null, u.tasks])).toEqual([['Bộ Nội vụ', null, 2]]);
  });
});
