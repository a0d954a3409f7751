/** The shared-strings table: each distinct text stored once, cells refer to it by index. */
import { cellText } from './cells';
import { NS_MAIN, tElement, XML_HEAD } from './xml';

export interface SharedStrings {
  /** Index of a cell's text (cleaned with safeText); `col` (0-based) lets a column's repeated text skip the map. */
  index(s: string, col?: number): number;
  /** sharedStrings.xml as text chunks. */
  chunks(): Generator<string>;
}

/** Columns with a last-text memo (wider sheets share the memo of column 0). */
const MEMO_COLUMNS = 64;

export function sharedStrings(): SharedStrings {
  const map = new Map<string, number>();
  const list: string[] = [];
  let count = 0;
  // Column values often repeat on consecutive rows (unit, file, status): remember each column's last text.
  const last: string[] = new Array<string>(MEMO_COLUMNS).fill('\u0000');
  const lastIndex: number[] = new Array<number>(MEMO_COLUMNS).fill(0);
  return {
    index(raw, col = 0) {
      count++;
      const slot = col < MEMO_COLUMNS ? col : 0;
      if (last[slot] === raw) return lastIndex[slot];
      const s = cellText(raw);
      let i = map.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        map.set(s, i);
      }
      last[slot] = raw;
      lastIndex[slot] = i;
      return i;
    },
    *chunks() {
      yield XML_HEAD + `<sst xmlns="${NS_MAIN}" count="${count}" uniqueCount="${list.length}">`;
      for (let i = 0; i < list.length; i += 2000) {
        const part: string[] = [];
        for (let j = i; j < Math.min(i + 2000, list.length); j++) part.push('<si>' + tElement(list[j]) + '</si>');
        yield part.join('');
      }
      yield '</sst>';
    },
  };
}
