/**
 * Deadlines with an extension: "31/10/2025 (đã đề nghị lùi đến 30/11/2025)" keeps
 * 31/10/2025 (a request changes nothing until it is approved); "30/6/2025, đã được
 * Thủ tướng đồng ý gia hạn đến 31/12/2025" takes 31/12/2025. The words live in
 * reference/deadline_extensions.json (compiled into core/data/deadlineExtensions.ts).
 */
import words from '../data/deadlineExtensions';
import type { Deadline } from '../model';
import { fold } from './clean';
import { parseDeadlineText, type BeforeReading } from './text';
import { memo } from '../memo';
import { foldedLetters } from '../text/normalize';

const compile = (list: readonly string[], move = words.move): RegExp => new RegExp(list.map((s) => `(?:${s.replace(/MOVE/g, move)})`).join('|'));
const REQUESTED = compile(words.requested);
const APPROVED = compile(words.approved);
const REQUESTED_IN_TEXT = compile(words.requested, words.moveInText);
const APPROVED_IN_TEXT = compile(words.approved.filter((s) => s.includes('MOVE')), words.moveInText);
/** A cheap pre-check on the folded text. */
const MAYBE = /lui|gia han|dieu chinh|keo dai|hoan|chuyen|thoi han moi/;
const NEW_DATE = new RegExp(`(?:^|[^a-z])${words.newDateMarker} `, 'g');
/** A document citation "văn bản số 12/VPCP-KTTH ngày 15/10/2025": its date is not a deadline. */
const CITATION = /(?:so|van ban|cong van|quyet dinh|thong bao|to trinh)\s+[0-9][^\s,;)]*(?:\s+ngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})?|ngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\s+cua/g;

export interface DeadlineExtension {
  state: 'requested' | 'approved';
  /** The date before the extension (what the cell says the deadline was), or null. */
  originalDue: string | null;
  /** The date asked for or granted, or null when none could be read. */
  newDue: string | null;
}

/** The new date of the part after the extension words: after "đến / sang / tới …" when there is one, document citations skipped. */
function newDate(after: string, before: BeforeReading): Deadline | null {
  const cleaned = after.replace(CITATION, ' ');
  let last = -1;
  for (const m of cleaned.matchAll(NEW_DATE)) last = (m.index ?? 0) + m[0].length;
  const d = parseDeadlineText((last >= 0 ? cleaned.slice(last) : cleaned).trim(), before);
  return d.due ? d : null;
}

/**
 * Read a deadline text that mentions an extension; null when it mentions none.
 * The returned deadline is what counts: the original date for a request, the new date for an approval.
 */
