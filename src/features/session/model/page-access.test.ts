import { expect, test } from 'vitest';
import { mayOpen, restrictedPages, rolesInWords, whyNot } from './page-access';

test('the audit log opens for auditors and supervisors, not analysts', () => {
  const roles = ['analyst', 'supervisor', 'auditor'] as const;
  expect(roles.map((role) => mayOpen('audit', role))).toEqual([false, true, true]);
});

test('insights open for supervisors only; a queue’s workspace for analysts and supervisors', () => {
  expect(mayOpen('insights', 'supervisor')).toBe(true);
  expect(mayOpen('insights', 'analyst')).toBe(false);
  expect(mayOpen('insights', 'auditor')).toBe(false);
  expect(mayOpen('queue', 'analyst')).toBe(true);
  expect(mayOpen('queue', 'auditor')).toBe(false);
});

test('who may open a page reads as words', () => {
  expect(rolesInWords(restrictedPages.audit.roles)).toBe('Auditors and supervisors');
  expect(rolesInWords(restrictedPages.insights.roles)).toBe('Supervisors');
  expect(rolesInWords(restrictedPages.queue.roles)).toBe('Analysts and supervisors');
  expect(rolesInWords(['analyst', 'supervisor', 'auditor'])).toBe(
    'Analysts, supervisors and auditors',
  );
});

test('a refusal says who the reader is and who can open the page', () => {
  expect(whyNot('audit', 'analyst')).toBe(
    'You are signed in as an analyst, and analysts cannot open it. Auditors and supervisors can.',
  );
  expect(whyNot('insights', 'auditor')).toBe(
    'You are signed in as an auditor, and auditors cannot open it. Supervisors can.',
  );
});
