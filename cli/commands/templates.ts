/**
 * `tiendo templates [--out DIR] [--title "…"] [--kem-theo "…"]`
 * Writes the blank report template DIR/mau-bao-cao.xlsx (default DIR: templates).
 * Exit 0 on success, 2 on a usage error.
 */
import { join } from 'node:path';
import { reportTemplateSpec } from '../../report/layout/report-template';
import { writeWorkbook } from '../../xlsx/write';
import { EXIT_USAGE, handleParsed, parseCommand, type CommandSpec } from '../../batch/options';
import { stageDir } from '../../batch/stage';
import { failureLines } from '../../batch/fs-reason';
import { version } from '../version';

export const TEMPLATE_FILE = 'mau-bao-cao.xlsx';

/** A fixed creation date keeps the generated template stable between runs. */
export const TEMPLATE_DATE = new Date(Date.UTC(2025, 0, 1));

export const TEMPLATES_COMMAND = {
  name: 'templates',
  summary: `Ghi mẫu phụ lục trống cho các đơn vị điền: DIR/${TEMPLATE_FILE}.`,
  args: '',
  min: 0,
  max: 0,
  exits: [[0, 'đã ghi mẫu'], [1, 'không ghi được tệp'], [2, 'sai cú pháp']],
  options: {
    out: { value: 'DIR', help: 'thư mục ghi mẫu', default: 'templates' },
    title: { value: '"…"', help: 'tiêu đề phụ lục' },
    'kem-theo': { value: '"…"', help: 'dòng "(Kèm theo …)" dưới tiêu đề' },
  },
} as const satisfies CommandSpec;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(TEMPLATES_COMMAND, argv);
  const early = handleParsed(TEMPLATES_COMMAND, parsed, version());
  if (early !== null || parsed.kind !== 'ok') return early ?? EXIT_USAGE;
  const { out, title, kemTheo } = parsed.values;
  const path = join(out, TEMPLATE_FILE);
  // Written aside and renamed into place: a failed write never leaves a broken template.
  const stage = await stageDir(out);
  try {
    const spec = reportTemplateSpec({ ...(title ? { title } : {}), ...(kemTheo ? { attachedTo: kemTheo } : {}) });
    await writeWorkbook({ ...spec, created: TEMPLATE_DATE }, stage.path(TEMPLATE_FILE));
    await stage.commit();
  } catch (e) {
    for (const line of failureLines(e, path)) console.error(`Không ghi được ${line}`);
    return 1;
  } finally {
    await stage.discard();
  }
  console.error(`Đã ghi mẫu báo cáo: ${path}`);
  return 0;
}
