/**
 * Units as people write them (issue 9, item 9), through the real CLI: two returns whose "Đơn vị chủ trì" cells spell
 * the same units differently (abbreviations, "và" for ",", with or without "UBND", "các", "trực thuộc TW"), read by
 * `inspect --json` and rolled up by `aggregate`: the same canonical units, the same counts. As of 2025-11-15.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../report/report-types';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import { cli } from '../support/cli';



const PROVINCES = 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương';
/** Task text, then the lead as written in return A and in return B, then the canonical lead(s) expected. */
const LEADS: [string, string, string, string[]][] = [
  ['Hoàn thiện cơ sở dữ liệu tín dụng', 'Ngân hàng NN', 'NHNN Việt Nam', ['Ngân hàng Nhà nước Việt Nam']],
  ['Triển khai chuyển đổi số cấp tỉnh', 'UBND các tỉnh, TP', 'Các tỉnh, thành phố', [PROVINCES]],
  ['Sắp xếp đơn vị hành chính cấp xã', 'UBND tỉnh, TP', 'Ủy ban nhân dân các tỉnh, TP trực thuộc TW', [PROVINCES]],
  ['Thí điểm đô thị thông minh', 'UBND 06 TP trực thuộc TW', '06 thành phố trực thuộc Trung ương', ['UBND 06 thành phố trực thuộc trung ương']],
  ['Trình Đề án phát triển khoa học', 'Bộ KH và CN', 'B KHCN', ['Bộ Khoa học và Công nghệ']],
  ['Ban hành Chỉ thị về chuyển đổi số', 'Thủ tướng Chính phủ', 'Thủ tướng CP', ['Thủ tướng Chính phủ']],
  ['Tuyên truyền Đề án 06', 'Các Bộ, ngành và UBND các tỉnh, TP', 'Các bộ, ngành, địa phương', ['Các bộ, ngành, địa phương']],
  ['Cấp căn cước cho người dân', 'UBND xã Tân Lập, tỉnh Phú Thọ', 'UBND xã Tân Lập, tỉnh Phú Thọ', ['UBND xã Tân Lập, tỉnh Phú Thọ']],
];

async function write(path: string, col: 1 | 2, status: string): Promise<void> {
  await writeAppendix(path, {
    title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'],
    header: ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
    rows: LEADS.map((l, i) => [String(i + 1), l[0], l[col], '30/09/2025', status]),
  });
}

describe('unit spellings through inspect --json and aggregate', () => {
  let dir: string;

  beforeAll(async () => {
    dir = fixturePath('unit-spellings');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await write(join(dir, 'cach-viet-a.xlsx'), 1, 'Đang thực hiện');
    await write(join(dir, 'cach-viet-b.xlsx'), 2, 'Chưa hoàn thành');
  }, 60_000);

  it('inspect --json: each spelling resolves to its canonical unit, one lead per cell', async () => {
    for (const [file, col] of [['cach-viet-a.xlsx', 1], ['cach-viet-b.xlsx', 2]] as const) {
      const r = await cli('inspect', join(dir, file), '--json', '--as-of', '2025-11-15');
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.out) as Report;
      expect(rep.tasks.map((t) => [LEADS[Number(t.stt) - 1][col], t.leadUnits])).toEqual(LEADS.map((l) => [l[col], l[3]]));
      // Every lead is recognised: the commune by its pattern (there is no commune registry, so it is not UNKNOWN_UNIT
      // on every row of a commune's return), the province as no second lead.
      expect(rep.tasks.flatMap((t) => t.issues.filter((i) => i.code === 'UNKNOWN_UNIT'))).toEqual([]);
      expect(rep.tasks.some((t) => t.leadUnits.includes('UBND xã Tân Lập, tỉnh Phú Thọ'))).toBe(true);
      expect(rep.totals).toMatchObject({ tasks: 8, overdue: 8 });
    }
  }, 60_000);

  it('aggregate: both spellings roll up under the same units', async () => {
    const json = fixturePath('unit-spellings.json');
    const r = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', fixturePath('unit-spellings-out'), '--json', json);
    expect(r.code).toBe(0);
    const rep = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const units = new Map(rep.units.map((u) => [u.unit, u.tasks]));
    const expected = [...new Set(LEADS.flatMap((l) => l[3]))];
    expect([...units.keys()].sort()).toEqual([...expected].sort());
    // A task with one unit's lead is the same task in both returns however the lead is spelt: merged (the newer
    // status wins, RESUBMISSION_CONFLICT). Group-led tasks: each return's report counts (the group-lead rule).
    const groups = new Set([PROVINCES, 'UBND 06 thành phố trực thuộc trung ương', 'Các bộ, ngành, địa phương']);
    for (const [, , , [unit]] of LEADS) {
      const tasks = LEADS.filter((l) => l[3][0] === unit).length;
      expect([unit, units.get(unit)]).toEqual([unit, groups.has(unit) ? 2 * tasks : tasks]);
    }
    expect(rep.issues.filter((i) => i.code === 'RESUBMISSION_CONFLICT')).toHaveLength(4);
    expect(rep.issues.filter((i) => i.code === 'DUPLICATE_FILE')).toEqual([]);
  }, 60_000);
});
