import { describe, expect, it } from 'vitest';
import type { Report } from '../api/schemas/report';
import { canEditReport, isDraftEditor } from './report-permissions';

const report = (status: Report['status'], extra: Partial<Report> = {}) =>
  ({ status, draftEditors: [], submittedBy: null, ...extra }) as unknown as Report;

describe('report permissions', () => {
  it('drafts and rejected reports are edited by analysts and supervisors, never auditors', () => {
    for (const status of ['draft', 'rejected'] as const) {
      expect(canEditReport(report(status), 'analyst')).toBe(true);
      expect(canEditReport(report(status), 'supervisor')).toBe(true);
      expect(canEditReport(report(status), 'auditor')).toBe(false);
    }
  });

  it('in review only a supervisor amends; approved, filing, filed and retracted reports are closed', () => {
    expect(canEditReport(report('in_review'), 'supervisor')).toBe(true);
    expect(canEditReport(report('in_review'), 'analyst')).toBe(false);
    for (const status of ['approved', 'filing', 'filed', 'retracted'] as const) {
      expect(canEditReport(report(status), 'supervisor')).toBe(false);
    }
  });

  it('an editor or the submitter of the draft is a draft editor', () => {
    const actor = { id: 'usr_ana', name: 'Ana', role: 'analyst' as const };
    expect(isDraftEditor(report('in_review', { draftEditors: [actor] }), 'usr_ana')).toBe(true);
    expect(isDraftEditor(report('in_review', { submittedBy: actor }), 'usr_ana')).toBe(true);
    expect(isDraftEditor(report('in_review', { submittedBy: actor }), 'usr_sasha')).toBe(false);
  });
});
