/**
 * The statistics the insights report: pure, checked against published worked examples
 * (statistics.test.ts).
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3):
 * unlike the normal approximation it stays inside [0, 1] and behaves at 0 and n. Null when n = 0.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = Z_95,
): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Cohen's kappa for two raters over the same items: `table[i][j]` counts the items the first
 * rater put in category i and the second in category j. Null when there is nothing to compare or
 * when chance agreement is already total (kappa is undefined).
 */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return null;
  const k = table.length;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    const row = table[i] ?? [];
    observed += row[i] ?? 0;
    const rowTotal = row.reduce((a, b) => a + b, 0);
    const columnTotal = table.reduce((sum, r) => sum + (r[i] ?? 0), 0);
    expected += (rowTotal / n) * (columnTotal / n);
  }
  observed /= n;
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

/** The share of items both raters put in the same category. Null when there are none. */
export function agreementRate(table: readonly (readonly number[])[]): number | null {
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return null;
  return table.reduce((sum, row, i) => sum + (row[i] ?? 0), 0) / n;
}

/** The median of some numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
