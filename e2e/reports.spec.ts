import { Report } from '../src/api/schemas/report';
import { axeViolations, expect, test, type Page } from './fixtures';
import { CHILD_PORNOGRAPHY, draftWithGaps, drafts, openApprovedReport } from './report-setup';

/** Every URL this page requests, to prove none goes to NCMEC. */
function recordRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('an analyst edits and submits a draft; the supervisor cannot approve it with a gap, explains the gap and so may not approve it; another supervisor approves and files it, following each step', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  // Three people in three browsers, and accessibility scans on the way.
  test.setTimeout(120_000);
  await signInAs('analyst');
  const { draft, gaps: blockers } = await draftWithGaps(page.request);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: draft?.id ?? '' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(draft?.id ?? '');
  const info = page.getByLabel('How it was found, what was done, what is still unknown');
  await info.fill('Found by the NCMEC hash list. Removed from the training set before training.');
  // The incident type is the analyst's choice: no draft comes with one.
  const checklist = page.getByRole('complementary', { name: 'Completeness checklist' });
  await expect(checklist.getByRole('listitem', { name: 'Incident type' })).toContainText('Missing');
  await page.getByRole('combobox', { name: 'Incident type' }).selectOption(CHILD_PORNOGRAPHY);
  await expect(checklist.getByRole('listitem', { name: 'Incident type' })).toContainText('Present');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('In review');

  const { context, page: sasha } = await signInElsewhere('supervisor');
  await sasha.goto(`/reports/${draft?.id ?? ''}`);
  const approve = sasha.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeDisabled();
  await expect(sasha.getByText(/^Cannot approve yet/)).toContainText(blockers[0]?.label ?? '');
  expect(await axeViolations(sasha)).toEqual([]);
  const sashaChecklist = sasha.getByRole('complementary', { name: 'Completeness checklist' });
  for (const blocker of blockers) {
    await sashaChecklist
      .getByRole('button', { name: `Mark “${blocker.label}” not available` })
      .click();
    await sashaChecklist
      .getByLabel(`Why is “${blocker.label}” not available?`)
      .fill('The supplier’s manifest for this batch does not carry it.');
    await expect(sashaChecklist.getByRole('listitem', { name: blocker.label })).toContainText(
      'Not available',
    );
  }
  // Explaining the gaps amends the report: she is told before she saves, and after it another
  // supervisor must approve it.
  await expect(sasha.getByText(/^Saving amends the report in review/)).toBeVisible();
  await sasha.getByRole('button', { name: 'Save changes' }).click();
  await expect(sasha.getByRole('button', { name: 'Saved' })).toBeVisible();
  await expect(
    sasha.getByText('You amended this report: another supervisor must approve it.'),
  ).toBeVisible();
  await expect(sasha.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(sasha.getByRole('button', { name: 'Reject…' })).toHaveCount(0);
  await context.close();

  const { context: other, page: mira } = await signInElsewhere('second supervisor');
  const requests = recordRequests(mira);
  await mira.goto(`/reports/${draft?.id ?? ''}`);
  await expect(mira.getByRole('heading', { level: 1 })).toContainText('In review');
  await mira.getByRole('button', { name: 'Approve' }).click();
  await expect(mira.getByRole('heading', { level: 1 })).toContainText('Approved');
  await mira.getByRole('button', { name: 'File with NCMEC' }).click();
  const filing = mira.getByRole('region', { name: 'Filing with NCMEC' });
  await expect(filing.getByRole('listitem').first()).toContainText('Submit the report');
  await expect(filing.getByRole('listitem').last()).toContainText('Finish the report');
  await expect(filing.getByText('Filed with NCMEC.')).toBeVisible();
  await expect(filing.getByRole('listitem').filter({ hasText: 'Done' })).toHaveCount(
    await filing.getByRole('listitem').count(),
  );
  await expect(filing.getByRole('definition').first()).toHaveText(/^\d{8,}$/);
  await expect(filing).toContainText('Preserve until');
  await expect(mira.getByRole('heading', { level: 1 })).toContainText('Filed');
  // Filing ran on the server: the browser never spoke to NCMEC's API (mocked at ncmec.mock/ispws;
  // the fixture already refuses any other origin), nor to any filing step of its own.
  expect(requests.length).toBeGreaterThan(0);
  expect(
    requests.filter((url) => /ncmec\.mock|\/ispws\/|\/(submit|upload|fileinfo|finish)\b/.test(url)),
  ).toEqual([]);
  expect(await axeViolations(mira)).toEqual([]);
  await other.close();
});

