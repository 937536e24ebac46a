// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { reportEndpoints } from '../../../api/endpoints/reports';
import type { ReportEditable } from '../../../api/schemas/report';
import { testBackend, signInForTest } from '../../../test/test-backend';
import { renderApp } from '../../../test/render-app';
import { editableOf } from './report-editor';

test('a file name with a right-to-left override shows a visible marker in the editor, and is saved as found', async () => {
  await signInForTest('usr_ana');
  const { db } = (await testBackend()).database;
  const file = await db
    .selectFrom('report_files')
    .innerJoin('reports', 'reports.id', 'report_files.report_id')
    .where('reports.status', '=', 'draft')
    .select(['report_files.report_id', 'report_files.position'])
    .orderBy('report_files.report_id')
    .orderBy('report_files.position')
    .executeTakeFirst();
  if (!file) throw new Error('no draft with a file');
  const report = { id: file.report_id };
  const savedName = async () =>
    (
      await db
        .selectFrom('report_files')
        .where('report_id', '=', report.id)
        .where('position', '=', file.position)
        .select(sql<string>`file->>'originalFileName'`.as('name'))
        .executeTakeFirstOrThrow()
    ).name;
  await db
    .updateTable('report_files')
    .set({
      file: sql`jsonb_set(file, '{originalFileName}', to_jsonb(${'\u202eevil.jpg.exe'}::text))`,
    })
    .where('report_id', '=', report.id)
    .where('position', '=', file.position)
    .execute();

  const { user } = renderApp(`/reports/${report.id}`);
  const section = await screen.findByRole('region', { name: 'File 1' }, { timeout: 10_000 });
  const input = within(section).getByRole('textbox', { name: 'Original file name' });
  expect(input).toHaveValue('⟨U+202E⟩evil.jpg.exe');
  expect(input).toHaveAccessibleDescription(/⟨U\+…⟩ marks an invisible or direction-changing/);

  await user.type(input, '.zip');
  expect(input).toHaveValue('⟨U+202E⟩evil.jpg.exe.zip');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(async () => expect(await savedName()).toBe('\u202eevil.jpg.exe.zip'));
});

const notesField = { name: 'How it was found, what was done, what is still unknown' };
const bensNotes = 'Ben: the supplier confirmed the batch.';

/**
 * Ana edits a draft's notes in the editor while Ben saves the same report from his browser, then
 * she saves: the server answers 409.
 */
async function saveAfterSomeoneElse(
  bensChange: Partial<ReportEditable> = { additionalInfo: bensNotes },
) {
  await signInForTest('usr_ana');
  const { db } = (await testBackend()).database;
  const { id: reportId } = await db
    .selectFrom('reports')
    .where('status', '=', 'draft')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { user } = renderApp(`/reports/${reportId}`);
  const notes = await screen.findByRole('textbox', notesField, { timeout: 10_000 });
  await user.clear(notes);
  await user.type(notes, 'Ana: found in shard 7.');

  const ben = await (await testBackend()).signIn('usr_ben');
  const saved = async () =>
    reportEndpoints.getReport.response.parse(
      await (await ben.get(`/api/reports/${reportId}`)).json(),
    );
  const seen = await saved();
  const put = await ben.send('PUT', `/api/reports/${reportId}`, {
    version: seen.version,
    fields: { ...editableOf(seen), ...bensChange },
  });
  expect(put.status).toBe(200);

  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  return { user, notes, reportId, saved, alert: await screen.findByRole('alert') };
}

test('saving after someone else saved shows the conflict, keeps what the person typed, and overwrites nothing', async () => {
  const { user, notes, reportId, saved, alert } = await saveAfterSomeoneElse();
  expect(alert).toHaveTextContent('Not saved');
  expect(alert).toHaveTextContent(`Report ${reportId} changed since you opened it`);
  expect(notes).toHaveValue('Ana: found in shard 7.');
  expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  expect((await saved()).additionalInfo).toBe(bensNotes);

  // Discarding her edit shows his.
  await user.click(screen.getByRole('button', { name: 'Discard changes' }));
  expect(await screen.findByRole('textbox', notesField)).toHaveValue(bensNotes);
});

test('once the conflicting edit is discarded, the form shows the saved report and no longer says “Not saved”', async () => {
  const { user } = await saveAfterSomeoneElse();
  await user.click(screen.getByRole('button', { name: 'Discard changes' }));
  expect(await screen.findByRole('textbox', notesField)).toHaveValue(bensNotes);
  expect(screen.getByRole('button', { name: 'Saved' })).toBeDisabled();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('after the conflict, the person’s edits go onto the version saved meanwhile, and saving keeps both people’s changes', async () => {
  const { user, saved } = await saveAfterSomeoneElse({ excludedFromTraining: true });
  const latest = (await saved()).version;
  await user.click(
    await screen.findByRole('button', { name: 'Put my changes on the version saved meanwhile' }),
  );
  expect(screen.getByRole('status')).toHaveTextContent(`Your changes are now on version ${latest}`);
  expect(screen.getByRole('status')).not.toHaveTextContent('Changed by both of you');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(await screen.findByRole('textbox', notesField)).toHaveValue('Ana: found in shard 7.');
  expect(
    screen.getByRole('combobox', { name: 'Were the files kept out of training?' }),
  ).toHaveValue('yes');

  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(async () => expect((await saved()).version).toBe(latest + 1));
  const both = await saved();
  expect(both.additionalInfo).toBe('Ana: found in shard 7.');
  expect(both.excludedFromTraining).toBe(true);
  expect(await screen.findByRole('button', { name: 'Saved' })).toBeDisabled();
  expect(screen.queryByRole('status')).toBeNull();
});

test('a value both people changed is named before the person saves over it', async () => {
  const { user, saved } = await saveAfterSomeoneElse();
  await user.click(
    await screen.findByRole('button', { name: 'Put my changes on the version saved meanwhile' }),
  );
  expect(screen.getByRole('status')).toHaveTextContent(
    'Changed by both of you: Additional information. Yours are in the form',
  );
  expect(await screen.findByRole('textbox', notesField)).toHaveValue('Ana: found in shard 7.');
  // Nothing is saved over Ben's notes until she saves.
  expect((await saved()).additionalInfo).toBe(bensNotes);
});

test('saved over again after the edits were carried: the note of the carried version goes, and they can be carried again', async () => {
  const { user, saved, reportId } = await saveAfterSomeoneElse({ excludedFromTraining: true });
  const carry = { name: 'Put my changes on the version saved meanwhile' };
  await user.click(await screen.findByRole('button', carry));
  expect(screen.getByRole('status')).toHaveTextContent('Your changes are now on version');

  const ben = await (await testBackend()).signIn('usr_ben');
  const seen = await saved();
  const again = { ...editableOf(seen), excludedFromTraining: false };
  const put = await ben.send('PUT', `/api/reports/${reportId}`, {
    version: seen.version,
    fields: again,
  });
  expect(put.status).toBe(200);
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Not saved');
  await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  await user.click(await screen.findByRole('button', carry));
  expect(screen.getByRole('status')).toHaveTextContent(
    `Your changes are now on version ${seen.version + 1}`,
  );
  expect(await screen.findByRole('textbox', notesField)).toHaveValue('Ana: found in shard 7.');
});
