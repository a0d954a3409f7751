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

/** Separator characters trimmed from the edges of a leftover piece (never parentheses). */
const EDGE = /^[\s,;:.\-–—/+&*•·]+|[\s,;:.\-–—/+&*•·]+$/g;

/** A piece that is only a list marker ("1", "2.", "a)", "IV"), left over from numbered cells. */
const LIST_MARKER = /^(?:\d{1,3}|[a-zđ]|[ivx]{1,4})[.)]?$/iu;

/** Length in tokens of the filler at tokens[i…] (forward) or ending at tokens[i] (backward), 0 if none. */
function fillerAt(keys: string[], i: number, backward: boolean): number {
  let best = 0;
  for (const f of FILLERS) {
    if (f.length <= best) continue;
    const from = backward ? i - f.length + 1 : i;
    if (from < 0 || from + f.length > keys.length) continue;
    if (f.every((k, j) => keys[from + j] === k)) best = f.length;
  }
  return best;
}

/**
 * Trim separators and filler words from both ends of a piece of cell text:
 * "và các Ngân hàng (Vietinbank…);" → "các Ngân hàng (Vietinbank…)", "Nhiệm vụ giao Bộ trưởng" → "".
 */
export function trimFillers(piece: string): string {
  let s = piece.replace(EDGE, '');
  for (;;) {
    const toks = tokenize(s);
    if (toks.length === 0) return '';
    const keys = toks.map((t) => t.key);
    const lead = toks[0].start === 0 ? fillerAt(keys, 0, false) : 0;
    if (lead > 0) {
      s = s.slice(toks[lead - 1].end).replace(EDGE, '');
      continue;
    }
    const lastTok = toks[toks.length - 1];
    const trail = lastTok.end === s.length ? fillerAt(keys, keys.length - 1, true) : 0;
    if (trail > 0) {
      s = s.slice(0, toks[toks.length - trail].start).replace(EDGE, '');
      continue;
    }
    return LIST_MARKER.test(s) ? '' : s;
  }
}

const LEAD_IN_WORD = '(?:bo|nganh|tinh|thanh pho|tp|dia phuong|don vi|co quan)';
const LEAD_IN = new RegExp(`^(?:gom )?(?:cac )?${LEAD_IN_WORD}(?: ${LEAD_IN_WORD})*(?: gom| sau)?$`);

/** A list heading before the names it introduces: "Các tỉnh:", "Các bộ, ngành gồm:". */
export function isLeadIn(piece: string): boolean {
  const t = piece.trim();
  return t.endsWith(':') && LEAD_IN.test(foldKey(t));
}