export function readExtension(text: string, before: BeforeReading): { deadline: Deadline; extension: DeadlineExtension } | null {
  const key = fold(text);
  if (!MAYBE.test(key)) return null;
  const approved = APPROVED.exec(key);
  const requested = approved ? null : REQUESTED.exec(key);
  const m = approved ?? requested;
  if (!m) return null;
  const head = key.slice(0, m.index).replace(/[(\-–,;:\s]+$/, '');
  const original = head ? parseDeadlineText(head, before) : null;
  const fresh = newDate(key.slice(m.index + m[0].length), before);
  const extension: DeadlineExtension = {
    state: approved ? 'approved' : 'requested',
    originalDue: original?.due ?? null,
    newDue: fresh?.due ?? null,
  };
  if (approved && fresh) return { deadline: { text, due: fresh.due, kind: fresh.kind, extension }, extension };
  if (original?.due) return { deadline: { text, due: original.due, kind: original.kind, extension }, extension };
  return { deadline: { text, due: null, kind: 'unparsed', extension }, extension };
}

/**
 * An extension mentioned in another cell ("Ghi chú", "Kết quả thực hiện"): "Đã được Thủ tướng đồng ý gia hạn
 * đến 31/12/2025", "Bộ đã có văn bản đề nghị lùi thời hạn đến …". Null when the text mentions none.
 */
export function mentionedExtension(text: string): { state: 'requested' | 'approved'; newDue: string | null } | null {
  return (RAW_MAYBE.test(text) || text.includes('&#')) && mayMention(text) ? mentioned(text) : null;
}

/** mentionedExtension without its pre-checks: what they must never say no to (test/core/text/may-fold-to.test.ts). */
export function mentionedExtensionUnchecked(text: string): { state: 'requested' | 'approved'; newDue: string | null } | null {
  return mentioned(text);
}

function mayMention(text: string): boolean {
  const k = foldedLetters(text);
  return k === null || (MAY_MOVE_RE.test(k) && MAY_ASK_RE.test(k));
}

/**
 * Exact pre-checks on the raw text (core/text foldedLetters: never missing a word the folded text has), so most
 * result texts are not folded at all. A match of REQUESTED_IN_TEXT or
 * APPROVED_IN_TEXT needs a moveInText phrase, each of which holds one of MAY_MOVE's words ("lùi", "gia hạn", "kéo dài thời hạn",
 * "[điều] chỉnh / hoãn / chuyển" + "thời hạn / thời gian hoàn thành / tiến độ"), and either a
 * request word ("đề nghị", "kiến nghị", "xin", "đề xuất") or "được" (the one approved pattern with a move phrase).
 */
const MAY_MOVE = ['lui', 'gia han', 'keo dai thoi han',
  ...['chinh', 'hoan', 'chuyen'].flatMap((w) => ['thoi han', 'thoi gian hoan thanh', 'tien do'].map((x) => `${w} ${x}`))];
const MAY_ASK = ['nghi', 'xin', 'de xuat', 'duoc'];
const MAY_MOVE_RE = new RegExp(MAY_MOVE.join('|'));
const MAY_ASK_RE = new RegExp(MAY_ASK.join('|'));

/**
 * Cheap pre-check on the raw text (most result texts mention no extension): "gia hạn", "lùi", "điều chỉnh", "kéo dài",
 * "thời hạn", and "hoãn" or "chuyển" only before "thời …" or "tiến …" (moveInText's only phrases with them): a bare
 * "hoàn" or "chuyển" matched "hoàn thành" and "chuyển đổi số", so nearly every result text was folded for nothing.
 * Between two words may stand what cleanText turns into spaces or removes: any character that is not a letter or
 * digit, an HTML comment or tag (core/text/html.ts), an entity. Each position has exactly one way through SEP (a "<"
 * or "&" is a comment, tag or entity when it starts one, else itself), so a cell of "<><><>…" cannot make the
 * expression try every split (it did: 57 ms for 22 pairs, doubling with each). A text with a numeric character
 * reference ("h&#7841;n") is always let through (mentionedExtension).
 */
// Each alternative below matches in one way only (a comment ends at its first "-->"; a tag's "/" is either its
// attributes' or its own): with the one-way SEP, no text can make the expression try exponentially many splits.
const COMMENT_BODY = String.raw`!--(?:[^-]|-(?!->))*-->`;
const TAG_BODY = String.raw`\/?[a-zA-Z][a-zA-Z0-9:]*(?:\s[^<>]*|\/)?>`;
const ENTITY_BODY = String.raw`(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);`;
const SEP = String.raw`(?:[^\p{L}\p{N}<&]|<(?:${COMMENT_BODY}|${TAG_BODY})|<(?!${COMMENT_BODY}|${TAG_BODY})|&${ENTITY_BODY}|&(?!${ENTITY_BODY}))+`;
const THOI_OR_TIEN = String.raw`(?:th[oờớởỡợ]\p{M}*i|ti[eếềểễệ]\p{M}*n)`;
const RAW_MAYBE = new RegExp([
  String.raw`gia${SEP}h`, String.raw`l[uùúủũụ]\p{M}*i`, String.raw`[dđ]i[eềếểễệ]\p{M}*u${SEP}ch`, String.raw`k[eéèẻẽẹ]\p{M}*o${SEP}d`,
  String.raw`ho[aãàáảạ]\p{M}*n${SEP}${THOI_OR_TIEN}`, String.raw`chuy[eểềếễệ]\p{M}*n${SEP}${THOI_OR_TIEN}`, String.raw`th[oờớởỡợ]\p{M}*i${SEP}h`,
].join('|'), 'iu');

const mentioned = memo((text: string): { state: 'requested' | 'approved'; newDue: string | null } | null => {
  const before: BeforeReading = 'lenient';
  const key = fold(text);
  if (!MAYBE.test(key)) return null;
  const approved = APPROVED_IN_TEXT.exec(key);
  const requested = approved ? null : REQUESTED_IN_TEXT.exec(key);
  const m = approved ?? requested;
  if (!m) return null;
  return { state: approved ? 'approved' : 'requested', newDue: newDate(key.slice(m.index + m[0].length), before)?.due ?? null };
});
