/**
 * A tiny evaluator for the conditional-format formulas the add-in writes (cell refs like $K7,
 * strings, = <> <= >= < >, AND, OR, ISNUMBER, N), so tests can check which rows Excel would colour,
 * and render the sheet as HTML for a screenshot. Test-only.
 */
type Cell = string | number | boolean | null;

function colNumber(l: string): number {
  return [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Compiles a rule formula written for `firstRow` into a function of a sheet row (0-based cells, 1-based row). */
export function compileRule(formula: string, firstRow: number): (cells: Cell[][], row: number) => boolean {
  const strings: string[] = [];
  let src = formula.replace(/^=/, '').replace(/"((?:[^"]|"")*)"/g, (_, s: string) => `__s${strings.push(s.replace(/""/g, '"')) - 1}__`);
  src = src
    .replace(/\$?([A-Z]{1,3})(\$?)(\d+)/g, (_, l: string, abs: string, r: string) => `v(${colNumber(l) - 1},${abs ? `${Number(r) - 1}` : `row-1+${Number(r) - firstRow}`})`)
    .replace(/<>/g, '!==')
    .replace(/([^<>!=])=(?!=)/g, '$1===')
    .replace(/__s(\d+)__/g, (_, i: string) => JSON.stringify(strings[Number(i)]));
  const fn = new Function('v', 'row', 'AND', 'OR', 'ISNUMBER', 'N', `return (${src});`);
  const AND = (...xs: unknown[]) => xs.every(Boolean);
  const OR = (...xs: unknown[]) => xs.some(Boolean);
  const ISNUMBER = (x: unknown) => typeof x === 'number';
  const N = (x: unknown) => (typeof x === 'number' ? x : 0);
  return (cells, row) => {
    const v = (c: number, r: number) => {
      const x = cells[r]?.[c];
      return x === null || x === undefined ? '' : x;
    };
    return Boolean(fn(v, row, AND, OR, ISNUMBER, N));
  };
}

export interface CfRule {
  address: string;
  formula: string;
  fill: string;
}

/** Fill of the first matching rule for each 1-based row of the rules' range (rules share one address). */
export function rowFills(cells: Cell[][], rules: CfRule[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!rules.length) return out;
  const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(rules[0].address);
  if (!m) throw new Error('bad address ' + rules[0].address);
  const [top, bottom] = [Number(m[1]), Number(m[2])];
  const compiled = rules.map((r) => ({ test: compileRule(r.formula, top), fill: r.fill }));
  for (let row = top; row <= bottom; row++) {
    const hit = compiled.find((r) => r.test(cells, row));
    if (hit) out.set(row, hit.fill);
  }
  return out;
}

/** The sheet as an HTML table (row and column headers, fills from the rules), all text escaped. */
export function sheetHtml(name: string, cells: Cell[][], fills: Map<number, string>, fromCol: number, toCol: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const letter = (c: number) => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const head = ['<th></th>', ...Array.from({ length: toCol - fromCol + 1 }, (_, i) => `<th>${letter(fromCol + i)}</th>`)].join('');
  const body = cells
    .map((row, r) => {
      const fill = fills.get(r + 1);
      const tds = Array.from({ length: toCol - fromCol + 1 }, (_, i) => {
        const v = row?.[fromCol - 1 + i];
        return `<td>${v === null || v === undefined ? '' : esc(String(v))}</td>`;
      }).join('');
      return `<tr${fill ? ` style="background:${fill}"` : ''}><th>${r + 1}</th>${tds}</tr>`;
    })
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
    body{font:12px 'Times New Roman',serif;margin:8px} table{border-collapse:collapse}
    td,th{border:1px solid #bbb;padding:2px 4px;max-width:220px;vertical-align:top} th{background:#eee;font:11px sans-serif}
  </style><p style="font:13px sans-serif">Trang tính “${esc(name)}”</p><table><tr>${head}</tr>${body}</table>`;
}
