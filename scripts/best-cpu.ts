/** CPU time (user + system, all threads) of the best of several runs: the machine is shared, wall time is noisy. */

export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Runs `fn` `repeats` times; the lowest CPU seconds and that run's result. */
export function bestCpu<T>(repeats: number, fn: () => T): { seconds: number; out: T } {
  let best: { seconds: number; out: T } | null = null;
  for (let i = 0; i < repeats; i++) {
    const c0 = cpuSeconds();
    const out = fn();
    const seconds = cpuSeconds() - c0;
    if (!best || seconds < best.seconds) best = { seconds, out };
  }
  if (!best) throw new Error('bestCpu: repeats must be at least 1');
  return best;
}
