import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium';

/** The e2e suite drives the same server `npm start` runs, on its own port. */
export const e2ePort = Number(process.env.VERITY_E2E_PORT ?? 4327);
const executablePath = (await findChromium()) ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  // One shared server: tests reset its demo data and run one at a time.
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
  // The server in demo mode, its data in a new temporary directory that it deletes when stopped
  // (scripts/e2e-server.ts). Its first start seeds the demo data: allow for a slow machine.
  webServer: {
    command: `node --import tsx scripts/e2e-server.ts --port ${e2ePort}`,
    url: `http://127.0.0.1:${e2ePort}/api/session`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
