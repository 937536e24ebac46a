import { defineConfig } from '@playwright/test';
import { e2eReviewSecret } from './e2e/review-secret';
import { findChromium } from './scripts/find-chromium';

/** The e2e suite drives the same server `npm start` runs, on its own port. */
export const e2ePort = Number(process.env.VERITY_E2E_PORT ?? 4327);
const executablePath = (await findChromium()) ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  // One shared mock server: tests reset it and run one at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: CI shares two cores with the server under test and the browser.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: '.playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
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
  webServer: {
    command: `npx tsx src/mocks/server.ts --port ${e2ePort}`,
    url: `http://127.0.0.1:${e2ePort}/api/session`,
    reuseExistingServer: false,
    env: { VERITY_REVIEW_SECRET: e2eReviewSecret },
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
