/**
 * A trie over word-token keys: longest registry name starting at a token.
 */
import type { Token } from './keys';

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export function createTrie<T>(): TrieNode<T> {
  return { next: new Map() };
}

/** Insert `keys` → value; the first value inserted for a key sequence wins. Returns false on a conflict. */
export function trieInsert<T>(root: TrieNode<T>, keys: string[], value: T, same: (a: T, b: T) => boolean): boolean {
  if (keys.length === 0) return true;
  let node = root;
  for (const k of keys) {
    let child = node.next.get(k);
    if (!child) {
      child = { next: new Map() };
      node.next.set(k, child);
    }
    node = child;
  }
  if (node.value === undefined) {
    node.value = value;
    return true;
  }
  return same(node.value, value);
}

/** Exact lookup of a whole key sequence. */
export function trieGet<T>(root: TrieNode<T>, keys: string[]): T | undefined {
  let node: TrieNode<T> | undefined = root;
  for (const k of keys) {
    node = node.next.get(k);
    if (!node) return undefined;
  }
  return node.value;
}

/**
 * Longest match starting at tokens[from]; a token flagged `hardBreak` (";", ":" or a
 * parenthesised group before it) cannot continue a name.
 */
export function trieLongest<T>(root: TrieNode<T>, tokens: Token[], from: number): { length: number; value: T } | null {
  let node: TrieNode<T> | undefined = root;
  let best: { length: number; value: T } | null = null;
  for (let i = from; i < tokens.length; i++) {
    if (i > from && tokens[i].hardBreak) break;
    node = node.next.get(tokens[i].key);
    if (!node) break;
    if (node.value !== undefined) best = { length: i - from + 1, value: node.value };
  }
  return best;
}
