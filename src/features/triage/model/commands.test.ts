import { expect, test } from 'vitest';
import type { FlaggedItem } from '../../../api/schemas/item';
import { generateData } from '../../../server/demo/generator';
import { commandForKey, commands } from '../../../shared/shortcuts/model/command-list';
import { decisionBlocker, isAllowed, type CommandContext } from './commands';

const [generated] = generateData({ seed: 4, items: 3, now: new Date(), leaseSeconds: 300 }).items;
if (!generated) throw new Error('no item');
const pending: FlaggedItem = { ...generated, status: 'pending', lease: null };
const confirm = commands.find((c) => c.id === 'confirm');
if (!confirm) throw new Error('no confirm command');
const context = (over: Partial<CommandContext>): CommandContext => ({
  role: 'analyst',
  userId: 'usr_ana',
  reviewedBy: [],
  item: pending,
  heldByMe: true,
  windowId: 'win-this-tab-1',
  ...over,
});

test('an analyst or supervisor holding a pending item may decide it', () => {
  expect(isAllowed(confirm, context({}))).toBe(true);
  expect(isAllowed(confirm, context({ role: 'supervisor' }))).toBe(true);
});

test('an auditor never may, and is told so', () => {
  expect(isAllowed(confirm, context({ role: 'auditor' }))).toBe(false);
  expect(decisionBlocker(context({ role: 'auditor' }))).toBe('An auditor does not decide items.');
});

test('an item someone else holds, or already decided, may not be decided', () => {
  const held = {
    ...pending,
    lease: {
      holderId: 'usr_ben',
      holderName: 'Ben Okafor',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      window: null,
    },
  };
  expect(decisionBlocker(context({ item: held, heldByMe: false }))).toBe('Held by Ben Okafor.');
  expect(decisionBlocker(context({ item: { ...pending, status: 'confirmed' } }))).toBe(
    'This item is already decided.',
  );
});

test('my own lease in another window is mine, and taken over here before deciding', () => {
  const lease = (window: string | null) => ({
    holderId: 'usr_ana',
    holderName: 'Ana Ortiz',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    window,
  });
  const elsewhere = { ...pending, lease: lease('win-other-tab-2') };
  expect(decisionBlocker(context({ item: elsewhere, heldByMe: false }))).toBe(
    'Held by you in another window: take it over here to decide it.',
  );
  // Held here already (a reload), or in no window: this window's claim is on its way.
  for (const here of [lease('win-this-tab-1'), lease(null)])
    expect(decisionBlocker(context({ item: { ...pending, lease: here }, heldByMe: false }))).toBe(
      'Claiming the item…',
    );
});

test('an item the selection has just left decides nothing, even though it is held', () => {
  expect(decisionBlocker(context({ superseded: true }))).toBe('Opening the selected item…');
  expect(isAllowed(confirm, context({ superseded: true }))).toBe(false);
});

test('an item whose decision is still being sent cannot be decided a second time', () => {
  expect(decisionBlocker(context({ sending: true }))).toBe(
    'Your decision on this item is being sent.',
  );
});

test('help is always available', () => {
  const help = commands.find((c) => c.id === 'help');
  if (!help) throw new Error('no help');
  expect(isAllowed(help, context({ role: 'auditor', item: undefined }))).toBe(true);
});

test('keys map to commands; digits choose a dismissal reason only in the dismiss menu', () => {
  expect(commandForKey('c', false)?.id).toBe('confirm');
  expect(commandForKey('1', false)).toBeUndefined();
  expect(commandForKey('1', true)?.id).toBe('dismiss:adult_content');
  expect(
    new Set(commands.flatMap((c) => c.keys.map((k) => `${k}:${String(c.inDismissMenu)}`))).size,
  ).toBe(commands.flatMap((c) => c.keys).length);
});

test('the review an item waits for decides who may make it, and how', () => {
  const second = { ...pending, status: 'awaiting_second_review' as const };
  expect(decisionBlocker(context({ item: second, reviewedBy: ['usr_ana'] }))).toMatch(
    /someone else/,
  );
  expect(decisionBlocker(context({ item: second, reviewedBy: ['usr_ben'] }))).toBeNull();
  const escalated = { ...pending, status: 'escalated' as const };
  expect(decisionBlocker(context({ item: escalated }))).toBe(
    'Escalated items are decided by a supervisor.',
  );
  const escalate = commands.find((c) => c.id === 'escalate');
  if (!escalate) throw new Error('no escalate command');
  const supervisor = context({ item: escalated, role: 'supervisor', userId: 'usr_sasha' });
  expect(isAllowed(confirm, supervisor)).toBe(true);
  expect(isAllowed(escalate, supervisor)).toBe(false);
});
