/** xlsx/zip/recipe.ts: rows described as literals and file ranges build the bytes they stand for, here and in the deflate pool. */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../xlsx/reader/limits';
import { findEntry, openZip, readEntry } from '../../xlsx/zip/read';
import { buildRecipe, recipeSink, RecipeBuilder } from '../../xlsx/zip/recipe';
import { zipFile } from '../../xlsx/zip/write';
import { deflatePool } from '../../xlsx/zip/deflate-pool';
import { fsReason } from '../../batch/fs-reason';
import { writeWorkbook } from '../../xlsx/write';
import type { RenderedCells, WorkbookSpec } from '../../report/layout/spec';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-recipe-'));
const fs = { openSync, readSync, closeSync };

/** A spool-like file of rendered rows, each with two ROW_MARKs, and where each row is. */
function spoolFile(name: string, rows: number): { path: string; pieces: [number, number, string][] } {
  const parts: Buffer[] = [];
  const pieces: [number, number, string][] = [];
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const text = `<c r="A\u0001" t="inlineStr"><is><t>Nhiệm vụ ${name}${i} “đã hoàn thành” ${'x'.repeat(i % 300)}</t></is></c><c r="B\u0001"/>`;
    const b = Buffer.from(text, 'utf8');
    parts.push(b);
    pieces.push([at, b.length, text]);
    at += b.length;
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return { path, pieces };
}

describe('recipes', () => {
  const a = spoolFile('a.bin', 3000);
  const b = spoolFile('b.bin', 2000);

  /** Rows taken in order from both files, then a few out of order (as "Quá hạn" reads them), with the expected text. */
  function describeRows(r: RecipeBuilder): string {
    let expected = '';
    let row = 6;
    const take = (f: { path: string; pieces: [number, number, string][] }, i: number): void => {
      const [offset, length, text] = f.pieces[i];
      const open = `<row r="${row}">`;
      r.literal(open);
      r.piece(f.path, offset, length, row);
      r.literal('</row>');
      expected += open + text.replaceAll('\u0001', String(row)) + '</row>';
      row += 997;
    };
    for (let i = 0; i < 2000; i++) {
      take(a, i);
      take(b, i);
    }
    for (const i of [2999, 5, 1500, 1501, 0, 2998]) take(a, i);
    r.literal('<tail/>');
    return expected + '<tail/>';
  }

  it('read what they need: large reads going on through a file, small ones after each jump', () => {
    let read = 0;
    let calls = 0;
    const counting = { openSync, closeSync, readSync(fd: number, buf: Uint8Array, off: number, len: number, pos: number): number {
      calls++;
      const n = readSync(fd, buf, off, len, pos);
      read += n;
      return n;
    } };
    const size = (f: { pieces: [number, number, string][] }): number => f.pieces.reduce((x, [, n]) => x + n, 0);
    // In order: every byte once, in few reads.
    let r = new RecipeBuilder();
    a.pieces.forEach(([offset, length], i) => r.piece(a.path, offset, length, i));
    buildRecipe(r.take(), counting, recipeSink());
    expect(read).toBeGreaterThanOrEqual(size(a));
    expect(read).toBeLessThan(size(a) + (1 << 20));
    expect(calls).toBeLessThan(12);
    // Unit by unit (as "Quá hạn" takes rows: a run of one file's rows, then another file's, back and forth): each jump
    // reads 16 KB and a run reads on from there, never a 1 MB read-ahead block per run (which read 7,3 GB for 90 MB of
    // such rows at 3,321 realistic communes).
    const rows = Array.from({ length: 20_000 }, (_, i) => Buffer.from(`<c r="A\u0001" t="inlineStr"><is><t>Nhiệm vụ ${i} ${'quá hạn '.repeat(150)}</t></is></c>`));
    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.concat(rows));
    const at: number[] = [];
    rows.reduce((x, b, i) => ((at[i] = x), x + b.length), 0);
    read = 0;
    r = new RecipeBuilder();
    let runs = 0;
    for (let g = 0; g < 300; g++, runs++) {
      const start = ((g * 7919) % 990) * 20; // 300 runs of 20 rows (about 24 KB), all over the file
      for (let i = start; i < start + 20; i++) r.piece(big, at[i], rows[i].length, i);
    }
    buildRecipe(r.take(), counting, recipeSink());
    expect(read).toBeLessThan(runs * 64 * 1024);
  });

  it('are written into a file at their places by the pool, whatever order the batches finish in (tong-hop.json)', async () => {
    const pool = deflatePool()!;
    const path = join(dir, 'ghi.json');
    writeFileSync(path, '[');
    let position = 1;
    let expected = '[';
    const jobs: Promise<number>[] = [];
    for (let k = 0; k < 6; k++) {
      const r = new RecipeBuilder();
      for (let i = k * 400; i < (k + 1) * 400; i++) {
        const [offset, length, text] = a.pieces[i];
        r.literal(i ? ',' : '');
        r.piece(a.path, offset, length, 0);
        expected += (i ? ',' : '') + text;
      }
      const recipe = r.take();
      jobs.push(pool.write([recipe], path, position));
      position += recipe.size;
    }
    const sizes = await Promise.all(jobs);
    expect(sizes.reduce((x, y) => x + y, 1)).toBe(position);
    // These test rows hold ROW_MARKs, written as the mark 0; the JSON writer's records never hold one.
    expect(readFileSync(path, 'utf8')).toBe(expected.replaceAll('\u0001', '0'));
  });

  it('a spool file gone mid-run fails the deflate with its system code, so the message says why in Vietnamese', async () => {
    const pool = deflatePool();
    expect(pool).not.toBeNull();
    const r = new RecipeBuilder();
    r.piece(join(dir, 'da-bi-xoa.bin'), 0, 10, 1);
    const err = await pool!.deflate([r.take()], 1).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ENOENT');
    expect(fsReason(err)).toMatch(/^một tệp hoặc thư mục tạm đã bị xoá trong khi chạy: hãy chạy lại \(/);
  });

  it('build the bytes they stand for: marks replaced by each row number, forward and out-of-order ranges', () => {
    const r = new RecipeBuilder();
    const expected = describeRows(r);
    const recipe = r.take();
    expect(recipe.files).toEqual([a.path, b.path]);
    const sink = recipeSink();
    buildRecipe(recipe, fs, sink);
    expect(Buffer.from(sink.buf.subarray(0, sink.pos)).toString('utf8')).toBe(expected);
    // The builder starts afresh after take().
    expect(r.size()).toBe(0);
  });

  it.each([true, false])('are built and deflated inside a zip part (on worker threads: %s): the part reads back whole, with its CRC', async (threads) => {
    const chunks = [];
    let expected = '';
    for (let k = 0; k < 4; k++) {
      const r = new RecipeBuilder();
      expected += describeRows(r);
      chunks.push(r.take(), `<sep n="${k}"/>`);
      expected += `<sep n="${k}"/>`;
    }
    const path = join(dir, `r-${threads}.zip`);
    const zip = await zipFile(path, { threads });
    await zip.add('x.xml', chunks);
    await zip.close();
    const buf = readFileSync(path);
    const z = openZip(buf, DEFAULT_LIMITS);
    const entry = findEntry(z, 'x.xml')!;
    const back = Buffer.from(readEntry(z, entry));
    expect(back.toString('utf8')).toBe(expected);
    expect(buf.readUInt32LE(entry.localOffset + 14)).toBe(crc32(back) >>> 0);
    expect(entry.size).toBe(Buffer.byteLength(expected));
  });
});

