/**
 * batch/stage.ts commitAll: the new report lands whole or not at all, across stages, even when a move fails half-way
 * (on Windows, a report open in Excel cannot be replaced), and a previous file is never deleted.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { lstat, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommitError, commitAll, stageDir, type CommitFs } from '../../batch/stage';
import { fsReason } from '../../batch/fs-reason';

/** Every file under `dir` (relative path → content), staging folders included. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** node:fs/promises, except that the n-th rename (1-based), or every rename matching `when`, fails with `code`. */
function failing(code: string, n: number | null, when: (from: string, to: string) => boolean = () => false): CommitFs {
  let calls = 0;
  return {
    lstat,
    async rename(from, to) {
      calls++;
      if (calls === n || when(from, to)) throw Object.assign(new Error(`${code}: resource busy or locked, rename '${from}' -> '${to}'`), { code });
      await rename(from, to);
    },
  };
}

/** A previous report (out/ with two files, and a JSON elsewhere) and new ones staged for both places. */
async function setUp(): Promise<{ root: string; stages: Awaited<ReturnType<typeof stageDir>>[]; before: Record<string, string> }> {
  const root = mkdtempSync(join(tmpdir(), 'tiendo-stage-'));
  mkdirSync(join(root, 'out'));
  mkdirSync(join(root, 'json'));
  writeFileSync(join(root, 'out/tong-hop.xlsx'), 'cũ xlsx');
  writeFileSync(join(root, 'out/tom-tat.txt'), 'cũ txt');
  writeFileSync(join(root, 'out/ghi-chu-cua-toi.txt'), 'của người dùng');
  writeFileSync(join(root, 'json/r.json'), 'cũ json');
  const before = files(root);
  const out = await stageDir(join(root, 'out'));
  const json = await stageDir(join(root, 'json'));
  writeFileSync(out.path('tong-hop.xlsx'), 'mới xlsx');
  writeFileSync(out.path('tom-tat.txt'), 'mới txt');
  writeFileSync(out.path('tong-hop.json'), 'mới, chưa có bản cũ');
  writeFileSync(json.path('r.json'), 'mới json');
  return { root, stages: [out, json], before };
}

describe('commitAll', () => {
  it('moves every stage into place, leaves the user\'s other files and no staging folder', async () => {
    const { root, stages } = await setUp();
    const moved = await commitAll(stages);
    expect(moved[0].map((f) => f.slice(root.length + 1)).sort()).toEqual(['out/tom-tat.txt', 'out/tong-hop.json', 'out/tong-hop.xlsx']);
    expect(files(root)).toEqual({
      'out/tong-hop.xlsx': 'mới xlsx', 'out/tom-tat.txt': 'mới txt', 'out/tong-hop.json': 'mới, chưa có bản cũ',
      'out/ghi-chu-cua-toi.txt': 'của người dùng', 'json/r.json': 'mới json',
    });
  });

  // Moves: 3 previous files aside (1–3), then the 4 new ones in (4–7); each failure point leaves the previous report,
  // without the new file that had none.
  for (const n of [1, 2, 3, 4, 5, 6, 7]) {
    it(`a move that fails (move ${n} of 7) puts everything back as it was`, async () => {
      const { root, stages, before } = await setUp();
      const err = await commitAll(stages, failing('EBUSY', n)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommitError);
      expect((err as CommitError).stranded).toEqual([]);
      for (const s of stages) await s.discard();
      expect(files(root)).toEqual(before);
    });
  }

  it('names the file that could not be replaced, and why, in Vietnamese', async () => {
    const { stages } = await setUp();
    const err = await commitAll(stages, failing('EBUSY', null, (from) => from.endsWith('tong-hop.xlsx'))).catch((e: unknown) => e) as CommitError;
    expect(err.path).toMatch(/out[\\/]tong-hop\.xlsx$/);
    expect(fsReason(err.cause)).toMatch(/^tệp đang mở trong một chương trình khác \(ví dụ Excel\): hãy đóng tệp rồi chạy lại \(EBUSY/);
    for (const s of stages) await s.discard();
  });

  it('keeps a previous file it cannot put back, says where, and never deletes it', async () => {
    const { root, stages } = await setUp();
    // The new JSON cannot go in (move 7), and the previous tom-tat.txt cannot come back (a rename back into out/).
    const fs = failing('EBUSY', 7, (from, to) => from.includes('.truoc') && to.endsWith('tom-tat.txt'));
    const err = await commitAll(stages, fs).catch((e: unknown) => e) as CommitError;
    expect(err.stranded).toHaveLength(1);
    expect(err.stranded[0].path).toMatch(/out[\\/]tom-tat\.txt$/);
    for (const s of stages) await s.discard();
    expect(readFileSync(err.stranded[0].keptAt, 'utf8')).toBe('cũ txt');
    const after = files(root);
    expect(after['out/tong-hop.xlsx']).toBe('cũ xlsx');
    expect(after['json/r.json']).toBe('cũ json');
  });

  it('leaves a folder of the user\'s that has an output\'s name alone', async () => {
    const { root, stages } = await setUp();
    mkdirSync(join(root, 'json/r.json.d'));
    const s = await stageDir(join(root, 'khac'));
    mkdirSync(join(root, 'khac/tong-hop.json'), { recursive: true });
    writeFileSync(join(root, 'khac/tong-hop.json/cua-toi.txt'), 'giữ');
    writeFileSync(s.path('tong-hop.json'), 'mới');
    const before = files(root);
    const err = await commitAll([...stages, s]).catch((e: unknown) => e) as CommitError;
    expect(err.path).toMatch(/khac[\\/]tong-hop\.json$/);
    expect(fsReason(err.cause)).toMatch(/^ở đó đang có một thư mục cùng tên/);
    for (const x of [...stages, s]) await x.discard();
    expect(files(root)).toEqual(Object.fromEntries(Object.entries(before).filter(([k]) => !k.includes('tiendo-tmp'))));
  });
});
