import { expect, test } from 'vitest';
import { canTriage, navigationFor } from './navigation';

test('every role reaches the queue overview', () => {
  for (const role of ['analyst', 'supervisor', 'auditor'] as const) {
    expect(navigationFor(role).map((e) => e.label)).toContain('Queues');
  }
});

test('only analysts and supervisors triage', () => {
  expect(canTriage('analyst')).toBe(true);
  expect(canTriage('supervisor')).toBe(true);
  expect(canTriage('auditor')).toBe(false);
});
