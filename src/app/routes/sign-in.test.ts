import { expect, test } from 'vitest';
import { safeRedirect } from './sign-in';

test('only same-origin paths are followed after sign-in', () => {
  expect(safeRedirect('/queues/q-hash?x=1')).toBe('/queues/q-hash?x=1');
  expect(safeRedirect(undefined)).toBe('/');
  expect(safeRedirect('//evil.example/')).toBe('/');
  expect(safeRedirect('https://evil.example/')).toBe('/');
  expect(safeRedirect('javascript:alert(1)')).toBe('/');
  expect(safeRedirect('/\\evil.example/')).toBe('/');
  expect(safeRedirect('/\\/evil.example/')).toBe('/');
  expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
});
