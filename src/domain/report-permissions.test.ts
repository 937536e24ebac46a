import { describe, expect, it } from 'vitest';
import type { Report } from '../api/schemas/report';
import { canEditReport, reviewBar } from './report-permissions';

const report = (status: Report['status'], extra: Partial<Report> = {}) =>
  ({ status, draftEditors: [], amendedBy: [], submittedBy: null, ...extra }) as unknown as Report;

const ana = { id: 'usr_ana', name: 'Ana', role: 'analyst' as const };
const sasha = { id: 'usr_sasha', name: 'Sasha', role: 'supervisor' as const };

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

  it('whoever edited, submitted or amended it may not review it, and is told which', () => {
    expect(reviewBar(report('in_review', { draftEditors: [ana] }), 'usr_ana')).toBe('edited');
    expect(reviewBar(report('in_review', { submittedBy: ana }), 'usr_ana')).toBe('submitted');
    const amended = report('in_review', { draftEditors: [sasha], amendedBy: [sasha] });
    expect(reviewBar(amended, 'usr_sasha')).toBe('amended');
    expect(reviewBar(report('in_review', { submittedBy: ana }), 'usr_sasha')).toBeNull();
  });
});
