import { describe, expect, it } from 'vitest';
import { agreementRate, cohensKappa, median, wilsonInterval } from './statistics';

describe('wilsonInterval, against Newcombe (1998), Statistics in Medicine 17:857, table I, method 3', () => {
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  it.each(cases)('%i of %i: %f to %f', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('stays within [0, 1] at the ends, and has nothing to say about no trials', () => {
    expect(wilsonInterval(20, 20)?.high).toBe(1);
    expect(wilsonInterval(0, 20)?.low).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('cohensKappa, against the worked examples of Wikipedia’s “Cohen’s kappa”', () => {
  it('50 grant proposals, yes/no: agreement 0.7, chance 0.5, kappa 0.4', () => {
    const table = [
      [20, 5],
      [10, 15],
    ];
    expect(agreementRate(table)).toBeCloseTo(0.7, 10);
    expect(cohensKappa(table)).toBeCloseTo(0.4, 10);
  });

  it('the same agreement, different marginals: kappa 0.1304 and 0.2593', () => {
    expect(
      cohensKappa([
        [45, 15],
        [25, 15],
      ]),
    ).toBeCloseTo(0.1304, 4);
    expect(
      cohensKappa([
        [25, 35],
        [5, 35],
      ]),
    ).toBeCloseTo(0.2593, 4);
  });

  it('is 1 for perfect agreement, undefined when there is nothing or only one category', () => {
    expect(
      cohensKappa([
        [3, 0],
        [0, 7],
      ]),
    ).toBe(1);
    expect(cohensKappa([[0]])).toBeNull();
    expect(
      cohensKappa([
        [5, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('median', () => {
  it('of odd and even counts, and of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
