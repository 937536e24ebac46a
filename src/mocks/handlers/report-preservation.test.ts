import { expect, it } from 'vitest';
import { preservationDeadline, preservationDueSoon } from '../../domain/preservation';
import { file, sasha, settled } from '../../test/filing';
import { advanceBackendClock, callMock, testBackend } from '../../test/mock-server';
import { approvedReport, getReport, listReports } from '../../test/reports';

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

it('/__mock/report-age moves a filed report’s filing back, its deadline with it, for demos and tests', async () => {
  const approved = await approvedReport();
  await file(approved);
  const filed = await settled(approved.id);
  const age = (body: unknown) =>
    callMock('/__mock/report-age', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await age({ reportId: approved.id, days: 340 })).status).toBe(200);
  const aged = await getReport(approved.id, sasha());
  const filedAt = new Date(Date.parse(filed.filed?.filedAt ?? '') - 340 * DAY).toISOString();
  expect(aged.filed).toEqual({
    ncmecReportId: filed.filed?.ncmecReportId,
    filedAt,
    preservationDeadline: preservationDeadline(filedAt),
  });
  expect((await age({ reportId: 'rpt_99999', days: 1 })).status).toBe(404);
  expect((await age({ reportId: approved.id, days: 0 })).status).toBe(400);
});
