/** Confidence intervals of the score summaries (contract §9): pure functions of counts and moments. */

type StudentQuantile = typeof import('@stdlib/stats-base-dists-t-quantile');
let loadedQuantile: StudentQuantile | undefined;

/** Student's t quantile, loaded on the first interval that needs it (~2.5 MiB of heap a service without comparisons never spends). */
function tQuantile(probability: number, freedom: number): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedQuantile ??= require('@stdlib/stats-base-dists-t-quantile') as StudentQuantile;
  return loadedQuantile(probability, freedom);
}

/** The 97.5th percentile of the standard normal distribution, as the contract fixes it. */
export const Z95 = 1.959964;

export type Interval = [number, number];

/** Wilson's score interval for `passed` of `count` at 95 % (Newcombe 1998, method 3); null without trials. */
export function wilsonInterval(passed: number, count: number, z = Z95): Interval | null {
  if (count <= 0) return null;
  const p = passed / count;
  const z2 = z * z;
  const denominator = 1 + z2 / count;
  const centre = (p + z2 / (2 * count)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface Proportion {
  passed: number;
  count: number;
}

/**
 * Newcombe's hybrid score interval (1998, method 10) for the difference of proportions `b − a`,
 * from the Wilson intervals of each; null when either side has no trials.
 */
export function newcombeDifference(a: Proportion, b: Proportion, z = Z95): Interval | null {
  const [aInterval, bInterval] = [wilsonInterval(a.passed, a.count, z), wilsonInterval(b.passed, b.count, z)];
  if (!aInterval || !bInterval) return null;
  const pa = a.passed / a.count;
  const pb = b.passed / b.count;
  const difference = pb - pa;
  const below = Math.sqrt((pb - bInterval[0]) ** 2 + (aInterval[1] - pa) ** 2);
  const above = Math.sqrt((bInterval[1] - pb) ** 2 + (pa - aInterval[0]) ** 2);
  return [difference - below, difference + above];
}

export interface Sample {
  count: number;
  mean: number;
  /** The sample standard deviation (n − 1). */
  stddev: number;
}

/**
 * Welch's t interval at 95 % for the difference of means `b − a` (Welch–Satterthwaite degrees of
 * freedom); null when either sample has fewer than two values. Two samples without spread give the
 * difference itself.
 */
export function welchDifference(a: Sample, b: Sample, confidence = 0.95): Interval | null {
  if (a.count < 2 || b.count < 2) return null;
  const difference = b.mean - a.mean;
  const va = (a.stddev * a.stddev) / a.count;
  const vb = (b.stddev * b.stddev) / b.count;
  const variance = va + vb;
  if (variance === 0) return [difference, difference];
  const freedom = (variance * variance) / ((va * va) / (a.count - 1) + (vb * vb) / (b.count - 1));
  const half = tQuantile(1 - (1 - confidence) / 2, freedom) * Math.sqrt(variance);
  return [difference - half, difference + half];
}
