/**
 * Bytes described instead of built: literal runs and ranges of files, each byte 1 of a range (report/layout/spec.ts
 * ROW_MARK) replaced by a number.
 * The summary workbook's long sheets are mostly rows rendered ahead by the read workers and kept in their spool
 * (batch/spool.ts); the writer describes each row as its `<row>` prefix, the spooled range and the row number, and the
 * deflate pool's workers build and deflate the bytes (xlsx/zip/deflate-pool.ts), so the main thread neither reads
 * the spool back nor copies hundreds of MB (issue 14).
 *
 * @example
 * const r = new RecipeBuilder();
 * r.literal('<row r="7">');
 * r.piece('/tmp/tiendo-spool-x/spool-1.bin.detail', 1234, 2048, 7); // ROW_MARK bytes become "7"
 * r.literal('</row>');
 * const sink = recipeSink();
 * buildRecipe(r.take(), fs, sink); // sink.buf.subarray(0, sink.pos): what the ranges hold, marks replaced
 */

/** A built recipe (plain data: it crosses to a worker as is, its arrays transferred). */
export interface Recipe {
  readonly recipe: true;
  /** Literal bytes, referred to by the ops. */
  literal: Uint8Array;
  /** Ops of 4 numbers: literal [0, start, end, 0]; range [fileIndex + 1, offset, length, number]. */
  ops: Float64Array;
  files: string[];
  /** Bytes the recipe stands for, before marks are replaced (a lower bound of its size). */
  size: number;
}

export function isRecipe(x: unknown): x is Recipe {
  return typeof x === 'object' && x !== null && (x as Recipe).recipe === true;
}

/** Accumulates a recipe. */
export class RecipeBuilder {
  private lit: Uint8Array = new Uint8Array(1 << 16);
  private litPos = 0;
  private ops = new Float64Array(1 << 12);
  private opPos = 0;
  private files: string[] = [];
  private fileIndex = new Map<string, number>();
  private described = 0;
  private readonly encoder = new TextEncoder();

  /** Bytes described so far. */
  size(): number {
    return this.described;
  }

  literal(s: string): void {
    if (this.lit.length - this.litPos < s.length * 3) this.lit = grow(this.lit, this.litPos + s.length * 3);
    const start = this.litPos;
    // Markup and numbers are ASCII: written a byte per character; anything else through the encoder.
    const lit = this.lit;
    let p = start;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        p = start + this.encoder.encodeInto(s, lit.subarray(start)).written;
        break;
      }
      lit[p++] = c;
    }
    this.litPos = p;
    this.described += p - start;
    // Consecutive literals become one op.
    if (this.opPos >= 4 && this.ops[this.opPos - 4] === 0 && this.ops[this.opPos - 2] === start) this.ops[this.opPos - 2] = p;
    else this.op(0, start, p, 0);
  }

  piece(file: string, offset: number, length: number, mark: number): void {
    let k = this.fileIndex.get(file);
    if (k === undefined) {
      k = this.files.length;
      this.files.push(file);
      this.fileIndex.set(file, k);
    }
    this.described += length;
    this.op(k + 1, offset, length, mark);
  }

  /** The recipe so far; the builder starts afresh. */
  take(): Recipe {
    const r: Recipe = { recipe: true, literal: this.lit.slice(0, this.litPos), ops: this.ops.slice(0, this.opPos), files: this.files, size: this.described };
    this.litPos = 0;
    this.opPos = 0;
    this.files = [];
    this.fileIndex = new Map();
    this.described = 0;
    return r;
  }

  private op(a: number, b: number, c: number, d: number): void {
    if (this.opPos + 4 > this.ops.length) {
      const next = new Float64Array(this.ops.length * 2);
      next.set(this.ops);
      this.ops = next;
    }
    this.ops[this.opPos++] = a;
    this.ops[this.opPos++] = b;
    this.ops[this.opPos++] = c;
    this.ops[this.opPos++] = d;
  }
}

