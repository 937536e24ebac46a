import { afterEach, beforeEach, expect, it } from 'vitest';
import { preservationDueSoon } from '../../domain/preservation';
import { openTestServer, type TestServer } from '../testing/test-server';
import { reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
beforeEach(async () => {
  server = await openTestServer();
  kit = reportKit(server);
}, 120_000);
afterEach(() => server.close());

const DAY = 86_400_000;

it('the report list puts filed reports whose preservation ends within 30 days first, then work to do, then the other filed reports by deadline', async () => {
  let number = 0;
  // Filed as a finished filing leaves a report (the filing is tested with the filing).
  const fileOne = async () => {
    kit.forgetSessions();
    const approved = await kit.approvedReport();
    number += 1;
    await kit.markFiled(approved.id, server.clock.now.toISOString(), `8100000${number}`);
    return kit.get(approved.id, 'usr_sasha');
  };
  const old = await fileOne();
  server.clock.now = new Date(server.clock.now.getTime() + 200 * DAY);
  const middle = await fileOne();
  server.clock.now = new Date(server.clock.now.getTime() + 140 * DAY); // the first: 25 or 26 days left
  const recent = await fileOne();

  const { reports } = await kit.list('usr_sasha');
  expect(reports[0]).toMatchObject({ id: old.id, filed: old.filed });
  expect(preservationDueSoon(old.filed?.preservationDeadline ?? '', server.clock.now)).toBe(true);
  expect(reports[1]?.status).not.toBe('filed');
  const filed = reports.filter((r) => r.status === 'filed').map((r) => r.id);
  expect(filed).toEqual([old.id, middle.id, recent.id]);
  expect(reports.at(-1)?.id).toBe(recent.id);
});
