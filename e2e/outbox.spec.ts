import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { demoUser, expect, test } from './fixtures';

test.describe('with the network gone', () => {
  test.use({ allowOffline: true });

  test('three decisions made offline survive closing the console and reach the server exactly once', async ({
    page,
    signInAs,
  }) => {
    await signInAs('analyst');
    const context = page.context();
    const list = ItemPage.parse(
      await (await page.request.get('/api/queues/q-text/items?status=pending&limit=50')).json(),
    );
    const ids = list.items
      .filter((row) => row.lease === null)
      .map((row) => row.id)
      .slice(0, 3);
    expect(ids).toHaveLength(3);

    // Three tabs, each holding one item, loaded while online.
    const tabs = [page, await context.newPage(), await context.newPage()];
    for (const [index, tab] of tabs.entries()) {
      await tab.goto(`/queues/q-text?status=pending&item=${ids[index]}`);
      await expect(tab.getByText(/^Held by you until/)).toBeVisible();
    }

    await context.setOffline(true);
    for (const tab of tabs) {
      await tab.bringToFront();
      await tab.keyboard.press('c');
      await expect(tab.getByText(/decisions? waiting to send/)).toBeVisible();
    }
    // The next item cannot be claimed (or, if it was not prefetched, loaded): a plain offline state.
    await expect(
      page.getByText(/^You are offline: (the|this) item cannot be/).first(),
    ).toBeVisible();
    expect(
      await page.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('verity.outbox:usr_ana:')).length",
      ),
    ).toBe(3);

    // Leaving with unsent decisions asks first.
    const last = tabs[2];
    const warned = last?.waitForEvent('dialog');
    await last?.close({ runBeforeUnload: true });
    const dialog = await warned;
    expect(dialog?.type()).toBe('beforeunload');
    await dialog?.accept();
    for (const tab of tabs.slice(0, 2)) await tab.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto('/');
    await expect(again.getByRole('table', { name: /queues/i })).toBeVisible();
    await expect(again.getByText(/waiting to send/)).toHaveCount(0, { timeout: 15_000 });

    // The server's record, not the page's: one decision per item, each Ana's confirmation.
    for (const id of ids) {
      const detail = ItemDetail.parse(await (await again.request.get(`/api/items/${id}`)).json());
      expect(detail.decisions.map((d) => [d.actor.name, d.verdict.kind])).toEqual([
        ['Ana Ortiz', 'confirm'],
      ]);
    }
    expect(
      await again.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('verity.outbox:')).length",
      ),
    ).toBe(0);
  });
});

test('a stored decision that cannot be read is kept aside and the reviewer is told, not dropped', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const key = `verity.outbox:${encodeURIComponent(demoUser('analyst').id)}:corrupt`;
  await page.evaluate((k) => localStorage.setItem(k, '{"verdict":"confirm"'), key);
  await page.reload();

  await expect(page.getByRole('alert')).toHaveText(
    /^1 stored decision could not be read and was kept aside: not sent/,
  );
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('verity.outbox')),
  );
  expect(stored).toEqual([key.replace('verity.outbox:', 'verity.outbox-unreadable:')]);
  // Still said after another reload: what is kept aside stays visible.
  await page.reload();
  await expect(page.getByText(/could not be read and was kept aside/)).toBeVisible();
});
