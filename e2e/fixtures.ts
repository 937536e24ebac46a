import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { demoUsers } from '../src/mocks/backend/directory';

export type DemoRole =
  'analyst' | 'second analyst' | 'supervisor' | 'second supervisor' | 'auditor';

const userIds: Record<DemoRole, string> = {
  analyst: 'usr_ana',
  'second analyst': 'usr_ben',
  supervisor: 'usr_sasha',
  'second supervisor': 'usr_mira',
  auditor: 'usr_alex',
};

export function demoUser(role: DemoRole) {
  const user = demoUsers.find((u) => u.id === userIds[role]);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

interface Fixtures {
  /** Every test, with or without a page, starts from the seeded state. */
  resetMock: undefined;
  /** HTTP statuses whose browser "Failed to load resource" line this test expects. */
  allowedFailedStatuses: number[];
  /** The test takes the browser offline: its failed-request lines are expected. */
  allowOffline: boolean;
  /** Sets mock knobs through `POST /__mock/config`. */
  mock: (config: Record<string, unknown>) => Promise<void>;
  signInAs: (role: DemoRole) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  allowedFailedStatuses: [[], { option: true }],
  allowOffline: [false, { option: true }],

  resetMock: [
    async ({ request }, use) => {
      const response = await request.post('/__mock/config', { data: { reset: true } });
      expect(response.ok(), await response.text()).toBe(true);
      await use(undefined);
    },
    { auto: true },
  ],

  mock: async ({ request }, use) => {
    await use(async (config) => {
      const response = await request.post('/__mock/config', { data: config });
      expect(response.ok(), await response.text()).toBe(true);
    });
  },

  page: async ({ page, allowedFailedStatuses, allowOffline, baseURL }, use) => {
    const problems: string[] = [];
    const allowed = [
      ...allowedFailedStatuses.map(
        (status) => `Failed to load resource: the server responded with a status of ${status}`,
      ),
      ...(allowOffline ? ['Failed to load resource: net::ERR_INTERNET_DISCONNECTED'] : []),
    ];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      if (allowed.some((line) => message.text().startsWith(line))) return;
      problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Nothing third-party may ever run script: a dialog is proof that something did.
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Nothing may leave the console's own origin (fonts, analytics, third-party URLs…).
    const origin = new URL(baseURL ?? '').origin;
    await page.context().route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
      problems.push(`request outside the console's origin: ${url}`);
      return route.abort();
    });
    await use(page);
    expect(problems, 'console errors, page errors or foreign requests').toEqual([]);
  },

  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const user = demoUser(role);
      await page.goto('/sign-in');
      await page.getByRole('button', { name: new RegExp(`${user.name}.*${user.role}`) }).click();
      await expect(page.getByRole('banner')).toContainText(user.name);
    });
  },
});

/** WCAG 2.1 A/AA and best-practice violations on the page as it is now. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations;
}

/** A second person at a second browser: a fresh context signed in as `role`. */
export async function signInElsewhere(browser: Browser, role: DemoRole) {
  const user = demoUser(role);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(`${user.name}.*${user.role}`) }).click();
  await expect(page.getByRole('banner')).toContainText(user.name);
  return { context, page };
}

/**
 * The item the workspace shows once the URL has caught up with it (the selection is written to the
 * URL a moment after it is painted), so a test can share or reopen it.
 */
export async function selectedItem(page: Page): Promise<string> {
  const shown = (await page.getByRole('heading', { level: 1, name: /^itm_/ }).textContent()) ?? '';
  await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBe(shown);
  return shown;
}

/** Opens a queue's pending items, takes the first with `j` and waits until the user holds it. */
export async function holdFirstPending(page: Page, queueId: string): Promise<string> {
  await page.goto(`/queues/${queueId}?status=pending`);
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  await page.keyboard.press('j');
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  return selectedItem(page);
}

export { expect };
export type { Page };
