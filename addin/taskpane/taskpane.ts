/**
 * Task pane UI: reads the settings, runs an action, renders its view. All sheet text is
 * rendered with textContent (never innerHTML), so a hostile cell cannot inject HTML.
 */
import { formatCount } from '../../core/format';
import { officeLoaded, officeReady, officeTheme, supports } from '../excel-adapter';
import { goTo, runCheck, runClassify, runSummary, widenSelection, WidenError, type Widen } from '../pane/actions';
import type { CheckView } from '../pane/check';
import { errorMessage, MESSAGES, PaneError } from '../pane/messages';
import { todayInVietnam } from '../../core/dates';
import { dateFieldToIso, DEFAULT_DUE_SOON_DAYS, isoToField, type PaneSettings } from '../pane/settings';
import { PANE_MAX_ROWS, runRollup, workerReader, type ReadOne } from '../rollup/rollup';
import type { ReturnFile } from '../rollup/read-return';
import type { SentTask, SourceRead } from '../../report/types';
import { parseSent } from '../../report/sent';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function radio(name: string): string {
  return (document.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value ?? '';
}

function settings(): PaneSettings {
  const days = $<HTMLInputElement>('due-soon').value.trim();
  return {
    asOf: dateFieldToIso($<HTMLInputElement>('as-of').value),
    dueSoonDays: days === '' ? NaN : Number(days),
    scope: radio('scope') === 'selection' ? 'selection' : 'sheet',
    target: radio('target') === 'sheet' ? 'sheet' : 'beside',
  };
}

function setStatus(text: string): void {
  $('status').textContent = text;
}

function showError(text: string | null): void {
  const box = $('error');
  box.textContent = text ?? '';
  box.hidden = !text;
}

/** Office.js's questions, in the pane (window.confirm is blocked in add-ins). Resolves true for "Tiếp tục". */
function ask(question: string): Promise<boolean> {
  const box = $('ask');
  $('ask-text').textContent = question;
  box.hidden = false;
  const yes = $<HTMLButtonElement>('ask-yes');
  const no = $<HTMLButtonElement>('ask-no');
  yes.disabled = false;
  no.disabled = false;
  no.focus();
  return new Promise((done) => {
    const finish = (answer: boolean) => {
      box.hidden = true;
      yes.removeEventListener('click', onYes);
      no.removeEventListener('click', onNo);
      box.removeEventListener('keydown', onKey);
      done(answer);
    };
    const onYes = () => finish(true);
    const onNo = () => finish(false);
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') finish(false); };
    yes.addEventListener('click', onYes);
    no.addEventListener('click', onNo);
    box.addEventListener('keydown', onKey);
    document.body.dataset.asking = String(Number(document.body.dataset.asking ?? 0) + 1);
  });
}

let pendingWiden: Widen | null = null;

function offerWiden(w: Widen | null | undefined): void {
  pendingWiden = w ?? null;
  $('btn-widen').hidden = !pendingWiden;
}

function showNotes(notes: string[] | undefined): void {
  const list = $('notes');
  list.replaceChildren(...(notes ?? []).map((n) => el('li', n)));
  list.hidden = !notes?.length;
}

function render(view: CheckView & { widen?: Widen; notes?: string[] }): void {
  $('results').hidden = false;
  offerWiden(view.widen);
  showNotes(view.notes);
  $('summary-line').textContent = view.summary;
  $('sentences').replaceChildren(...view.sentences.slice(1).map((s) => el('li', s)));
  renderInferred(view);
  $('header-rows').textContent = view.headerRows.length
    ? `Trang tính "${view.sheet}", hàng tiêu đề ${view.headerRows.join(', ')}; ${formatCount(view.tasks)} nhiệm vụ.`
    : `Trang tính "${view.sheet}".`;
  const headers = $('headers').querySelector('tbody')!;
  headers.replaceChildren(
    ...view.headers.map((h) => {
      const tr = el('tr');
      tr.append(el('td', h.label), el('td', h.header), el('td', h.cell));
      return tr;
    }),
  );
  const counts = $('counts').querySelector('tbody')!;
  counts.replaceChildren(
    ...view.counts.map((c) => {
      const tr = el('tr', undefined, `k-${c.key}`);
      tr.dataset.key = c.key;
      tr.append(el('td', c.label), el('td', formatCount(c.count), 'num'));
      return tr;
    }),
  );
  $('issue-count').textContent = formatCount(view.issues.length);
  const list = $('issues');
  const shown = view.issues.slice(0, MAX_ISSUES);
  list.replaceChildren(
    ...shown.map((i) => {
      const li = el('li', undefined, `sev-${i.severity}`);
      li.dataset.code = i.code;
      if (i.cell) {
        li.dataset.cell = i.cell;
        li.title = `Chọn ô ${i.cell}`;
        li.append(el('span', i.cell, 'cell'));
      }
      li.append(el('span', i.message, 'msg'), el('span', i.code, 'code'));
      const open = () => {
        if (i.cell) void act(`Đang chọn ô ${i.cell}…`, async () => {
          await goTo(i.sheet, i.cell!);
          return `Đã chọn ô ${i.cell}.`;
        }, true);
      };
      li.addEventListener('click', open);
      if (i.cell) {
        // reachable and actionable by keyboard: Tab to it, Enter or Space selects the cell
        li.tabIndex = 0;
        li.setAttribute('role', 'button');
        li.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        });
      }
      return li;
    }),
  );
  if (view.issues.length > shown.length) {
    list.append(el('li', `… và ${formatCount(view.issues.length - shown.length)} vấn đề khác (bấm "Phân loại" để ghi kết quả vào bảng).`, 'more'));
  }
}

