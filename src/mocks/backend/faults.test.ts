import { expect, test } from 'vitest';
import { FaultSpec, matchingFault } from './faults';

test('a fault matches by path prefix', () => {
  expect(matchingFault(['500:/api/queues'], '/api/queues')).toBe('500');
  expect(matchingFault(['500:/api/queues'], '/api/queues/q-hash/items')).toBe('500');
  expect(matchingFault(['500:/api/queues'], '/api/items')).toBeNull();
  expect(matchingFault(['malformed:/api/items'], '/api/items/itm_1')).toBe('malformed');
});

test('`*` stands for one path segment, so one kind of call can fail alone', () => {
  const faults = ['500:/api/items/*/decisions'];
  expect(matchingFault(faults, '/api/items/itm_1/decisions')).toBe('500');
  expect(matchingFault(faults, '/api/items/itm_1/claim')).toBeNull();
  expect(matchingFault(faults, '/api/items/itm_1')).toBeNull();
  expect(matchingFault(faults, '/api/items/a/b/decisions')).toBeNull();
  expect(matchingFault(['500:/api/items.x'], '/api/itemsAx')).toBeNull(); // literal dot
  expect(FaultSpec.safeParse('500:/api/items/*/decisions').success).toBe(true);
});
