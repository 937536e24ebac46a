import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { demoUsers } from '../src/server/directory/directory';
import { startDemoServer } from './demo-server';
import { guardContext, type GuardAllowances } from './guard';

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

export type SignInElsewhere = (role: DemoRole) => Promise<{ context: BrowserContext; page: Page }>;

interface Fixtures {
  /** Every test, with or without a page, starts from the seeded state. */
  resetMock: undefined;
  allowedFailedStatuses: GuardAllowances['allowedFailedStatuses'];
  allowOffline: GuardAllowances['allowOffline'];
  /**
   * Guards a browser context (every page and worker in it) for this test; the test fails at its
   * end on anything the guard saw. The default context is guarded; use `newContext` for others.
   */
  guard: (context: BrowserContext) => Promise<void>;
  /** Another browser context, guarded like the test's own and closed when the test ends. */
  newContext: () => Promise<BrowserContext>;
  /** A second person at a second browser: a fresh guarded context signed in as `role`. */
  signInElsewhere: SignInElsewhere;
  /** Sets mock knobs through `POST /__mock/config`. */
  mock: (config: Record<string, unknown>) => Promise<void>;
  signInAs: (role: DemoRole) => Promise<void>;
}

interface WorkerFixtures {
  /**
   * This worker's own demo server (scripts/e2e-server.ts) and data directory: workers never share
   * data. On `VERITY_E2E_PORT` plus the worker's index when that is set, else on a free port.
   */
  demoOrigin: string;
}

const firstPort = process.env.VERITY_E2E_PORT ? Number(process.env.VERITY_E2E_PORT) : null;

export const test = base.extend<Fixtures, WorkerFixtures>({
  demoOrigin: [
    async ({}, use, workerInfo) => {
      const server = await startDemoServer(
        firstPort === null ? 0 : firstPort + workerInfo.parallelIndex,
      );
      await use(server.origin);
      await server.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],

  baseURL: async ({ demoOrigin }, use) => {
    await use(demoOrigin);
  },

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

  guard: async ({ allowedFailedStatuses, allowOffline, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? '').origin;
    await use((context) =>
      guardContext(context, origin, { allowedFailedStatuses, allowOffline }, problems),
    );
    expect(problems, 'console errors, page errors, CSP violations or foreign requests').toEqual([]);
  },

  context: async ({ context, guard }, use) => {
    await guard(context);
    await use(context);
  },

  newContext: async ({ browser, guard }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      opened.push(context);
      await guard(context);
      return context;
    });
    for (const context of opened) await context.close();
  },

  signInElsewhere: async ({ newContext }, use) => {
    await use(async (role) => {
      const user = demoUser(role);
      const context = await newContext();
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByRole('button', { name: new RegExp(`${user.name}.*${user.role}`) }).click();
      await expect(page.getByRole('banner')).toContainText(user.name);
      return { context, page };
    });
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