describe('rows rendered ahead, in the writer', () => {
  /** A sheet of 3.000 rows whose second cell comes rendered: as text only, or also as a file range. */
  function sheet(form: 'xml' | 'source', file: { path: string; pieces: [number, number, string][] }): WorkbookSpec {
    const rows = file.pieces.map(([offset, length, text], i) => {
      const rendered: RenderedCells = form === 'xml' ? { cellsXml: () => text } : { cellsXml: () => text, cellsSource: () => ({ path: file.path, offset, length }) };
      return { cells: [String(i + 1)], rendered };
    });
    return { sheets: [{ name: 'Chi tiết', columns: [{ header: 'STT', width: 6 }, { header: 'Nhiệm vụ', width: 40 }, { header: 'B', width: 5 }], rows, inlineStrings: true }] };
  }

  it('write the same sheet whether their cells come as text or as a spool range', async () => {
    const f = spoolFile('w.bin', 3000);
    const parts: string[] = [];
    for (const form of ['xml', 'source'] as const) {
      const path = join(dir, `w-${form}.xlsx`);
      await writeWorkbook(sheet(form, f), path);
      const z = openZip(readFileSync(path), DEFAULT_LIMITS);
      parts.push(Buffer.from(readEntry(z, findEntry(z, 'xl/worksheets/sheet1.xml')!)).toString('utf8'));
    }
    expect(parts[0]).toMatch(/<row r="3001"[^>]*><c r="A3001"[^>]*><is><t>3000<\/t>/);
    expect(parts[0]).toContain('Nhiệm vụ w.bin2999');
    expect(parts[0]).not.toContain('\u0001');
    expect(parts[1]).toBe(parts[0]);
  });
});
