import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium';

/**
 * The e2e suite drives the same server `npm start` runs (from its source, through tsx, rather than
 * its bundle): each worker starts its own, on its own
 * port and data directory (the `demoOrigin` fixture, e2e/fixtures.ts), so workers share no data.
 * `VERITY_E2E_WORKERS` sets how many run at once (a number or a share of the cores such as `50%`;
 * default 1, see README).
 */
const workersSetting = process.env.VERITY_E2E_WORKERS ?? '1';
const workers = workersSetting.endsWith('%') ? workersSetting : Number(workersSetting);
const executablePath = (await findChromium()) ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  // A spec file's tests run in order on their worker's server, each from the seeded data.
  fullyParallel: false,
  workers,
  retries: 0,
  // Generous: CI shares two cores with the server under test and the browser.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
