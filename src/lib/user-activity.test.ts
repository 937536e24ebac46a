// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { ACTIVE_WITHIN_MS, isUnattended } from './user-activity';

test('the console is attended for a minute after a key, a pointer, a wheel or a touch', () => {
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    window.dispatchEvent(new Event(type));
    const at = Date.now();
    expect(isUnattended(at + ACTIVE_WITHIN_MS - 1)).toBe(false);
    expect(isUnattended(at + ACTIVE_WITHIN_MS + 1_000)).toBe(true);
  }
});

test('moving the pointer over the page alone is not use', () => {
  window.dispatchEvent(new Event('keydown'));
  const at = Date.now();
  window.dispatchEvent(new Event('pointermove'));
  expect(isUnattended(at + ACTIVE_WITHIN_MS + 1_000)).toBe(true);
});
