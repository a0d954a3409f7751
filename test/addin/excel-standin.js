/* global window */
/**
 * In-page stand-in for office.js, served by the end-to-end test in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It implements the subset of the
 * Excel API the add-in's adapter uses, with Office.js's batching rules: properties are readable
 * only after load() + sync(), queued operations run in order at sync, a request over 5 MB fails
 * like Excel on the web, and a string starting with = + - @ written to a cell not formatted "@"
 * is recorded as a formula (the test asserts none is). Backed by window.__TIENDO_SEED__:
 *   { active: "Phụ lục", sheets: [{ name, cells: [[…]], formats: [[…]], fonts: [[{name,bold}]], merges: [{top,left,bottom,right}] }] }
 * (0-based from A1). The test reads window.__excel.snapshot().
 *
 * What real Excel does that once broke the add-in, modelled here (each has a test that fails without the fix):
 *  - unbounded ranges ("A:G", a whole-column selection): values/numberFormat read back as null, and setting
 *    cell-level properties on them fails (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded);
 *  - sheet protection (seed sheet `protected: true`): any write to a protected sheet fails with AccessDenied at sync;
 *  - more than 512 merged areas in the range: getMergedAreasOrNullObject fails at sync;
 *  - the response payload limit: a load whose response passes 5 MB fails with ResponsePayloadSizeLimitExceeded;
 *  - conditional formats: the collection is every format overlapping the range, add() puts the new one at the top
 *    priority, clearAll() removes every format active on the range (the user's too), items can be deleted one by one;
 *  - data validation: the existing rule, type and error alert can be read (the template's Stop-style list);
 *  - undo: each sync that changes the workbook is one undo step; Worksheet.delete clears the undo stack;
 *  - Office.context.requirements.isSetSupported answers from seed `supported` (e.g. { ExcelApi: '1.8' }).
 * Test-only: never shipped (lives in test/addin/).
 */
