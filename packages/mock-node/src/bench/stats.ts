/**
 * The `p`th percentile of `sorted` (ascending) by the nearest-rank method: the smallest value with
 * at least `p`% of the values at or below it. NaN when there are none.
 */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
