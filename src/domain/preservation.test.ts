import { describe, expect, it } from 'vitest';
import { PRESERVATION_DUE_DAYS, preservationDeadline, preservationDueSoon } from './preservation';

describe('the preservation deadline: one calendar year after filing', () => {
  it('is the same instant on the same day of the next year', () => {
    expect(preservationDeadline('2025-06-11T14:03:22.517Z')).toBe('2026-06-11T14:03:22.517Z');
  });

  it('is not a day short when the year holds 29 February', () => {
    // 365 days after 2027-03-01 is 2028-02-29: a day short of one year.
    expect(preservationDeadline('2027-03-01T09:00:00.000Z')).toBe('2028-03-01T09:00:00.000Z');
    expect(preservationDeadline('2028-01-15T00:00:00.000Z')).toBe('2029-01-15T00:00:00.000Z');
  });

  it('after 29 February runs to 1 March, never short of a year', () => {
    expect(preservationDeadline('2028-02-29T23:59:59.000Z')).toBe('2029-03-01T23:59:59.000Z');
  });

  it('is due soon within 30 days of it, and past it too', () => {
    const deadline = '2026-06-11T14:00:00.000Z';
    const daysBefore = (days: number) => new Date(Date.parse(deadline) - days * 86_400_000);
    expect(PRESERVATION_DUE_DAYS).toBe(30);
    expect(preservationDueSoon(deadline, daysBefore(31))).toBe(false);
    expect(preservationDueSoon(deadline, daysBefore(30))).toBe(true);
    expect(preservationDueSoon(deadline, daysBefore(1))).toBe(true);
    expect(preservationDueSoon(deadline, daysBefore(-3))).toBe(true);
  });
});
