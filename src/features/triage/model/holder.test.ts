import { expect, test } from 'vitest';
import type { Lease } from '../../../api/schemas/item';
import { heldElsewhere, holderName, holdingOf } from './holder';

const lease = (holderId: string, window: string | null): Lease => ({
  holderId,
  holderName: holderId === 'usr_ana' ? 'Ana Ortiz' : 'Ben Okafor',
  expiresAt: '2026-11-25T12:05:00Z',
  window,
});

test('my lease in this window is mine here', () => {
  expect(holdingOf(lease('usr_ana', 'win-one-1234'), 'usr_ana', 'win-one-1234')).toBe('here');
  expect(holderName(lease('usr_ana', 'win-one-1234'), 'usr_ana', 'win-one-1234')).toBe('you');
});

test('my lease in another tab or browser is mine, elsewhere: never my name as if someone else', () => {
  const mine = lease('usr_ana', 'win-two-1234');
  expect(holdingOf(mine, 'usr_ana', 'win-one-1234')).toBe('elsewhere');
  expect(holderName(mine, 'usr_ana', 'win-one-1234')).toBe('you (another window)');
});

test('my lease taken in no window (handed to me, or by "Start reviewing" without one) is mine here', () => {
  expect(holdingOf(lease('usr_ana', null), 'usr_ana', 'win-one-1234')).toBe('here');
});

test('someone else’s lease names them, whichever window holds it', () => {
  expect(holderName(lease('usr_ben', 'win-one-1234'), 'usr_ana', 'win-one-1234')).toBe(
    'Ben Okafor',
  );
});

test('only a live lease of mine in another window waits to be taken over', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const mine = lease('usr_ana', 'win-two-1234');
  expect(heldElsewhere(mine, 'usr_ana', 'win-one-1234', now)).toBe(true);
  expect(heldElsewhere(mine, 'usr_ana', 'win-two-1234', now)).toBe(false);
  expect(heldElsewhere(lease('usr_ben', 'win-two-1234'), 'usr_ana', 'win-one-1234', now)).toBe(
    false,
  );
  expect(heldElsewhere(mine, 'usr_ana', 'win-one-1234', new Date('2026-11-25T12:06:00Z'))).toBe(
    false,
  );
  expect(heldElsewhere(null, 'usr_ana', 'win-one-1234', now)).toBe(false);
});
