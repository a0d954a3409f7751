/**
 * The reader in the browser: xlsx/read-browser.ts bundled by esbuild for platform "browser" (no Node
 * built-ins may be reached), loaded into headless Chromium, reads the real sample workbooks to the same
 * grids and issues as the Node reader, and refuses the same broken files and decompression bombs with
 * the same codes. The fflate codec is also checked against node:zlib in Node on the hostile cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { bundleInPage, CHROMIUM, hasChromium, type BundleInPage } from '../support/browser-bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx as readBrowserCodec } from '../../xlsx/read-browser';
import { readXlsx as readNode, type XlsxRead } from '../../xlsx/read';
import { deflated, rawZip, sheetXml, xlsxPackage, zeroBomb } from './read-helpers';

const ROOT = resolve(import.meta.dirname, '../..');
if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

const SAMPLES = ['bao-cao', 'tep-loi'].flatMap((d) => readdirSync(join(ROOT, 'samples', d)).map((f) => join(ROOT, 'samples', d, f)));

const wbXml = '<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const rels = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** What a read gives, as JSON (Dates as ISO text), so reads from two realms compare exactly. */
function plain(r: XlsxRead): unknown {
  return JSON.parse(JSON.stringify(r));
}

async function hostileCases(): Promise<[string, Buffer][]> {
  const bomb = await zeroBomb(300); // 300 MiB of zeros from about 300 KB
  const valid = xlsxPackage({ sheets: [sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Tiến độ</t></is></c><c r="B1"><v>3</v></c></row>')] });
  return [
    ['bomb-honest.xlsx', rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 300 * 1048576 }])],
    ['bomb-lying.xlsx', rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 40_000 }])],
    ['bomb-zero.xlsx', rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 0 }])],
    ['not-deflate.xlsx', rawZip([deflated('xl/workbook.xml', wbXml), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 50 }])],
    ['truncated-part.xlsx', rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { ...deflated('xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50))), data: deflated('x', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50))).data.subarray(0, 20) }])],
    ['cut.xlsx', valid.subarray(0, valid.length - 30)],
    ['valid.xlsx', valid],
    ['utf16.xlsx', xlsxPackage({ sheets: [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Đã hoàn thành</t></is></c></row>').replace('UTF-8', 'UTF-16'), 'utf16le')]).toString('latin1')] })],
  ];
}

describe('the fflate codec reads as node:zlib does (in Node)', () => {
  it('gives the same grids, notes and refusals on every sample and hostile file', async () => {
    const cases: [string, Buffer][] = [...SAMPLES.map((f): [string, Buffer] => [f, readFileSync(f)]), ...await hostileCases()];
    for (const [file, bytes] of cases) {
      const node = readNode(bytes, { file });
      expect(plain(readBrowserCodec(bytes, { file })), file).toEqual(plain(node));
    }
    const bombs = cases.filter(([f]) => f.startsWith('bomb-')).map(([file, b]) => readBrowserCodec(b, { file }).error?.code);
    expect(bombs).toEqual(['FILE_TOO_LARGE', 'FILE_TOO_LARGE', 'FILE_TOO_LARGE']);
  }, 120_000);
});

describe.skipIf(!hasChromium)('the reader bundled for the browser, in headless Chromium', () => {
  let inPage: BundleInPage;
  let bundle: string;
  let inputs: string[];

  beforeAll(async () => {
    inPage = await bundleInPage('xlsx/read-browser.ts', 'tiendoReader');
    ({ bundle, inputs } = inPage);
  }, 120_000);

  afterAll(async () => {
    await inPage?.close();
  });

  async function readInPage(file: string, bytes: Buffer): Promise<unknown> {
    return (await inPage.read('readXlsx', file, bytes)) as unknown;
  }

  it('bundles with no Node built-in and no Buffer', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(inputs.filter((i) => builtins.has(i) || i.startsWith('node:'))).toEqual([]);
    expect(inputs.some((i) => i.includes('fflate'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('xlsx/reader/sheet-xml.ts'))).toBe(true);
    expect(bundle).not.toMatch(/\bBuffer\.|\brequire\(|\bprocess\./);
  });

  it('reads every sample workbook to the grids and issues the Node reader gives', async () => {
    let read = 0;
    for (const file of SAMPLES) {
      const bytes = readFileSync(file);
      const node = plain(readNode(bytes, { file }));
      const inPage = await readInPage(file, bytes);
      expect(inPage, file).toEqual(node);
      if (file.includes('/bao-cao/')) {
        expect((node as XlsxRead).error, file).toBeNull();
        read++;
        expect((node as XlsxRead).grids.flatMap((g) => g.rows).length, file).toBeGreaterThan(5);
      }
    }
    expect(read).toBe(8);
  }, 120_000);

  it('refuses bombs and broken zips in the page with the codes and messages of the CLI', async () => {
    const seen: Record<string, string | undefined> = {};
    for (const [file, bytes] of await hostileCases()) {
      const node = plain(readNode(bytes, { file }));
      const inPage = (await readInPage(file, bytes)) as XlsxRead;
      expect(inPage, file).toEqual(node);
      seen[file] = inPage.error?.code;
    }
    expect(seen).toMatchObject({ 'bomb-honest.xlsx': 'FILE_TOO_LARGE', 'bomb-lying.xlsx': 'FILE_TOO_LARGE', 'bomb-zero.xlsx': 'FILE_TOO_LARGE', 'not-deflate.xlsx': 'FILE_CORRUPT', 'valid.xlsx': undefined, 'utf16.xlsx': undefined });
    expect(seen['truncated-part.xlsx']).toMatch(/^FILE_(TRUNCATED|CORRUPT)$/);
  }, 120_000);
});
