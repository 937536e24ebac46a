import { expect, test } from 'vitest';
import { fingerprintOf } from './fingerprint';

const a = 'f'.repeat(16) + '0'.repeat(48);
const b = '0123456789abcdef'.repeat(4);

test('the same hash always gives the same fingerprint', () => {
  expect(fingerprintOf(b)).toEqual(fingerprintOf(b));
});

test('different hashes give different fingerprints', () => {
  expect(fingerprintOf(a)).not.toEqual(fingerprintOf(b));
});

test('the grid is 8×8 and mirrored left to right', () => {
  const { cells } = fingerprintOf(b);
  expect(cells).toHaveLength(8);
  for (const row of cells) expect(row).toEqual([...row].reverse());
});
