import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test, type Page } from './fixtures';

/** A pending, blurred item nobody holds, in the high-confidence classifier queue. */
async function freeBlurredItem(page: Page): Promise<string> {
  const list = ItemPage.parse(
    await (await page.request.get('/api/queues/q-clf-high/items?status=pending&limit=100')).json(),
  );
  const item = list.items.find((row) => row.previewMode === 'blurred' && row.lease === null);
  expect(item, 'a free blurred pending item').toBeDefined();
  return item?.id ?? '';
}

/** Every request the page makes for media of any kind, from now on. */
function recordMediaRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/(preview|reveal|media)\b/.test(request.url()) || request.resourceType() === 'image')
      urls.push(request.url());
  });
  return urls;
}

async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Blur strength' })).toBeVisible();
}

const blurredPreview = (page: Page) =>
  page.getByRole('img', { name: 'Server-blurred preview (not the original)' });
const original = (page: Page) => page.getByRole('img', { name: /Revealed original/ });

/** On a controlled clock, the analyst signs in, picks a free blurred item and opens the settings. */
async function settingsWithABlurredItem(page: Page, signInAs: (role: 'analyst') => Promise<void>) {
  await page.clock.install();
  await signInAs('analyst');
  const itemId = await freeBlurredItem(page);
  await openSettings(page);
  return itemId;
}

test('with safe mode on, the triage workspace makes no preview request at all', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const itemId = await freeBlurredItem(page);
  await openSettings(page);
  await page.getByRole('checkbox', { name: 'Safe mode: no previews at all' }).check();

  const media = recordMediaRequests(page);
  await page.goto(`/queues/q-clf-high?status=pending&item=${itemId}`);
  await expect(page.getByRole('heading', { level: 1, name: itemId })).toBeVisible();
  await expect(page.getByText(/Safe mode is on: no previews are shown/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Visual fingerprint of SHA-256/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal…' })).toHaveCount(0);
  // Moving on through the queue loads no media either (once the list shows where the item is).
  await expect(
    page.getByRole('option', { name: new RegExp(itemId), selected: true }),
  ).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: itemId })).toHaveCount(0);
  await expect(page.getByText(/Safe mode is on/)).toBeVisible();
  expect(media).toEqual([]);

  // The note leads to the switch; off again, the blurred preview is back.
  await page.getByRole('link', { name: 'Wellness settings' }).click();
  await page.getByRole('checkbox', { name: 'Safe mode: no previews at all' }).uncheck();
  await page.goto(`/items/${itemId}`);
  await expect(blurredPreview(page)).toBeVisible();
});

test('the settings offer nothing less safe than the organisation’s defaults, and the preview obeys them', async ({
  page,
  signInAs,
}) => {
  const itemId = await settingsWithABlurredItem(page, signInAs);
  const blur = page.getByRole('combobox', { name: 'Blur strength' });
  await expect(blur).toHaveValue('3');
  await expect(blur.getByRole('option', { name: /^1 — Light/ })).toBeDisabled();
  await expect(blur.getByRole('option', { name: /^2 — Medium/ })).toBeDisabled();
  const grayscale = page.getByRole('checkbox', { name: 'Grayscale previews' });
  await expect(grayscale).toBeChecked();
  await expect(grayscale).toBeDisabled();
  await expect(page.getByText('Your organisation keeps grayscale on for everyone.')).toBeVisible();
  const reblur = page.getByRole('spinbutton', { name: 'Blur a reveal again after' });
  await expect(reblur).toHaveAttribute('max', '10');
  await reblur.fill('20');
  await expect(page.getByText('Enter a whole number from 3 to 10.')).toBeVisible();

  await reblur.fill('4');
  await blur.selectOption('5');
  await page.goto(`/items/${itemId}`);
  const filter = await blurredPreview(page).evaluate((el) => getComputedStyle(el).filter);
  expect(filter).toContain('blur(64px)');
  expect(filter).toContain('grayscale');
  await page.getByRole('button', { name: 'Reveal…' }).click();
  await page.getByRole('button', { name: 'Reveal for 4 s' }).click();
  await expect(original(page)).toBeVisible();
  // Unblurred is not in colour: grayscale stays on.
  expect(await original(page).evaluate((el) => getComputedStyle(el).filter)).toContain('grayscale');
  await page.clock.fastForward('00:05');
  await expect(original(page)).toHaveCount(0);

  // Back to the organisation's defaults.
  await openSettings(page);
  await page.getByRole('button', { name: 'Reset to organisation defaults' }).click();
  await expect(blur).toHaveValue('3');
  await expect(reblur).toHaveValue('10');
});

/** In the settings: a 1-minute exposure budget (kept per browser, like every wellness choice). */
async function oneMinuteBudget(page: Page) {
  await openSettings(page);
  await page.getByRole('spinbutton', { name: 'Exposure budget per shift' }).fill('1');
  await expect(page.getByText(/^Revealed this shift: \S+ of 1m$/)).toBeVisible();
}

