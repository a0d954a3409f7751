/** The `distribute` manifest (danh-sach-giao.json) read from disk; parsing is report/sent.ts. */
import { readFile } from 'node:fs/promises';
import type { SentTask } from '../../report/types';
import { parseSent } from '../../report/sent';

export { parseSent } from '../../report/sent';

export async function loadSent(path: string): Promise<SentTask[]> {
  return parseSent(JSON.parse(await readFile(path, 'utf8')) as unknown);
}
