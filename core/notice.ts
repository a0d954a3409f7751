/**
 * A conclusion notice written in prose ("Thông báo kết luận") → the tasks of its master appendix. Pure: paragraphs in,
 * tasks and issues out; the .docx is read by docx/read.ts and the master written by `tiendo trich-xuat`.
 *
 * The shape read: parts by block of agencies ("I- KHỐI CƠ QUAN ĐẢNG"), sections by unit ("2. Văn phòng Trung ương Đảng",
 * "c) Toà án nhân dân tối cao", "3. Bộ Khoa học và Công nghệ"), and under them numbered, lettered or bulleted items, each a
 * task. An item's leads are the units that open it ("Bộ Công an, Văn phòng Chính phủ khẩn trương …"), else the section's
 * unit (flagged); "chủ trì, phối hợp với X" makes X a co-unit. The deadline is a deadline phrase of the item ("Hoàn thành
 * trong tháng 10/2025", "trước ngày 15/10/2025", "chậm nhất trong ngày 05/10/2025", "trong năm 2025", "Nhiệm vụ thường
 * xuyên"), bold ones first, read by the same rules as returns; a document's date or "chương trình … năm 2025" is not one.
 * Every uncertain reading is an issue for a person: no deadline, two deadlines, an item that may hold two tasks, a lead
 * taken from the heading, a unit not recognised.
 *
 * @example
 *   const { tasks, issues } = extractNotice([{ text: '1. Bộ Công an chủ trì … Hoàn thành trong tháng 10/2025.', bold: ['Hoàn thành trong tháng 10/2025'] }]);
 */
import { parseDeadline } from './deadline';
import { issue, type Issue } from './issue';
import type { Deadline } from './model';
import { resolveUnits } from './units';

export interface NoticeParagraph {
  text: string;
  /** The bold runs' texts, in order (deadlines are usually bold at the end of an item). */
  bold?: string[];
  /** Word's automatic numbering level, when the number is not in the text. */
  level?: number | null;
}

export interface NoticeTask {
  stt: string;
  /** Part and section headings over the item ("IV. Khối cơ quan Chính phủ — 3. Bộ Khoa học và Công nghệ"). */
  section: string | null;
  task: string;
  leadUnits: string[];
  coUnits: string[];
  deadline: Deadline;
  /** 1-based paragraph where the item starts. */
  paragraph: number;
}

export interface NoticeResult {
  tasks: NoticeTask[];
  issues: Issue[];
}

const PART = /^(?<n>[IVXLC]+)\s*[-–.)]\s*(?<t>.+)$/;
const NUMBER = /^(?<n>\d{1,3})\s*[.)]\s+(?<t>.+)$/s;
const LETTER = /^(?<n>[a-zđ])\s*\)\s+(?<t>.+)$/s;
const BULLET = /^[-–+•*]\s+(?<t>.+)$/s;

/** Words that end the subject of an item ("Bộ Công an | chủ trì …"). */
const VERBS = ['chủ trì', 'phối hợp', 'khẩn trương', 'triển khai', 'chỉ đạo', 'chủ động', 'rà soát', 'thực hiện', 'tổ chức', 'xây dựng',
  'ban hành', 'hoàn thành', 'tập trung', 'sớm', 'nghiên cứu', 'tiếp tục', 'đẩy nhanh', 'đẩy mạnh', 'hoàn thiện', 'trình', 'báo cáo',
  'theo dõi', 'hướng dẫn', 'bảo đảm', 'đảm bảo', 'kiểm tra', 'căn cứ', 'theo', 'cập nhật', 'phối', 'làm', 'có', 'cần'];
const VERB_RE = new RegExp(`(?:^|[\\s,:;])(?:${VERBS.join('|')})(?=\\s|[,.:;]|$)`, 'i');

