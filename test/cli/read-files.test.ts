import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFiles, type FileRead } from '../../batch/read-files';
import { keyDigest, pack, readOne, unpack, type Packed } from '../../batch/read-one';
import { buildReturnB6 } from '../fixtures/samples';
import { classifyRead } from '../../core/table/read';
import { taskKey } from '../../core/taskkey';
import { fingerprintHash } from '../../report/duplicate-files';

let dir: string;
const good: string[] = [];
const bad: Record<string, string> = {};

async function appendix(path: string, unit: string, tasks: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Điền cột Tiến độ theo danh mục.';
  const ws = wb.addWorksheet('Phụ lục');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA ${unit.toUpperCase()}`;
  ws.addRow([]);
  ws.addRow(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ']);
  for (let i = 1; i <= tasks; i++) {
    const row = ws.addRow([i, `Nhiệm vụ số ${i} của ${unit}`, unit, new Date(Date.UTC(2025, i % 12, 15)), '', i % 2 ? 'Đã hoàn thành' : 'Đang thực hiện']);
    row.getCell(4).numFmt = 'dd/mm/yyyy';
  }
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiendo-readfiles-'));
  const units = ['Bộ Nội vụ', 'Bộ Tài chính', 'Bộ Y tế', 'Bộ Tư pháp', 'Bộ Xây dựng', 'Bộ Công Thương', 'Bộ Ngoại giao', 'Thanh tra Chính phủ', 'Ngân hàng Nhà nước Việt Nam', 'Bộ Công an'];
  for (const [i, unit] of units.entries()) {
    const p = join(dir, `don-vi-${i}.xlsx`);
    await appendix(p, unit, i + 1);
    good.push(p);
  }
  bad['FILE_EMPTY'] = join(dir, 'rong.xlsx');
  writeFileSync(bad['FILE_EMPTY'], '');
  bad['FILE_CSV'] = join(dir, 'bang.csv.xlsx'); // a CSV export renamed .xlsx: named as CSV by its content
  writeFileSync(bad['FILE_CSV'], 'STT,Tên nhiệm vụ\n1,Nhiệm vụ\n');
  bad['FILE_LEGACY_XLS'] = join(dir, 'cu.xls');
  writeFileSync(bad['FILE_LEGACY_XLS'], Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]));
  bad['FILE_NOT_FOUND'] = join(dir, 'khong-ton-tai.xlsx');
});

function check(results: FileRead[], paths: string[]): void {
  expect(results.map((r) => r.file)).toEqual(paths);
  for (const r of results) {
    const i = good.indexOf(r.file);
    if (i >= 0) {
      expect(r.error).toBeNull();
      expect(r.read?.sheet).toBe('Phụ lục');
      expect(r.read?.tasks.length).toBe(i + 1);
      expect(r.read?.tasks[0].task).toBe(`Nhiệm vụ số 1 của ${r.read?.tasks[0].leadUnitText}`);
      expect(r.read?.tasks[0].deadline.due).toBe('2025-02-15');
    } else {
      const code = Object.keys(bad).find((k) => bad[k] === r.file);
      expect(r.read).toBeNull();
      expect(r.error?.code).toBe(code);
      expect(r.error?.message).toContain(r.file.split('/').pop());
    }
  }
}

describe('readFiles', () => {
  it('reads a batch on a worker pool, in input order, with bad files as error entries', async () => {
    const paths = [bad['FILE_EMPTY'], ...good.slice(0, 5), bad['FILE_CSV'], ...good.slice(5), bad['FILE_LEGACY_XLS'], bad['FILE_NOT_FOUND']];
    const progress: [number, number][] = [];
    const fallbacks: Error[] = [];
    const results = await readFiles(paths, { concurrency: 2, inProcessBelow: 0, onProgress: (d, t) => progress.push([d, t]), onFallback: (e) => fallbacks.push(e) });
    expect(fallbacks).toEqual([]); // the workers really ran (TypeScript sources loaded through tsx)
    check(results, paths);
    expect(progress.length).toBe(paths.length);
    expect(progress.at(-1)).toEqual([paths.length, paths.length]);
    expect(progress.map(([d]) => d)).toEqual(paths.map((_, i) => i + 1));
  });

  it('reads a small batch in-process with the same results', async () => {
    const paths = [good[2], bad['FILE_LEGACY_XLS'], good[0]];
    check(await readFiles(paths), paths);
  });

  it('gives the same answer with one worker and with several', async () => {
    const paths = [...good, ...good];
    const a = await readFiles(paths, { concurrency: 1 });
    const fallbacks: Error[] = [];
    const b = await readFiles(paths, { concurrency: 3, inProcessBelow: 0, onFallback: (e) => fallbacks.push(e) });
    expect(fallbacks).toEqual([]);
    expect(b).toEqual(a);
    check(a, paths);
  });

  it('classifies at asOf in the workers exactly as in-process and as core classifyRead', async () => {
    const paths = [good[3], bad['FILE_CSV'], ...good.slice(0, 3)];
    const asOf = '2025-06-30';
    const inProcess = await readFiles(paths, { asOf, concurrency: 1 });
    const pooled = await readFiles(paths, { asOf, concurrency: 2, inProcessBelow: 0 });
    expect(pooled).toEqual(inProcess);
    const plain = await readFiles(paths, { concurrency: 1 });
    expect(pooled.map((r) => r.tasks?.length ?? null)).toEqual([4, null, 1, 2, 3]);
    for (const [i, r] of pooled.entries()) {
      if (!r.read) continue;
      expect(r.read.tasks).toBe(r.tasks);
      expect(r.tasks).toEqual(classifyRead(plain[i].read!, asOf));
      expect(r.keys).toEqual(r.tasks!.map((t) => keyDigest(taskKey(t))));
      // The duplicate-file hash the workers send is the one the main thread would compute from the tasks and keys it received.
      expect(r.hash).toBe(fingerprintHash({ tasks: r.tasks!, keys: r.keys }));
      expect({ ...r.read, tasks: [] }).toEqual({ ...plain[i].read, tasks: [] });
    }
    // Task 2 of Bộ Tài chính: due 15/03/2025, "Đang thực hiện" → overdue at 30/06/2025, 107 days late.
    const t = pooled[3].tasks![1];
    expect([t.leadUnit, t.deadline.due, t.overdue, t.daysLate, t.category]).toEqual(['Bộ Tài chính', '2025-03-15', true, 107, 'open_overdue']);
  });

  it('passes limits to every worker', async () => {
    const results = await readFiles(good, { concurrency: 2, inProcessBelow: 0, limits: { maxCells: 5 } });
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(good.map(() => 'FILE_TOO_LARGE'));
  });

  /** readFiles(good) on a pool of two, with these test hooks and settings in the environment for its workers. */
  async function poolWith(env: Record<string, string>): Promise<FileRead[]> {
    Object.assign(process.env, env);
    try {
      return await readFiles(good, { concurrency: 2, inProcessBelow: 0 });
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
  }

  it('turns a worker that dies on a file into an error entry for that file only', async () => {
    const results = await poolWith({ TIENDO_TEST_WORKER_CRASH: 'don-vi-3.xlsx' });
    expect(results.map((r) => r.file)).toEqual(good);
    expect(results[3].read).toBeNull();
    expect(results[3].error?.code).toBe('FILE_CORRUPT');
    expect(results[3].error?.message).toContain('don-vi-3.xlsx');
    expect(results.filter((r) => r.error).length).toBe(1);
    expect(results.map((r) => r.read?.tasks.length ?? 0)).toEqual([1, 2, 3, 0, 5, 6, 7, 8, 9, 10]);
  });

  it('stops a worker that does not answer, rejects the file it was reading (FILE_TOO_SLOW), and reads the rest', async () => {
    const results = await poolWith({ TIENDO_TEST_WORKER_HANG: 'don-vi-5.xlsx', TIENDO_READ_TIMEOUT_MS: '1500' });
    expect(results.map((r) => r.file)).toEqual(good);
    expect(results[5].read).toBeNull();
    expect(results[5].error?.code).toBe('FILE_TOO_SLOW');
    expect(results[5].error?.severity).toBe('error');
    expect(results[5].error?.message).toBe('Từ chối đọc tệp don-vi-5.xlsx: đọc tệp này mất quá lâu (hơn 1,5 giây) nên đã bị dừng; các tệp khác vẫn được đọc. Hãy mở tệp bằng Excel, xem các ô có nội dung rất dài hoặc lặp lại bất thường, lưu lại rồi gửi lại.');
    expect(results.map((r) => r.read?.tasks.length ?? 0)).toEqual([1, 2, 3, 4, 5, 0, 7, 8, 9, 10]);
  });

  it('returns an empty list for no input', async () => {
    expect(await readFiles([])).toEqual([]);
  });
});

describe('pack / unpack (what a worker posts)', () => {
  it('round-trips a FileRead through JSON exactly, key order included, and posts less', async () => {
    const r = await readOne(await buildReturnB6('pack-b6.xlsx'), undefined, '2025-11-01');
    expect(r.tasks?.length).toBe(6);
    // An issue with no file, one naming another sheet: left as they are.
    r.tasks![0].issues.push({ code: 'UNKNOWN_STATUS', severity: 'warning', message: 'không có tệp' });
    r.tasks![1].issues.push({ code: 'UNKNOWN_STATUS', severity: 'warning', message: 'trang khác', file: r.file, sheet: 'Khác', row: 3 });
    const before = JSON.stringify(r);
    const packed = JSON.stringify(pack(r));
    expect(JSON.stringify(r)).toBe(before); // pack does not touch its input
    const back = unpack(JSON.parse(packed) as Packed);
    expect(back).toEqual(r);
    expect(JSON.stringify(back)).toBe(before);
    expect(back.read!.tasks).toBe(back.tasks);
    expect(back.tasks![0].issues.at(-1)).not.toHaveProperty('file');
    expect(back.tasks![1].issues.at(-1)).toMatchObject({ file: r.file, sheet: 'Khác', row: 3 });
    // Each task repeats the file path at least twice in JSON (task, and its issues), the read once more.
    expect(packed.length).toBeLessThan(before.length - r.tasks!.length * r.file.length);
  });

  it('leaves rejected files and unclassified reads as they are', async () => {
    const rejected: FileRead = { file: 'x.xlsx', read: null, error: { code: 'FILE_EMPTY', severity: 'error', message: 'rỗng' } };
    expect(unpack(JSON.parse(JSON.stringify(pack(rejected))) as Packed)).toEqual(rejected);
  });
});
