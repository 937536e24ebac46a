import { expect, test } from 'vitest';
import { readSla } from './sla';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

test('nothing waiting has no SLA reading', () => {
  expect(readSla(null, 3600, now)).toEqual({ state: 'none', ageSeconds: null });
});

test('under three quarters of the SLA is ok, from there near, past it breached', () => {
  expect(readSla(ago(1000), 3600, now).state).toBe('ok');
  expect(readSla(ago(2700), 3600, now).state).toBe('near');
  expect(readSla(ago(3600), 3600, now).state).toBe('near');
  expect(readSla(ago(3601), 3600, now)).toEqual({ state: 'breached', ageSeconds: 3601 });
});

test('a flag time in the future (clock skew) reads as age zero', () => {
  expect(readSla(ago(-60), 3600, now)).toEqual({ state: 'ok', ageSeconds: 0 });
});
