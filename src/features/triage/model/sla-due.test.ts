import { expect, test } from 'vitest';
import { slaDueText } from './sla-due';

const now = new Date('2026-11-25T12:00:00Z');

test('an item due later says how long is left', () => {
  expect(slaDueText('2026-11-25T14:10:00Z', now)).toEqual({
    text: 'due in 2h 10m',
    overdue: false,
  });
});

test('an item past its SLA says by how much', () => {
  expect(slaDueText('2026-11-25T09:00:00Z', now)).toEqual({ text: 'overdue 3h', overdue: true });
});
