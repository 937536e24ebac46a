import { expect, test } from 'vitest';
import type { ItemStatus } from '../../../api/schemas/item';
import { slaDueText } from './sla-due';

const now = new Date('2026-11-25T12:00:00Z');
const pending = (slaDueAt: string) => ({ status: 'pending' as const, slaDueAt });

test('an item due later says how long is left', () => {
  expect(slaDueText(pending('2026-11-25T14:10:00Z'), now)).toEqual({
    text: 'due in 2h 10m',
    overdue: false,
  });
});

test('an item past its SLA says by how much', () => {
  expect(slaDueText(pending('2026-11-25T09:00:00Z'), now)).toEqual({
    text: 'overdue 3h',
    overdue: true,
  });
});

test.each<ItemStatus>(['awaiting_second_review', 'escalated', 'confirmed', 'dismissed'])(
  'an item past its first decision (%s) is never due nor overdue: its SLA was met or missed then',
  (status) => {
    expect(slaDueText({ status, slaDueAt: '2026-11-22T09:00:00Z' }, now)).toBeNull();
  },
);