test('a value NCMEC’s rules refuse shows as refused in the checklist, naming the rule; it is saved, but the draft cannot be submitted', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const [draft] = await drafts(page.request);
  await page.goto(`/reports/${draft?.id ?? ''}`);
  const internet = page.getByRole('region', { name: 'Internet details' });
  await internet.getByRole('button', { name: 'Add a web page' }).click();
  await internet.getByRole('textbox', { name: 'URL' }).last().fill('javascript:alert(1)');
  const checklist = page.getByRole('complementary', { name: 'Completeness checklist' });
  const entry = checklist.getByRole('listitem', { name: 'Web page URL' });
  await expect(entry).toContainText('Refused by NCMEC');
  const pages = await internet.getByRole('group').count();
  await expect(
    entry.getByRole('list', { name: 'What NCMEC refuses in “Web page URL”' }),
  ).toHaveText(`web page ${pages}: must be a valid URL`);
  await expect(
    entry.getByRole('button', { name: 'Mark “Web page URL” not available' }),
  ).toHaveCount(0);
  // Saved as found: it is evidence.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(entry).toContainText('Refused by NCMEC');
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
  await expect(page.getByText(/^Cannot submit: NCMEC’s rules refuse/)).toContainText(
    `Web page URL (web page ${pages}: must be a valid URL)`,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('whoever edited a draft cannot approve it', async ({ page, signInAs }) => {
  await signInAs('supervisor');
  const [draft] = await drafts(page.request);
  await page.goto(`/reports/${draft?.id ?? ''}`);
  await page
    .getByLabel('What that time is')
    .fill('Crawl time: when the supplier’s crawler fetched the file.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(
    page.getByText('You edited or submitted this draft, so another supervisor must review it.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
});

test('a validation rejection (4100) from NCMEC is shown plainly and nothing is marked filed', async ({
  signInElsewhere,
  page,
  signInAs,
  mock,
}) => {
  await mock({ faults: ['ncmec:4100'] });
  await signInAs('supervisor');
  const id = await openApprovedReport(signInElsewhere, page);
  await page.getByRole('button', { name: 'File with NCMEC' }).click();
  const filing = page.getByRole('region', { name: 'Filing with NCMEC' });
  await expect(filing.getByRole('alert')).toContainText('rejected the report as invalid');
  await expect(filing.getByRole('alert')).toContainText('4100');
  await expect(filing.getByRole('listitem').first()).toContainText('Failed (code 4100)');
  await expect(page.getByRole('button', { name: 'Resume filing' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retract the report' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Filed');
  const report = Report.parse(await (await page.request.get(`/api/reports/${id}`)).json());
  expect(report.filed).toBeNull();
});

test('a supplemental report links to a filed one, and carries none of its files', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  const id = await openApprovedReport(signInElsewhere, page);
  await page.getByRole('button', { name: 'File with NCMEC' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Filed');
  await expect(page.getByText('Filed reports are read-only.')).toBeVisible();
  await expect(page.getByLabel('What that time is')).toBeDisabled();
  const ncmecId = await page
    .getByRole('region', { name: 'Filing with NCMEC' })
    .getByRole('definition')
    .first()
    .textContent();
  await page.getByRole('button', { name: 'Start a supplemental report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText(id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft');
  await expect(page.getByText(/^Supplemental to report/)).toContainText(
    `report ${id} (NCMEC ${ncmecId ?? ''}). It carries only what is new`,
  );
  await expect(page.getByRole('heading', { name: 'Files (0)' })).toBeVisible();
});

test('leaving a report with unsaved changes asks first; staying keeps them', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const [draft] = await drafts(page.request);
  await page.goto(`/reports/${draft?.id ?? ''}`);
  const info = page.getByLabel('How it was found, what was done, what is still unknown');
  await info.fill('Typed, not yet saved.');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Reports' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Stay and keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(info).toHaveValue('Typed, not yet saved.');
  await nav.getByRole('link', { name: 'Reports' }).click();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
});

test.describe('when someone else saved the report meanwhile', () => {
  test.use({ allowedFailedStatuses: [409] });

  test('the save is refused with the edits kept; they go onto the saved version, and saving keeps both people’s changes', async ({
    page,
    signInAs,
    signInElsewhere,
  }) => {
    await signInAs('analyst');
    const [draft] = await drafts(page.request);
    const id = draft?.id ?? '';
    await page.goto(`/reports/${id}`);
    const notes = page.getByLabel('How it was found, what was done, what is still unknown');
    await notes.fill('Ana: found in shard 7.');
    const kept = 'Were the files kept out of training?';

    const { context, page: ben } = await signInElsewhere('second analyst');
    await ben.goto(`/reports/${id}`);
    await ben.getByRole('combobox', { name: kept }).selectOption('yes');
    await ben.getByRole('button', { name: 'Save changes' }).click();
    await expect(ben.getByRole('button', { name: 'Saved' })).toBeVisible();
    await context.close();

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toContainText(`Report ${id} changed since you opened it`);
    await expect(notes).toHaveValue('Ana: found in shard 7.');
    await page
      .getByRole('button', { name: 'Put my changes on the version saved meanwhile' })
      .focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Your changes are now on version \d+/)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(notes).toHaveValue('Ana: found in shard 7.');
    await expect(page.getByRole('combobox', { name: kept })).toHaveValue('yes');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();
    const saved = Report.parse(await (await page.request.get(`/api/reports/${id}`)).json());
    expect(saved.additionalInfo).toBe('Ana: found in shard 7.');
    expect(saved.excludedFromTraining).toBe(true);
  });
});
