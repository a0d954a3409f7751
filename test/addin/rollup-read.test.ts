/**
 * The pane's reading of one return (addin/rollup/read-return.ts, what its Web Worker runs) against the CLI's
 * (batch/read-one.ts): for every hostile Word return, a Word return under a spreadsheet's name, a plain workbook and
 * a Word return, the same tasks (text, row, category) or the same coded rejection with the same message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReturn } from '../../addin/rollup/read-return';
import { readOne } from '../../batch/read-one';
import { WORD_CASES, wordReturn } from '../docx/hostile-cases';
import { tableSheet } from '../xlsx/hostile-cases';
import { xlsxPackage } from '../xlsx/read-helpers';

const AS_OF = '2025-11-15';
const dir = mkdtempSync(join(tmpdir(), 'tiendo-pane-read-'));

const files: [string, () => Buffer][] = [
  ...WORD_CASES.filter((c) => !c.large).map((c): [string, () => Buffer] => [`${c.name}.${c.ext}`, c.bytes]),
  ['bo-y-te.docx', () => wordReturn(8)],
  ['word-named-as-workbook.xlsx', () => wordReturn(4)],
  ['bo-tai-chinh.xlsx', () => xlsxPackage({ sheets: [tableSheet(6, { unit: 'Bộ Tài chính' })] })],
];

describe('the pane reads a return as the CLI does', () => {
  it.each(files)('%s', async (name, bytes) => {
    const path = join(dir, name);
    const b = bytes();
    writeFileSync(path, b);
    const cli = await readOne(path, undefined, AS_OF);
    // the pane knows the file by its name only (File.name), the CLI by its path: messages name the file the same way
    const pane = readReturn({ name, bytes: new Uint8Array(b), mtime: 0 }, AS_OF);
    expect(pane.error?.code ?? null).toBe(cli.error?.code ?? null);
    expect(pane.error?.message ?? null).toBe(cli.error?.message ?? null);
    const key = (t: { task: string; row: number; category: string; sheet: string }) => `${t.sheet}:${t.row}:${t.category}:${t.task}`;
    expect((pane.tasks ?? []).map(key)).toEqual((cli.tasks ?? []).map(key));
    if (!cli.error) expect(pane.tasks!.length).toBeGreaterThan(0);
  });
});
