// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ACTIVE_WITHIN_MS, isUnattended } from './user-activity';

// The clock stands still: an input and the time it is compared with fall in the same millisecond
// however busy the machine.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T12:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

test('the console is attended for a minute after a key, a pointer, a wheel or a touch', () => {
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    vi.setSystemTime(Date.now() + 5 * ACTIVE_WITHIN_MS);
    window.dispatchEvent(new Event(type));
    const at = Date.now();
    expect(isUnattended(at + ACTIVE_WITHIN_MS - 1)).toBe(false);
    expect(isUnattended(at + ACTIVE_WITHIN_MS + 1_000)).toBe(true);
  }
});

test('moving the pointer over the page alone is not use', () => {
  window.dispatchEvent(new Event('keydown'));
  const at = Date.now();
  vi.setSystemTime(at + 30_000);
  window.dispatchEvent(new Event('pointermove'));
  expect(isUnattended(at + ACTIVE_WITHIN_MS + 1_000)).toBe(true);
});
