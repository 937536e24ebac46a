import { describe, expect, it } from 'vitest';
import { duration, isRangeDays, percent } from './insights-range';

describe('insights formatting', () => {
  it('percentages', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0.0456)).toBe('4.6%');
    expect(percent(0.666)).toBe('67%');
    expect(percent(1)).toBe('100%');
  });
  it('durations', () => {
    expect(duration(null)).toBe('—');
    expect(duration(42)).toBe('42 s');
    expect(duration(600)).toBe('10 min');
    expect(duration(7200)).toBe('2.0 h');
    expect(duration(259_200)).toBe('3.0 days');
  });
  it('only the offered ranges', () => {
    expect(isRangeDays(7)).toBe(true);
    expect(isRangeDays(8)).toBe(false);
  });
});
