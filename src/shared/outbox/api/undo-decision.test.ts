// @vitest-environment jsdom
import { beforeEach, expect, test, vi } from 'vitest';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import { nextToSend, useOutbox } from '../model/outbox';
import { useRecentDecision } from '../model/recent-decision';
import { undoLastDecision } from './undo-decision';

const request: DecisionRequest = {
  verdict: { kind: 'dismiss', reason: 'adult_content' },
  note: null,
  itemVersion: 3,
  idempotencyKey: 'key-undo-0001',
  madeBy: 'usr_ana',
};

beforeEach(() => {
  localStorage.clear();
  useOutbox.setState({ entries: [] });
  const made = { key: request.idempotencyKey, itemId: 'itm_1', madeAt: 10_000 };
  useOutbox
    .getState()
    .put({ ...made, version: 2, userId: 'usr_ana', request, state: 'retrying', attempts: 1 });
  useRecentDecision.getState().made({ ...made, verdict: request.verdict });
});

test('a decision still in the outbox is undone by never sending it, once however often asked', () => {
  expect(undoLastDecision(12_000)).toBe(true);
  const [entry] = useOutbox.getState().entries;
  expect(entry?.state).toBe('undone');
  expect(nextToSend(useOutbox.getState().entries, 12_000)).toBeNull();
  expect(useRecentDecision.getState()).toMatchObject({
    last: null,
    outcome: { itemId: 'itm_1', ok: true },
  });
  expect(undoLastDecision(12_100)).toBe(false);
});

test('once the offer has passed there is nothing to undo, and the decision stays to be sent', () => {
  expect(undoLastDecision(10_000 + UNDO_OFFER_SECONDS * 1000 + 1)).toBe(false);
  expect(useOutbox.getState().entries[0]?.state).toBe('retrying');
});

test('a decision whose answer could not be read is taken back on the server, not just forgotten', async () => {
  const [entry] = useOutbox.getState().entries;
  if (!entry) throw new Error('no entry');
  useOutbox.getState().replace({ ...entry, state: 'checking' });
  expect(undoLastDecision(12_000)).toBe(true);
  expect(useOutbox.getState().entries).toEqual([]);
  // The server was asked (and, signed out here, said so): the outcome is the server's.
  await vi.waitFor(
    () =>
      expect(useRecentDecision.getState().outcome).toMatchObject({ itemId: 'itm_1', ok: false }),
    { timeout: 10_000 },
  );
});