/** Deadline phrases, the words that make a date a deadline included. */
const DEADLINE_RE = new RegExp([
  '(?:(?:bảo đảm |đảm bảo )?hoàn thành\\s+)?(?:ngay\\s+)?(?:chậm nhất\\s+)?(?:trong|trước)\\s+(?:ngày\\s+)?\\d{1,2}\\/\\d{1,2}\\/\\d{4}',
  '(?:(?:bảo đảm |đảm bảo )?hoàn thành\\s+)?(?:ngay\\s+)?(?:chậm nhất\\s+)?trong\\s+tháng\\s+\\d{1,2}\\/\\d{4}',
  '(?:(?:bảo đảm |đảm bảo )?hoàn thành\\s+)?(?:chậm nhất\\s+)?trong\\s+(?:quý\\s+[IV1-4]+|năm)\\s*\\/?\\s*\\d{4}',
  'hoàn thành\\s+(?:trước\\s+)?(?:ngày\\s+)?\\d{1,2}\\/\\d{1,2}\\/\\d{4}',
  '(?:nhiệm vụ\\s+|thực hiện\\s+)?thường xuyên',
].join('|'), 'gi');

const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const stripPunct = (s: string) => s.replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');

/** Words an organisation's name starts with: an unknown name that starts so is still taken as a lead (and flagged). */
const ORG = /^(các\s+)?(bộ|ban|đảng (ủy|uỷ)|ủy ban|uỷ ban|ubnd|văn phòng|tòa|toà|viện|ngân hàng|kiểm toán|tổng cục|cục|sở|công an|hội đồng|mặt trận|đoàn|tập đoàn|tổng công ty|đài|thông tấn|học viện|đại học)(?=\s|[,.:;]|$)/i;

/** "Các bộ, cơ quan: Công an, Tư pháp, Văn phòng Chính phủ" → the listed units ("Bộ Công an", …). */
function listedUnits(t: string): string[] | null {
  const m = /^các\s+(bộ|bộ,? (?:cơ quan|ngành)|cơ quan)[^:]*:\s*(.+)$/i.exec(t);
  if (!m) return null;
  const out: string[] = [];
  for (const part of m[2].split(/,\s*/)) {
    const own = resolveUnits(part).units;
    const asMinistry = resolveUnits(`Bộ ${part}`).units;
    const pick = own.length === 1 && own[0].known ? own : asMinistry.length === 1 && asMinistry[0].known ? asMinistry : null;
    if (!pick) return null;
    out.push(pick[0].name);
  }
  return out.length ? out : null;
}

/** Units named by `text` (all of it a unit list): known ones, or a name that reads as an organisation; else null. */
function unitsIn(text: string, unknown: string[] = []): string[] | null {
  const t = stripPunct(text.replace(/^(các đồng chí|đồng chí|giao|đề nghị|yêu cầu)\s+/i, ''));
  if (!t || t.length > 160) return null;
  const listed = listedUnits(t);
  if (listed) return listed;
  const r = resolveUnits(t);
  if (!r.units.length) return null;
  if (r.units.every((u) => u.known)) return r.units.map((u) => u.name);
  if (ORG.test(t) && !VERB_RE.test(t) && t.split(/\s+/).length <= 14) {
    for (const u of r.units) if (!u.known) unknown.push(u.name);
    return r.units.map((u) => u.name);
  }
  return null;
}

/** A heading naming a unit or group ("2. Văn phòng Trung ương Đảng", "c) Toà án nhân dân tối cao"): its units, else null. */
function headingUnits(rest: string): string[] | null {
  const t = clean(rest);
  if (t.length > 100 || /[.;]$/.test(t) && t.split(' ').length > 12) return null;
  return unitsIn(t.replace(/[.:]$/, ''));
}

/** The leads an item opens with ("Bộ Công an, Văn phòng Chính phủ khẩn trương …"); unknown names go to `unknown`. */
function openingLeads(text: string, unknown: string[] = []): string[] | null {
  const colon = /^([^:]{3,120}):\s/.exec(text);
  if (colon && !listedUnits(text.slice(0, 200).split(/\s(?:chủ trì|khẩn trương|triển khai)(?=\s|[,.;:]|$)/)[0])) {
    const u = unitsIn(colon[1], unknown);
    if (u) return u;
  }
  const m = VERB_RE.exec(text);
  if (!m || m.index === 0) return null;
  return unitsIn(text.slice(0, m.index), unknown);
}

