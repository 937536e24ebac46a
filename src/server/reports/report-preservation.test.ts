import { afterAll, beforeAll, expect, it } from 'vitest';
import { preservationDueSoon } from '../../domain/preservation';
import { filingKit } from '../testing/filing';
import { openTestServer, type TestServer } from '../testing/test-server';

const DAY = 86_400_000;

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

/** Moves the server's clock; signing in again, since a session ends after 12 hours. */
async function advance(ms: number) {
  server.clock.now = new Date(server.clock.now.getTime() + ms);
  return filingKit(server);
}

it('the report list puts filed reports whose preservation ends within 30 days first, then work to do, then the other filed reports by deadline', async () => {
  const fileOne = async (kit: Awaited<ReturnType<typeof filingKit>>) => {
    const approved = await kit.approvedReport();
    await kit.file(approved);
    return kit.settled(approved.id);
  };
  const old = await fileOne(await filingKit(server));
  const middle = await fileOne(await advance(200 * DAY));
  const kit = await advance(140 * DAY); // the first is now 340 days old: 25 or 26 days left
  const recent = await fileOne(kit);

  const { reports } = await kit.listReports(kit.sasha);
  const now = server.clock.now;
  expect(reports[0]).toMatchObject({ id: old.id, filed: old.filed });
  expect(preservationDueSoon(old.filed?.preservationDeadline ?? '', now)).toBe(true);
  expect(reports[1]?.status).not.toBe('filed');
  const filed = reports.filter((r) => r.status === 'filed').map((r) => r.id);
  expect(filed).toEqual([old.id, middle.id, recent.id]);
  expect(reports.at(-1)?.id).toBe(recent.id);
});
