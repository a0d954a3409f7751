/**
 * Words around unit names that are not units: titles ("Bộ trưởng", "Chủ tịch"),
 * boilerplate ("Nhiệm vụ giao", trailing "chỉ đạo") and connectors ("và", "phối hợp với").
 * They are trimmed from the edges of the text between names, never from inside a name.
 */
import { foldKey } from '../text/normalize';
import { nameKeys, tokenize } from './keys';

const FILLERS: string[][] = [
  'Nhiệm vụ giao', 'Nhiệm vụ', 'Giao', 'Đề nghị', 'Yêu cầu',
  'Bộ trưởng', 'Thủ trưởng', 'Chủ nhiệm', 'Thống đốc', 'Tổng Giám đốc', 'Giám đốc', 'Chủ tịch', 'Đồng chí', 'Lãnh đạo',
  'chỉ đạo', 'chủ trì', 'phối hợp với', 'phối hợp', 'cùng với', 'cùng', 'với', 'và', 'hoặc', 'gồm',
].map(nameKeys);

/** A separator character trimmed from the edges of a leftover piece (never parentheses). */
const EDGE_CHAR = /^[\s,;:.\-–—/+&*•·]$/;
const isEdge = (c: string): boolean => EDGE_CHAR.test(c);

/** A piece that is only a list marker ("1", "2.", "a)", "IV"), left over from numbered cells. */
const LIST_MARKER = /^(?:\d{1,3}|[a-zđ]|[ivx]{1,4})[.)]?$/iu;

/** Length in tokens of the filler at keys[i…] (forward) or ending at keys[i] (backward), within keys[lo, hi); 0 if none. */
function fillerAt(keys: string[], i: number, backward: boolean, lo: number, hi: number): number {
  let best = 0;
  for (const f of FILLERS) {
    if (f.length <= best) continue;
    const from = backward ? i - f.length + 1 : i;
    if (from < lo || from + f.length > hi) continue;
    if (f.every((k, j) => keys[from + j] === k)) best = f.length;
  }
  return best;
}

/**
 * Trim separators and filler words from both ends of a piece of cell text:
 * "và các Ngân hàng (Vietinbank…);" → "các Ngân hàng (Vietinbank…)", "Nhiệm vụ giao Bộ trưởng" → "".
 * One tokenization, then a window over the tokens and the text: trimming a word at a time and tokenizing what was left
 * each time made a cell of 5,000 "và" take a second (and 32,000 characters, 40 s).
 */
export function trimFillers(piece: string): string {
  const toks = tokenize(piece);
  const keys = toks.map((t) => t.key);
  let lo = 0;
  let hi = toks.length;
  let start = 0;
  let end = piece.length;
  while (start < end && isEdge(piece[start])) start++;
  while (end > start && isEdge(piece[end - 1])) end--;
  while (lo < hi) {
    const lead = toks[lo].start === start ? fillerAt(keys, lo, false, lo, hi) : 0;
    if (lead > 0) {
      lo += lead;
      start = toks[lo - 1].end;
      while (start < end && isEdge(piece[start])) start++;
      continue;
    }
    const trail = toks[hi - 1].end === end ? fillerAt(keys, hi - 1, true, lo, hi) : 0;
    if (trail > 0) {
      hi -= trail;
      end = toks[hi].start;
      while (end > start && isEdge(piece[end - 1])) end--;
      continue;
    }
    const out = piece.slice(start, end);
    return LIST_MARKER.test(out) ? '' : out;
  }
  return '';
}

const LEAD_IN_WORD = '(?:bo|nganh|tinh|thanh pho|tp|dia phuong|don vi|co quan)';
const LEAD_IN = new RegExp(`^(?:gom )?(?:cac )?${LEAD_IN_WORD}(?: ${LEAD_IN_WORD})*(?: gom| sau)?$`);

/** A list heading before the names it introduces: "Các tỉnh:", "Các bộ, ngành gồm:". */
export function isLeadIn(piece: string): boolean {
  const t = piece.trim();
  return t.endsWith(':') && LEAD_IN.test(foldKey(t));
}