/** A part heading that names whom it is for ("… CỦA CÁC BỘ, CƠ QUAN TRUNG ƯƠNG VÀ ĐỊA PHƯƠNG", "KHỐI CƠ QUAN CHÍNH PHỦ"). */
function partUnits(title: string): string[] | null {
  const m = /(?:^|\s)của\s+(.+)$/i.exec(title);
  if (!m) return null;
  const t = m[1].toLowerCase().replace(/^các bộ, cơ quan trung ương và địa phương$/, 'các bộ, ngành, địa phương');
  const r = resolveUnits(t);
  return r.units.length && r.units.every((u) => u.known) ? r.units.map((u) => u.name) : null;
}

/** "chủ trì, phối hợp với X …" → X's known units. */
function coUnitsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/phối hợp (?:chặt chẽ )?(?:với )?(.{3,160}?)(?=\s(?:và các|các cơ quan liên quan|tập trung|khẩn trương|triển khai|rà soát|xây dựng|hoàn thành|tổ chức|ban hành|báo cáo|nghiên cứu|để|trong|thực hiện|tăng cường|sớm)(?=\s|[,.;:]|$)|[.;:(]|$)/gi)) {
    const r = resolveUnits(stripPunct(m[1]));
    for (const u of r.units) if (u.known && !out.includes(u.name)) out.push(u.name);
  }
  return out;
}

