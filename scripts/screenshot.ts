/** `npm run screenshot`: regenerates docs/screenshot.png from the demo (run `npm run build` first). */
import { chromium } from '@playwright/test';
import { startTestServer } from '../src/server/start/test-start';
import { findChromium } from './find-chromium';

// The server in demo mode on the built console, its data in a temporary directory of its own.
const server = await startTestServer({ apiOnly: false });
const executablePath = (await findChromium()) ?? undefined;
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 620 } });
await page.goto(`${server.origin}/sign-in`);
await page.getByRole('button', { name: /Ana Ortiz/ }).click();
await page.getByRole('table', { name: /queues/i }).waitFor();
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
await server.close();
server.remove();
console.log('wrote docs/screenshot.png');
