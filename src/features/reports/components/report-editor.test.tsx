// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { signInForTest, testBackend } from '../../../test/mock-server';
import { renderApp } from '../../../test/render-app';

test('a file name with a right-to-left override shows a visible marker in the editor, and is saved as found', async () => {
  signInForTest('usr_ana');
  const report = testBackend.state.reports
    .list()
    .find((r) => r.status === 'draft' && r.files.length > 0);
  const file = report?.files[0];
  if (!report || !file) throw new Error('no draft with a file');
  file.originalFileName = '\u202eevil.jpg.exe';

  const { user } = renderApp(`/reports/${report.id}`);
  const section = await screen.findByRole('region', { name: 'File 1' }, { timeout: 10_000 });
  const input = within(section).getByRole('textbox', { name: 'Original file name' });
  expect(input).toHaveValue('⟨U+202E⟩evil.jpg.exe');
  expect(input).toHaveAccessibleDescription(/⟨U\+…⟩ marks an invisible or direction-changing/);

  await user.type(input, '.zip');
  expect(input).toHaveValue('⟨U+202E⟩evil.jpg.exe.zip');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() =>
    expect(testBackend.state.reports.get(report.id).files[0]?.originalFileName).toBe(
      '\u202eevil.jpg.exe.zip',
    ),
  );
});
