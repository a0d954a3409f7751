/**
 * "Đơn vị nào chủ trì, phối hợp nhiều nhiệm vụ quá hạn nhất?"
 * Which units are named on the most overdue tasks, as lead unit (chủ trì) or co-unit (phối hợp)? (TypeScript)
 *
 *   npx tsx docs/scripts/overdue-by-unit-role.ts [tệp-hoặc-thư-mục...] [--as-of 2025-11-15] [--top 10] [--json]
 *
 * Overdue = not done and due before the as-of date (the `overdue` column, as in the report). A unit named twice
 * on one task counts once for it.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readReturns, summarize, formatCount, op, aq } from 'tiendo';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string', default: '2025-11-15' }, top: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } },
});
const asOf = values['as-of'];
const inputs = positionals.length ? positionals : [fileURLToPath(new URL('../../samples/bao-cao', import.meta.url))];

const { tasks, inputs: files } = await readReturns(inputs, { asOf });
const overdue = tasks.filter((d) => d.overdue).derive({ id: () => op.row_number() });

// One row per (overdue task, unit named in a column): unroll turns an array column into rows.
const named = (column: 'leadUnits' | 'coUnits', role: string): aq.ColumnTable => overdue
  .select('id', column)
  .unroll(column)
  .rename({ [column]: 'unit' })
  .filter((d) => d.unit !== '')
  .dedupe('id', 'unit')
  .derive({ role: aq.escape(() => role) });

interface Row { unit: string; lead: number; co: number; total: number }
const ranking = named('leadUnits', 'lead')
  .concat(named('coUnits', 'co'))
  .groupby('unit')
  .rollup({ lead: (d) => op.sum(d.role === 'lead' ? 1 : 0), co: (d) => op.sum(d.role === 'co' ? 1 : 0), total: op.distinct('id') })
  .objects() as unknown as Row[];
ranking.sort((a, b) => b.total - a.total || b.lead - a.lead || a.unit.localeCompare(b.unit, 'vi'));
const top = ranking.slice(0, Number(values.top));

const all = summarize(tasks).totals;
if (values.json) {
  console.log(JSON.stringify({ asOf, totals: all, overdueTasks: overdue.numRows(), units: top }, null, 2));
} else {
  console.log(`Đã đọc ${files.length} tệp, ${formatCount(all.tasks)} nhiệm vụ, ${formatCount(all.overdue)} quá hạn (tính đến ${asOf}).`);
  console.log('Đơn vị có tên trong nhiều nhiệm vụ quá hạn nhất (chủ trì / phối hợp):');
  for (const u of top) console.log(`  ${u.unit}: ${formatCount(u.total)} nhiệm vụ (chủ trì ${formatCount(u.lead)}, phối hợp ${formatCount(u.co)})`);
}
