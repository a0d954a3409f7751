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
    s = detached(s);
    const v = f(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/**
 * `s` as a string of its own. V8 makes a substring of 13 characters or more a view of its parent and keeps the
 * parent alive: a cell text kept in a memo (or anything computed from it) pinned its file's whole decoded XML, about
 * 95 KB per realistic return, so a read worker's heap grew by that much per file (issue 14).
 *
 * @example
 * const cell = xml.slice(120, 160); // a view of `xml`
 * cache.set(detached(cell), value); // keeps 40 characters, not `xml`
 */
export function detached(s: string): string {
  // A concatenation is flattened into a new string when sliced: the slice's parent is that copy.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
