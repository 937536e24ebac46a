import { guardContext } from './guard';
import { expect, test } from './fixtures';

test('the guard reports CSP violations, dialogs, unseen workers and foreign requests in every page of a context', async ({
  browser,
  baseURL,
}) => {
  // eslint-disable-next-line no-restricted-syntax -- this context is the guard's own subject
  const context = await browser.newContext();
  const problems: string[] = [];
  await guardContext(
    context,
    new URL(baseURL ?? '').origin,
    { allowedFailedStatuses: [], allowOffline: false },
    problems,
  );
  await context.newPage();
  const second = await context.newPage();
  await second.goto('/sign-in');
  await expect(second.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
  expect(problems).toEqual([]);

  await second.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.alert("third-party script ran")';
    document.body.append(script);
    window.alert('a dialog');
    new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
  });
  const third = await context.newPage();
  await expect(third.goto('https://fonts.example/font.woff2')).rejects.toThrow();
  await expect
    .poll(() => problems)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\[page 2: [^\]]+\] console\.error: Content-Security-Policy violation: script-src-elem blocked inline/,
        ),
        expect.stringMatching(/^\[page 2: [^\]]+\] dialog opened: a dialog$/),
        expect.stringMatching(/^\[page 2: [^\]]+\] a worker the CSP guard cannot see into: blob:/),
        expect.stringMatching(
          /^\[page 3: [^\]]+\] request outside the console's origin: https:\/\/fonts\.example\/font\.woff2$/,
        ),
      ]),
    );
  await context.close();
});
