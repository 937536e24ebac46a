import { expect, test } from 'vitest';
import { countOf } from './count-of';

test('one thing is singular, any other count plural, with thousands separated', () => {
  expect(countOf(1, 'file')).toBe('1 file');
  expect(countOf(0, 'file')).toBe('0 files');
  expect(countOf(1204, 'item')).toBe('1,204 items');
  expect(countOf(2, 'match', 'matches')).toBe('2 matches');
});
