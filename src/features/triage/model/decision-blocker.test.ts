import { expect, test } from 'vitest';
import type { FlaggedItem } from '../../../api/schemas/item';
import { generateData } from '../../../server/demo/generator';
import { decisionBlocker, type DecisionState } from './decision-blocker';

const [generated] = generateData({ seed: 4, items: 3, now: new Date(), leaseSeconds: 300 }).items;
if (!generated) throw new Error('no item');
const pending: FlaggedItem = { ...generated, status: 'pending', lease: null };
const context = (over: Partial<DecisionState>): DecisionState => ({
  role: 'analyst',
  userId: 'usr_ana',
  reviewedBy: [],
  item: pending,
  heldByMe: true,
  windowId: 'win-this-tab-1',
  ...over,
});

test('an analyst or supervisor holding a pending item may decide it', () => {
  expect(decisionBlocker(context({}))).toBeNull();
  expect(decisionBlocker(context({ role: 'supervisor' }))).toBeNull();
});

test('an auditor never may, and is told so', () => {
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
});

test('an item whose decision is still being sent cannot be decided a second time', () => {
  expect(decisionBlocker(context({ sending: true }))).toBe(
    'Your decision on this item is being sent.',
  );
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
  expect(
    decisionBlocker(context({ item: escalated, role: 'supervisor', userId: 'usr_sasha' })),
  ).toBeNull();
});
