import { expect, test } from 'vitest';
import { canReadAudit, canTriage, navigationFor, type NavigationEntry } from './navigation';

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

test('a section limited to some roles is offered to those roles only', () => {
  const entries: NavigationEntry[] = [
    { to: '/', label: 'Queues', roles: ['analyst', 'supervisor', 'auditor'] },
    { to: '/', label: 'Supervisors only', roles: ['supervisor'] },
  ];
  expect(navigationFor('supervisor', entries).map((e) => e.label)).toEqual([
    'Queues',
    'Supervisors only',
  ]);
  expect(navigationFor('analyst', entries).map((e) => e.label)).toEqual(['Queues']);
  expect(navigationFor('auditor', entries).map((e) => e.label)).toEqual(['Queues']);
});

test('auditors and supervisors read the audit log; analysts do not', () => {
  expect(navigationFor('auditor').map((e) => e.label)).toContain('Audit log');
  expect(navigationFor('supervisor').map((e) => e.label)).toContain('Audit log');
  expect(navigationFor('analyst').map((e) => e.label)).not.toContain('Audit log');
  expect([canReadAudit('auditor'), canReadAudit('supervisor'), canReadAudit('analyst')]).toEqual([
    true,
    true,
    false,
  ]);
});
