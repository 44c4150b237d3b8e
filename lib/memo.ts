/**
 * A small bounded memo for pure, deterministic work done per request (highlighting, MDX
 * compilation of committed content). Keys must capture every input; the whole map is dropped when
 * it reaches its bound, which keeps memory flat without bookkeeping on the hot path.
 */
export function boundedMemo<V>(limit: number): (key: string, make: () => V) => V {
  const map = new Map<string, V>();
  return (key, make) => {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    if (map.size >= limit) map.clear();
    const value = make();
    map.set(key, value);
    return value;
  };
}
