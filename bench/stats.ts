/** Percentiles of a sample, in the same rounding everywhere in the bench. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: round1(percentile(s, 50)), p95: round1(percentile(s, 95)), max: round1(s.at(-1)!) };
}
