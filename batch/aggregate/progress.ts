/** A one-line progress bar on stderr, only when stderr is a terminal. */
export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, enabled = !!stream.isTTY): Progress {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const fill = total ? Math.round((done / total) * width) : width;
      stream.write(`\r[${'█'.repeat(fill)}${'░'.repeat(width - fill)}] ${done}/${total} tệp`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
