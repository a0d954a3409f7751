#!/usr/bin/env node
/**
 * "Bao nhiêu nhiệm vụ có hạn trong Quý IV còn chưa hoàn thành, theo từng bộ, ngành, địa phương?"
 * How many tasks due in Q4 are still open, per lead unit? (plain JavaScript: run with `node`)
 *
 *   node docs/scripts/q4-open-by-unit.mjs [tệp-hoặc-thư-mục...] [--as-of 2025-11-15] [--year 2025] [--json]
 *
 * A task led by several units counts for each of them (as in the "Tổng hợp" sheet), once in the total.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readReturns, summarize, unitTable, formatCount, op } from 'tiendo';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string', default: '2025-11-15' }, year: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const asOf = values['as-of'];
const year = Number(values.year ?? asOf.slice(0, 4));
const inputs = positionals.length ? positionals : [fileURLToPath(new URL('../../samples/bao-cao', import.meta.url))];

const { tasks, inputs: files } = await readReturns(inputs, { asOf });

// The deadline column holds dates at 00:00 UTC: compare with UTC dates (or op.utcyear / op.utcquarter).
const q4 = tasks
  .params({ from: new Date(Date.UTC(year, 9, 1)), to: new Date(Date.UTC(year, 11, 31)) })
  .filter((d, $) => d.deadline !== null && d.deadline >= $.from && d.deadline <= $.to);
const open = q4.filter((d) => d.category === 'open_in_time' || d.category === 'open_overdue');

// unitTable: one row per (task, lead unit), the rows every CLI rollup counts.
const byUnit = unitTable(open)
  .groupby('unit')
  .rollup({ open: op.count(), overdue: op.sum('overdue') })
  .objects()
  .sort((a, b) => b.open - a.open || a.unit.localeCompare(b.unit, 'vi'));

const all = summarize(tasks).totals;
if (values.json) {
  console.log(JSON.stringify({ asOf, year, totals: all, dueInQ4: q4.numRows(), openInQ4: open.numRows(), byUnit }, null, 2));
} else {
  console.log(`Đã đọc ${files.length} tệp, ${formatCount(all.tasks)} nhiệm vụ (tính đến ${asOf}).`);
  console.log(`Có hạn trong Quý IV/${year}: ${formatCount(q4.numRows())} nhiệm vụ; còn chưa hoàn thành: ${formatCount(open.numRows())}.`);
  for (const u of byUnit) console.log(`  ${u.unit}: ${formatCount(u.open)} nhiệm vụ${u.overdue ? `, trong đó ${formatCount(u.overdue)} quá hạn` : ''}`);
}