/** A reveal of the item that the server records as a minute long (`/__mock/reveal-age`). */
async function revealForAMinute(page: Page, itemId: string) {
  await page.goto(`/items/${itemId}`);
  await page.getByRole('button', { name: 'Reveal…' }).click();
  await page.getByRole('button', { name: 'Reveal for 10 s' }).click();
  await expect(original(page)).toBeVisible();
  const aged = await page.request.post('/__mock/reveal-age', { data: { seconds: 60 } });
  expect(aged.ok(), await aged.text()).toBe(true);
  await page.getByRole('button', { name: 'Blur now' }).click();
  await expect(original(page)).toHaveCount(0);
}

const breakPrompt = (page: Page) => page.getByRole('region', { name: 'Time for a short break' });

test('the break prompt counts the shift on the server: another browser of the same person shows the same figure and prompt', async ({
  page,
  signInAs,
  signInElsewhere,
}) => {
  await signInAs('analyst');
  const itemId = await freeBlurredItem(page);
  await oneMinuteBudget(page);
  await expect(page.getByText('Revealed this shift: 0s of 1m')).toBeVisible();
  await expect(page.getByText(/No shift is running: your next reveal starts one/)).toBeVisible();

  await revealForAMinute(page, itemId);
  await expect(breakPrompt(page)).toBeVisible();
  await expect(breakPrompt(page)).toContainText('revealed media for 1m this shift');
  await expect(breakPrompt(page)).toContainText('nothing is blocked');
  await expect(page.getByRole('button', { name: 'Reveal…' })).toBeEnabled();

  // A second browser, signed in afresh as the same person: the same shift, not a new one at zero.
  const { page: elsewhere } = await signInElsewhere('analyst');
  await oneMinuteBudget(elsewhere);
  await expect(elsewhere.getByText('Revealed this shift: 1m of 1m')).toBeVisible();
  await expect(
    elsewhere.getByText(/Counted by the server from every reveal of yours, in any browser/),
  ).toBeVisible();
  await elsewhere.goto(`/items/${itemId}`);
  await expect(breakPrompt(elsewhere)).toContainText('revealed media for 1m this shift');

  // Dismissed there, it stays away for the rest of the shift here too.
  await breakPrompt(elsewhere).getByRole('button', { name: 'Dismiss for this shift' }).click();
  await expect(breakPrompt(elsewhere)).toHaveCount(0);
  await page.reload();
  await expect(blurredPreview(page)).toBeVisible();
  await expect(breakPrompt(page)).toHaveCount(0);
});

test.describe('offline', () => {
  test.use({ allowOffline: true });

  test('offline, the exposure shown is this browser’s own, and says so', async ({
    page,
    signInAs,
  }) => {
    await signInAs('analyst');
    const itemId = await freeBlurredItem(page);
    await oneMinuteBudget(page);
    await revealForAMinute(page, itemId);
    await expect(breakPrompt(page)).toBeVisible();
    await openSettings(page);
    await expect(page.getByText('Revealed this shift: 1m of 1m')).toBeVisible();

    // This browser measured its reveal for the second or so it showed: that is all it knows.
    await page.context().setOffline(true);
    await expect(page.getByText(/^Revealed this shift: \d+s of 1m$/)).toBeVisible();
    await expect(
      page.getByText(/Offline: this counts only the reveals made in this browser/),
    ).toBeVisible();
    await page.context().setOffline(false);
    await expect(page.getByText('Revealed this shift: 1m of 1m')).toBeVisible();
  });
});

test('after the idle time every preview is hidden behind a lock screen; the key that returns decides nothing', async ({
  page,
  signInAs,
}) => {
  await page.clock.install();
  await signInAs('analyst');
  const itemId = await freeBlurredItem(page);
  await page.goto(`/queues/q-clf-high?status=pending&item=${itemId}`);
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  await expect(blurredPreview(page)).toBeVisible();

  await page.clock.fastForward('05:01');
  const lock = page.getByText(
    'Previews hidden after 5 minutes idle — press a key or click to return',
  );
  await expect(lock).toBeVisible();
  await expect(page.getByRole('img', { name: /preview|original/i })).toHaveCount(0);

  // “c” would confirm the item; while locked it only brings the analyst back.
  await page.locator('body').focus();
  await page.keyboard.press('c');
  await expect(lock).toHaveCount(0);
  await expect(blurredPreview(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  const { decisions } = ItemDetail.parse(
    await (await page.request.get(`/api/items/${itemId}`)).json(),
  );
  expect(decisions).toEqual([]);
});

for (const role of ['analyst', 'auditor'] as const) {
  test(`the settings screen has no axe violations for the ${role}`, async ({ page, signInAs }) => {
    await signInAs(role);
    await openSettings(page);
    await expect(
      page.getByRole('table', { name: 'Keyboard shortcuts in the triage workspace' }),
    ).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
