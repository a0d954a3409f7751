/**
 * Task pane UI: reads the settings, runs an action, renders its view. All sheet text is
 * rendered with textContent (never innerHTML), so a hostile cell cannot inject HTML.
 */
import { formatCount } from '../../core/format';
import { officeReady } from '../excel-adapter';
import { goTo, runCheck, runClassify, runSummary } from '../pane/actions';
import type { CheckView } from '../pane/check';
import { errorMessage, MESSAGES } from '../pane/messages';
import { DEFAULT_DUE_SOON_DAYS, todayIso, type PaneSettings } from '../pane/settings';

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
    asOf: $<HTMLInputElement>('as-of').value,
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

function render(view: CheckView): void {
  $('results').hidden = false;
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
      li.addEventListener('click', () => {
        if (i.cell) void act(`Đang chọn ô ${i.cell}…`, async () => {
          await goTo(i.sheet, i.cell!);
          return `Đã chọn ô ${i.cell}.`;
        }, true);
      });
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

async function act(working: string, job: () => Promise<string>, keepResults = false): Promise<void> {
  if (busy) return;
  busy = true;
  document.querySelectorAll('button').forEach((b) => (b.disabled = true));
  showError(null);
  setStatus(working);
  try {
    setStatus(await job());
  } catch (e) {
    setStatus('');
    showError(errorMessage(e));
    if (!keepResults) $('results').hidden = true; // never leave another sheet's results under an error
  } finally {
    busy = false;
    document.querySelectorAll('button').forEach((b) => (b.disabled = false));
    document.body.dataset.done = String(Number(document.body.dataset.done ?? 0) + 1);
  }
}

function wire(): void {
  $<HTMLInputElement>('as-of').value = todayIso();
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
      const r = await runClassify(settings());
      render(r.check);
      return `Đã phân loại ${formatCount(r.rows)} nhiệm vụ vào trang tính "${r.sheet}".`;
    }),
  );
  $('btn-summary').addEventListener('click', () =>
    void act('Đang tạo phụ lục tổng hợp…', async () => {
      const r = await runSummary(settings());
      render(r.check);
      return `Đã tạo trang tính "${r.sheet}" (${formatCount(r.units)} đơn vị).`;
    }),
  );
}

async function main(): Promise<void> {
  wire();
  try {
    if (!(await officeReady())) showError(MESSAGES.noExcel);
  } catch (e) {
    showError(errorMessage(e));
  }
  document.body.dataset.ready = '1';
}

void main();
