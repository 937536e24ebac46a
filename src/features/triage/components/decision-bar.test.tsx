// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { endpoints } from '../../../api/endpoints';
import { DecisionOutbox } from '../../../shared/outbox/components/decision-outbox';
import { freePendingItem } from '../../../test/backend-state';
import { renderComponent } from '../../../test/render-component';
import { signInForTest, testBackend } from '../../../test/test-backend';
import { DecisionPanel } from './decision-panel';

/** The decision bar of a free pending item, as the workspace shows it to `userId`. */
async function openDecisionBar(userId: string, itemId: string) {
  const { user: signedIn } = await signInForTest(userId);
  const rendered = renderComponent(
    <>
      <DecisionPanel
        itemId={itemId}
        user={signedIn}
        selectionStore={createStore(() => ({ selected: itemId }))}
        onDecided={() => {}}
      />
      <DecisionOutbox userId={signedIn.id} />
    </>,
  );
  const bar = await screen.findByRole('region', { name: 'Decision' });
  return { ...rendered, bar };
}

/** A free pending item's decision bar, once the analyst holds the item. */
async function holdAndOpen() {
  const item = await freePendingItem();
  const opened = await openDecisionBar('usr_ana', item.id);
  await screen.findByText(/^Held by you until/);
  const dismiss = within(opened.bar).getByRole('button', { name: /^Dismiss…/ });
  await waitFor(() => expect(dismiss).toBeEnabled());
  return { ...opened, item, dismiss };
}

/** Confirm, Dismiss… and Escalate. */
const decisionButtons = (bar: HTMLElement): [HTMLElement, HTMLElement, HTMLElement] => [
  within(bar).getByRole('button', { name: /^Confirm/ }),
  within(bar).getByRole('button', { name: /^Dismiss…/ }),
  within(bar).getByRole('button', { name: 'Escalate' }),
];

/** The item's decisions as the server recorded them. */
async function recordedVerdicts(itemId: string) {
  const sasha = await (await testBackend()).signIn('usr_sasha');
  const detail = endpoints.getItem.response.parse(
    await (await sasha.get(`/api/items/${itemId}`)).json(),
  );
  return detail.decisions.map((d) => d.verdict);
}

/** The person is told of the dismissal, the server records it, and nothing is left to send. */
async function expectDismissed(itemId: string, label: string, reason: string) {
  expect(await screen.findByText(`Dismissed: ${label}`, { exact: false })).toBeInTheDocument();
  await waitFor(async () =>
    expect(await recordedVerdicts(itemId)).toEqual([{ kind: 'dismiss', reason }]),
  );
  await waitFor(() => expect(screen.queryByText(/waiting to send/)).toBeNull());
}

test('an analyst holding the item sees what they can do, each a named control', async () => {
  const { bar, user } = await holdAndOpen();
  const [confirm, dismiss, escalate] = decisionButtons(bar);
  expect(confirm).toBeEnabled();
  expect(dismiss).toBeEnabled();
  expect(within(bar).getByRole('combobox', { name: 'Classification' })).toBeEnabled();
  expect(within(bar).getByRole('textbox', { name: 'Note (optional)' })).toBeEnabled();
  // Escalating needs a reason first.
  expect(escalate).toBeDisabled();
  await user.type(within(bar).getByRole('textbox', { name: /^Escalation reason/ }), 'Unsure');
  expect(escalate).toBeEnabled();
  expect(within(bar).getByRole('button', { name: /^Shortcuts/ })).toBeEnabled();
});

test('Dismiss… asks for a reason and decides nothing until one is chosen; the reason is recorded', async () => {
  const { bar, user, item, dismiss } = await holdAndOpen();
  expect(dismiss).toHaveAttribute('aria-expanded', 'false');
  expect(within(bar).queryByRole('group', { name: 'Dismiss reason' })).toBeNull();

  await user.click(dismiss);
  expect(dismiss).toHaveAttribute('aria-expanded', 'true');
  const menu = within(bar).getByRole('group', { name: 'Dismiss reason' });
  const reasons = within(menu).getAllByRole('button');
  expect(reasons.map((b) => b.textContent)).toEqual([
    expect.stringContaining('Adult content'),
    expect.stringContaining('Non-sexual image of a minor'),
    expect.stringContaining('Non-photographic'),
    expect.stringContaining('Hash collision'),
    expect.stringContaining('Classifier or rule misfire'),
    expect.stringContaining('Other (needs a note)'),
    expect.stringContaining('Duplicate'),
    expect.stringContaining('Unusable media'),
  ]);
  expect(await recordedVerdicts(item.id)).toEqual([]);

  await user.click(within(menu).getByRole('button', { name: /Hash collision/ }));
  await expectDismissed(item.id, 'Hash collision', 'hash_collision');
});

test('“Other” as a reason needs a note: without one nothing is decided and the note is asked for', async () => {
  const { bar, user, item, dismiss } = await holdAndOpen();
  await user.click(dismiss);
  await user.click(
    within(within(bar).getByRole('group', { name: 'Dismiss reason' })).getByRole('button', {
      name: /Other/,
    }),
  );
  expect(within(bar).getByText(/needs a note/)).toBeInTheDocument();
  expect(within(bar).getByRole('textbox', { name: 'Note (optional)' })).toHaveFocus();
  expect(await recordedVerdicts(item.id)).toEqual([]);
});

test('from the keyboard: d opens the reasons, Escape closes them, a digit chooses one', async () => {
  const { bar, user, item, dismiss } = await holdAndOpen();

  await user.keyboard('d');
  expect(within(bar).getByRole('group', { name: 'Dismiss reason' })).toBeInTheDocument();
  expect(dismiss).toHaveAttribute('aria-expanded', 'true');
  await user.keyboard('{Escape}');
  expect(within(bar).queryByRole('group', { name: 'Dismiss reason' })).toBeNull();

  // Typed into a field, the same keys are text.
  await user.type(within(bar).getByRole('textbox', { name: 'Note (optional)' }), 'd1');
  expect(within(bar).queryByRole('group', { name: 'Dismiss reason' })).toBeNull();
  await user.click(screen.getByText(/^Held by you until/)); // out of the field

  await user.keyboard('d');
  await user.keyboard('1');
  await expectDismissed(item.id, 'Adult content', 'adult_content');
});

test('an item someone else holds cannot be decided here, and the bar says who holds it', async () => {
  const item = await freePendingItem();
  const ben = await (await testBackend()).signIn('usr_ben');
  expect(
    (await ben.send('POST', `/api/items/${item.id}/claim?window=win-ben-elsewhere`)).status,
  ).toBe(200);
  const { bar } = await openDecisionBar('usr_ana', item.id);
  expect(await within(bar).findByText('Held by Ben Okafor.')).toBeInTheDocument();
  for (const button of decisionButtons(bar)) expect(button).toBeDisabled();
  expect(within(bar).getByRole('combobox', { name: 'Classification' })).toBeDisabled();
  expect(within(bar).getByRole('textbox', { name: 'Note (optional)' })).toBeDisabled();
});

test('an auditor is told they do not decide items, and every decision control is disabled', async () => {
  const item = await freePendingItem();
  const { bar, user } = await openDecisionBar('usr_alex', item.id);
  expect(within(bar).getByText('An auditor does not decide items.')).toBeInTheDocument();
  for (const button of decisionButtons(bar)) expect(button).toBeDisabled();
  await user.keyboard('d');
  expect(within(bar).queryByRole('group', { name: 'Dismiss reason' })).toBeNull();
});
