import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../cli/commands/distribute';
import { taskIdOf, occurrences } from '../../batch/distribute/ids';
import { unitFileName } from '../../batch/distribute/filename';
import type { Manifest } from '../../batch/distribute/manifest';
import { distribute } from '../../batch/distribute/run';
import { aggregate } from '../../batch/aggregate/run';
import { parseArgs as aggregateArgs } from '../../batch/aggregate/args';
import { readXlsxFile } from '../../xlsx/read';
import { readWorkbook } from '../../core/table/read';
import { expandGroup } from '../../core/units';
import { buildSeed000 } from '../fixtures/samples';

const NOW = new Date(Date.UTC(2025, 10, 15, 8, 0, 0));
let master: string;

async function run(expandGroups: boolean): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await mkdtemp(join(tmpdir(), 'tiendo-giao-'));
  const res = await distribute(master, { out: dir, expandGroups, now: NOW, asOf: '2025-11-15' });
  expect(res.errors).toEqual([]);
  return { dir, manifest: res.manifest! };
}

const unitOf = (m: Manifest, name: string) => m.units.find((u) => u.unit === name)!;

beforeAll(async () => {
  master = await buildSeed000('seed000-distribute.xlsx');
});

describe('distribute the seed 000 appendix (Chỉ thị 07/CT-TTg)', () => {
  let dir: string;
  let manifest: Manifest;
  beforeAll(async () => {
    ({ dir, manifest } = await run(false));
  }, 120_000);

  it('writes one workbook per unit plus the manifest, with ASCII file names', async () => {
    const files = (await readdir(dir)).sort();
    expect(files).toContain('danh-sach-giao.json');
    expect(files).toContain('bo-y-te.xlsx');
    expect(files).toContain('bo-cong-an.xlsx');
    expect(files).toContain('cac-bo-nganh-dia-phuong.xlsx');
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(manifest.units.length);
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.(xlsx|json)$/);
    const onDisk = JSON.parse(await readFile(join(dir, 'danh-sach-giao.json'), 'utf8')) as Manifest;
    expect(onDisk.format).toBe('tiendo/danh-sach-giao@1');
    expect(onDisk.master).toBe('seed000-distribute.xlsx');
    expect(onDisk.createdAt).toBe('2025-11-15T08:00:00.000Z');
    expect(onDisk.units.map((u) => u.unit)).toEqual(manifest.units.map((u) => u.unit));
  });

  it('gives each unit its own tasks (Bộ Y tế: STT 3 of section A, 76-78 of section B)', () => {
    const yte = unitOf(manifest, 'Bộ Y tế');
    expect(yte.file).toBe('bo-y-te.xlsx');
    expect(yte.tasks.map((t) => t.stt)).toEqual(['3', '76', '77', '78']);
    expect(yte.tasks[0].section).toMatch(/^A\. Nhiệm vụ chung/);
    expect(yte.tasks[1].deadline).toEqual({ text: 'Tháng 3/2025', due: '2025-03-31', kind: 'month' });
    expect(unitOf(manifest, 'Bộ Công an').tasks).toHaveLength(16);
    expect(unitOf(manifest, 'Bộ Công an').coordinating).toHaveLength(20);
    // Without --expand-groups, group tasks go to a file for the group itself.
    expect(unitOf(manifest, 'Các bộ, ngành, địa phương').tasks.map((t) => t.stt).slice(0, 3)).toEqual(['1', '2', '4']);
    expect(manifest.unassigned).toEqual([]);
  });

  it('gives every (task, unit) pair a distinct ID of the form NV-XXXXXXXXXX', () => {
    const ids = manifest.units.flatMap((u) => u.tasks.map((t) => t.id));
    expect(ids.length).toBe(126);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^NV-[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('is stable: the same master gives the same IDs and manifest', async () => {
    const again = await run(false);
    expect(again.manifest).toEqual(manifest);
  }, 120_000);

  it('the unit workbook reads back through the core with its IDs, the receiving unit as lead, and a Phối hợp sheet', async () => {
    const { grids, error } = await readXlsxFile(join(dir, 'bo-y-te.xlsx'));
    expect(error).toBeNull();
    expect(grids.map((g) => g.name)).toEqual(['Báo cáo', 'Hướng dẫn']);
    const read = readWorkbook(grids, { file: 'bo-y-te.xlsx' });
    expect(read.sheet).toBe('Báo cáo');
    expect(read.tasks.map((t) => t.taskId)).toEqual(unitOf(manifest, 'Bộ Y tế').tasks.map((t) => t.id));
    // STT 3 is shared by nine ministries: the copy sent to Bộ Y tế names Bộ Y tế.
    expect(read.tasks[0].leadUnits.map((u) => u.name)).toEqual(['Bộ Y tế']);
    expect(read.tasks[0].extra['Ghi chú'] ?? '').toMatch(/^Đồng chủ trì: Bộ Tài chính: 03 dịch vụ/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bo-cong-an.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Phối hợp', 'Hướng dẫn']);
    const coord = wb.getWorksheet('Phối hợp')!;
    expect((coord as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    let tasks = 0;
    let unlocked = 0;
    coord.eachRow((row, r) => {
      if (r > 6 && /^\d+$/.test(String(row.getCell(1).value ?? ''))) tasks++;
      row.eachCell((c) => { if (c.protection?.locked === false) unlocked++; });
    });
    expect(tasks).toBe(20);
    expect(unlocked).toBe(0);
    const own = wb.getWorksheet('Báo cáo')!;
    expect(own.getCell('A4').value).toBe('Đơn vị báo cáo: Bộ Công an');
    expect(own.getCell('A2').value).toBe('ĐƠN ĐỌC CÁC NHIỆM VỤ CỦA BỘ, NGÀNH, ĐỊA PHƯƠNG TRONG TRIỂN KHAI ĐỀ ÁN 06 NĂM 2025');
    expect(own.getCell('A3').value).toBe('(Kèm theo Chỉ thị số: 07 /CT-TTg ngày 14 tháng 3 năm 2025 của Thủ tướng Chính phủ)');
  });

  it('round trip: filled returns (re-ordered, edited text) aggregate by ID; missing returns are listed', async () => {
    const yte = unitOf(manifest, 'Bộ Y tế');
    const returns = await mkdtemp(join(tmpdir(), 'tiendo-tra-'));
    // Bộ Y tế fills its four tasks, moves the last task to the top and rewrites a task's wording.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bo-y-te.xlsx'));
    const ws = wb.getWorksheet('Báo cáo')!;
    const byId = new Map<string, number>();
    ws.eachRow((row, r) => { const id = row.getCell(9).value; if (typeof id === 'string') byId.set(id, r); });
    const fill = [['Đã hoàn thành', 'Đã ban hành Quyết định 100/QĐ-BYT'], ['Chưa hoàn thành', ''], ['Đang thực hiện', 'Đang thử nghiệm'], ['Đã hoàn thành quá hạn', 'Hoàn thành ngày 15/10/2025']];
    yte.tasks.forEach((t, i) => {
      const row = ws.getRow(byId.get(t.id)!);
      row.getCell(7).value = fill[i][0];
      row.getCell(6).value = fill[i][1];
    });
    // Swap the values of the rows of STT 76 and 78 (re-ordered rows) and edit STT 77's text.
    const r76 = ws.getRow(byId.get(yte.tasks[1].id)!);
    const r78 = ws.getRow(byId.get(yte.tasks[3].id)!);
    const v76 = (r76.values as ExcelJS.CellValue[]).slice();
    const v78 = (r78.values as ExcelJS.CellValue[]).slice();
    for (let c = 1; c <= 9; c++) { r76.getCell(c).value = v78[c] ?? null; r78.getCell(c).value = v76[c] ?? null; }
    ws.getRow(byId.get(yte.tasks[2].id)!).getCell(2).value = 'Triển khai thí điểm Hệ thống điều phối dữ liệu y tế (đã sửa lời văn)';
    await wb.xlsx.writeFile(join(returns, 'bo-y-te-tra-loi.xlsx'));

    const parsed = aggregateArgs([returns, '--as-of', '2025-11-15', '--out', join(returns, 'out'), '--sent', join(dir, 'danh-sach-giao.json'), '--quiet']);
    if (!parsed.ok) throw new Error(parsed.message);
    const { report } = await aggregate(parsed.args);
    const unit = report.units.find((u) => u.unit === 'Bộ Y tế')!;
    expect(unit.tasks).toBe(4);
    expect(unit.progress).toMatchObject({ done: 1, not_done: 1, in_progress: 1, done_late: 1, unreported: 0 });
    const returned = report.tasks.filter((t) => t.file.includes('bo-y-te-tra-loi'));
    expect(returned.map((t) => t.taskId).sort()).toEqual(yte.tasks.map((t) => t.id).sort());
    expect(returned.find((t) => t.taskId === yte.tasks[2].id)!.progressText).toBe('Đang thực hiện');
    expect(returned.find((t) => t.taskId === yte.tasks[3].id)!.progressText).toBe('Đã hoàn thành quá hạn');
    // Every other unit's tasks are listed as not returned.
    const notReturned = new Map((report.notReturned ?? []).map((x) => [x.unit, x.tasks]));
    expect(notReturned.has('Bộ Y tế')).toBe(false);
    expect(notReturned.get('Bộ Công an')).toBe(16);
    expect(notReturned.get('Các bộ, ngành, địa phương')).toBe(unitOf(manifest, 'Các bộ, ngành, địa phương').tasks.length);
    expect([...notReturned.values()].reduce((a, b) => a + b, 0)).toBe(126 - 4);
  }, 120_000);
});

describe('distribute --expand-groups', () => {
  it('sends group tasks to every member unit, each with its own ID', async () => {
    const plain = await run(false);
    const { dir, manifest } = await run(true);
    const files = await readdir(dir);
    expect(files).not.toContain('cac-bo-nganh-dia-phuong.xlsx');
    expect(files).toContain('thanh-pho-ha-noi.xlsx');
    // Hà Nội receives what each group it belongs to leads, plus anything led by it by name.
    const groups = plain.manifest.units.filter((u) => expandGroup(u.unit).includes('Thành phố Hà Nội'));
    expect(groups.map((g) => g.unit)).toContain('Các bộ, ngành, địa phương');
    const expected = groups.reduce((n, g) => n + g.tasks.length, 0) + (unitOf(plain.manifest, 'Thành phố Hà Nội')?.tasks.length ?? 0);
    const hn = unitOf(manifest, 'Thành phố Hà Nội');
    expect(hn.tasks.length).toBe(expected);
    expect(hn.tasks[0]).toMatchObject({ stt: '1', viaGroup: 'Các bộ, ngành, địa phương', leadText: 'Các Bộ, ngành, địa phương' });
    const ids = manifest.units.flatMap((u) => u.tasks.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(unitOf(plain.manifest, 'Các bộ, ngành, địa phương').tasks[0].id);
    // The copy sent to Hà Nội names Hà Nội as the lead unit.
    const { grids } = await readXlsxFile(join(dir, 'thanh-pho-ha-noi.xlsx'));
    const read = readWorkbook(grids, { file: 'thanh-pho-ha-noi.xlsx' });
    expect(read.tasks).toHaveLength(expected);
    expect(new Set(read.tasks.map((t) => t.leadUnits.map((u) => u.name).join('; ')))).toEqual(new Set(['Thành phố Hà Nội']));
  }, 180_000);
});

describe('distribute helpers', () => {
  it('IDs depend on key, occurrence and unit, and on nothing else', () => {
    const a = taskIdOf('A|xay dung ke hoach', 0, 'Bộ Y tế');
    expect(a).toBe(taskIdOf('A|xay dung ke hoach', 0, 'BỘ Y TẾ'));
    expect(a).not.toBe(taskIdOf('A|xay dung ke hoach', 1, 'Bộ Y tế'));
    expect(a).not.toBe(taskIdOf('A|xay dung ke hoach', 0, 'Bộ Công an'));
    expect(a).not.toBe(taskIdOf('B|xay dung ke hoach', 0, 'Bộ Y tế'));
    expect(occurrences(['a', 'b', 'a', 'a'])).toEqual([0, 0, 1, 2]);
  });

  it('file names are ASCII, readable and unique', () => {
    const taken = new Set<string>();
    expect(unitFileName('Bộ Công an', taken)).toBe('bo-cong-an.xlsx');
    expect(unitFileName('Ủy ban nhân dân Thành phố Hồ Chí Minh', taken)).toBe('uy-ban-nhan-dan-thanh-pho-ho-chi-minh.xlsx');
    expect(unitFileName('Bộ Công An', taken)).toBe('bo-cong-an-2.xlsx');
    expect(unitFileName('Đài Truyền hình Việt Nam', taken)).toBe('dai-truyen-hinh-viet-nam.xlsx');
  });

  it('parses the command line', () => {
    expect(parseArgs(['m.xlsx', '--out', 'giao', '--expand-groups', '--as-of', '2025-11-15'])).toEqual({
      ok: true, master: 'm.xlsx', opts: { out: 'giao', expandGroups: true, asOf: '2025-11-15' },
    });
    expect(parseArgs([])).toMatchObject({ ok: false, message: 'Thiếu tệp danh sách nhiệm vụ.' });
    expect(parseArgs(['m.xlsx', '--as-of', '15/11/2025'])).toMatchObject({ ok: false });
    expect(parseArgs(['m.xlsx', '--bogus'])).toMatchObject({ ok: false, message: 'Tùy chọn không hợp lệ: --bogus' });
  });
});
