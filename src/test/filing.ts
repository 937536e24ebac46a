import type { Report } from '../api/schemas/report';
import type { AuditEvent } from '../api/schemas/audit';
import type { NcmecEndpoint } from '../mocks/ncmec/mock-ncmec';
import { signInForTest, testBackend } from './mock-server';
import { call, getReport } from './reports';

/** Filing calls for handler tests, made by Sasha, the supervisor `approvedReport` makes reporter. */
export const sasha = () => signInForTest('usr_sasha').cookie;

export function file(report: Report, action: 'start' | 'resume' | 'retract' = 'start') {
  return call('POST', `/api/reports/${report.id}/filing`, sasha(), {
    version: report.version,
    action,
  });
}

/** The report once the server's filing has stopped running. */
export async function settled(id: string): Promise<Report> {
  for (let i = 0; i < 100; i++) {
    const report = await getReport(id, sasha());
    if (report.filing?.state !== 'running') return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the filing never stopped');
}

/** The calls the mock NCMEC received at `endpoint`, answered with `code` (any code: null). */
export const ncmecCalls = (endpoint: NcmecEndpoint, code: number | null = 0) =>
  testBackend.state.ncmec.calls.filter(
    (c) => c.endpoint === endpoint && (code === null || c.responseCode === code),
  );

/** The audit log's events about one report, in order. */
export const reportEvents = (reportId: string): AuditEvent[] =>
  testBackend.state.audit
    .range(1, testBackend.state.audit.size)
    .filter((e) => e.subject.type === 'report' && e.subject.id === reportId);
