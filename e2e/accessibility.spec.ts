import { axeViolations as scan, expect, test } from './fixtures';

test('the sign-in screen has no axe violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /Ana Ortiz/ })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

for (const role of ['analyst', 'auditor'] as const) {
  test(`the dashboard has no axe violations for the ${role}`, async ({ page, signInAs }) => {
    await signInAs(role);
    await expect(page.getByRole('table', { name: /queues/i })).toBeVisible();
    expect(await scan(page)).toEqual([]);
  });
}
