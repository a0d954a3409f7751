/**
 * Decide whether a cell string is legacy-encoded Vietnamese, and which encoding.
 * Conservative by design: a false positive corrupts good data, a miss leaves
 * mojibake the user can still see and report.
 */
import { convertLegacy, type LegacyEncoding } from './convert';
import { isUtf8AsCp1252 } from './mojibake';
import { evidence, hasHighChar, isBeyondLegacy, type Evidence } from './evidence';
import { commonCount, MIN_VALID_RATIO, plausibleDecoding, readsAsVietnamese, relevantWords, syllableScore } from './score';

export { isBeyondLegacy } from './evidence';

/** Legacy encoding implied by a cell font name: .VnTime/.VnTimeH/.VnArial… → tcvn3, VNI-Times… → vni. */
function fontEncoding(font: string | undefined): LegacyEncoding | null {
  if (!font) return null;
  const f = font.trim();
  if (/^\.vn/i.test(f)) return 'tcvn3';
  if (/^vni[- _]/i.test(f)) return 'vni';
  return null;
}

/** TCVN3 'H' fonts (.VnTimeH, .VnArialH…) draw every code as a capital. */
export function isUpperFont(font: string | undefined): boolean {
  return fontEncoding(font) === 'tcvn3' && /h$/i.test(font!.trim());
}

/** VISCII is rare and its repertoire covers every Latin-1 symbol: ask for more evidence. */
function enoughEvidence(enc: LegacyEncoding, ev: Evidence, decoded: string): boolean {
  if (enc !== 'viscii') return ev.strong >= 1;
  return ev.strong >= 2 && relevantWords(decoded) >= 2;
}

const SINGLE_BYTE: LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];

/**
 * A legacy encoding that decodes text into Vietnamese, ignoring the "strong evidence"
 * requirement: for cells whose reading is ambiguous on their own (e.g. "Bé" = "Bộ" in TCVN3)
 * and that are converted only when their column or sheet is known to be legacy.
 */
export function plausibleEncodings(text: string): LegacyEncoding[] {
  if (!hasHighChar(text) || isBeyondLegacy(text)) return [];
  return SINGLE_BYTE.filter(
    (enc) => evidence(text, enc).explained && plausibleDecoding(convertLegacy(text, enc)),
  );
}

function bestByContent(text: string): LegacyEncoding | null {
  // Read as Unicode, is this bad Vietnamese ("trùc thuéc")? Then a good decoding is evidence too.
  const asIs = relevantWords(text) > 0 ? syllableScore(text) : 1;
  let best: LegacyEncoding | null = null;
  let bestRank = 0;
  for (const enc of SINGLE_BYTE) {
    const ev = evidence(text, enc);
    if (!ev.explained) continue;
    const decoded = convertLegacy(text, enc);
    const bonus = asIs < MIN_VALID_RATIO ? 1 : 0;
    if (!enoughEvidence(enc, { ...ev, strong: ev.strong + bonus }, decoded)) continue;
    const score = syllableScore(decoded);
    if (score < MIN_VALID_RATIO || !readsAsVietnamese(decoded, ev.strong)) continue;
    // Share of well-formed syllables first, then common words as a tie-break; VISCII is rare in
    // Vietnamese government files, so it must beat TCVN3 by more than one common word.
    const r = score * 1000 + commonCount(decoded) - (enc === 'viscii' ? 1.5 : 0);
    if (r > bestRank) {
      best = enc;
      bestRank = r;
    }
  }
  return best;
}

function fontSays(text: string, enc: LegacyEncoding): boolean {
  return convertLegacy(text, enc) !== text.normalize('NFC');
}

/**
 * The legacy encoding of text, or null for ASCII, valid Unicode, or anything uncertain.
 * A font hint (.VnTime… → TCVN3, VNI-… → VNI) is trusted: it is what Excel draws.
 *
 * @example detectEncoding('§· hoµn thµnh') // 'tcvn3'
 * @example detectEncoding('Chöa hoaøn thaønh') // 'vni'
 * @example detectEncoding('Viá»‡t Nam') // 'utf8_as_cp1252'
 * @example detectEncoding('Hồ Chí Minh') // null
 * @example detectEncoding('café') // null
 */
export function detectEncoding(text: string, font?: string): LegacyEncoding | null {
  if (!hasHighChar(text) || isBeyondLegacy(text)) return null;
  if (isUtf8AsCp1252(text)) return 'utf8_as_cp1252';
  const hinted = fontEncoding(font);
  if (hinted && fontSays(text, hinted)) return hinted;
  return bestByContent(text);
}