/** Tasks whose progress tiendo inferred: shown apart (dashed, italic, "≈"), each with its reason; click selects its cell. */
function renderInferred(view: CheckView): void {
  $('inferred-box').hidden = !view.inferred.length;
  $('inferred-count').textContent = formatCount(view.inferred.length);
  const shown = view.inferred.slice(0, MAX_ISSUES);
  $('inferred').replaceChildren(
    ...shown.map((t) => {
      const li = el('li', undefined, 'inferred');
      if (t.cell) {
        li.dataset.cell = t.cell;
        li.append(el('span', t.cell, 'cell'));
      }
      li.append(el('span', t.value, 'value'), el('span', ` · ${t.source}${t.stt ? ` · STT ${t.stt}` : ''}`, 'source'));
      if (t.reason) li.append(el('span', t.reason, 'reason'));
      li.addEventListener('click', () => {
        if (t.cell) void act(`Đang chọn ô ${t.cell}…`, async () => {
          await goTo(t.sheet, t.cell!);
          return `Đã chọn ô ${t.cell}.`;
        }, true);
      });
      return li;
    }),
  );
}

let busy = false;

/** Issues listed in the pane; the rest are counted (a 5,000-row sheet can have thousands). */
const MAX_ISSUES = 300;

const ACTION_BUTTONS = ['btn-check', 'btn-classify', 'btn-summary', 'btn-widen', 'btn-rollup'];
let ready = false;

function enableActions(on: boolean): void {
  for (const id of ACTION_BUTTONS) $<HTMLButtonElement>(id).disabled = !on;
}

async function act(working: string, job: () => Promise<string>, keepResults = false): Promise<void> {
  if (busy || !ready) return;
  busy = true;
  enableActions(false);
  showError(null);
  setStatus(working);
  try {
    setStatus(await job());
  } catch (e) {
    setStatus('');
    showError(errorMessage(e));
    offerWiden(e instanceof WidenError ? e.widen : null);
    if (!keepResults) $('results').hidden = true; // never leave another sheet's results under an error
  } finally {
    busy = false;
    enableActions(true);
    document.body.dataset.done = String(Number(document.body.dataset.done ?? 0) + 1);
  }
}