(function () {
  'use strict';
  const LIMIT = 5 * 1024 * 1024;
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;
  const MERGE_LIMIT = 512;
  const seed = window.__TIENDO_SEED__ || { active: 'Sheet1', sheets: [{ name: 'Sheet1', cells: [] }] };

  function newSheet(s) {
    return {
      name: s.name,
      cells: s.cells || [],
      formats: s.formats || [],
      fonts: s.fonts || [],
      merges: s.merges || [],
      bold: [],
      fills: [],
      /** Looks set by the summary write: { address, property, value }. */
      looks: [],
      mergedWrites: [],
      pageLayout: {},
      frozenRows: 0,
      autofit: 0,
      protected: !!s.protected,
    };
  }

  const state = {
    sheets: seed.sheets.map(newSheet),
    active: seed.active || seed.sheets[0].name,
    selection: null,
    selected: null,
    runs: 0,
    syncs: 0,
    maxPayload: 0,
    formulas: [],
    conditionalFormats: (seed.conditionalFormats || []).map((c, i) => Object.assign({ id: 'user-' + i, type: 'Custom', stopIfTrue: false }, c)),
    validations: seed.validations || [],
    tables: [],
    charts: [],
    deleted: [],
    added: [],
    calls: [],
    /** Undo steps available (one per sync that changed the workbook); cleared by Worksheet.delete. */
    undo: 0,
    undoCleared: 0,
    nextCfId: 1,
  };
  const WRITES = new Set(['clear', 'values', 'numberFormat', 'bold', 'fill', 'cfClear', 'cfAdd', 'cfDelete', 'dvClear', 'dvRule', 'addSheet', 'deleteSheet', 'freezeRows', 'addTable', 'addChart', 'autofit']);

  function officeError(code, message) {
    const e = new Error(message || code);
    e.name = 'RichApi.Error';
    e.code = code;
    return e;
  }

  function letters(col) {
    let s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function colNumber(l) {
    let n = 0;
    for (const ch of l) n = n * 26 + ch.charCodeAt(0) - 64;
    return n;
  }
  function a1(box) {
    const tl = letters(box.col + 1) + (box.row + 1);
    return box.rows === 1 && box.cols === 1 ? tl : tl + ':' + letters(box.col + box.cols) + (box.row + box.rows);
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function parseA1(address) {
    const bare = address.replace(/^.*!/, '');
    const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(bare);
    if (cols) {
      const c1 = colNumber(cols[1]) - 1;
      const c2 = colNumber(cols[2]) - 1;
      return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
    }
    const rowsOnly = /^\$?(\d+):\$?(\d+)$/.exec(bare);
    if (rowsOnly) {
      const r1 = Number(rowsOnly[1]) - 1;
      const r2 = Number(rowsOnly[2]) - 1;
      return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
    }
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.replace(/^.*!/, ''));
    if (!m) throw officeError('InvalidArgument', 'Bad address ' + address);
    const col = colNumber(m[1]) - 1;
    const row = Number(m[2]) - 1;
    const col2 = m[3] ? colNumber(m[3]) - 1 : col;
    const row2 = m[4] ? Number(m[4]) - 1 : row;
    return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
  }
  function unbounded(box) {
    return box.rows >= MAX_ROWS || box.cols >= MAX_COLS;
  }
  function intersect(a, b) {
    const row = Math.max(a.row, b.row);
    const col = Math.max(a.col, b.col);
    const bottom = Math.min(a.row + a.rows, b.row + b.rows);
    const right = Math.min(a.col + a.cols, b.col + b.cols);
    return bottom > row && right > col ? { row, col, rows: bottom - row, cols: right - col } : null;
  }
  function guardWrite(sheet, box, cellLevel) {
    if (sheet.protected) throw officeError('AccessDenied', 'The sheet is protected.');
    if (cellLevel && box && unbounded(box)) throw officeError('InvalidArgument', 'Cell-level properties cannot be set on an unbounded range.');
  }
  /** An API above the seed's `supported` version fails as in an older Excel (ApiNotFound). */
  function requireApi(version) {
    if (!seed.supported) return;
    const max = seed.supported.ExcelApi;
    const [a, b] = version.split('.').map(Number);
    const [x, y] = String(max || '1.1').split('.').map(Number);
    if (a > x || (a === x && b > y)) throw officeError('ApiNotFound', 'ExcelApi ' + version + ' is not available in this Excel.');
  }
  function findSheet(name) {
    return state.sheets.find((s) => s.name === name) || null;
  }
  function usedBox(sheet) {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    sheet.cells.forEach((row, r) => {
      (row || []).forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        if (r < top) top = r;
        if (c < left) left = c;
        if (r > bottom) bottom = r;
        if (c > right) right = c;
      });
    });
    if (bottom < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
  function grid(arr, box, blank) {
    const out = [];
    for (let r = 0; r < box.rows; r++) {
      const row = [];
      for (let c = 0; c < box.cols; c++) {
        const v = (arr[box.row + r] || [])[box.col + c];
        row.push(v === undefined || v === null ? blank : v);
      }
      out.push(row);
    }
    return out;
  }
  function setCell(arr, r, c, v) {
    (arr[r] || (arr[r] = []))[c] = v;
  }
  function fill2d(v, box) {
    return Array.isArray(v) ? v : Array.from({ length: box.rows }, () => Array.from({ length: box.cols }, () => v));
  }

  /** A request context: queued operations and loads, run in order at sync. */
  class Context {
    constructor() {
      this.ops = [];
      this.workbook = new Workbook(this);
    }
    queue(kind, payload, run) {
      this.ops.push({ kind, payload, run });
    }
    async sync() {
      const ops = this.ops;
      this.ops = [];
      const size = JSON.stringify(ops.map((o) => [o.kind, o.payload])).length;
      state.syncs++;
      state.maxPayload = Math.max(state.maxPayload, size);
      if (size > LIMIT) throw officeError('RequestPayloadSizeLimitExceeded', 'Payload ' + size + ' bytes');
      let response = 0;
      let wrote = false;
      for (const op of ops) {
        const out = op.run();
        if (op.kind === 'load') response += JSON.stringify(out === undefined ? null : out).length;
        if (response > LIMIT) throw officeError('ResponsePayloadSizeLimitExceeded', 'Response over 5 MB');
        if (WRITES.has(op.kind)) wrote = true;
      }
      if (wrote && !ops.some((o) => o.kind === 'deleteSheet')) state.undo++;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** Base of loadable objects: load() queues a snapshot; reading an unloaded property throws as Office.js does. */
  class Loadable {
    constructor(ctx) {
      this._ctx = ctx;
      this._loaded = {};
    }
    load(props) {
      const names = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : Object.keys(props || {});
      this._ctx.queue('load', names, () => {
        for (const n of names) this._loaded[n] = this._read(n);
        return this._loaded;
      });
      return this;
    }
    _get(name) {
      if (!(name in this._loaded)) throw officeError('PropertyNotLoaded', 'The property \'' + name + '\' is not available. Call load() and sync() first.');
      return this._loaded[name];
    }
  }

  class Workbook {
    constructor(ctx) {
      this._ctx = ctx;
      this.worksheets = new Worksheets(ctx);
    }
    getSelectedRange() {
      const sheet = findSheet(state.active);
      const box = state.selection || { row: 0, col: 0, rows: 1, cols: 1 };
      return new Range(this._ctx, () => sheet, box);
    }
  }

  class Worksheets {
    constructor(ctx) {
      this._ctx = ctx;
    }
    getActiveWorksheet() {
      return new Worksheet(this._ctx, () => findSheet(state.active));
    }
    getItem(name) {
      return new Worksheet(this._ctx, () => {
        const s = findSheet(name);
        if (!s) throw officeError('ItemNotFound', 'Worksheet ' + name + ' not found');
        return s;
      });
    }
    getItemOrNullObject(name) {
      const ws = new Worksheet(this._ctx, () => findSheet(name));
      ws._nullable = true;
      this._ctx.queue('getItemOrNullObject', name, () => {
        ws.isNullObject = !findSheet(name);
      });
      return ws;
    }
    add(name) {
      this._ctx.queue('addSheet', name, () => {
        if (findSheet(name)) throw officeError('ItemAlreadyExists', 'Sheet exists: ' + name);
        state.sheets.push(newSheet({ name }));
        state.added.push(name);
      });
      return new Worksheet(this._ctx, () => findSheet(name));
    }
  }

  class Worksheet extends Loadable {
    constructor(ctx, resolve) {
      super(ctx);
      this._resolve = resolve;
      this.freezePanes = { freezeRows: (n) => ctx.queue('freezeRows', n, () => { guardWrite(this._sheet()); this._sheet().frozenRows = n; }) };
      const protection = new Loadable(ctx);
      protection._read = (n) => {
        if (n === 'protected') return this._sheet().protected;
        throw officeError('InvalidArgument', 'Protection property not supported by the stand-in: ' + n);
      };
      Object.defineProperty(protection, 'protected', { get: () => protection._get('protected') });
      this.protection = protection;
      const page = (k, v) => ctx.queue('pageLayout', k, () => { guardWrite(this._sheet()); this._sheet().pageLayout[k] = v; });
      this.pageLayout = {
        set orientation(o) { page('orientation', o); },
        set paperSize(p) { page('paperSize', p); },
        set zoom(z) { page('zoom', z); },
        setPrintTitleRows: (r) => page('printTitleRows', r),
      };
      this.tables = {
        add: (range, hasHeaders) => {
          const t = { style: '' };
          ctx.queue('addTable', range._box, () => {
            state.tables.push({ sheet: this._sheet().name, address: a1(range._box), hasHeaders, get style() { return t.style; } });
          });
          return t;
        },
      };
      this.charts = {
        add: (type, range, seriesBy) => {
          const title = { text: '' };
          const names = [];
          const colors = [];
          let categoryBox = null;
          const chart = {
            title, height: 0, width: 0, position: null, setPosition: (p) => (chart.position = p),
            axes: { categoryAxis: { setCategoryNames: (r) => ctx.queue('categoryNames', null, () => (categoryBox = r._box)) } },
            series: {
              getItemAt: (i) => ({
                set name(n) { names[i] = n; },
                format: { fill: { setSolidColor: (c) => (colors[i] = c) } },
              }),
            },
          };
          ctx.queue('addChart', [type, range._box, seriesBy], () => {
            const sheet = this._sheet();
            state.charts.push({
              sheet: sheet.name,
              type,
              seriesBy,
              address: a1(range._box),
              get title() { return title.text; },
              get position() { return chart.position; },
              // Without explicit category names, Excel takes the first column as categories and the header row as series names.
              get categories() {
                if (categoryBox) return grid(sheet.cells, categoryBox, '').map((r) => r[0]);
                return grid(sheet.cells, { row: range._box.row + 1, col: range._box.col, rows: range._box.rows - 1, cols: 1 }, '').map((r) => r[0]);
              },
              get series() {
                if (names.length) return names;
                return grid(sheet.cells, { row: range._box.row, col: range._box.col + 1, rows: 1, cols: range._box.cols - 1 }, '')[0];
              },
              get colors() { return colors; },
            });
          });
          return chart;
        },
      };
    }
    _sheet() {
      const s = this._resolve();
      if (!s) throw officeError(this._nullable ? 'InvalidOperation' : 'ItemNotFound', 'No such worksheet');
      return s;
    }
    _read(name) {
      if (name === 'name') return this._sheet().name;
      if (name === 'isNullObject') return !this._resolve();
      throw officeError('InvalidArgument', 'Worksheet property not supported by the stand-in: ' + name);
    }
    get name() {
      return this._get('name');
    }
    getUsedRange() {
      return new Range(this._ctx, () => this._sheet(), null);
    }
    getRange(address) {
      return new Range(this._ctx, () => this._sheet(), address ? parseA1(address) : { row: 0, col: 0, rows: 1048576, cols: 16384 });
    }
    getRangeByIndexes(row, col, rows, cols) {
      return new Range(this._ctx, () => this._sheet(), { row, col, rows, cols });
    }
    activate() {
      this._ctx.queue('activate', null, () => (state.active = this._sheet().name));
    }
    delete() {
      this._ctx.queue('deleteSheet', null, () => {
        const s = this._sheet();
        state.undo = 0; // Worksheet.delete clears Excel's undo stack
        state.undoCleared++;
        state.sheets = state.sheets.filter((x) => x !== s);
        state.deleted.push(s.name);
        state.tables = state.tables.filter((t) => t.sheet !== s.name);
        state.charts = state.charts.filter((t) => t.sheet !== s.name);
        state.conditionalFormats = state.conditionalFormats.filter((t) => t.sheet !== s.name);
      });
    }
  }

  class Range extends Loadable {
    /** box null = the used range, resolved when the queue runs. */
    constructor(ctx, sheetOf, box) {
      super(ctx);
      this._sheetOf = sheetOf;
      this._boxSpec = box;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- setters below need the range
      const self = this;
      this.format = {
        font: {
          set bold(b) {
            ctx.queue('bold', b, () => { guardWrite(self._sheetOf()); self._each((r, c) => setCell(self._sheetOf().bold, r, c, b)); });
          },
          set color(c) { self._look('font.color', c); },
          set name(n) { self._look('font.name', n); },
          set size(n) { self._look('font.size', n); },
          set italic(b) { self._look('font.italic', b); },
        },
        set horizontalAlignment(a) { self._look('horizontalAlignment', a); },
        set verticalAlignment(a) { self._look('verticalAlignment', a); },
        set wrapText(b) { self._look('wrapText', b); },
        set columnWidth(n) { self._look('columnWidth', n); },
        borders: { getItem: (edge) => ({ set style(st) { self._look('border.' + edge, st); } }) },
        fill: {
          set color(color) {
            ctx.queue('fill', color, () => { guardWrite(self._sheetOf()); self._each((r, c) => setCell(self._sheetOf().fills, r, c, color)); });
          },
        },
        autofitColumns() {
          ctx.queue('autofit', null, () => self._sheetOf().autofit++);
        },
      };
      const overlapping = () => {
        const sheet = self._sheetOf().name;
        return state.conditionalFormats.filter((x) => x.sheet === sheet && intersect(parseA1(x.address), self._box));
      };
      const cfItem = (x) => {
        const rule = new Loadable(ctx);
        rule._read = (n) => {
          if (n !== 'formula') throw officeError('InvalidArgument', 'Rule property not supported: ' + n);
          if (x.type !== 'Custom') throw officeError('InvalidOperation', 'Not a custom conditional format');
          return x.formula;
        };
        Object.defineProperty(rule, 'formula', { get: () => rule._get('formula') });
        return {
          id: x.id,
          type: x.type,
          get priority() { return state.conditionalFormats.indexOf(x); },
          custom: { rule },
          delete() {
            ctx.queue('cfDelete', x.id, () => {
              guardWrite(self._sheetOf());
              state.conditionalFormats = state.conditionalFormats.filter((y) => y !== x);
            });
          },
        };
      };
      const cfs = new Loadable(ctx);
      cfs._read = (n) => {
        if (n === 'items' || n.startsWith('items/')) return overlapping().map(cfItem);
        throw officeError('InvalidArgument', 'ConditionalFormatCollection property not supported: ' + n);
      };
      Object.defineProperty(cfs, 'items', { get: () => cfs._get('items') });
      cfs.load = function (props) {
        const names = typeof props === 'string' ? props.split(',').map((x) => x.trim()) : props;
        ctx.queue('load', names, () => {
          cfs._loaded.items = overlapping().map(cfItem);
          return cfs._loaded.items.map((i) => [i.id, i.type]);
        });
        return cfs;
      };
      /** Every format active on the range goes, the user's too (real Excel trims a format that only partly overlaps). */
      cfs.clearAll = function () {
        ctx.queue('cfClear', null, () => {
          guardWrite(self._sheetOf());
          const gone = overlapping();
          state.conditionalFormats = state.conditionalFormats.filter((x) => !gone.includes(x));
        });
      };
      /** A new format goes to the top priority (index 0). */
      cfs.add = function (type) {
        const cf = { stopIfTrue: false, custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '' } } } };
        ctx.queue('cfAdd', type, () => {
          guardWrite(self._sheetOf());
          state.conditionalFormats.unshift({
            id: 'cf-' + state.nextCfId++,
            sheet: self._sheetOf().name,
            address: a1(self._box),
            type,
            formula: cf.custom.rule.formula,
            fill: cf.custom.format.fill.color,
            font: cf.custom.format.font.color,
            stopIfTrue: cf.stopIfTrue,
          });
        });
        return cf;
      };
      this.conditionalFormats = cfs;
      const dv = { rule: null, errorAlert: null };
      const current = () => {
        const sheet = self._sheetOf().name;
        return state.validations.find((x) => x.sheet === sheet && intersect(parseA1(x.address), self._box)) || null;
      };
      const validation = new Loadable(ctx);
      validation._read = (n) => {
        const v = current();
        if (n === 'type') return v ? (v.rule && v.rule.list ? 'List' : 'Custom') : 'None';
        if (n === 'errorAlert') return v ? v.errorAlert || null : null;
        if (n === 'rule') return v ? v.rule : null;
        throw officeError('InvalidArgument', 'DataValidation property not supported: ' + n);
      };
      Object.defineProperty(validation, 'type', { get: () => validation._get('type') });
      validation.clear = function () {
        ctx.queue('dvClear', null, () => {
          guardWrite(self._sheetOf());
          const sheet = self._sheetOf().name;
          state.validations = state.validations.filter((x) => !(x.sheet === sheet && intersect(parseA1(x.address), self._box)));
        });
      };
      Object.defineProperty(validation, 'rule', {
        set(rule) {
          requireApi('1.8');
          dv.rule = rule;
          ctx.queue('dvRule', rule, () => {
            guardWrite(self._sheetOf());
            state.validations.push({ sheet: self._sheetOf().name, address: a1(self._box), rule, get errorAlert() { return dv.errorAlert; } });
          });
        },
        get() { return validation._get('rule'); },
      });
      Object.defineProperty(validation, 'errorAlert', {
        set(a) { dv.errorAlert = a; },
        get() { return validation._get('errorAlert'); },
      });
      this.dataValidation = validation;
    }
    get _box() {
      return this._boxSpec || usedBox(this._sheetOf());
    }
    _look(property, value) {
      this._ctx.queue('look', property, () => this._sheetOf().looks.push({ address: a1(this._box), property, value }));
    }
    merge() {
      this._ctx.queue('merge', null, () => {
        const b = this._box;
        const sheet = this._sheetOf();
        sheet.mergedWrites.push(a1(b));
        sheet.merges.push({ top: b.row, left: b.col, bottom: b.row + b.rows - 1, right: b.col + b.cols - 1 });
      });
    }
    _each(f) {
      const b = this._box;
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) f(b.row + r, b.col + c);
    }
    _read(name) {
      const sheet = this._sheetOf();
      const b = this._box;
      switch (name) {
        case 'values': return unbounded(b) ? null : grid(sheet.cells, b, '');
        case 'numberFormat': return unbounded(b) ? null : grid(sheet.formats, b, 'General');
        case 'address': return quoteSheet(sheet.name) + '!' + a1(b);
        case 'rowIndex': return b.row;
        case 'columnIndex': return b.col;
        case 'rowCount': return b.rows;
        case 'columnCount': return b.cols;
        default: throw officeError('InvalidArgument', 'Range property not supported by the stand-in: ' + name);
      }
    }
    get values() { return this._get('values'); }
    get numberFormat() { return this._get('numberFormat'); }
    get address() { return this._get('address'); }
    get rowIndex() { return this._get('rowIndex'); }
    get columnIndex() { return this._get('columnIndex'); }
    get rowCount() { return this._get('rowCount'); }
    get columnCount() { return this._get('columnCount'); }
    set numberFormat(v) {
      this._ctx.queue('numberFormat', v, () => {
        const b = this._box;
        guardWrite(this._sheetOf(), b, true);
        const f = fill2d(v, b);
        this._each((r, c) => setCell(this._sheetOf().formats, r, c, f[r - b.row][c - b.col]));
      });
    }
    set values(v) {
      this._ctx.queue('values', v, () => {
        const sheet = this._sheetOf();
        const b = this._box;
        guardWrite(sheet, b, true);
        const vals = fill2d(v, b);
        if (vals.length !== b.rows || vals.some((row) => row.length !== b.cols)) throw officeError('InvalidArgument', 'values do not match the range size');
        this._each((r, c) => {
          const x = vals[r - b.row][c - b.col];
          if (x === null) return; // null leaves the cell as is
          if (typeof x === 'string' && /^[=+\-@]/.test(x) && ((sheet.formats[r] || [])[c] || 'General') !== '@') {
            state.formulas.push(sheet.name + '!' + letters(c + 1) + (r + 1));
          }
          setCell(sheet.cells, r, c, x);
        });
      });
    }
    getMergedAreasOrNullObject() {
      requireApi('1.13');
      const areas = new Loadable(this._ctx);
      areas._read = (name) => {
        if (name !== 'address') throw officeError('InvalidArgument', 'RangeAreas property not supported: ' + name);
        const sheet = this._sheetOf();
        const b = this._box;
        const hits = sheet.merges.filter((m) => m.bottom >= b.row && m.top < b.row + b.rows && m.right >= b.col && m.left < b.col + b.cols);
        return hits.map((m) => quoteSheet(sheet.name) + '!' + a1({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })).join(', ');
      };
      Object.defineProperty(areas, 'address', { get: () => areas._get('address') });
      this._ctx.queue('mergedAreas', null, () => {
        const sheet = this._sheetOf();
        const b = this._box;
        const hits = sheet.merges.filter((m) => m.bottom >= b.row && m.top < b.row + b.rows && m.right >= b.col && m.left < b.col + b.cols);
        if (hits.length > MERGE_LIMIT) throw officeError('GeneralException', 'The range has more than 512 merged areas.');
        areas.isNullObject = !hits.length;
      });
      return areas;
    }
    getCellProperties(spec) {
      requireApi('1.9');
      const result = {};
      let value;
      let ready = false;
      Object.defineProperty(result, 'value', {
        get() {
          if (!ready) throw officeError('PropertyNotLoaded', 'ClientResult.value is not available before sync()');
          return value;
        },
      });
      this._ctx.queue('getCellProperties', spec, () => {
        if (unbounded(this._box)) throw officeError('InvalidArgument', 'getCellProperties on an unbounded range');
        const sheet = this._sheetOf();
        const fonts = grid(sheet.fonts, this._box, null);
        value = fonts.map((row) => row.map((f) => ({ format: { font: { name: (f && f.name) || 'Calibri', bold: !!(f && f.bold) } } })));
        ready = true;
      });
      return result;
    }
    /** Range.clear(): contents and formats of the cells, and the conditional formats inside the range. */
    clear() {
      this._ctx.queue('clear', null, () => {
        const sheet = this._sheetOf();
        const b = this._box;
        guardWrite(sheet);
        this._each((r, c) => {
          for (const g of [sheet.cells, sheet.formats, sheet.bold, sheet.fills]) if (g[r] && g[r][c] !== undefined) g[r][c] = null;
        });
        state.conditionalFormats = state.conditionalFormats.filter((x) => !(x.sheet === sheet.name && intersect(parseA1(x.address), b)));
      });
    }
    getIntersectionOrNullObject(other) {
      const r = new Range(this._ctx, this._sheetOf, null);
      let box = null;
      r._boxSpec = null;
      Object.defineProperty(r, '_box', { get: () => box || { row: 0, col: 0, rows: 1, cols: 1 } });
      this._ctx.queue('intersect', null, () => {
        box = intersect(this._box, other._box);
        r.isNullObject = !box;
      });
      return r;
    }
    select() {
      this._ctx.queue('select', null, () => {
        state.active = this._sheetOf().name;
        state.selected = { sheet: this._sheetOf().name, address: a1(this._box) };
      });
    }
  }

  const Excel = {
    async run(batch) {
      state.runs++;
      const ctx = new Context();
      const result = await batch(ctx);
      if (ctx.ops.length) await ctx.sync();
      return result;
    },
  };

  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      requirements: {
        /** seed.supported = { ExcelApi: '1.8' } answers as Excel 2019 would; absent: everything is supported. */
        isSetSupported(name, version) {
          const max = seed.supported && seed.supported[name];
          if (!seed.supported) return true;
          if (!max) return false;
          const [a, b] = String(version || '1.1').split('.').map(Number);
          const [x, y] = String(max).split('.').map(Number);
          return a < x || (a === x && b <= y);
        },
      },
    },
    onReady(cb) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
  };

  window.Office = Office;
  window.Excel = Excel;
  window.__excel = {
    state,
    /** A JSON copy of the workbook state for assertions. */
    snapshot() {
      return JSON.parse(JSON.stringify(state));
    },
    select(sheet, address) {
      state.active = sheet;
      state.selection = parseA1(address);
    },
  };
})();
