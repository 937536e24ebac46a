import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a
 * browser Playwright installed itself. Returns null when there is none.
 */
export async function findChromium(): Promise<string | null> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

export const howToGetChromium = [
  'No Chromium found for the browser tests. Any one of these fixes it:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
  '  - any Chromium or Chrome already installed: export CHROMIUM_PATH=/path/to/chromium',
  '  - with internet access: npx playwright install chromium',
].join('\n');