let rollupReader: ReadOne | null = null;
/** The last rollup's report, offered as tong-hop.json (the same JSON as `aggregate --json`). */
let rollupJson: string | null = null;

function downloadJson(): void {
  if (!rollupJson) return;
  const url = URL.createObjectURL(new Blob([rollupJson], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'tong-hop.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The rollup's reader: a Web Worker (Excel stays responsive), or in-process where workers are unavailable. */
async function reader(): Promise<ReadOne> {
  if (rollupReader) return rollupReader;
  try {
    rollupReader = workerReader(new Worker(new URL('../rollup/worker.ts', import.meta.url)));
  } catch {
    const { readReturn } = await import('../rollup/read-return');
    rollupReader = async (f, asOf) => readReturn(f, asOf);
  }
  return rollupReader;
}

/** Where the table was found: a sheet of a workbook, or a table ("Bảng 2") of a Word return. */
function where(file: string, sheet: string): string {
  return /\.(docx|docm|doc)$/i.test(file) ? ` (${sheet} của tài liệu Word)` : ` (trang tính "${sheet}")`;
}

function progressLine(s: SourceRead, i: number, total: number): HTMLElement {
  const name = s.file;
  const li = el('li', undefined, s.error ? 'sev-error' : '');
  li.dataset.file = name;
  li.dataset.code = s.error?.code ?? 'OK';
  const tasks = s.tasks?.length ?? s.read?.tasks.length ?? 0;
  li.textContent = s.error
    ? `${i + 1}/${total} ${name}: không đọc được (${s.error.code}).`
    : `${i + 1}/${total} ${name}: ${formatCount(tasks)} nhiệm vụ${s.read?.sheet ? where(name, s.read.sheet) : ''}.`;
  return li;
}

function rollupFiles(list: FileList | File[]): void {
  const picked = [...list];
  if (!picked.length) return;
  void act(`Đang đọc ${formatCount(picked.length)} tệp…`, async () => {
    const s = settings();
    if (!s.asOf) throw new PaneError(MESSAGES.badDate);
    $('results').hidden = true;
    $('rollup').hidden = false;
    $('rollup-line').textContent = '';
    $('rollup-sentences').replaceChildren();
    $('rollup-progress').replaceChildren();
    $('rollup-refused-box').hidden = true;
    $('btn-rollup-json').hidden = true;
    rollupJson = null;
    // A .json among the files is the list of tasks sent (danh-sach-giao.json of `tiendo distribute`).
    const lists = picked.filter((f) => /\.json$/i.test(f.name));
    let sent: SentTask[] | undefined;
    for (const f of lists) {
      try {
        sent = [...(sent ?? []), ...parseSent(JSON.parse(await f.text()) as unknown)];
      } catch {
        throw new PaneError(`Không đọc được danh sách giao ${f.name}: tệp không phải JSON hợp lệ (cần danh-sach-giao.json do lệnh "tiendo distribute" tạo).`);
      }
    }
    const returns = picked.filter((f) => !lists.includes(f));
    const files: ReturnFile[] = await Promise.all(returns.map(async (f) => ({ name: f.name, mtime: f.lastModified, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const r = await runRollup(files, s.asOf, await reader(), {
      ask,
      ...(sent ? { sent } : {}),
      onFile: (src, i, total) => {
        $('rollup-progress').append(progressLine(src, i, total));
        setStatus(`Đã đọc ${formatCount(i + 1)}/${formatCount(total)} tệp…`);
      },
    });
    $('rollup-line').textContent = r.report.sentences[0] ?? '';
    $('rollup-sentences').replaceChildren(...r.report.sentences.slice(1).map((x) => el('li', x)));
    $('rollup-refused-count').textContent = formatCount(r.refused.length);
    $('rollup-refused').replaceChildren(...r.refused.map((x) => {
      const li = el('li', undefined, 'sev-error');
      li.dataset.code = x.error!.code;
      li.append(el('span', x.error!.message, 'msg'), el('span', x.error!.code, 'code'));
      return li;
    }));
    $('rollup-refused-box').hidden = !r.refused.length;
    rollupJson = JSON.stringify(r.report, null, 2);
    $('btn-rollup-json').hidden = false;
    const read = files.length - r.refused.length;
    showNotes(r.capped.map((c) => `Trang tính "${c.sheet}" chỉ ghi ${formatCount(PANE_MAX_ROWS)} trên ${formatCount(c.rows)} dòng; dùng lệnh "tiendo aggregate" để có đủ.`));
    return `Đã tổng hợp ${formatCount(read)}/${formatCount(files.length)} tệp vào các trang tính ${r.sheets.map((n) => `"${n}"`).join(', ')}.`;
  });
}

function wire(): void {
  const input = $<HTMLInputElement>('rollup-files');
  $('btn-rollup').addEventListener('click', () => input.click());
  $('btn-rollup-json').addEventListener('click', downloadJson);
  input.addEventListener('change', () => {
    if (input.files) rollupFiles(input.files);
    input.value = '';
  });
  document.addEventListener('dragover', (e) => { if (ready && !busy) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer?.files.length) rollupFiles(e.dataTransfer.files);
  });
  $<HTMLInputElement>('as-of').value = isoToField(todayInVietnam(new Date()));
  $<HTMLInputElement>('due-soon').value = String(DEFAULT_DUE_SOON_DAYS);
  $('btn-check').addEventListener('click', () =>
    void act('Đang đọc trang tính…', async () => {
      const v = await runCheck(settings());
      render(v);
      return `Đã kiểm tra: ${formatCount(v.tasks)} nhiệm vụ, ${formatCount(v.issues.length)} vấn đề.`;
    }),
  );
  $('btn-classify').addEventListener('click', () =>
    void act('Đang phân loại…', async () => {
      const r = await runClassify(settings(), ask);
      render(r.check);
      return `Đã phân loại ${formatCount(r.rows)} nhiệm vụ vào trang tính "${r.sheet}".`;
    }),
  );
  $('btn-summary').addEventListener('click', () =>
    void act('Đang tạo phụ lục tổng hợp…', async () => {
      const r = await runSummary(settings(), ask);
      render(r.check);
      return `Đã tạo trang tính "${r.sheet}" (${formatCount(r.units)} đơn vị).`;
    }),
  );
  $('btn-widen').addEventListener('click', () =>
    void act('Đang chọn cả bảng…', async () => {
      const w = pendingWiden;
      if (!w) return '';
      await widenSelection(w);
      offerWiden(null);
      return `Đã chọn cả bảng ${w.address}. Bấm lại "Kiểm tra bảng" hoặc "Phân loại".`;
    }, true),
  );
}

/** The Office theme's colours when the host gives them (desktop Excel), so the pane matches Excel, dark included. */
function applyOfficeTheme(): void {
  const theme = officeTheme();
  if (!theme) return;
  const root = document.documentElement.style;
  root.setProperty('--bg', theme.bodyBackgroundColor);
  root.setProperty('--fg', theme.bodyForegroundColor);
  root.setProperty('--panel', theme.controlBackgroundColor);
  const dark = luminance(theme.bodyBackgroundColor) < 0.4;
  document.body.classList.toggle('theme-dark', dark);
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function main(): Promise<void> {
  wire();
  enableActions(false);
  try {
    if (!officeLoaded()) showError(MESSAGES.noOfficeJs);
    else if (!(await officeReady())) showError(MESSAGES.noExcel);
    else if (!supports(CORE_API)) showError(MESSAGES.tooOld);
    else {
      ready = true;
      applyOfficeTheme();
      enableActions(true);
    }
  } catch (e) {
    showError(errorMessage(e));
  }
  document.body.dataset.ready = '1';
}

/** What the core path needs (getRangeByIndexes, protection): ExcelApi 1.7, the manifest's requirement. */
const CORE_API = '1.7';

void main();

