/**
 * `npm run tiendo -- templates [--out DIR] [--title "…"] [--kem-theo "…"]`
 * Writes the blank report template DIR/mau-bao-cao.xlsx (default DIR: templates).
 * Exit 0 on success, 2 on a usage error.
 */
import { join } from 'node:path';
import { reportTemplateSpec } from '../../report/layout/report-template';
import { writeWorkbook } from '../../xlsx/write';

export const USAGE = 'Cách dùng: npm run tiendo -- templates [--out DIR] [--title "…"] [--kem-theo "…"]';
export const TEMPLATE_FILE = 'mau-bao-cao.xlsx';

/** A fixed creation date keeps the generated template stable between runs. */
export const TEMPLATE_DATE = new Date(Date.UTC(2025, 0, 1));

export async function run(argv: string[]): Promise<number> {
  const opts: { out: string; title?: string; attachedTo?: string } = { out: 'templates' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    }
    if ((a === '--out' || a === '--title' || a === '--kem-theo') && (v === undefined || v.startsWith('--'))) {
      console.error(`Thiếu giá trị cho ${a}\n${USAGE}`);
      return 2;
    }
    if (a === '--out') opts.out = v;
    else if (a === '--title') opts.title = v;
    else if (a === '--kem-theo') opts.attachedTo = v;
    else {
      console.error(`Tham số không hợp lệ: ${a}\n${USAGE}`);
      return 2;
    }
    i++;
  }
  const path = join(opts.out, TEMPLATE_FILE);
  await writeWorkbook({ ...reportTemplateSpec({ title: opts.title, attachedTo: opts.attachedTo }), created: TEMPLATE_DATE }, path);
  console.error(`Đã ghi mẫu báo cáo: ${path}`);
  return 0;
}
