import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const scan = async (page: Parameters<Parameters<typeof test>[2]>[0]['page']) =>
  (
    await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
  ).violations;

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
