// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { testBackend, signInForTest } from '../../../test/test-backend';
import { renderApp } from '../../../test/render-app';

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
