import { afterEach, expect, test } from 'vitest';
import { filingKit } from '../testing/filing';
import { openTestServer, type TestServer } from '../testing/test-server';
import { startFilingWorker } from './filing-worker';

let server: TestServer | undefined;
afterEach(() => server?.close());

test('the server’s worker picks up a filing on its own, step by step, and stops when told', async () => {
  server = await openTestServer();
  const kit = await filingKit(server);
  const worker = startFilingWorker(server.context, { intervalMs: 20 });
  try {
    const approved = await kit.approvedReport();
    await kit.file(approved);
    let report = await kit.getReport(approved.id);
    for (let i = 0; i < 200 && report.status === 'filing'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = await kit.getReport(approved.id);
    }
    expect(report.status).toBe('filed');
    expect(kit.ncmecCalls('finish')).toHaveLength(1);
  } finally {
    await worker.stop();
  }
}, 120_000);
