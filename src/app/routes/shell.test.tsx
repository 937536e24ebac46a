// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { advanceBackendClock, signInForTest } from '../../test/test-backend';
import { SessionState } from '../../api/schemas/session';
import { renderApp } from '../../test/render-app';

const minute = 60_000;

test('a session that expired while idle returns to sign-in at the next action and says why', async () => {
  await signInForTest('usr_ana');
  const { user, history } = renderApp('/');
  await screen.findByRole('table', { name: /queues/i });
  await advanceBackendClock(30 * minute);
  await user.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
      name: 'All items',
    }),
  );
  // The workspace's code loads first (its own chunk), then its first request finds no session.
  const heading = screen.findByRole('heading', { name: 'Sign in to Verity' }, { timeout: 8000 });
  expect(await heading).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Your session expired after 30 minutes idle — sign in again.',
  );
  // Signing in again returns to where the session ended.
  expect(history.location.search).toBe('?reason=expired&redirect=%2Fitems');
});

test('Sign out everywhere ends this browser’s session and the others, and returns to sign-in', async () => {
  await signInForTest('usr_ben');
  const elsewhere = await signInForTest('usr_ben');
  // signInForTest hands the page the last session: this browser is the second one.
  const { user } = renderApp('/');
  const header = await screen.findByRole('banner');
  await user.click(within(header).getByRole('button', { name: 'Sign out everywhere' }));
  expect(await screen.findByRole('heading', { name: 'Sign in to Verity' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('You have signed out in every browser.');
  expect((await elsewhere.get('/api/queues')).status).toBe(401);
  const ended = SessionState.parse(await (await elsewhere.get('/api/session')).json());
  expect(ended.user).toBeNull();
});
