/** The shared-strings table: each distinct text stored once, cells refer to it by index. */
import { NS_MAIN, tElement, XML_HEAD } from './xml';

export interface SharedStrings {
  /** Index of a (safeText-cleaned) string. */
  index(s: string): number;
  /** sharedStrings.xml as text chunks. */
  chunks(): Generator<string>;
}

export function sharedStrings(): SharedStrings {
  const map = new Map<string, number>();
  const list: string[] = [];
  let count = 0;
  return {
    index(s) {
      count++;
      let i = map.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        map.set(s, i);
      }
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
