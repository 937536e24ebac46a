import { expect, test } from 'vitest';
import { FaultSpec, matchingFault } from './faults';
import { NCMEC_FAULT_PATTERN, ncmecAnswerLost, ncmecFault, ncmecSlow } from './ncmec/ncmec-faults';

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

test('`ncmec:` faults name a CyberTipline response code, optionally for one endpoint', () => {
  for (const fault of [
    'ncmec:4100',
    'ncmec:upload:1000',
    'ncmec:finish:1000',
    'ncmec:retract:5102',
  ])
    expect(FaultSpec.safeParse(fault).success).toBe(true);
  for (const fault of ['ncmec:', 'ncmec:status:1000', 'ncmec:upload:', 'ncmec:0', 'ncmec:41a'])
    expect(FaultSpec.safeParse(fault).success).toBe(false);
  expect(ncmecFault(['ncmec:4100'], 'submit')).toBe(4100); // a bare code targets submit
  expect(ncmecFault(['ncmec:4100'], 'upload')).toBeNull();
  expect(ncmecFault(['ncmec:upload:1000'], 'upload')).toBe(1000);
  expect(ncmecFault(['ncmec:upload:1000'], 'finish')).toBeNull();
  expect(ncmecFault(['500:/api/queues', 'tamper:audit'], 'submit')).toBeNull();
});

test('`ncmec:<endpoint>:lost` loses that endpoint’s answers, and only those', () => {
  expect(FaultSpec.safeParse('ncmec:finish:lost').success).toBe(true);
  for (const fault of ['ncmec:lost', 'ncmec:status:lost', 'ncmec:finish:lost:1'])
    expect(FaultSpec.safeParse(fault).success).toBe(false);
  expect(ncmecAnswerLost(['ncmec:finish:lost'], 'finish')).toBe(true);
  expect(ncmecAnswerLost(['ncmec:finish:lost'], 'retract')).toBe(false);
  expect(ncmecAnswerLost(['ncmec:finish:1000'], 'finish')).toBe(false);
  expect(ncmecFault(['ncmec:finish:lost'], 'finish')).toBeNull();
});

test('`ncmec:<endpoint>:slow` names an endpoint whose requests reach NCMEC late', () => {
  expect(FaultSpec.safeParse('ncmec:submit:slow').success).toBe(true);
  for (const fault of ['ncmec:slow', 'ncmec:status:slow', 'ncmec:submit:slow:1'])
    expect(FaultSpec.safeParse(fault).success).toBe(false);
  expect(NCMEC_FAULT_PATTERN.test('ncmec:finish:slow')).toBe(true);
  expect(ncmecSlow(['ncmec:submit:slow'], 'submit')).toBe(true);
  expect(ncmecSlow(['ncmec:submit:slow'], 'finish')).toBe(false);
  expect(ncmecFault(['ncmec:submit:slow'], 'submit')).toBeNull();
  expect(ncmecAnswerLost(['ncmec:submit:slow'], 'submit')).toBe(false);
});

test('`ncmec:` faults never fail the console’s own HTTP API', () => {
  expect(matchingFault(['ncmec:4100', 'ncmec:upload:1000'], '/api/queues')).toBeNull();
  expect(matchingFault(['ncmec:upload:1000'], 'upload:1000')).toBeNull();
});
