/** The ids in a new order after moving the item at `index` by `delta` places, or null at either end. */
export function moved(ids: string[], index: number, delta: number): string[] | null {
  const j = index + delta;
  if (j < 0 || j >= ids.length || index < 0 || index >= ids.length) return null;
  const out = [...ids];
  [out[index], out[j]] = [out[j]!, out[index]!];
  return out;
}
