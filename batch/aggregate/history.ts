/**
 * `aggregate … --ky YYYY-MM --lich-su DIR`: record the period's tasks in the history store and
 * compare it with the previous period (the "Biến động" and "Xếp hạng" sheets, bien-dong.json,
 * the change sentences). Without --ky and --lich-su nothing here runs.
 */
import { resolve } from 'node:path';
import { comparePeriods } from '../../history/compare';
import { DEFAULT_HISTORY_DIR, recordPeriod } from '../../history/store';
import { historyRows } from '../../report/history/rows';
import type { HistoryComparison } from '../../report/history/types';
import type { Report } from '../../report/report-types';
import type { AggregateArgs } from './args';

export interface HistoryOutcome {
  /** The period file written. */
  file: string;
  comparison: HistoryComparison;
}

/**
 * Record the report's tasks as period `--ky` (default: the as-of month) and compare it with the previous
 * stored period. Never throws: a store that cannot be written is reported, and the other outputs are still written.
 */
export async function recordHistory(report: Report, args: Pick<AggregateArgs, 'ky' | 'lichSu'>, cwd: string): Promise<HistoryOutcome | { error: string }> {
  const period = args.ky ?? report.asOf.slice(0, 7);
  const dir = resolve(cwd, args.lichSu ?? DEFAULT_HISTORY_DIR);
  try {
    const file = await recordPeriod(dir, period, historyRows(report.tasks, period, report.asOf));
    const comparison = await comparePeriods(dir, { period });
    return { file, comparison };
  } catch (e) {
    return { error: `kho lịch sử ${dir}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
