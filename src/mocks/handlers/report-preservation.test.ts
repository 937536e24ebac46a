import { expect, it } from 'vitest';
import { preservationDueSoon } from '../../domain/preservation';
import { file, sasha, settled } from '../../test/filing';
import { advanceBackendClock, testBackend } from '../../test/mock-server';
import { approvedReport, listReports } from '../../test/reports';

const DAY = 86_400_000;

it('the report list puts filed reports whose preservation ends within 30 days first, then work to do, then the other filed reports by deadline', async () => {
  const fileOne = async () => {
    const approved = await approvedReport();
    await file(approved);
    return settled(approved.id);
  };
  const old = await fileOne();
  advanceBackendClock(200 * DAY);
  const middle = await fileOne();
  advanceBackendClock(140 * DAY); // the first is now 340 days old: 25 or 26 days left
  const recent = await fileOne();

  const { reports } = await listReports(sasha());
  const now = testBackend.now();
  expect(reports[0]).toMatchObject({ id: old.id, filed: old.filed });
  expect(preservationDueSoon(old.filed?.preservationDeadline ?? '', now)).toBe(true);
  expect(reports[1]?.status).not.toBe('filed');
  const filed = reports.filter((r) => r.status === 'filed').map((r) => r.id);
  expect(filed).toEqual([old.id, middle.id, recent.id]);
  expect(reports.at(-1)?.id).toBe(recent.id);
});
