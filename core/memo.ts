/**
 * A small bounded memo for pure string → value functions, shared by core: cells
 * repeat a handful of values across thousands of rows and files ("Tháng 12/2025",
 * "Đang thực hiện", unit names, words). Cleared when full; results must be treated
 * as read-only.
 */
export function memo<T>(f: (s: string) => T, max = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = f(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}