function grow(b: Uint8Array, need: number): Uint8Array {
  const next = new Uint8Array(Math.max(need, b.length * 2));
  next.set(b);
  return next;
}

/** The file functions buildRecipe needs (node:fs's). */
export interface RecipeFs {
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/** Where buildRecipe writes, and what it keeps between calls (one per thread: its buffers are reused). */
export interface RecipeSink {
  buf: Uint8Array;
  pos: number;
  /** Per file path, the last block read (forward reads grow it; a jump reads just what it needs). */
  blocks: Map<string, { at: number; size: number; buf: Uint8Array; next: number }>;
}

export function recipeSink(): RecipeSink {
  return { buf: new Uint8Array(1 << 20), pos: 0, blocks: new Map() };
}

/**
 * Appends the bytes a recipe stands for to `sink`. Self-contained on purpose (its text also runs in the deflate
 * workers, which load no module): no reference outside its own body and its arguments.
 */
export function buildRecipe(r: Recipe, fs: RecipeFs, sink: RecipeSink): void {
  const room = (n: number): void => {
    if (sink.pos + n <= sink.buf.length) return;
    const next = new Uint8Array(Math.max(sink.pos + n, sink.buf.length * 2));
    next.set(sink.buf.subarray(0, sink.pos));
    sink.buf = next;
  };
  room(r.size + 64);
  const fds: number[] = [];
  const digits = new Uint8Array(16);
  try {
    const ops = r.ops;
    for (let i = 0; i < ops.length; i += 4) {
      const kind = ops[i];
      if (kind === 0) {
        const start = ops[i + 1];
        const end = ops[i + 2];
        room(end - start);
        sink.buf.set(r.literal.subarray(start, end), sink.pos);
        sink.pos += end - start;
        continue;
      }
      const f = kind - 1;
      const path = r.files[f];
      const offset = ops[i + 1];
      const length = ops[i + 2];
      let block = sink.blocks.get(path);
      if (!block || offset < block.at || offset + length > block.at + block.size) {
        if (fds[f] === undefined) fds[f] = fs.openSync(path, 'r');
        // Reading on from the last block (the piece starts in it or right after it): read twice as far as last time,
        // up to 1 MB; a jump elsewhere (the "Quá hạn" rows go unit by unit, not file by file): read 16 KB. Read-ahead
        // after a jump read 7,3 GB for 90 MB of such rows at 3,321 realistic communes.
        const onward = block !== undefined && offset >= block.at && offset <= block.at + block.size;
        const want = Math.max(length, onward ? Math.min(block!.next * 2, 1 << 20) : 16384);
        const buf = block && block.buf.length >= want ? block.buf : new Uint8Array(Math.max(want, block ? block.buf.length : 0));
        let size = 0;
        while (size < want) {
          const n = fs.readSync(fds[f], buf, size, want - size, offset + size);
          if (n === 0) break;
          size += n;
        }
        if (size < length) throw new Error(`tiendo: ${path} ends before ${offset + length}`);
        block = { at: offset, size, buf, next: want };
        sink.blocks.set(path, block);
      }
      const src = block.buf.subarray(offset - block.at, offset - block.at + length);
      // The number's ASCII digits, put in place of each mark (byte 1).
      let nd = 0;
      let n = ops[i + 3];
      do {
        digits[nd++] = 48 + (n % 10);
        n = Math.floor(n / 10);
      } while (n > 0);
      let from = 0;
      for (let at = src.indexOf(1); at >= 0; at = src.indexOf(1, from)) {
        room(at - from + nd);
        sink.buf.set(src.subarray(from, at), sink.pos);
        sink.pos += at - from;
        for (let d = nd - 1; d >= 0; d--) sink.buf[sink.pos++] = digits[d];
        from = at + 1;
      }
      room(src.length - from);
      sink.buf.set(src.subarray(from), sink.pos);
      sink.pos += src.length - from;
    }
  } finally {
    for (const fd of fds) if (fd !== undefined) fs.closeSync(fd);
  }
}
