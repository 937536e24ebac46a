/** `npm run screenshot`: regenerates docs/screenshot.png from the demo (run `npm run build` first). */
import { chromium } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { createMockApp, listen } from '../src/mocks/server';
import { findChromium } from './find-chromium';

const server = await listen(createMockApp().app, 0, '127.0.0.1');
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const executablePath = (await findChromium()) ?? undefined;
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 620 } });
await page.goto(`${origin}/sign-in`);
await page.getByRole('button', { name: /Ana Ortiz/ }).click();
await page.getByRole('table', { name: /queues/i }).waitFor();
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
server.close();
console.log('wrote docs/screenshot.png');