/** Deadline phrases of an item, bold ones first. */
function deadlinesOf(text: string, bold: string[]): { phrase: string; deadline: Deadline; bold: boolean }[] {
  const boldText = bold.join(' ');
  const found: { phrase: string; deadline: Deadline; bold: boolean; at: number }[] = [];
  for (const m of text.matchAll(DEADLINE_RE)) {
    const phrase = clean(m[0]);
    const d = parseDeadline(phrase);
    if (d.kind === 'unparsed' || d.kind === 'none') continue;
    // "… trong năm 2025 của Quốc hội": a programme's year, not a deadline ("chương trình lập pháp năm 2025" has no "trong").
    if (/^trong năm/i.test(phrase) && /^\s*(của|theo)(?=\s)/i.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    found.push({ phrase, deadline: { ...d, text: phrase }, bold: boldText.includes(phrase.split(' ').slice(-1)[0]), at: m.index ?? 0 });
  }
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const k = `${f.deadline.kind}:${f.deadline.due}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [...unique.filter((f) => f.bold), ...unique.filter((f) => !f.bold)];
}

interface Heading { label: string; title: string; units: string[] | null }

/** Reads the notice's paragraphs into tasks. */
export function extractNotice(paragraphs: NoticeParagraph[], opts: { file?: string } = {}): NoticeResult {
  const tasks: NoticeTask[] = [];
  const issues: Issue[] = [];
  let part: Heading | null = null;
  let section: Heading | null = null;
  let sub: Heading | null = null;
  let context: string[] | null = null; // leads from an introducing sentence ("Đảng uỷ … chỉ đạo …, trong đó lưu ý:")
  let autoNumber = 0;
  const at = (p: number, cell?: string) => ({ file: opts.file, sheet: 'Văn bản', row: p, ...(cell ? { cell } : {}) });

  // Join a paragraph that continues the one before it (a page break in the middle of a sentence).
  const paras: (NoticeParagraph & { n: number })[] = [];
  paragraphs.forEach((p, i) => {
    const text = clean(p.text);
    if (!text) return;
    const prev = paras[paras.length - 1];
    if (prev && (isLower(text[0]) || /^\d/.test(text)) && !NUMBER.test(text) && !LETTER.test(text) && !PART.test(text) && !/[.:;!?]$/.test(prev.text)) {
      prev.text = `${prev.text} ${text}`;
      prev.bold = [...(prev.bold ?? []), ...(p.bold ?? [])];
      return;
    }
    paras.push({ ...p, text, n: i + 1 });
  });

  const sectionLabel = () => [part ? `${part.label}. ${part.title}` : null, section ? `${section.label}. ${section.title}` : null, sub ? `${sub.label}) ${sub.title}` : null]
    .filter(Boolean).join(' — ') || null;

  for (const p of paras) {
    const text = p.text;
    const partM = PART.exec(text);
    if (partM && text.length < 160 && !/[.;]$/.test(text)) {
      part = { label: partM.groups!.n, title: clean(partM.groups!.t), units: partUnits(clean(partM.groups!.t)) };
      section = sub = null;
      context = null;
      continue;
    }
    if (!part && !tasks.length && !NUMBER.test(text)) continue; // the notice's opening: not tasks

    let label: string | null = null;
    let rest = text;
    let level: 'number' | 'letter' | 'bullet' | null = null;
    const num = NUMBER.exec(text);
    const let_ = LETTER.exec(text);
    const bul = BULLET.exec(text);
    if (num) { label = num.groups!.n; rest = num.groups!.t; level = 'number'; }
    else if (let_) { label = let_.groups!.n; rest = let_.groups!.t; level = 'letter'; }
    else if (bul) { rest = bul.groups!.t; level = 'bullet'; }
    else if (p.level !== null && p.level !== undefined) { label = String(++autoNumber); level = 'number'; }

    if (!level) {
      // A sentence introducing the items below it: its opening units lead them.
      if (/:$/.test(text)) context = openingLeads(text) ?? context;
      else if (/:$/.test(text) === false && section === null) context = null;
      continue;
    }
    const unitsHeading = level !== 'bullet' ? headingUnits(rest) : null;
    if (unitsHeading) {
      if (level === 'number') { section = { label: label!, title: clean(rest).replace(/[.:]$/, ''), units: unitsHeading }; sub = null; }
      else { sub = { label: label!, title: clean(rest).replace(/[.:]$/, ''), units: unitsHeading }; }
      context = null;
      continue;
    }
    // An item that is not a heading is a task.
    if (level === 'number') { section = null; sub = null; }
    const unknown: string[] = [];
    const own = openingLeads(rest, unknown);
    const heading = sub?.units ?? (level !== 'number' ? section?.units : null) ?? context ?? part?.units ?? null;
    const leads = own ?? heading ?? [];
    const stt = level === 'bullet' ? `${sub ? sub.label : section?.label ?? ''}.${tasks.filter((t) => t.section === sectionLabel()).length + 1}`.replace(/^\./, '')
      : level === 'letter' && section ? `${section.label}.${label}` : label!;
    const deadlines = deadlinesOf(rest, p.bold ?? []);
    const deadline: Deadline = deadlines[0]?.deadline ?? { text: '', due: null, kind: 'none' };
    const task: NoticeTask = { stt, section: sectionLabel(), task: clean(rest), leadUnits: leads, coUnits: coUnitsOf(rest).filter((u) => !leads.includes(u)), deadline, paragraph: p.n };
    tasks.push(task);
    const where = at(p.n);
    const name = `Mục ${stt} (đoạn ${p.n})`;
    for (const u of unknown) issues.push(issue('UNKNOWN_UNIT', `${name}: không nhận ra đơn vị "${u}" (giữ nguyên), cần kiểm tra.`, where));
    if (!leads.length) issues.push(issue('NO_LEAD_UNIT', `${name}: không xác định được đơn vị chủ trì; cần ghi đơn vị.`, where));
    else if (!own) issues.push(issue('LEAD_FROM_HEADING', `${name}: đơn vị chủ trì "${leads.join(', ')}" lấy từ đề mục phía trên, cần kiểm tra.`, { ...where, severity: 'info' }));
    if (!deadlines.length) issues.push(issue('NO_DEADLINE', `${name}: không tìm thấy thời hạn; cần ghi thời hạn.`, where));
    else if (deadlines.length > 1) {
      issues.push(issue('TWO_DEADLINES', `${name}: có ${deadlines.length} thời hạn (${deadlines.map((d) => `"${d.phrase}"`).join(', ')}); đã lấy "${deadlines[0].phrase}", cần kiểm tra hoặc tách nhiệm vụ.`, where));
    }
    if (/\((?:i|1)\)[\s\S]*\((?:ii|2)\)/.test(rest) || /(?:^|[.;]\s+)Đồng thời,/.test(rest)) {
      issues.push(issue('MAYBE_TWO_TASKS', `${name}: nội dung có thể gồm nhiều nhiệm vụ ("(i) … (ii) …" hoặc "Đồng thời, …"); cần kiểm tra và tách nếu cần.`, { ...where, severity: 'info' }));
    }
  }
  return { tasks, issues };
}
