/** The shared-strings table: each distinct text stored once, cells refer to it by index. */
import { cellText } from './cells';
import { NS_MAIN, tElement, XML_HEAD } from './xml';

export interface SharedStrings {
  /** Index of a cell's text (cleaned with safeText). */
  index(s: string): number;
  /** sharedStrings.xml as text chunks. */
  chunks(): Generator<string>;
}

const RECENT = 16;

export function sharedStrings(): SharedStrings {
  const map = new Map<string, number>();
  const list: string[] = [];
  let count = 0;
  // Column values often repeat on consecutive rows (unit, file, status): remember the last few texts.
  const recent: string[] = new Array<string>(RECENT).fill('\u0000');
  const recentIndex: number[] = new Array<number>(RECENT).fill(0);
  let slot = 0;
  return {
    index(raw) {
      count++;
      for (let k = 0; k < RECENT; k++) if (recent[k] === raw) return recentIndex[k];
      const s = cellText(raw);
      let i = map.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        map.set(s, i);
      }
      recent[slot] = raw;
      recentIndex[slot] = i;
      slot = (slot + 1) % RECENT;
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
