/**
 * "Chỉ các nhiệm vụ thuộc mục B": the report's numbers, sentences and overdue list for the tasks of section B
 * ("B. Nhiệm vụ cụ thể của các bộ, ngành") only, and optionally those tasks as a spreadsheet. (TypeScript)
 *
 *   npx tsx docs/scripts/section-b.ts [tệp-hoặc-thư-mục...] [--as-of 2025-11-15] [--section B] [--csv muc-b.csv] [--json]
 *
 * The same functions as `aggregate` (summarize → totals, units and sentences; overdueList), given a filtered table.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readReturns, summarize, overdueList, writeTasks, formatCount, op } from 'tiendo';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'as-of': { type: 'string', default: '2025-11-15' },
    section: { type: 'string', default: 'B' },
    csv: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const asOf = values['as-of'];
const inputs = positionals.length ? positionals : [fileURLToPath(new URL('../../samples/bao-cao', import.meta.url))];

const { tasks, inputs: files } = await readReturns(inputs, { asOf });

// A section title starts with its label: "B. Nhiệm vụ…", "B) …", "B - …" (any case).
const label = values.section.toUpperCase();
const re = new RegExp(`^\\s*${label.replace(/[^\p{L}\p{N}]/gu, '')}\\s*[.):\\-–]`, 'iu');
const inSection = tasks.params({ re })
  .filter((d: { section: string | null }, $: { re: RegExp }) => d.section !== null && op.match(d.section, $.re, 0) !== null);

const part = summarize(inSection);
const late = overdueList(inSection);
if (values.csv) await writeTasks(inSection, values.csv);

if (values.json) {
  console.log(JSON.stringify({ asOf, section: label, totals: summarize(tasks).totals, sectionTotals: part.totals, units: part.units, sentences: part.sentences, overdue: late }, null, 2));
} else {
  console.log(`Đã đọc ${files.length} tệp; mục ${label}: ${formatCount(inSection.numRows())} nhiệm vụ.`);
  for (const s of part.sentences) console.log(s);
  if (late.length) console.log('Quá hạn:');
  for (const t of late) console.log(`  ${t.unit}: ${t.task} (hạn ${t.deadline}, quá ${t.daysLate} ngày; ${t.file}, dòng ${t.row})`);
  if (values.csv) console.log(`Đã ghi ${values.csv}.`);
}
