import { demoUser, expect, test, type DemoRole } from './fixtures';

const roles: DemoRole[] = [
  'analyst',
  'second analyst',
  'supervisor',
  'second supervisor',
  'auditor',
];

for (const role of roles) {
  const user = demoUser(role);
  // Auditors read queues but hold nothing: no triage entry points.
  const heldColumns = user.role === 'auditor' ? 0 : 1;
  // Everyone reads reports (auditors only read); auditors and supervisors read the audit log;
  // only supervisors read insights; everyone has their own settings.
  const sections = [
    'Queues',
    'All items',
    'Reports',
    ...(user.role === 'analyst' ? [] : ['Audit log']),
    ...(user.role === 'supervisor' ? ['Insights'] : []),
    'Settings',
  ];

  test(`the ${role} signs in and sees their name, role and navigation`, async ({
    page,
    signInAs,
  }) => {
    await signInAs(role);
    const header = page.getByRole('banner');
    await expect(header).toContainText(`${user.name} (${user.role})`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(sections);
    const table = page.getByRole('table', { name: /queues/i });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Held by me' })).toHaveCount(heldColumns);
  });
}

test('every demo user is offered on the sign-in screen by name and role', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  for (const role of roles) {
    const user = demoUser(role);
    await expect(page.getByRole('button', { name: `${user.name} ${user.role}` })).toBeVisible();
  }
});

test('signing in works from the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  const supervisor = demoUser('supervisor');
  const button = page.getByRole('button', { name: new RegExp(supervisor.name) });
  await expect(button).toBeVisible();
  // The demo users are the page's only controls, in order: the supervisor is the third.
  for (let presses = 0; presses < 3; presses++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner')).toContainText(`${supervisor.name} (supervisor)`);
});

test('signing out returns to sign-in and the API no longer answers for that browser', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  const response = await page.request.get('/api/queues');
  expect(response.status()).toBe(401);
});

test('after sign-in the user returns to the page they asked for', async ({ page }) => {
  await page.goto('/?from=link');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await page.getByRole('button', { name: new RegExp(demoUser('analyst').name) }).click();
  await expect(page).toHaveURL(/\/\?from=link$/);
});

test('when another tab signs in as someone else, this tab follows on focus and keeps nothing of the first user', async ({
  context,
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const otherTab = await context.newPage();
  await otherTab.goto('/');
  await otherTab.getByRole('button', { name: 'Sign out', exact: true }).click();
  await otherTab.getByRole('button', { name: /Ben Okafor/ }).click();
  await expect(otherTab.getByRole('banner')).toContainText('Ben Okafor (analyst)');
  // The first tab regains focus.
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByRole('banner')).toContainText('Ben Okafor (analyst)');
  await expect(page.getByRole('banner')).not.toContainText('Ana Ortiz');
});
