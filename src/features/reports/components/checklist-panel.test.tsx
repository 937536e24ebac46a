// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { reportEndpoints } from '../../../api/endpoints/reports';
import { reportChecklist, type EntryState } from '../../../domain/report-checklist';
import { renderComponent } from '../../../test/render-component';
import { signInForTest, testBackend } from '../../../test/test-backend';
import { ReportEditor } from './report-editor';

/** Each state in the words the checklist says it. */
const said: Record<EntryState, string> = {
  present: 'Present',
  missing: 'Missing',
  not_available: 'Not available',
  deferred: 'Set at approval',
  refused: 'Refused by NCMEC',
};

/** The first draft report in the editor, for `userId`, with the checklist beside it. */
async function openDraft(userId = 'usr_ana') {
  const signedIn = await signInForTest(userId);
  const { db } = (await testBackend()).database;
  const { id } = await db
    .selectFrom('reports')
    .where('status', '=', 'draft')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const report = reportEndpoints.getReport.response.parse(
    await (await signedIn.get(`/api/reports/${id}`)).json(),
  );
  const { user } = renderComponent(<ReportEditor report={report} user={signedIn.user} />);
  const checklist = await screen.findByRole('complementary', { name: 'Completeness checklist' });
  return { user, report, checklist };
}

test('each entry of the checklist says its state, under its level', async () => {
  const { report, checklist } = await openDraft();
  const entries = reportChecklist(report, new Date());
  expect(entries.map((e) => e.state)).toEqual(expect.arrayContaining(['present', 'missing']));
  const levels = {
    required: within(checklist).getByRole('region', { name: /^Required/ }),
    actionability: within(checklist).getByRole('region', { name: /^Actionability/ }),
    recommended: within(checklist).getByRole('region', { name: /^Recommended/ }),
  };
  for (const entry of entries) {
    const item = within(levels[entry.level]).getByRole('listitem', { name: entry.label });
    expect(item, entry.label).toHaveTextContent(said[entry.state]);
  }
  const counted = entries.filter((e) => e.level !== 'recommended');
  const settled = counted.filter((e) => e.state !== 'missing' && e.state !== 'refused');
  expect(checklist).toHaveTextContent(
    `${settled.length} of ${counted.length} required and actionability entries settled`,
  );
  expect(within(checklist).getByRole('progressbar', { name: 'Completeness' })).toHaveAttribute(
    'value',
    String(settled.length),
  );
});

test('a missing actionability entry marked not available with a reason reads “Not available”; clearing the reason makes it missing again', async () => {
  const { report, user, checklist } = await openDraft();
  const entry = reportChecklist(report, new Date()).find(
    (e) => e.level === 'actionability' && e.state === 'missing',
  );
  if (!entry) throw new Error('the draft misses no actionability entry');
  const item = within(checklist).getByRole('listitem', { name: entry.label });
  expect(item).toHaveTextContent('Missing');

  await user.click(
    within(item).getByRole('button', { name: `Mark “${entry.label}” not available` }),
  );
  const reason = within(item).getByRole('textbox', {
    name: `Why is “${entry.label}” not available?`,
  });
  await user.type(reason, 'No logs');
  // Fewer than ten characters is no reason.
  expect(item).toHaveTextContent('Missing');
  await user.type(reason, ' kept.');
  expect(item).toHaveTextContent('Not available');
  expect(item).not.toHaveTextContent('Missing');

  await user.click(within(item).getByRole('button', { name: 'Clear the reason' }));
  expect(item).toHaveTextContent('Missing');
});

test('an auditor reads the checklist but cannot mark anything not available', async () => {
  const { checklist } = await openDraft('usr_alex');
  expect(within(checklist).getAllByRole('listitem').length).toBeGreaterThan(0);
  expect(within(checklist).queryByRole('button', { name: /not available/ })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
});
