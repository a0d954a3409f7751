/** The shared-strings table: each distinct text stored once, cells refer to it by index. */
import { MAX_CELL_CHARS, safeText } from './text';
import { NS_MAIN, tElement, XML_HEAD } from './xml';

// Text made only of these is already NFC and valid XML: ASCII, Latin-1, Latin Extended-A/B,
// Latin Extended Additional (precomposed Vietnamese), general punctuation (– — ' ' " " … ‰).
const PLAIN_TEXT = /^[\t\n\r\x20-\x7E\u00A0-\u02FF\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E]*$/;

/** safeText with a fast path for the common case (no normalisation or removal needed). */
export function storedText(s: string): string {
  // A literal `_xHHHH_` goes through safeText, which escapes it (`_x005F_`): Excel would decode it otherwise.
  return s.length <= MAX_CELL_CHARS && PLAIN_TEXT.test(s) && s.indexOf('_x') < 0 ? s : safeText(s);
}

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
      const s = storedText(raw);
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
