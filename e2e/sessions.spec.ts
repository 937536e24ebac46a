import { ItemDetail } from '../src/api/schemas/decision';
import { expect, holdFirstPending, test } from './fixtures';

// 401: the expired session. 403: back in the workspace, the item just decided may be read before
// the outbox's decision lands, and its claim is then refused ("you made the first review").
test.use({ allowedFailedStatuses: [401, 403] });

const outboxSize =
  "Object.keys(localStorage).filter((k) => k.startsWith('verity.outbox:usr_ana:')).length";

test('an idle session expires: the next action returns to sign-in with why, and the decision made meanwhile is sent after signing in again', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const itemId = await holdFirstPending(page, 'q-text');
  // The demo server ages this browser's session by the idle timeout (30 minutes by default).
  const aged = await page.request.post('/__mock/session-age', { data: { minutes: 30 } });
  expect(aged.ok(), await aged.text()).toBe(true);

  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'Your session expired after 30 minutes idle — sign in again.',
  );
  // The confirmation was refused with the session, and is kept in this browser.
  expect(await page.evaluate(outboxSize)).toBe(1);

  await page.getByRole('button', { name: /Ana Ortiz/ }).click();
  // Back in the workspace where the session ended; the outbox sends what waited.
  await expect(page).toHaveURL(/\/queues\/q-text/);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => page.evaluate(outboxSize)).toBe(0);
  const after = ItemDetail.parse(await (await page.request.get(`/api/items/${itemId}`)).json());
  expect(after.decisions.map((d) => [d.actor.id, d.verdict.kind])).toEqual([
    ['usr_ana', 'confirm'],
  ]);
});

test('Sign out everywhere from one browser signs the other browser out, and no one else', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const laptop = await signInElsewhere('analyst');
  const colleague = await signInElsewhere('second analyst');

  await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(laptop.page.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
  await expect(laptop.page.getByRole('status')).toHaveText('You have signed out in every browser.');

  // This browser learns it at its next action.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'All items' })
    .click();
  await expect(page.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'You signed out everywhere from another browser — sign in again.',
  );
  expect((await page.request.get('/api/queues')).status()).toBe(401);

  // Another analyst's session is untouched.
  await colleague.page.reload();
  await expect(colleague.page.getByRole('banner')).toContainText('Ben Okafor');
  expect((await colleague.page.request.get('/api/queues')).status()).toBe(200);
  await laptop.context.close();
  await colleague.context.close();
});
